using System.Collections.Immutable;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Localization;
using Stackwise.Web.Seo;
using Stackwise.Web.Site;

namespace Stackwise.Web.Pages.Articles;

public sealed class ArticleModel(ContentSnapshot snapshot, IOptions<SiteOptions> site, IStringLocalizer<SiteText> text) : PageModel, IHasPageMeta
{
    private Article? _article;

    public Article Article => _article ?? throw new InvalidOperationException("The article is only set once OnGet has found it.");

    public ImmutableArray<Article> Related { get; private set; } = [];

    /// <summary>The writers the article names that exist, in its order.</summary>
    public ImmutableArray<Person> Authors { get; private set; } = [];

    public Person? Reviewer { get; private set; }

    /// <summary>Due on the snapshot's day: the content reloads itself when a review date passes (<see
    /// cref="ContentVisibility.ChangesOn"/>).</summary>
    public bool IsDueForReview => Article.Dates.IsDueForReview(snapshot.Visibility.Today);

    /// <summary>A draft or scheduled article, served only as a Development preview.</summary>
    public bool IsPreview { get; private set; }

    public PageMeta Meta => new(Article.Title, Article.Summary, IsPreview ? null : Article.Url)
    {
        Article = new ArticleMeta(Article.Dates.Published, Article.Dates.Modified, Article.Category.Name),
        StructuredData = StructuredData.ForArticle(Article, Authors, Reviewer, site.Value, text["Breadcrumb.Home"]),
    };

    public IActionResult OnGet(string section, string slug)
    {
        if (snapshot.FindArticle(section, slug) is not { } article)
        {
            return NotFound();
        }
        Show(article);
        return Page();
    }

    /// <summary>Reads what the page shows of <paramref name="article"/>: its people, related articles, whether it is public.</summary>
    public void Show(Article article)
    {
        _article = article;
        Related = snapshot.RelatedTo(article);
        Authors = snapshot.PeopleNamed(article.Authors);
        Reviewer = article.ReviewedBy is { } reviewedBy ? snapshot.PeopleNamed([reviewedBy]).FirstOrDefault() : null;
        IsPreview = !snapshot.IsPublic(article);
    }
}

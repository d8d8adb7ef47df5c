using System.Collections.Immutable;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Seo;
using Stackwise.Web.Site;

namespace Stackwise.Web.Pages.Articles;

public sealed class ArticleModel(ContentSnapshot snapshot, TimeProvider time, IOptions<SiteOptions> site) : PageModel, IHasPageMeta
{
    private Article? _article;

    public Article Article => _article ?? throw new InvalidOperationException("The article is only set once OnGet has found it.");

    public ImmutableArray<Article> Related { get; private set; } = [];

    /// <summary>The writers the article names that exist, in its order.</summary>
    public ImmutableArray<Person> Authors { get; private set; } = [];

    public Person? Reviewer { get; private set; }

    public bool IsDueForReview => Article.Dates.IsDueForReview(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));

    /// <summary>A draft or scheduled article, served only as a Development preview.</summary>
    public bool IsPreview { get; private set; }

    public PageMeta Meta => new(Article.Title, Article.Summary, IsPreview ? null : Article.Url)
    {
        Article = new ArticleMeta(Article.Dates.Published, Article.Dates.Modified, Article.Category.Name),
        StructuredData = StructuredData.ForArticle(Article, Authors, Reviewer, site.Value),
    };

    public IActionResult OnGet(string section, string slug)
    {
        _article = snapshot.FindArticle(section, slug);
        if (_article is null)
        {
            return NotFound();
        }
        (Related, Authors, Reviewer, var isPublic) = ArticlePageInputs.Read(snapshot, _article);
        IsPreview = !isPublic;
        return Page();
    }
}

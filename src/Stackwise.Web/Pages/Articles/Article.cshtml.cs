using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stackwise.Web.Content;

namespace Stackwise.Web.Pages.Articles;

public sealed class ArticleModel(ContentStore content) : PageModel, IHasPageMeta
{
    private Article? _article;

    public Article Article => _article ?? throw new InvalidOperationException("The article is only set once OnGet has found it.");

    public PageMeta Meta => new(Article.Title, Article.Summary);

    public IActionResult OnGet(string section, string slug)
    {
        _article = content.Current.FindArticle(section, slug);
        return _article is null ? NotFound() : Page();
    }
}

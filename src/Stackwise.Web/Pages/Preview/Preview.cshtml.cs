using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Hardening;
using Stackwise.Web.Localization;
using Stackwise.Web.Pages.Articles;
using Stackwise.Web.Seo;
using Stackwise.Web.Site;

namespace Stackwise.Web.Pages.Preview;

/// <summary>
/// A draft or scheduled article for a medical reviewer with a signed link (<c>preview</c> prints one): the article page
/// with its draft banner, <c>noindex</c>, never stored by a browser or a cache, and never kept by the response cache.
/// Anything but a valid, unexpired link to an unpublished article answers exactly what an unknown address answers;
/// a link to an article published since goes to its page.
/// </summary>
[NotContentCached]
[EnableRateLimiting(HardeningServices.PreviewPolicy)]
public sealed class PreviewModel(ContentSnapshot snapshot, IOptions<SiteOptions> site, TimeProvider time, IStringLocalizer<SiteText> text) : PageModel, IHasPageMeta
{
    private ArticleModel? _article;

    public ArticleModel Article => _article ?? throw new InvalidOperationException("The article is only set once OnGet has found it.");

    public PageMeta Meta => Article.Meta;

    public IActionResult OnGet(string token)
    {
        // Unrecorded: the keys a response read go out as its Surrogate-Key, and a refused link's 404 must not differ from
        // any other 404 by what the lookup touched (that would tell a guesser which tokens were signed).
        var (article, isPublic) = ContentReads.Unrecorded(() =>
            PreviewTokens.TryRead(token, site.Value.PreviewKey, time.GetUtcNow(), out var url) && Unpublished(url) is { } found
                ? (found, snapshot.IsPublicUnrecorded(found))
                : (null, false));
        if (article is null)
        {
            return NotFound();
        }
        if (isPublic)
        {
            return Redirect(SitePaths.Escape(article.Url));
        }
        _article = new ArticleModel(snapshot, site, text);
        _article.Show(article);
        Response.Headers.CacheControl = "private, no-store";
        Response.Headers["X-Robots-Tag"] = "noindex";
        return Page();
    }

    /// <summary>The article at <paramref name="url"/> by its file, which a Production snapshot keeps for drafts too.</summary>
    private Article? Unpublished(string url) =>
        ContentPath.MarkdownExtensions
            .Select(extension => ContentPath.TryParse(url.TrimStart('/') + extension, out var path, out _) && path.Url == url ? path.File : null)
            .Select(file => file is null ? null : snapshot.ByFile.GetValueOrDefault(file) as Article)
            .FirstOrDefault(article => article is not null);
}

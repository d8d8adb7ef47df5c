using System.Collections.Frozen;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Rendering;
using Stackwise.Web.Site;

namespace Stackwise.Web.Content.Checks;

/// <summary>
/// Checks of the markdown body. They are warnings: a broken link or an untidy outline is worth fixing but
/// must not take a page (or, when a linked page is deleted, every page linking to it) off the site.
/// </summary>
public static class BodyChecks
{
    private const string ImagesFolder = SiteRoutes.ImagesFolder;

    private static readonly string[] SafeSchemes = ["http", "https", "mailto", "tel"];

    /// <summary>Site paths that are not content but are always served.</summary>
    private static readonly FrozenSet<string> FixedPaths = SiteRoutes.CrawlFiles.ToFrozenSet(StringComparer.Ordinal);

    public static void CheckHeadings(ContentPath path, RenderedMarkdown rendered, List<ContentProblem> problems)
    {
        var previousLevel = 1;
        foreach (var heading in rendered.Headings)
        {
            if (heading.Level == 1)
            {
                problems.Add(ContentProblem.Warning(path.File, heading.Position, ProblemCodes.HeadingOneInBody,
                    $"heading `{heading.Text}` uses `#`; the title is the page's only top heading, so start sections with `##`"));
            }
            else if (heading.Level > previousLevel + 1)
            {
                problems.Add(ContentProblem.Warning(path.File, heading.Position, ProblemCodes.SkippedHeadingLevel,
                    $"heading `{heading.Text}` skips from level {previousLevel} to {heading.Level}; use `{new string('#', previousLevel + 1)}`"));
            }
            previousLevel = heading.Level;
        }
        foreach (var heading in rendered.EmptySections)
        {
            problems.Add(ContentProblem.Warning(path.File, heading.Position, ProblemCodes.EmptySection, $"section `{heading.Text}` has no text"));
        }
    }

    /// <summary>Links to site paths and anchors that exist, and images that exist in <c>content/images/</c>.</summary>
    public static void CheckLinks(ContentDocument document, LinkTargets targets, IReadOnlySet<string> images, List<ContentProblem> problems)
    {
        foreach (var link in document.Links)
        {
            if (!TryResolve(document.Url, link.Url, out var target, out var anchor))
            {
                continue;
            }
            if (link.IsImage)
            {
                var isImage = target.StartsWith($"/{ImagesFolder}/", StringComparison.Ordinal) && images.Contains(target[(ImagesFolder.Length + 2)..]);
                if (!isImage)
                {
                    problems.Add(ContentProblem.Warning(document.Path.File, link.Position, ProblemCodes.MissingImage,
                        $"image `{link.Url}` does not exist; put images in content/{ImagesFolder}/ and write `/{ImagesFolder}/name.png`"));
                }
                continue;
            }

            var normalized = SitePaths.Normalize(target) ?? target;
            if (targets.Moved.TryGetValue(normalized, out var moved))
            {
                problems.Add(ContentProblem.Warning(document.Path.File, link.Position, ProblemCodes.LinkToOldPath,
                    $"link `{link.Url}` goes to an old path of `{moved}`; link to `{moved}` instead"));
            }
            else if (!targets.ServedPaths.Contains(target) && !FixedPaths.Contains(target))
            {
                problems.Add(ContentProblem.Warning(document.Path.File, link.Position, ProblemCodes.BrokenLink, $"link `{link.Url}` goes to `{target}`, which is not a page of the site"));
            }
            else if (anchor is not null && !AnchorsOf(targets.ByUrl.GetValueOrDefault(target)).Contains(anchor))
            {
                problems.Add(ContentProblem.Warning(document.Path.File, link.Position, ProblemCodes.BrokenLink, $"link `{link.Url}`: `{target}` has no section `#{anchor}`"));
            }
        }
    }

    /// <summary>The paths of the site the document's links go to (no images), as written and normalized: what its link
    /// checks look up.</summary>
    public static IEnumerable<string> LinkedPaths(ContentDocument document)
    {
        foreach (var link in document.Links)
        {
            if (!link.IsImage && TryResolve(document.Url, link.Url, out var target, out _))
            {
                yield return target;
                if (SitePaths.Normalize(target) is { } normalized && normalized != target)
                {
                    yield return normalized;
                }
            }
        }
    }

    /// <summary>Links and images may only use schemes that run nothing: a <c>javascript:</c> link is an error.</summary>
    public static void CheckLinkSchemes(ContentPath path, RenderedMarkdown rendered, List<ContentProblem> problems)
    {
        foreach (var link in rendered.Links)
        {
            var scheme = SchemeOf(link.Url);
            if (scheme is not null && !SafeSchemes.Contains(scheme))
            {
                problems.Add(ContentProblem.Error(path.File, link.Position, ProblemCodes.UnsafeLink,
                    $"{(link.IsImage ? "image" : "link")} uses the `{scheme}:` scheme; only http, https, mailto and tel links and site paths are allowed"));
            }
        }
    }

    /// <summary>The lowercase URL scheme, ignoring the whitespace and control characters browsers ignore.</summary>
    private static string? SchemeOf(string url)
    {
        var cleaned = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        var colon = cleaned.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return null;
        }
        var beforeColon = cleaned[..colon];
        return beforeColon.Contains('/', StringComparison.Ordinal) || beforeColon.Contains('?', StringComparison.Ordinal) || beforeColon.Contains('#', StringComparison.Ordinal)
            ? null
            : beforeColon.ToLowerInvariant();
    }

    /// <summary>The site path and anchor a link points to, relative links resolved against the page; false for other sites.</summary>
    private static bool TryResolve(string pageUrl, string url, out string target, out string? anchor)
    {
        target = "";
        anchor = null;
        if (url.Length == 0 || url.StartsWith("//", StringComparison.Ordinal) || url.Contains(':', StringComparison.Ordinal))
        {
            return false;
        }
        var resolved = new Uri(new Uri("http://site" + pageUrl), url);
        target = Uri.UnescapeDataString(resolved.AbsolutePath);
        anchor = resolved.Fragment.Length > 1 ? Uri.UnescapeDataString(resolved.Fragment[1..]) : null;
        return true;
    }

    /// <summary>The section anchors a link to the document may name.</summary>
    internal static IEnumerable<string> AnchorsOf(ContentDocument? document) => document switch
    {
        Article article => article.TableOfContents("", "").Concat(article.Headings).Select(heading => heading.Id),
        not null => document.Headings.Select(heading => heading.Id),
        null => [],
    };
}

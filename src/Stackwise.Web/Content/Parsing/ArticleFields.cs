using System.Collections.Immutable;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Site;

namespace Stackwise.Web.Content.Parsing;

/// <summary>
/// The fields of a content file that need more than their type checked, for <see cref="ContentParser"/>: the category's
/// name, the dates in order, the shared picture with its alt text, and the aliases (site paths, not the page's own, not
/// the site's).
/// </summary>
internal static class ArticleFields
{
    public static Category? ReadCategory(ContentPath path, FrontMatter frontMatter, List<ContentProblem> problems)
    {
        var name = frontMatter.Text("category", FrontMatterField.TitleMaxLength);
        if (name is null)
        {
            return null;
        }
        var category = Category.FromName(name, path.Language);
        if (category is null)
        {
            problems.Add(ContentProblem.Error(path.File, frontMatter.PositionOf("category"), ProblemCodes.InvalidValue,
                $"field `category` must contain letters or digits (got `{name}`)"));
        }
        return category;
    }

    public static ArticleDates? ReadDates(ContentPath path, FrontMatter frontMatter, List<ContentProblem> problems)
    {
        var published = frontMatter.Date("published", required: true);
        var updated = frontMatter.Date("updated", required: false);
        var lastReviewed = frontMatter.Date("lastReviewed", required: false);
        var nextReview = frontMatter.Date("nextReview", required: false);

        NotBefore("updated", updated, "published", published);
        NotBefore("nextReview", nextReview, "lastReviewed", lastReviewed);
        return published is null ? null : new ArticleDates(published.Value, updated, lastReviewed, nextReview);

        void NotBefore(string later, DateOnly? laterDate, string earlier, DateOnly? earlierDate)
        {
            if (laterDate < earlierDate)
            {
                problems.Add(ContentProblem.Error(path.File, frontMatter.PositionOf(later), ProblemCodes.InvalidValue,
                    $"field `{later}` ({laterDate:yyyy-MM-dd}) is before `{earlier}` ({earlierDate:yyyy-MM-dd})"));
            }
        }
    }

    /// <summary><c>image</c>, a file under content/images/ of a type social sites show, and its required <c>imageAlt</c>.</summary>
    public static ShareImage? ReadImage(ContentPath path, FrontMatter frontMatter, List<ContentProblem> problems)
    {
        var file = frontMatter.Text("image", FrontMatterField.AliasMaxLength, required: false);
        var alt = frontMatter.Text("imageAlt", FrontMatterField.HealthRiskMaxLength, required: false);
        if (file is null)
        {
            if (alt is not null)
            {
                problems.Add(ContentProblem.Error(path.File, frontMatter.PositionOf("imageAlt"), ProblemCodes.InvalidValue,
                    "field `imageAlt` describes `image`; add `image` or remove `imageAlt`"));
            }
            return null;
        }
        var relative = file.StartsWith($"/{SiteRoutes.ImagesFolder}/", StringComparison.Ordinal) ? file[(SiteRoutes.ImagesFolder.Length + 2)..] : file;
        if (relative.Length == 0 || relative.StartsWith('/') || relative.Split('/').Any(segment => segment is "" or "." or "..")
            || !ShareImage.Types.ContainsKey(System.IO.Path.GetExtension(relative)))
        {
            problems.Add(ContentProblem.Error(path.File, frontMatter.PositionOf("image"), ProblemCodes.InvalidValue,
                $"field `image` must name a {string.Join(", ", ShareImage.Types.Keys)} file in content/{SiteRoutes.ImagesFolder}/, like `ketamine-card.png` (got `{file}`)"));
            return null;
        }
        if (alt is null)
        {
            if (!frontMatter.IsInvalid("imageAlt"))
            {
                problems.Add(ContentProblem.Error(path.File, frontMatter.PositionOf("image"), ProblemCodes.ImageWithoutAlt,
                    "field `image` needs `imageAlt`: what the picture shows, for readers who cannot see it"));
            }
            return null;
        }
        return new ShareImage(relative, alt, frontMatter.PositionOf("image"));
    }

    public static ImmutableArray<string> ReadAliases(ContentPath path, FrontMatter frontMatter, List<ContentProblem> problems)
    {
        var aliases = ImmutableArray.CreateBuilder<string>();
        foreach (var (alias, position) in frontMatter.TextListItems("aliases", FrontMatterField.AliasMaxLength))
        {
            var normalized = SitePaths.Normalize(alias);
            if (normalized is null)
            {
                problems.Add(ContentProblem.Error(path.File, position, ProblemCodes.InvalidValue,
                    $"alias `{alias}` must be a site path starting with `/`, with no spaces, `?` or `#`, like `/old/page-name`"));
            }
            else if (normalized == path.Url)
            {
                problems.Add(ContentProblem.Error(path.File, position, ProblemCodes.InvalidValue,
                    $"alias `{alias}` is the page's own URL"));
            }
            else if (SitePaths.IsReserved(normalized))
            {
                problems.Add(ContentProblem.EntryError(path.File, position, ProblemCodes.ReservedPath,
                    $"alias `{alias}` is a path the site itself answers; it is ignored (choose the old URL of this page instead)"));
            }
            else if (!aliases.Contains(normalized))
            {
                aliases.Add(normalized);
            }
        }
        return aliases.ToImmutable();
    }
}

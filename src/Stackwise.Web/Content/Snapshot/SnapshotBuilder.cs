using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Collections.ObjectModel;
using System.Runtime.InteropServices;
using Stackwise.Web.Content.Checks;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Rendering;
using Stackwise.Web.Site;

namespace Stackwise.Web.Content.Snapshot;

/// <summary>
/// Indexes loaded content into a <see cref="ContentSnapshot"/>. Each step is a local that takes only what the steps
/// before it produced, so the order is written in the code and the compiler checks it; the snapshot is made last, whole.
/// </summary>
internal static class SnapshotBuilder
{
    public static ContentSnapshot Build(LoadedContent content, ContentVisibility visibility)
    {
        var problems = content.Problems.ToList();
        var spellings = CategorySpellings.Count(content.Documents);
        var documents = DropMissingImages(UnifyCategorySpellings(content.Documents, spellings, problems), content, problems);
        var parsed = content.Parsed.ToImmutableDictionary(StringComparer.Ordinal);
        var byUrl = documents.Where(visibility.IsServed).ToImmutableDictionary(document => document.Url, StringComparer.Ordinal);
        // Each language's lists from its own documents: the default language's, then each translation's (content/{lang}/).
        var lists = documents.Select(document => document.Path.Language).Append(null).Distinct()
            .ToDictionary(language => language ?? "", language => ListsOf(language, documents, byUrl, problems));
        var servedPaths = ServedPaths(byUrl, lists.Values);
        TranslationChecks.Check(documents, problems);
        var redirects = SiteRedirects.Build(byUrl.Values, content.Gone, servedPaths, problems);
        var targets = new LinkTargets(servedPaths, redirects.Moved, byUrl);
        foreach (var document in byUrl.Values)
        {
            BodyChecks.CheckLinks(document, targets, content.Images, problems);
        }
        ImmutableArray<ContentProblem> sortedProblems = [.. problems
            .OrderBy(problem => problem.File, StringComparer.Ordinal)
            .ThenBy(problem => problem.Position.Line)
            .ThenBy(problem => problem.Position.Column)];
        var byFile = documents.ToImmutableDictionary(document => document.Path.File, StringComparer.Ordinal);
        var version = ContentSnapshot.NextVersion();

        ContentSnapshot Edition(Lists lists, FrozenDictionary<string, ContentSnapshot> editions) => new()
        {
            Version = version,
            Language = lists.Language,
            Editions = editions,
            Visibility = visibility,
            ByFile = byFile,
            Parsed = parsed,
            ListingProblems = content.ListingProblems,
            NextPublication = documents.Select(visibility.ChangesOn).Concat(parsed.Values.Select(file => file.RecheckOn)).Min(),
            ByUrl = byUrl,
            Articles = lists.Articles,
            FilesRead = content.FilesRead,
            KeptFiles = content.KeptFiles.ToFrozenSet(StringComparer.Ordinal),
            Categories = lists.Categories,
            People = lists.People,
            CategoriesBySlug = lists.Categories.ToFrozenDictionary(listing => listing.Category.Slug, StringComparer.Ordinal),
            ByRisk = lists.ByRisk,
            ServedPaths = servedPaths,
            Redirects = redirects,
            ByTag = RelatedArticles.TagIndex(lists.Articles).AsReadOnly(),
            Problems = sortedProblems,
            Patchable = new PatchBase(byFile, parsed, byUrl, content.Files, content.Images, content.UnservedImages, spellings,
                PathsNamed(byUrl.Values, content.Gone), []),
        };

        var translations = lists.Values.Where(edition => edition.Language is not null)
            .ToFrozenDictionary(edition => edition.Language!, edition => Edition(edition, FrozenDictionary<string, ContentSnapshot>.Empty), StringComparer.Ordinal);
        return Edition(lists[""], translations);
    }

    /// <summary>One language's lists: its articles newest first, its categories, people and risk levels.</summary>
    private sealed record Lists(string? Language, ImmutableArray<Article> Articles, ImmutableArray<CategoryListing> Categories,
        FrozenDictionary<string, PersonListing> People, FrozenDictionary<RiskLevel, ImmutableArray<Article>> ByRisk);

    private static Lists ListsOf(string? language, List<ContentDocument> documents, ImmutableDictionary<string, ContentDocument> byUrl, List<ContentProblem> problems)
    {
        var sorted = byUrl.Values.OfType<Article>().Where(article => article.Path.Language == language).ToArray();
        Array.Sort(sorted, NewestFirst);
        var articles = ImmutableCollectionsMarshal.AsImmutableArray(sorted);
        ImmutableArray<CategoryListing> categories = [.. articles.GroupBy(article => article.Category)
            .Select(group => new CategoryListing(group.Key, [.. group]))
            .OrderBy(listing => listing.Category.Name, StringComparer.OrdinalIgnoreCase)];
        var people = PeopleChecks.Listings(documents.Where(document => document.Path.Language == language),
            byUrl.Values.OfType<Person>().Where(person => person.Path.Language == language), articles, problems);
        var byRisk = Enum.GetValues<RiskLevel>().ToFrozenDictionary(risk => risk, risk => articles.Where(article => article.Risk == risk).ToImmutableArray());
        return new Lists(language, articles, categories, people, byRisk);
    }

    /// <summary>
    /// The order of every article list: newest first, then by title, then by file (the order the files were read in, which
    /// a stable sort by date and title kept), so a save can move one article within a list by binary search.
    /// </summary>
    public static Comparer<Article> NewestFirst { get; } = Comparer<Article>.Create((one, other) =>
    {
        var order = other.Dates.Published.CompareTo(one.Dates.Published);
        order = order != 0 ? order : string.CompareOrdinal(one.Title, other.Title);
        return order != 0 ? order : string.CompareOrdinal(one.Path.File, other.Path.File);
    });

    /// <summary>The problems of each file that claims a URL, by that URL; <paramref name="problems"/> are in file order.</summary>
    public static IReadOnlyDictionary<string, ImmutableArray<ContentProblem>> ProblemsByUrl(ImmutableArray<ContentProblem> problems)
    {
        var byUrl = new Dictionary<string, ImmutableArray<ContentProblem>>(StringComparer.Ordinal);
        for (var start = 0; start < problems.Length;)
        {
            var file = problems[start].File;
            var end = start + 1;
            while (end < problems.Length && problems[end].File == file)
            {
                end++;
            }
            if (ContentPath.TryParse(file, out var path, out _))
            {
                byUrl[path.Url] = byUrl.GetValueOrDefault(path.Url, []).AddRange(problems.AsSpan()[start..end]);
            }
            start = end;
        }
        return byUrl.AsReadOnly();
    }

    /// <summary>
    /// Every path a served document links to, an alias names or <c>redirects.yml</c> lists as gone: a path that comes or goes
    /// outside these changes no other document's problems or redirects, so a save that adds or removes only such paths (a new
    /// category's page) can be patched.
    /// </summary>
    private static ReadOnlySet<string> PathsNamed(IEnumerable<ContentDocument> served, ImmutableArray<string> gone)
    {
        var paths = new HashSet<string>(gone, StringComparer.Ordinal);
        foreach (var document in served)
        {
            paths.UnionWith(document.Aliases);
            paths.UnionWith(BodyChecks.LinkedPaths(document));
        }
        return paths.AsReadOnly();
    }

    /// <summary>Every path answered with a page made from content: each language's home, people, categories and risk levels
    /// with their later pages, and the documents.</summary>
    private static ReadOnlySet<string> ServedPaths(ImmutableDictionary<string, ContentDocument> byUrl, IEnumerable<Lists> languages) =>
        byUrl.Keys
            .Concat(languages.SelectMany(lists => new[] { SiteRoutes.In(lists.Language, SiteRoutes.Home), SiteRoutes.In(lists.Language, SiteRoutes.People) }
                .Concat(lists.Categories.SelectMany(listing => ListPages.PageUrls(listing.Category.Url, listing.Articles.Length)))
                .Concat(lists.ByRisk.SelectMany(entry => ListPages.PageUrls(SiteRoutes.In(lists.Language, entry.Key.Url()), entry.Value.Length)))))
            .ToHashSet(StringComparer.Ordinal).AsReadOnly();

    /// <summary>An article naming a picture that is not in content/images/ is served with the site's card instead, and reported.</summary>
    private static List<ContentDocument> DropMissingImages(List<ContentDocument> documents, LoadedContent content, List<ContentProblem> problems) =>
        [.. documents.Select(document => DropMissingImage(document, content.Images, content.UnservedImages, problems))];

    internal static ContentDocument DropMissingImage(ContentDocument document, IReadOnlySet<string> images, IReadOnlyDictionary<string, string> unserved,
        List<ContentProblem> problems)
    {
        if (document is not Article { Image: { } image } article || images.Contains(image.File))
        {
            return document;
        }
        var why = unserved.GetValueOrDefault(image.File) ?? $"is not in content/{SiteRoutes.ImagesFolder}/";
        problems.Add(ContentProblem.EntryError(article.Path.File, image.Position, ProblemCodes.MissingShareImage,
            $"image `{image.File}` {why}; the page shares the site's card instead"));
        return article with { Image = null };
    }

    /// <summary>
    /// Categories whose names differ only in case or punctuation share one page; every article takes the
    /// most used spelling, and the others get a warning so the editor can make them agree.
    /// </summary>
    private static List<ContentDocument> UnifyCategorySpellings(IReadOnlyList<ContentDocument> documents, CategorySpellings spellings,
        List<ContentProblem> problems) =>
        [.. documents.Select(document => UnifyCategorySpelling(document, spellings, problems))];

    internal static ContentDocument UnifyCategorySpelling(ContentDocument document, CategorySpellings spellings, List<ContentProblem> problems)
    {
        if (document is not Article article)
        {
            return document;
        }
        var category = spellings.Canonical(article.Category.Url);
        if (category == article.Category)
        {
            return document;
        }
        problems.Add(ContentProblem.Warning(article.Path.File, SourcePosition.Start, ProblemCodes.CategorySpelling,
            $"category `{article.Category.Name}` is written `{category.Name}` in other articles; the site shows `{category.Name}`"));
        return article with { Category = category };
    }
}

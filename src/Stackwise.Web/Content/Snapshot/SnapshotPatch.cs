using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Stackwise.Web.Content.Checks;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Parsing;

namespace Stackwise.Web.Content.Snapshot;

/// <summary>
/// What a snapshot keeps so the next one can be patched from it: its maps by file and URL as immutable dictionaries (a
/// patch sets a few entries, sharing the rest), every file listed in ordinal order, the images, the category spellings'
/// counts, and every path a link, an alias or a gone entry names (as the last whole load found them, and those the new
/// versions of patched documents link to since: never fewer, and a superset only makes more saves whole loads).
/// </summary>
internal sealed record PatchBase(
    ImmutableDictionary<string, ContentDocument> ByFile,
    ImmutableDictionary<string, ParsedFile> Parsed,
    ImmutableDictionary<string, ContentDocument> ByUrl,
    ImmutableArray<string> Files,
    IReadOnlySet<string> Images,
    IReadOnlyDictionary<string, string> UnservedImages,
    CategorySpellings Spellings,
    IReadOnlySet<string> Named,
    ImmutableHashSet<string> NamedSince)
{
    /// <summary>True when a link, an alias or a gone entry may name <paramref name="path"/>.</summary>
    public bool Names(string path) => Named.Contains(path) || NamedSince.Contains(path);
}

/// <summary>
/// The snapshot a patched one was made from (held weakly: snapshots never keep their predecessors alive), and each document
/// the patch replaced with its new version; per-snapshot data may carry its value over when none of them changes it.
/// </summary>
/// <param name="Paths">The served paths that came or went (a category's page, a list's later page).</param>
internal sealed record PatchOrigin(long Version, WeakReference<ContentSnapshot> Before, ImmutableArray<(ContentDocument Old, ContentDocument New)> Replaced,
    ImmutableArray<string> Paths)
{
    public IEnumerable<string> Urls => Replaced.Select(replaced => replaced.New.Url);
}

/// <summary>
/// Makes the next snapshot from the last one and a few changed files, when the change is local: each file still exists
/// with its URL and a valid new version, is served as before, keeps its aliases and section anchors, and the list pages
/// that come or go (a new category, an emptied one) are named by no link, alias or gone entry. Then only the lists the
/// changed articles are in are edited (one article moved by binary search), their problems are worked out again, and
/// everything else is shared with the last snapshot: a save at 100,000 articles sets a few entries of its immutable
/// maps instead of a rebuild ("A save patches the last snapshot" in docs/performance.md). Anything else returns null,
/// and the caller builds the snapshot whole with <see cref="SnapshotBuilder"/>: the result is the same either way
/// (SnapshotPatchTests compares them).
/// </summary>
internal static class SnapshotPatch
{
    private sealed record Replacement(string File, ContentDocument Old, ContentDocument Raw, ParsedFile Parsed)
    {
        public ContentDocument New { get; set; } = null!;
        public List<ContentProblem> Problems { get; } = [];
    }

    public static ContentSnapshot? TryApply(ContentSnapshot previous, IReadOnlyList<(string File, ParsedFile Parsed)> changed, ContentVisibility visibility)
    {
        var state = previous.Patchable;
        if (previous.Visibility != visibility || state.Files.Length != state.Parsed.Count)
        {
            return null;
        }
        var spellings = state.Spellings;
        var replacements = new List<Replacement>(changed.Count);
        foreach (var (file, parsed) in changed)
        {
            if (!IsLocal(previous, file, parsed, visibility, out var old))
            {
                return null;
            }
            replacements.Add(new Replacement(file, old, parsed.Document!, parsed));
            spellings = spellings.With((state.Parsed[file].Document as Article)?.Category, (parsed.Document as Article)?.Category);
        }
        foreach (var slug in replacements.SelectMany(change => new[] { change.Old, change.Raw }).OfType<Article>().Select(article => article.Category.Slug))
        {
            // A change of the spelling a category is shown with changes every article of it: left to a whole build.
            if (state.Spellings.Has(slug) && spellings.Has(slug) && spellings.Canonical(slug) != state.Spellings.Canonical(slug))
            {
                return null;
            }
        }

        var indexes = previous.Unrecorded;
        var (byFile, parsedFiles, byUrl) = (state.ByFile.ToBuilder(), state.Parsed.ToBuilder(), state.ByUrl.ToBuilder());
        foreach (var change in replacements)
        {
            // The steps of SnapshotBuilder, in its order, for this one document: the problems come out in the same order.
            change.Problems.AddRange(change.Parsed.Problems);
            var document = SnapshotBuilder.UnifyCategorySpelling(change.Raw, spellings, change.Problems);
            document = SnapshotBuilder.DropMissingImage(document, state.Images, state.UnservedImages, change.Problems);
            if (document is Article article)
            {
                PeopleChecks.ReportUnknown(article, indexes.People, change.Problems);
            }
            change.New = document;
            byFile[change.File] = document;
            parsedFiles[change.File] = change.Parsed;
            if (visibility.IsServed(document))
            {
                byUrl[document.Url] = document;
                // The aliases and the served paths are as they were, so the alias conflicts are too.
                foreach (var problem in ProblemsOf(previous.Problems, change.File))
                {
                    if (problem.Code == ProblemCodes.RedirectConflict)
                    {
                        change.Problems.Add(problem);
                    }
                }
            }
        }

        var lists = new Lists(indexes);
        foreach (var change in replacements.Where(change => visibility.IsServed(change.New)))
        {
            if (!lists.Replace(change.Old, change.New))
            {
                return null;
            }
        }
        // A list page that comes or goes changes the link checks of documents that link to it, and the redirects that name it.
        var linked = state with
        {
            NamedSince = state.NamedSince.Union(replacements.Where(change => visibility.IsServed(change.New)).SelectMany(change => BodyChecks.LinkedPaths(change.New))),
        };
        var (added, removed) = lists.PagesChanged(indexes);
        if (added.Concat(removed).Any(linked.Names))
        {
            return null;
        }
        var servedPaths = indexes.ServedPaths;
        if (added.Count + removed.Count > 0)
        {
            // Copied only when a list page comes or goes (a new or emptied category): 10-15 ms at 100,000 articles.
            var paths = new HashSet<string>(servedPaths, StringComparer.Ordinal);
            paths.UnionWith(added);
            paths.ExceptWith(removed);
            servedPaths = paths.AsReadOnly();
        }

        var (files, parses, urls) = (byFile.ToImmutable(), parsedFiles.ToImmutable(), byUrl.ToImmutable());
        var targets = new LinkTargets(servedPaths, indexes.Redirects.Moved, urls);
        foreach (var change in replacements.Where(change => visibility.IsServed(change.New)))
        {
            BodyChecks.CheckLinks(change.New, targets, state.Images, change.Problems);
        }

        return new ContentSnapshot
        {
            Visibility = visibility,
            ByFile = files,
            Parsed = parses,
            ListingProblems = previous.ListingProblems,
            NextPublication = NextPublication(previous, replacements, files, parses, visibility),
            ByUrl = urls,
            Articles = lists.Articles,
            FilesRead = previous.FilesRead,
            KeptFiles = previous.KeptFiles,
            Categories = lists.Categories,
            People = lists.People.ToFrozenDictionary(StringComparer.Ordinal),
            CategoriesBySlug = lists.Categories.ToFrozenDictionary(listing => listing.Category.Slug, StringComparer.Ordinal),
            ByRisk = lists.ByRisk.ToFrozenDictionary(),
            ServedPaths = servedPaths,
            Redirects = indexes.Redirects,
            ByTag = lists.ByTag.AsReadOnly(),
            Problems = WithProblems(previous.Problems, replacements),
            Patchable = linked with { ByFile = files, Parsed = parses, ByUrl = urls, Spellings = spellings },
            PatchedFrom = new PatchOrigin(previous.Version, new WeakReference<ContentSnapshot>(previous), [.. replacements.Select(change => (change.Old, change.New))],
                [.. added, .. removed]),
        };
    }

    /// <summary>
    /// True when the file's new version changes only itself and the lists it is in: the file had a valid version online
    /// (not a duplicate, not kept), its new one is valid, of the same kind, served as before, with the same aliases and
    /// section anchors (other pages' links are checked against those), and it names no one twice.
    /// </summary>
    private static bool IsLocal(ContentSnapshot previous, string file, ParsedFile parsed, ContentVisibility visibility, out ContentDocument old)
    {
        var state = previous.Patchable;
        old = null!;
        if (previous.KeptFiles.Contains(file)
            || state.Parsed.GetValueOrDefault(file)?.Document is not { } oldRaw
            || parsed.Document is not { } raw
            || !state.ByFile.TryGetValue(file, out old!)
            || oldRaw.GetType() != raw.GetType()
            || old.Url != raw.Url
            || visibility.IsServed(old) != visibility.IsServed(raw))
        {
            return false;
        }
        return !visibility.IsServed(raw)
            || (old.Aliases.SequenceEqual(raw.Aliases)
                && BodyChecks.AnchorsOf(old).ToHashSet(StringComparer.Ordinal).SetEquals(BodyChecks.AnchorsOf(raw))
                && NamesEachOnce(old) && NamesEachOnce(raw));

        static bool NamesEachOnce(ContentDocument document) =>
            document is not Article article || article.Authors.Select(person => person.Slug).Distinct(StringComparer.Ordinal).Count() == article.Authors.Length;
    }

    /// <summary>The snapshot's article lists with some articles replaced: each list copied once it changes, the rest shared.</summary>
    private sealed class Lists(ContentSnapshot.Indexes indexes)
    {
        public ImmutableArray<Article> Articles { get; private set; } = indexes.Articles;
        public ImmutableArray<CategoryListing> Categories { get; private set; } = indexes.Categories;
        public Dictionary<RiskLevel, ImmutableArray<Article>> ByRisk { get; } = indexes.ByRisk.ToDictionary();
        public Dictionary<string, PersonListing> People { get; } = indexes.People.ToDictionary(StringComparer.Ordinal);
        public Dictionary<string, ImmutableArray<Article>> ByTag { get; } = new(indexes.ByTag, StringComparer.Ordinal);

        /// <summary>Puts <paramref name="now"/> where <paramref name="before"/> was in every list; false when a list
        /// would appear or go.</summary>
        public bool Replace(ContentDocument before, ContentDocument now)
        {
            if (now is Person person)
            {
                People[person.Slug] = People[person.Slug] with { Person = person };
                return true;
            }
            if (before is not Article was || now is not Article article)
            {
                return true;  // a site page is in no list
            }
            if (!TryMove(Articles, was, article, out var articles)
                || !TryMove(ByRisk[was.Risk], was, null, out var risk))
            {
                return false;
            }
            Articles = articles;
            ByRisk[was.Risk] = risk;
            ByRisk[article.Risk] = Insert(ByRisk[article.Risk], article);
            if (!TryMoveInCategory(was, null) || !TryMoveInCategory(null, article))
            {
                return false;
            }
            foreach (var tag in RelatedArticles.TagsOf(was))
            {
                if (!TryMove(ByTag.GetValueOrDefault(tag, []), was, null, out var tagged))
                {
                    return false;
                }
                if (tagged.IsEmpty)
                {
                    ByTag.Remove(tag);
                }
                else
                {
                    ByTag[tag] = tagged;
                }
            }
            foreach (var tag in RelatedArticles.TagsOf(article))
            {
                ByTag[tag] = Insert(ByTag.GetValueOrDefault(tag, []), article);
            }
            foreach (var slug in was.People.Concat(article.People).Select(named => named.Slug).Distinct(StringComparer.Ordinal))
            {
                if (People.GetValueOrDefault(slug) is not { } listing
                    || !TryMove(listing.Written, was.Authors.Any(named => named.Slug == slug) ? was : null,
                        article.Authors.Any(named => named.Slug == slug) ? article : null, out var written)
                    || !TryMove(listing.Reviewed, was.ReviewedBy?.Slug == slug ? was : null, article.ReviewedBy?.Slug == slug ? article : null, out var reviewed))
                {
                    // A name without a person's file is in no list (and the article reports it).
                    if (People.ContainsKey(slug))
                    {
                        return false;
                    }
                    continue;
                }
                People[slug] = listing with { Written = written, Reviewed = reviewed };
            }
            return true;
        }

        /// <summary>The list pages (categories and their later pages, risk levels' later pages) these lists serve that
        /// <paramref name="before"/> did not, and the reverse.</summary>
        public (HashSet<string> Added, HashSet<string> Removed) PagesChanged(ContentSnapshot.Indexes before)
        {
            var (was, now) = (new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
            foreach (var slug in _touched)
            {
                AddPages(was, before.CategoriesBySlug.GetValueOrDefault(slug));
                AddPages(now, Categories.FirstOrDefault(listing => listing.Category.Slug == slug));
            }
            foreach (var (risk, articles) in ByRisk)
            {
                was.UnionWith(ListPages.PageUrls(risk.Url(), before.ByRisk[risk].Length));
                now.UnionWith(ListPages.PageUrls(risk.Url(), articles.Length));
            }
            return ([.. now.Except(was)], [.. was.Except(now)]);

            static void AddPages(HashSet<string> pages, CategoryListing? listing)
            {
                if (listing is not null)
                {
                    pages.UnionWith(ListPages.PageUrls(listing.Category.Url, listing.Articles.Length));
                }
            }
        }

        private readonly HashSet<string> _touched = new(StringComparer.Ordinal);

        /// <summary>Moves an article out of its category's list (a list left empty goes) or into one (a category not
        /// listed yet comes, in name order).</summary>
        private bool TryMoveInCategory(Article? before, Article? now)
        {
            var article = (before ?? now)!;
            _touched.Add(article.Category.Slug);
            var index = 0;
            while (index < Categories.Length && Categories[index].Category.Slug != article.Category.Slug)
            {
                index++;
            }
            if (index == Categories.Length)
            {
                if (before is not null)
                {
                    return false;
                }
                var at = 0;
                while (at < Categories.Length && string.Compare(Categories[at].Category.Name, article.Category.Name, StringComparison.OrdinalIgnoreCase) < 0)
                {
                    at++;
                }
                Categories = Categories.Insert(at, new CategoryListing(article.Category, [article]));
                return true;
            }
            if (!TryMove(Categories[index].Articles, before, now, out var articles))
            {
                return false;
            }
            Categories = articles.IsEmpty ? Categories.RemoveAt(index) : Categories.SetItem(index, Categories[index] with { Articles = articles });
            return true;
        }

        private static ImmutableArray<Article> Insert(ImmutableArray<Article> list, Article article)
        {
            var at = list.BinarySearch(article, SnapshotBuilder.NewestFirst);
            return list.Insert(at < 0 ? ~at : at, article);
        }

        /// <summary>
        /// The list without <paramref name="before"/> and with <paramref name="now"/> in its place in the order, in one copy
        /// (at 100,000 articles a copy of the list of all articles is 800 KB of garbage for the next full collection);
        /// false when <paramref name="before"/> is not in it.
        /// </summary>
        private static bool TryMove(ImmutableArray<Article> list, Article? before, Article? now, out ImmutableArray<Article> moved)
        {
            moved = list;
            var from = -1;
            if (before is not null)
            {
                from = list.BinarySearch(before, SnapshotBuilder.NewestFirst);
                if (from < 0 || !ReferenceEquals(list[from], before))
                {
                    return false;
                }
            }
            if (now is null || from < 0)
            {
                moved = now is null ? (from < 0 ? list : list.RemoveAt(from)) : Insert(list, now);
                return true;
            }
            var at = list.BinarySearch(now, SnapshotBuilder.NewestFirst);
            var to = at < 0 ? ~at : at;   // where it would go with the old version still in the list
            var items = new Article[list.Length];
            var source = list.AsSpan();
            if (to <= from)
            {
                source[..to].CopyTo(items);
                items[to] = now;
                source[to..from].CopyTo(items.AsSpan(to + 1));
                source[(from + 1)..].CopyTo(items.AsSpan(from + 1));
            }
            else
            {
                source[..from].CopyTo(items);
                source[(from + 1)..to].CopyTo(items.AsSpan(from));
                items[to - 1] = now;
                source[to..].CopyTo(items.AsSpan(to));
            }
            moved = ImmutableCollectionsMarshal.AsImmutableArray(items);
            return true;
        }
    }

    /// <summary>The problems of the files a patch replaced, from a list sorted by file (a new problem of a patched
    /// snapshot is one of these).</summary>
    public static ImmutableArray<ContentProblem> ProblemsOf(ImmutableArray<ContentProblem> problems, PatchOrigin patch) =>
        [.. patch.Replaced.Select(replaced => replaced.New.Path.File).Distinct(StringComparer.Ordinal).SelectMany(file => ProblemsOf(problems, file).ToArray())];

    /// <summary>The problems of one file in a list sorted by file, as a slice of it.</summary>
    private static ReadOnlySpan<ContentProblem> ProblemsOf(ImmutableArray<ContentProblem> problems, string file)
    {
        var (start, end) = RangeOf(problems, file);
        return problems.AsSpan()[start..end];
    }

    private static (int Start, int End) RangeOf(ImmutableArray<ContentProblem> problems, string file)
    {
        int First(bool after)
        {
            var (low, high) = (0, problems.Length);
            while (low < high)
            {
                var middle = (low + high) / 2;
                var order = string.CompareOrdinal(problems[middle].File, file);
                (low, high) = order < 0 || (after && order == 0) ? (middle + 1, high) : (low, middle);
            }
            return low;
        }
        return (First(after: false), First(after: true));
    }

    /// <summary>The problems with each replaced file's own swapped in, still sorted by file, then line and column.</summary>
    private static ImmutableArray<ContentProblem> WithProblems(ImmutableArray<ContentProblem> problems, List<Replacement> replacements)
    {
        var result = ImmutableArray.CreateBuilder<ContentProblem>(problems.Length);
        var next = 0;
        foreach (var change in replacements.OrderBy(change => change.File, StringComparer.Ordinal))
        {
            var (start, end) = RangeOf(problems, change.File);
            result.AddRange(problems.AsSpan()[next..start]);
            result.AddRange(change.Problems.OrderBy(problem => problem.Position.Line).ThenBy(problem => problem.Position.Column));
            next = end;
        }
        result.AddRange(problems.AsSpan()[next..]);
        return result.DrainToImmutable();
    }

    /// <summary>
    /// The last snapshot's next publication, moved earlier by the new versions; worked out again over every document only
    /// when a replaced version was the one that set it.
    /// </summary>
    private static DateOnly? NextPublication(ContentSnapshot previous, List<Replacement> replacements, ImmutableDictionary<string, ContentDocument> byFile,
        ImmutableDictionary<string, ParsedFile> parsed, ContentVisibility visibility)
    {
        var next = previous.NextPublication;
        if (next is not null && replacements.Any(change => visibility.ChangesOn(change.Old) == next || previous.Patchable.Parsed[change.File].RecheckOn == next))
        {
            return byFile.Values.Select(visibility.ChangesOn).Concat(parsed.Values.Select(file => file.RecheckOn)).Min();
        }
        return replacements.Select(change => visibility.ChangesOn(change.New)).Concat(replacements.Select(change => change.Parsed.RecheckOn)).Append(next).Min();
    }
}

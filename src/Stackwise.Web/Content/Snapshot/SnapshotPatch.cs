using System.Collections.Frozen;
using System.Collections.Immutable;
using Stackwise.Web.Content.Checks;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Parsing;

namespace Stackwise.Web.Content.Snapshot;

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
        foreach (var category in replacements.SelectMany(change => new[] { change.Old, change.Raw }).OfType<Article>().Select(article => article.Category.Url))
        {
            // A change of the spelling a category is shown with changes every article of it: left to a whole build.
            if (state.Spellings.Has(category) && spellings.Has(category) && spellings.Canonical(category) != state.Spellings.Canonical(category))
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
                foreach (var problem in SortedProblems.ProblemsOf(previous.Problems, change.File))
                {
                    if (problem.Code == ProblemCodes.RedirectConflict)
                    {
                        change.Problems.Add(problem);
                    }
                }
            }
        }

        var lists = new PatchedLists(indexes);
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
            Problems = SortedProblems.WithProblems(previous.Problems, replacements.Select(change => (change.File, change.Problems))),
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

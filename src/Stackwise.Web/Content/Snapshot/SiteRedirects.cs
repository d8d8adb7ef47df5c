using System.Collections.Frozen;
using System.Collections.Immutable;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Parsing;
using Stackwise.Web.Rendering;

namespace Stackwise.Web.Content.Snapshot;

/// <summary>Old paths that answer 301 to a document's URL, and removed paths that answer 410.</summary>
public sealed record SiteRedirects(FrozenDictionary<string, string> Moved, FrozenSet<string> Gone)
{
    /// <summary>
    /// A path that is served wins over an alias or a gone entry, and the first alias in file order wins over a
    /// later one; what loses is reported as a warning and ignored, so a redirect never hides a live page.
    /// </summary>
    public static SiteRedirects Build(
        IEnumerable<ContentDocument> documents,
        ImmutableArray<string> gone,
        IReadOnlySet<string> servedPaths,
        List<ContentProblem> problems)
    {
        var moved = new Dictionary<string, (string Url, string File)>(StringComparer.Ordinal);
        foreach (var document in documents.OrderBy(document => document.Path.File, StringComparer.Ordinal))
        {
            foreach (var alias in document.Aliases)
            {
                var conflict = servedPaths.Contains(alias) ? "the URL of a page"
                    : moved.TryGetValue(alias, out var owner) ? $"already an alias of `{owner.File}`"
                    : null;
                if (conflict is not null)
                {
                    problems.Add(Warning(document.Path.File, ProblemCodes.RedirectConflict, $"alias `{alias}` is {conflict}; it is ignored"));
                    continue;
                }
                moved[alias] = (document.Url, document.Path.File);
            }
        }

        var goneSet = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in gone)
        {
            if (servedPaths.Contains(path) || moved.ContainsKey(path))
            {
                problems.Add(Warning(RedirectsFile.Name, ProblemCodes.RedirectConflict,
                    $"`{path}` is listed as gone but is {(moved.ContainsKey(path) ? "an alias of a page" : "served")}; it is ignored"));
                continue;
            }
            goneSet.Add(path);
        }

        return new SiteRedirects(
            moved.ToFrozenDictionary(entry => entry.Key, entry => entry.Value.Url, StringComparer.Ordinal),
            goneSet.ToFrozenSet(StringComparer.Ordinal));
    }

    private static ContentProblem Warning(string file, string code, string message) =>
        new(file, SourcePosition.Start, ProblemSeverity.Warning, code, message);
}

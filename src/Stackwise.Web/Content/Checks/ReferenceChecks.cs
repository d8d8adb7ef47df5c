using System.Collections.Immutable;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Rendering;

namespace Stackwise.Web.Content.Checks;

/// <summary>Citations in the body against the <c>references</c> of the front matter.</summary>
public static class ReferenceChecks
{
    /// <summary>
    /// The references in the order the body first cites them (the order they are numbered in), those never cited after
    /// them in file order with a warning each; a citation of an id the file does not list is an error.
    /// </summary>
    /// <param name="written">The valid references, and the ids of every reference written (some may have been refused).</param>
    public static ImmutableArray<Reference> InCitationOrder(ContentPath path,
        (ImmutableArray<(Reference Reference, SourcePosition Position)> Valid, IReadOnlySet<string> WrittenIds) written,
        RenderedMarkdown rendered, List<ContentProblem> problems)
    {
        ReportUnknown(path, rendered.Citations.Where(citation => !written.WrittenIds.Contains(citation.Id)), written.WrittenIds, problems);

        var cited = rendered.CitationOrder.Select((id, index) => (id, index)).ToDictionary(pair => pair.id, pair => pair.index, StringComparer.Ordinal);
        foreach (var (reference, position) in written.Valid.Where(entry => !cited.ContainsKey(entry.Reference.Id)))
        {
            problems.Add(ContentProblem.Warning(path.File, position, ProblemCodes.UncitedReference,
                $"reference `{reference.Id}` is never cited; cite it in the text with `[@{reference.Id}]`, or remove it"));
        }
        return [.. written.Valid.Select(entry => entry.Reference).OrderBy(reference => cited.GetValueOrDefault(reference.Id, int.MaxValue))];
    }

    /// <summary>Unknown ids reported one by one in a file; the rest are counted in one line.</summary>
    public const int MaxReported = 20;

    /// <summary>Known ids named in a message about an unknown one.</summary>
    private const int MaxListed = 10;

    /// <summary>
    /// A warning at each bracket that opens like a citation but is not one (<c>[@a;]</c>, <c>[@a, @b]</c>, an unclosed
    /// <c>[@a</c>): it is shown as written, and the editor most likely meant a citation. The first few, then a count.
    /// </summary>
    public static void WarnMalformed(ContentPath path, RenderedMarkdown rendered, List<ContentProblem> problems)
    {
        foreach (var malformed in rendered.MalformedCitations.Take(MaxReported))
        {
            problems.Add(ContentProblem.Warning(path.File, malformed.Position, ProblemCodes.MalformedCitation,
                $"`{(malformed.Text.Length > 60 ? malformed.Text[..60] + "…" : malformed.Text)}` looks like a citation but is not one, so it is shown as written: "
                + "cite a source as `[@id]` and several as `[@a; @b]`, or write `\\[@` to show the bracket as text"));
        }
        if (rendered.MalformedCitations.Length > MaxReported)
        {
            problems.Add(ContentProblem.Warning(path.File, rendered.MalformedCitations[MaxReported].Position, ProblemCodes.MalformedCitation,
                $"{rendered.MalformedCitations.Length - MaxReported} more brackets look like citations but are not"));
        }
    }

    /// <summary>Site pages and people's pages have no references, so a citation in them can link to nothing.</summary>
    public static void RefuseCitations(ContentPath path, RenderedMarkdown rendered, List<ContentProblem> problems) =>
        ReportEachIdOnce(path, rendered.Citations, problems,
            citation => $"citation `[@{citation.Id}]`: only articles list references, so a {(path.IsPerson ? "person's page" : "site page")} cannot cite one; write `\\[@{citation.Id}]` to show the brackets as text",
            more => $"{more} more cited ids, and only articles list references");

    private static void ReportUnknown(ContentPath path, IEnumerable<Citation> unknown, IReadOnlySet<string> known, List<ContentProblem> problems)
    {
        var listed = string.Join(", ", known.Order(StringComparer.Ordinal).Take(MaxListed).Select(id => $"`{id}`"));
        var knownText = known.Count == 0 ? "the file has no `references`"
            : $"the references are {listed}{(known.Count > MaxListed ? $" and {known.Count - MaxListed} more" : "")}";
        ReportEachIdOnce(path, unknown, problems,
            citation => $"citation `[@{citation.Id}]` names no reference of this file; "
                + (EditDistance.Closest(citation.Id, known) is { } closest ? $"did you mean `[@{closest}]`? " : "") + knownText,
            more => $"{more} more cited ids name no reference of this file");
    }

    /// <summary>
    /// Each id once, at its first citation, and past <see cref="MaxReported"/> ids one line that counts the rest: a file of a
    /// million bad citations costs a few lines, not a million.
    /// </summary>
    private static void ReportEachIdOnce(ContentPath path, IEnumerable<Citation> citations, List<ContentProblem> problems,
        Func<Citation, string> message, Func<int, string> rest)
    {
        var firsts = citations.DistinctBy(citation => citation.Id, StringComparer.Ordinal).ToList();
        foreach (var citation in firsts.Take(MaxReported))
        {
            problems.Add(ContentProblem.Error(path.File, citation.Position, ProblemCodes.UnknownCitation, message(citation)));
        }
        if (firsts.Count > MaxReported)
        {
            problems.Add(ContentProblem.Error(path.File, firsts[MaxReported].Position, ProblemCodes.UnknownCitation, rest(firsts.Count - MaxReported)));
        }
    }
}

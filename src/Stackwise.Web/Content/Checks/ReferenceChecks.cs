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
        foreach (var citation in rendered.Citations.Where(citation => !written.WrittenIds.Contains(citation.Id)))
        {
            var known = written.WrittenIds.Count == 0 ? "the file has no `references`" : $"the references are {string.Join(", ", written.WrittenIds.Order(StringComparer.Ordinal).Select(id => $"`{id}`"))}";
            problems.Add(ContentProblem.Error(path.File, citation.Position, ProblemCodes.UnknownCitation,
                $"citation `[@{citation.Id}]` names no reference of this file; {known}"));
        }

        var cited = rendered.CitationOrder.Select((id, index) => (id, index)).ToDictionary(pair => pair.id, pair => pair.index, StringComparer.Ordinal);
        foreach (var (reference, position) in written.Valid.Where(entry => !cited.ContainsKey(entry.Reference.Id)))
        {
            problems.Add(ContentProblem.Warning(path.File, position, ProblemCodes.UncitedReference,
                $"reference `{reference.Id}` is never cited; cite it in the text with `[@{reference.Id}]`, or remove it"));
        }
        return [.. written.Valid.Select(entry => entry.Reference).OrderBy(reference => cited.GetValueOrDefault(reference.Id, int.MaxValue))];
    }

    /// <summary>Site pages and people's pages have no references, so a citation in them can link to nothing.</summary>
    public static void RefuseCitations(ContentPath path, RenderedMarkdown rendered, List<ContentProblem> problems)
    {
        foreach (var citation in rendered.Citations)
        {
            problems.Add(ContentProblem.Error(path.File, citation.Position, ProblemCodes.UnknownCitation,
                $"citation `[@{citation.Id}]`: only articles list references, so a {(path.IsPerson ? "person's page" : "site page")} cannot cite one; write `\\[@{citation.Id}]` to show the brackets as text"));
        }
    }
}

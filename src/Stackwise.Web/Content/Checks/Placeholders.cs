using System.Buffers;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Rendering;

namespace Stackwise.Web.Content.Checks;

/// <summary>
/// The text the <c>new</c> templates write for an editor to replace, and the check that finds it. The templates
/// (<c>Commands/Templates</c>) write these constants, so a template cannot write a placeholder this check does not know.
/// A placeholder is a warning on a draft and an error anywhere else: an untouched template must never go live.
/// </summary>
public static class Placeholders
{
    public const string Category = "Uncategorized";
    public const string Summary = "Replace with one or two sentences for lists and search results, at most 160 characters.";
    public const string HealthRisk = "Replace with the first health risk";
    public const string Introduction = "Write the introduction here.";
    public const string Section = "Write this section.";
    public const string Biography = "Write a short biography here: training, experience, and what they write or review.";

    /// <summary>Every placeholder found as text anywhere in a file (the category is compared as a value).</summary>
    public static readonly IReadOnlyList<string> Phrases = [Summary, HealthRisk, Introduction, Section, Biography];

    // One vectorised pass over the file finds any of the phrases; most files have none.
    private static readonly SearchValues<string> Search = SearchValues.Create([.. Phrases], StringComparison.Ordinal);

    /// <param name="text">The whole file.</param>
    /// <param name="category">The article's category as written, with its position; null for other files.</param>
    /// <param name="isDraft">A draft may keep placeholders (a warning); a file that would be published may not (an error).</param>
    public static void Check(ContentPath path, string text, (string Value, SourcePosition Position)? category, bool isDraft,
        List<ContentProblem> problems)
    {
        if (category is { } written && string.Equals(written.Value, Category, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(Problem(path, written.Position, isDraft, $"category `{written.Value}`",
                "choose the category readers will browse it under, such as `Psychedelic Therapy`"));
        }
        var start = text.AsSpan().IndexOfAny(Search);
        if (start < 0)
        {
            return;
        }
        var lines = LineIndex.Of(text);
        for (var offset = start; offset < text.Length;)
        {
            var found = text.AsSpan(offset).IndexOfAny(Search);
            if (found < 0)
            {
                break;
            }
            offset += found;
            var phrase = Phrases.First(candidate => text.AsSpan(offset).StartsWith(candidate, StringComparison.Ordinal));
            problems.Add(Problem(path, lines.PositionOf(offset), isDraft, $"`{phrase}`", "replace it with the article's own words"));
            offset += phrase.Length;
        }
    }

    private static ContentProblem Problem(ContentPath path, SourcePosition position, bool isDraft, string what, string fix)
    {
        var message = isDraft
            ? $"{what} is placeholder text from the template; {fix} (it is an error once `draft: true` is removed)"
            : $"{what} is placeholder text from the template; {fix}: the page is not published until it is";
        return isDraft
            ? ContentProblem.Warning(path.File, position, ProblemCodes.Placeholder, message)
            : ContentProblem.Error(path.File, position, ProblemCodes.Placeholder, message);
    }
}

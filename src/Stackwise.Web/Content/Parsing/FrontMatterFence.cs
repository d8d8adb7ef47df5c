using Stackwise.Web.Content.Model;
using Stackwise.Web.Rendering;

namespace Stackwise.Web.Content.Parsing;

/// <summary>
/// The lines that open and close a file's front matter: a first line of exactly <c>---</c> and the first later line of
/// exactly <c>---</c>. Markdig and YAML each know other forms (<c>...</c>, a trailing space, tab or comment, a second
/// document's <c>---</c>), and each of them ended the YAML early: the fields after it were dropped, or shown as body text,
/// and a <c>draft: true</c> there published a draft. So any line before the closing one that starts like a marker is an
/// error at that line, and a file whose front matter never closes says so.
/// </summary>
internal static class FrontMatterFence
{
    private const string Fence = "---";

    /// <summary>The problem with the fences of <paramref name="text"/>, or null when it has none or no front matter at all.</summary>
    public static ContentProblem? Check(string file, string text)
    {
        var lineNumber = 0;
        foreach (var line in Lines(text))
        {
            lineNumber++;
            if (lineNumber == 1)
            {
                if (!line.StartsWith(Fence, StringComparison.Ordinal))
                {
                    return null;
                }
                if (line.Length > Fence.Length)
                {
                    return Problem(file, 1, $"the opening line must be exactly `---` with nothing after it (got {Shown(line)})");
                }
                continue;
            }
            if (line == Fence)
            {
                return null;
            }
            if (line.StartsWith(Fence, StringComparison.Ordinal) || line.StartsWith("...", StringComparison.Ordinal))
            {
                return Problem(file, lineNumber,
                    $"{Shown(line)} is not a closing line: the front matter ends at the first line that is exactly `---`, with nothing after it "
                    + "(no space, tab or comment); this line would end the YAML early and drop or show as text every field after it");
            }
        }
        return Problem(file, 1, "the front matter opened on line 1 has no closing line: end it with a line that is exactly `---`");
    }

    private static IEnumerable<string> Lines(string text)
    {
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            var line = end < 0 ? text[start..] : text[start..end];
            yield return line.EndsWith('\r') ? line[..^1] : line;
            if (end < 0)
            {
                yield break;
            }
            start = end + 1;
        }
    }

    /// <summary>The line as an editor can read it in a message: tabs and trailing spaces made visible.</summary>
    private static string Shown(string line)
    {
        var visible = line.Replace("\t", "<tab>", StringComparison.Ordinal);
        var trimmed = visible.TrimEnd(' ');
        return $"`{trimmed}`" + (trimmed.Length < visible.Length ? $" followed by {visible.Length - trimmed.Length} space(s)" : "");
    }

    private static ContentProblem Problem(string file, int line, string message) =>
        ContentProblem.Error(file, new SourcePosition(line, 1), ProblemCodes.DocumentMarker, message);
}

using System.Reflection;
using Stackwise.Web.Content.Model;

namespace Stackwise.Web.Commands;

/// <summary>One problem code as docs/authoring.md explains it: the help a SARIF rule carries.</summary>
/// <param name="Name">The name of its <see cref="ProblemCodes"/> constant, such as <c>InvalidValue</c>.</param>
/// <param name="Help">The guide's row, in markdown.</param>
/// <param name="IsWarning">True when the guide says the code is a warning.</param>
public sealed record ProblemRule(string Code, string Name, string Help, bool IsWarning, Uri? HelpUri);

/// <summary>
/// The problem codes with their help from the editors' guide (docs/authoring.md, copied beside the app by the build): the
/// guide is the one place each code is explained, and a test holds every code to a row there.
/// </summary>
public static class ProblemGuide
{
    public static string ShippedPath => Path.Combine(AppContext.BaseDirectory, "docs", "authoring.md");

    /// <param name="guideUrl">Where editors read the guide (<c>Content:GuideUrl</c>); the shipped copy when empty.</param>
    public static IReadOnlyList<ProblemRule> Rules(string? guideUrl)
    {
        var rows = File.Exists(ShippedPath) ? Rows(File.ReadLines(ShippedPath)) : [];
        var guide = string.IsNullOrWhiteSpace(guideUrl) ? new Uri(ShippedPath) : new Uri(guideUrl);
        return
        [
            .. typeof(ProblemCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Select(field => (Code: (string)field.GetValue(null)!, field.Name))
                .OrderBy(code => code.Code, StringComparer.Ordinal)
                .Select(code =>
                {
                    var help = rows.GetValueOrDefault(code.Code) ?? $"{code.Name}: see docs/authoring.md.";
                    return new ProblemRule(code.Code, code.Name, help, help.StartsWith("Warning", StringComparison.Ordinal),
                        new Uri($"{guide.AbsoluteUri}#{code.Code.ToLowerInvariant()}"));
                }),
        ];
    }

    /// <summary>The table rows of the guide's "What each message means": <c>| &lt;a id="sw001"&gt;&lt;/a&gt;SW001 | text |</c>.</summary>
    public static Dictionary<string, string> Rows(IEnumerable<string> guide)
    {
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in guide)
        {
            const string Anchor = "| <a id=\"sw";
            var close = line.StartsWith(Anchor, StringComparison.Ordinal) ? line.IndexOf("</a>", StringComparison.Ordinal) : -1;
            if (close < 0)
            {
                continue;
            }
            var rest = line[(close + "</a>".Length)..];
            var separator = rest.IndexOf(" | ", StringComparison.Ordinal);
            if (separator > 0 && rest.EndsWith(" |", StringComparison.Ordinal))
            {
                rows[rest[..separator]] = rest[(separator + 3)..^2].Replace("\\|", "|", StringComparison.Ordinal);
            }
        }
        return rows;
    }
}

using System.Globalization;
using System.Text;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Site;

namespace Stackwise.Web.Commands;

/// <summary>
/// What <c>check</c> prints: <c>text</c> for people (the form compilers use, so editors can click it), <c>json</c> for
/// scripts, <c>sarif</c> (2.1.0) for code scanning and editor plugins, <c>github</c> for GitHub Actions annotations.
/// </summary>
public static class CheckReport
{
    public static readonly string[] Formats = ["text", "json", "sarif", "github"];

    /// <summary>GitHub Actions shows at most this many error and this many warning annotations per step; the rest are
    /// printed as plain lines.</summary>
    public const int GitHubAnnotationsPerKind = 10;

    /// <param name="shownRoot">The content folder as the editor typed it: each problem's file is under it.</param>
    public static Task WriteAsync(ContentSnapshot snapshot, string format, string shownRoot, string? guideUrl, TextWriter output)
    {
        var problems = snapshot.Problems.Select(problem => problem with { File = Path.Combine(shownRoot, problem.File).Replace('\\', '/') }).ToList();
        return format switch
        {
            "json" => JsonAsync(snapshot, problems, output),
            "sarif" => SarifAsync(problems, guideUrl, output),
            "github" => GitHubAsync(snapshot, problems, shownRoot, output),
            _ => TextAsync(snapshot, problems, shownRoot, output),
        };
    }

    private static string Summary(ContentSnapshot snapshot, string shownRoot) => string.Create(CultureInfo.InvariantCulture,
        $"Checked {Counted.Of(snapshot.FilesRead, "file")} in {shownRoot}: {Counted.Of(snapshot.ErrorCount, "error")}, {Counted.Of(snapshot.WarningCount, "warning")}; {Counted.Of(snapshot.FilesRejected, "file")} kept off the site.");

    private static async Task TextAsync(ContentSnapshot snapshot, List<ContentProblem> problems, string shownRoot, TextWriter output)
    {
        foreach (var problem in problems)
        {
            await output.WriteLineAsync(problem.ToString());
        }
        await output.WriteLineAsync(Summary(snapshot, shownRoot));
    }

    private static string Severity(ContentProblem problem) => problem.Severity == ProblemSeverity.Error ? "error" : "warning";

    private static Task JsonAsync(ContentSnapshot snapshot, List<ContentProblem> problems, TextWriter output) =>
        JsonOutput.WriteAsync(output, json =>
        {
            json.WriteStartObject();
            json.WriteNumber("files", snapshot.FilesRead);
            json.WriteNumber("errors", snapshot.ErrorCount);
            json.WriteNumber("warnings", snapshot.WarningCount);
            json.WriteNumber("filesKeptOff", snapshot.FilesRejected);
            json.WriteStartArray("problems");
            foreach (var problem in problems)
            {
                json.WriteStartObject();
                json.WriteString("file", problem.File);
                json.WriteNumber("line", problem.Position.Line);
                json.WriteNumber("column", problem.Position.Column);
                json.WriteString("severity", Severity(problem));
                json.WriteString("code", problem.Code);
                json.WriteString("message", problem.Message);
                json.WriteBoolean("advice", problem.IsAdvice);
                json.WriteBoolean("keepsFileOff", problem.RejectsFile);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        });

    private static Task SarifAsync(List<ContentProblem> problems, string? guideUrl, TextWriter output)
    {
        var rules = ProblemGuide.Rules(guideUrl);
        var ruleIndex = rules.Select((rule, index) => (rule.Code, index)).ToDictionary(entry => entry.Code, entry => entry.index, StringComparer.Ordinal);
        return JsonOutput.WriteAsync(output, json =>
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "Stackwise check");
            json.WriteString("semanticVersion", typeof(CheckReport).Assembly.GetName().Version?.ToString(3) ?? "1.0.0");
            json.WriteString("informationUri", rules[0].HelpUri!.GetLeftPart(UriPartial.Path));
            json.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                json.WriteStartObject();
                json.WriteString("id", rule.Code);
                json.WriteString("name", rule.Name);
                json.WriteStartObject("shortDescription");
                json.WriteString("text", FirstSentence(rule.Help));
                json.WriteEndObject();
                json.WriteStartObject("fullDescription");
                json.WriteString("text", rule.Help);
                json.WriteEndObject();
                json.WriteStartObject("help");
                json.WriteString("text", rule.Help);
                json.WriteString("markdown", rule.Help);
                json.WriteEndObject();
                json.WriteString("helpUri", rule.HelpUri!.AbsoluteUri);
                json.WriteStartObject("defaultConfiguration");
                json.WriteString("level", rule.IsWarning ? "warning" : "error");
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("results");
            foreach (var problem in problems)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", problem.Code);
                json.WriteNumber("ruleIndex", ruleIndex[problem.Code]);
                json.WriteString("level", problem.IsAdvice ? "note" : Severity(problem));
                json.WriteStartObject("message");
                json.WriteString("text", problem.Message);
                json.WriteEndObject();
                json.WriteStartArray("locations");
                json.WriteStartObject();
                json.WriteStartObject("physicalLocation");
                json.WriteStartObject("artifactLocation");
                json.WriteString("uri", FileUri(problem.File));
                json.WriteEndObject();
                json.WriteStartObject("region");
                json.WriteNumber("startLine", problem.Position.Line);
                json.WriteNumber("startColumn", problem.Position.Column);
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static string FirstSentence(string help)
    {
        var end = help.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? help : help[..(end + 1)];
    }

    /// <summary>A file as a URI reference: relative (to where check ran) with each segment escaped, or a file URI.</summary>
    private static string FileUri(string file) => Path.IsPathRooted(file)
        ? new Uri(file).AbsoluteUri
        : string.Join('/', file.Split('/').Select(Uri.EscapeDataString));

    private static async Task GitHubAsync(ContentSnapshot snapshot, List<ContentProblem> problems, string shownRoot, TextWriter output)
    {
        var annotated = new Dictionary<ProblemSeverity, int>();
        var plain = new Dictionary<ProblemSeverity, int>();
        foreach (var problem in problems)
        {
            if (annotated.GetValueOrDefault(problem.Severity) < GitHubAnnotationsPerKind)
            {
                annotated[problem.Severity] = annotated.GetValueOrDefault(problem.Severity) + 1;
                await output.WriteLineAsync(
                    $"::{Severity(problem)} file={Property(problem.File)},line={problem.Position.Line},col={problem.Position.Column},title={Property(problem.Code)}::{Data(problem.Message)}");
            }
            else
            {
                plain[problem.Severity] = plain.GetValueOrDefault(problem.Severity) + 1;
                await output.WriteLineAsync(problem.ToString());
            }
        }
        await output.WriteLineAsync(Summary(snapshot, shownRoot));
        if (plain.Count > 0)
        {
            await output.WriteLineAsync(
                $"GitHub shows {GitHubAnnotationsPerKind} annotations of each kind per step: {Counted.Of(plain.GetValueOrDefault(ProblemSeverity.Error), "more error")} and {Counted.Of(plain.GetValueOrDefault(ProblemSeverity.Warning), "more warning")} are listed above as plain lines.");
        }
    }

    // GitHub's workflow commands: a message escapes %, CR and LF; a property also : and ,.
    private static string Data(string text) => new StringBuilder(text)
        .Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A").ToString();

    private static string Property(string text) => new StringBuilder(Data(text)).Replace(":", "%3A").Replace(",", "%2C").ToString();
}

using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;
using Stackwise.Web.Commands;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Commands;

/// <summary>
/// `check --format`: the same problems and exit codes in every format; SARIF 2.1.0 valid against its schema with one rule
/// per problem code, each with the guide's help and a link to its row; GitHub annotations within GitHub's limits.
/// </summary>
public sealed partial class CheckFormatTests : FolderTest
{
    private static readonly JsonSchema Sarif = JsonSchema.FromFile(Path.Combine(RepositoryPaths.Root, "tests", "Stackwise.Web.Tests", "Commands", "Schemas", "sarif-2.1.0.json"));

    public CheckFormatTests() => Folder
        .Write("therapies/good.md", SyntheticContent.LowRiskArticle)
        .Write("therapies/bad-risk.md", SyntheticContent.LowRiskArticle.Replace("risk: low", "risk: medium, 100% sure", StringComparison.Ordinal))
        .Write("therapies/linked.md", SyntheticContent.LowRiskArticle.Replace("Text.", "See [a missing page](/therapies/missing).", StringComparison.Ordinal));

    private Task<(int ExitCode, string Output, string Error)> CheckAsync(string format, IReadOnlyDictionary<string, string>? environment = null) =>
        AppProcess.RunAsync(["check", "--content", Folder.Root, "--format", format], environment);

    [GeneratedRegex(@"^(?<file>.+?):(?<line>\d+):(?<column>\d+): (?<severity>error|warning) (?<code>SW\d{3}): (?<message>.*)$", RegexOptions.Multiline)]
    private static partial Regex TextProblem();

    /// <summary>The problems as text prints them: file, line, column, severity, code, message.</summary>
    private async Task<List<string>> TextProblemsAsync() =>
        [.. TextProblem().Matches((await CheckAsync("text")).Output).Select(match =>
            $"{match.Groups["file"]}|{match.Groups["line"]}|{match.Groups["column"]}|{match.Groups["severity"]}|{match.Groups["code"]}|{match.Groups["message"].Value.TrimEnd('\r')}")];

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("sarif")]
    [InlineData("github")]
    public async Task EveryFormatKeepsTheExitCodes(string format)
    {
        var failing = (await CheckAsync(format)).ExitCode;
        File.Delete(Path.Combine(Folder.Root, "therapies", "bad-risk.md"));
        var passing = (await CheckAsync(format)).ExitCode;

        Assert.Equal((1, 0), (failing, passing));
    }

    [Fact]
    public async Task JsonHasTheCountsAndOneObjectPerProblem()
    {
        var (_, output, _) = await CheckAsync("json");

        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal((3, 1, 1, 1), (root.GetProperty("files").GetInt32(), root.GetProperty("errors").GetInt32(), root.GetProperty("warnings").GetInt32(), root.GetProperty("filesKeptOff").GetInt32()));
        Assert.Equal(await TextProblemsAsync(), root.GetProperty("problems").EnumerateArray().Select(problem =>
            $"{problem.GetProperty("file").GetString()}|{problem.GetProperty("line").GetInt32()}|{problem.GetProperty("column").GetInt32()}|{problem.GetProperty("severity").GetString()}|{problem.GetProperty("code").GetString()}|{problem.GetProperty("message").GetString()}"));
    }

    [Fact]
    public async Task SarifIsValidAgainstTheSchemaWithTheSameResults()
    {
        var (_, output, _) = await CheckAsync("sarif");

        var evaluation = Sarif.Evaluate(JsonDocument.Parse(output).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        Assert.True(evaluation.IsValid, string.Join("\n", (evaluation.Details ?? []).Where(detail => detail.Errors is { Count: > 0 }).Select(detail => $"{detail.InstanceLocation}: {string.Join("; ", detail.Errors!.Values)}")));
        var run = JsonDocument.Parse(output).RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(await TextProblemsAsync(), run.GetProperty("results").EnumerateArray().Select(result =>
        {
            var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            var region = location.GetProperty("region");
            Assert.Equal(result.GetProperty("ruleId").GetString(), rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
            var uri = new Uri(location.GetProperty("artifactLocation").GetProperty("uri").GetString()!, UriKind.RelativeOrAbsolute);
            return $"{(uri.IsAbsoluteUri ? uri.LocalPath : Uri.UnescapeDataString(uri.OriginalString))}|{region.GetProperty("startLine").GetInt32()}|{region.GetProperty("startColumn").GetInt32()}|{result.GetProperty("level").GetString()}|{result.GetProperty("ruleId").GetString()}|{result.GetProperty("message").GetProperty("text").GetString()}";
        }));
    }

    [Fact]
    public async Task SarifHasOneRulePerCodeWithTheGuidesHelpAndALinkToItsRow()
    {
        var guide = ProblemGuide.Rows(await File.ReadAllLinesAsync(Path.Combine(RepositoryPaths.Root, "docs", "authoring.md")));

        var (_, output, _) = await CheckAsync("sarif", new Dictionary<string, string> { ["Content__GuideUrl"] = "https://example.org/repo/docs/authoring.md" });

        var rules = JsonDocument.Parse(output).RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(AuthoringCodes(), rules.Select(rule => rule.GetProperty("id").GetString()));
        Assert.All(rules, rule =>
        {
            var code = rule.GetProperty("id").GetString()!;
            Assert.Equal(guide[code], rule.GetProperty("help").GetProperty("text").GetString());
            Assert.Equal($"https://example.org/repo/docs/authoring.md#{code.ToLowerInvariant()}", rule.GetProperty("helpUri").GetString());
            Assert.Equal(guide[code].StartsWith("Warning", StringComparison.Ordinal) ? "warning" : "error", rule.GetProperty("defaultConfiguration").GetProperty("level").GetString());
        });
    }

    private static List<string> AuthoringCodes() =>
        [.. typeof(ProblemCodes).GetFields().Select(field => (string)field.GetValue(null)!).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task GitHubAnnotatesEachProblemWithItsFileLineColumnAndCodeEscaped()
    {
        var (_, output, _) = await CheckAsync("github");

        var lines = output.TrimEnd().Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        var shown = (await TextProblemsAsync()).Select(problem => problem.Split('|')).ToList();
        Assert.Equal(
            [.. shown.Select(problem => $"::{problem[3]} file={problem[0]},line={problem[1]},col={problem[2]},title={problem[4]}::{problem[5].Replace("%", "%25", StringComparison.Ordinal)}"),
             $"Checked 3 files in {shown[0][0][..shown[0][0].IndexOf("/therapies/", StringComparison.Ordinal)]}: 1 error, 1 warning; 1 file kept off the site."],
            lines);
        Assert.Contains("100%25 sure", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GitHubAnnotatesAtMostTenOfEachKindAndListsTheRestAsPlainLines()
    {
        for (var i = 0; i < 12; i++)
        {
            Folder.Write($"therapies/bad-{i:00}.md", SyntheticContent.LowRiskArticle.Replace("risk: low", "risk: medium", StringComparison.Ordinal))
                .Write($"therapies/linked-{i:00}.md", SyntheticContent.LowRiskArticle.Replace("Text.", "See [a missing page](/therapies/missing).", StringComparison.Ordinal));
        }

        var (exitCode, output, _) = await CheckAsync("github");

        var lines = output.TrimEnd().Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        Assert.Equal(1, exitCode);
        Assert.Equal(CheckReport.GitHubAnnotationsPerKind, lines.Count(line => line.StartsWith("::error ", StringComparison.Ordinal)));
        Assert.Equal(CheckReport.GitHubAnnotationsPerKind, lines.Count(line => line.StartsWith("::warning ", StringComparison.Ordinal)));
        Assert.Equal(3, lines.Count(line => TextProblem().IsMatch(line) && line.Contains(": error SW027: ", StringComparison.Ordinal)));
        Assert.Equal(3, lines.Count(line => TextProblem().IsMatch(line) && line.Contains(": warning SW053: ", StringComparison.Ordinal)));
        Assert.EndsWith(": 13 errors, 13 warnings; 13 files kept off the site.", lines[^2], StringComparison.Ordinal);
        Assert.Equal("GitHub shows 10 annotations of each kind per step: 3 more errors and 3 more warnings are listed above as plain lines.", lines[^1]);
    }
}

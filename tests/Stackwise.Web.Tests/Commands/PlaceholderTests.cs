using System.Net;
using System.Text.RegularExpressions;
using Stackwise.Web.Commands;
using Stackwise.Web.Content.Checks;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Commands;

/// <summary>
/// The text `new` writes for an editor to replace: every placeholder of each template is found by `check` and by the
/// site, a warning on a draft and an error (the page unpublished) once it is not one; a filled-in template is clean.
/// </summary>
public sealed partial class PlaceholderTests : FolderTest
{
    private const string Filled = "Synthetic words an editor wrote.";

    private static Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => AppProcess.RunAsync(args);

    [GeneratedRegex(@"^(?<file>[^:]+):(?<line>\d+):(?<column>\d+): (?<severity>error|warning) SW072: ", RegexOptions.Multiline)]
    private static partial Regex PlaceholderLine();

    /// <summary>Each line of <paramref name="text"/> holding a placeholder, as the template wrote it.</summary>
    private static List<int> PlaceholderLines(string text) =>
    [
        .. text.Split('\n').Select((line, index) => (line, index))
            .Where(entry => Placeholders.Phrases.Any(phrase => entry.line.Contains(phrase, StringComparison.Ordinal))
                || entry.line == $"category: {Placeholders.Category}")
            .Select(entry => entry.index + 1),
    ];

    private static List<(int Line, string Severity)> Reported(string output) =>
        [.. PlaceholderLine().Matches(output).Select(match => (int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups["severity"].Value))];

    private async Task<string> NewArticleAsync()
    {
        Assert.Equal(0, (await RunAsync("new", "therapies", "Synthetic Placeholder Therapy", "--content", Folder.Root)).ExitCode);
        return Path.Combine(Folder.Root, "therapies", "synthetic-placeholder-therapy.md");
    }

    [Fact]
    public async Task EveryPlaceholderOfTheArticleTemplateIsAWarningOnTheDraft()
    {
        var file = await NewArticleAsync();
        var expected = PlaceholderLines(await File.ReadAllTextAsync(file));

        var (exitCode, output, _) = await RunAsync("check", "--content", Folder.Root);

        Assert.Equal(0, exitCode);
        Assert.Equal(4 + Templates.SectionHeadings.Length, expected.Count);
        Assert.Equal(expected.Select(line => (line, "warning")), Reported(output));
        Assert.Contains("it is an error once `draft: true` is removed", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryPlaceholderIsAnErrorOnceTheArticleIsNotADraft()
    {
        var file = await NewArticleAsync();
        var text = (await File.ReadAllTextAsync(file)).Replace("draft: true\n", "", StringComparison.Ordinal);
        await File.WriteAllTextAsync(file, text);

        var (exitCode, output, _) = await RunAsync("check", "--content", Folder.Root);

        Assert.Equal(1, exitCode);
        Assert.Equal(PlaceholderLines(text).Select(line => (line, "error")), Reported(output));
        Assert.Contains("1 file kept off the site", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFilledInArticleTemplatePassesClean()
    {
        var file = await NewArticleAsync();
        var text = Placeholders.Phrases.Aggregate(await File.ReadAllTextAsync(file), (filled, phrase) => filled.Replace(phrase, Filled, StringComparison.Ordinal))
            .Replace($"category: {Placeholders.Category}", "category: Synthetic Category", StringComparison.Ordinal)
            .Replace("draft: true\n", "", StringComparison.Ordinal);
        await File.WriteAllTextAsync(file, text);

        var (exitCode, output, _) = await RunAsync("check", "--content", Folder.Root);

        Assert.True(exitCode == 0, output);
        Assert.Contains(": 0 errors, 0 warnings;", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewPersonWritesAPageWhosePlaceholderBiographyKeepsItOffTheSiteUntilWritten()
    {
        var (written, output, _) = await RunAsync("new", "person", "Synthetic Reviewer", "--content", Folder.Root);
        var file = Path.Combine(Folder.Root, "people", "synthetic-reviewer.md");
        var text = await File.ReadAllTextAsync(file);

        var (unwritten, problems, _) = await RunAsync("check", "--content", Folder.Root);
        var filled = text.Replace(Placeholders.Biography, Filled, StringComparison.Ordinal).Replace("\n# ", "\n", StringComparison.Ordinal);
        await File.WriteAllTextAsync(file, filled);
        var (clean, cleanOutput, _) = await RunAsync("check", "--content", Folder.Root);

        Assert.Equal(0, written);
        Assert.Contains("`reviewedBy: synthetic-reviewer`", output, StringComparison.Ordinal);
        Assert.Contains("name: \"Synthetic Reviewer\"", text, StringComparison.Ordinal);
        Assert.Equal(1, unwritten);
        Assert.Equal(PlaceholderLines(text).Select(line => (line, "error")), Reported(problems));
        Assert.Single(Reported(problems));
        Assert.True(clean == 0, cleanOutput);
        Assert.Contains(": 0 errors, 0 warnings;", cleanOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("uncategorized")]
    [InlineData("\"Uncategorized\"")]
    [InlineData("UNCATEGORIZED")]
    public async Task TheTemplateCategoryInAnySpellingIsAPlaceholder(string category)
    {
        Folder.Write("therapies/synthetic.md", $"---\ntitle: Synthetic\ncategory: {category}\nrisk: low\nsummary: Synthetic.\npublished: 2026-01-01\n---\nText.\n");

        var (exitCode, output, _) = await RunAsync("check", "--content", Folder.Root);

        Assert.Equal(1, exitCode);
        Assert.Equal([(3, "error")], Reported(output));
    }

    public static TheoryData<string> Phrases => [.. Placeholders.Phrases];

    [Theory]
    [MemberData(nameof(Phrases))]
    public async Task APlaceholderAnywhereInAFileIsFoundWhereItIs(string phrase)
    {
        Folder.Write("therapies/synthetic.md", $"---\ntitle: Synthetic\ncategory: Test\nrisk: low\nsummary: Synthetic.\npublished: 2026-01-01\n---\nText.\n\n## Part\n\nBefore it. {phrase} After it.\n");

        var snapshot = await Folder.LoadAsync();

        var problem = Assert.Single(snapshot.Problems, problem => problem.Code == ProblemCodes.Placeholder);
        Assert.Equal((12, 12, ProblemSeverity.Error), (problem.Position.Line, problem.Position.Column, problem.Severity));
        Assert.Contains(phrase, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDevelopmentSiteServesADraftTemplateAndListsItsPlaceholdersAsWarnings()
    {
        var text = Templates.Article("Synthetic Unfinished", new DateOnly(2026, 1, 1));
        Folder.Write("therapies/synthetic-unfinished.md", text);
        await using var site = new StackwiseFactory(Folder.Root, "Development");
        var client = site.CreateClient();

        var (draft, _) = await client.GetPageAsync("/therapies/synthetic-unfinished");
        var (_, problems) = await client.GetPageAsync("/_content/problems");

        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        var rows = problems.QuerySelectorAll("table.problems tbody tr").Select(row => row.QuerySelectorAll("td").Select(cell => cell.TextContent.Trim()).ToList())
            .Where(cells => cells[2] == ProblemCodes.Placeholder).ToList();
        Assert.Equal(PlaceholderLines(text).Select(line => $"content/therapies/synthetic-unfinished.md:{line}"), rows.Select(cells => cells[0][..cells[0].LastIndexOf(':')]));
        Assert.All(rows, cells => Assert.Equal("Warning", cells[1]));
    }

    [Fact]
    public async Task ThePublishedSiteNeverServesAnArticleWithAPlaceholder()
    {
        var text = Templates.Article("Synthetic Unfinished", new DateOnly(2026, 1, 1)).Replace("draft: true\n", "", StringComparison.Ordinal);
        Folder.Write("therapies/synthetic-unfinished.md", text).Write("therapies/good.md", SyntheticContent.LowRiskArticle);
        await using var site = new StackwiseFactory(Folder.Root);
        var client = site.CreateClient();

        var unfinished = await client.GetAsync(new Uri("/therapies/synthetic-unfinished", UriKind.Relative));
        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, unfinished.StatusCode);
        Assert.DoesNotContain("synthetic-unfinished", home, StringComparison.Ordinal);
        Assert.Contains("/therapies/good", home, StringComparison.Ordinal);
    }
}

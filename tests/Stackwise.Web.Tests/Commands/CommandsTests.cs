using Stackwise.Web.Commands;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Commands;

/// <summary>The editors' commands, run as a real process the way an editor or CI runs them.</summary>
public sealed class CommandsTests : IDisposable
{
    private readonly TempContentFolder _folder = new TempContentFolder().Write("therapies/good.md", SyntheticContent.LowRiskArticle);

    public void Dispose() => _folder.Dispose();

    private static Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => AppProcess.RunAsync(args);

    [Fact]
    public async Task CheckExitsZeroWhenThereAreNoErrors()
    {
        _folder.Write("therapies/warned.md", SyntheticContent.LowRiskArticle.Replace("Text.", "[broken](/nowhere)", StringComparison.Ordinal));

        var (exitCode, output, _) = await RunAsync("check", "--content", _folder.Root);

        Assert.Equal(0, exitCode);
        Assert.Contains("/therapies/warned.md:8:1: warning SW053:", output, StringComparison.Ordinal);
        Assert.Contains("Checked 2 files in ", output, StringComparison.Ordinal);
        Assert.Contains(": 0 errors, 1 warning; 0 files kept off the site.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckExitsOneAndPrintsEachErrorWhereTheEditorCanClickIt()
    {
        _folder.Write("therapies/typo.md", SyntheticContent.LowRiskArticle.Replace("risk: low", "risk: medium\nhealthrisk: typo", StringComparison.Ordinal));

        var (exitCode, output, _) = await RunAsync("check", "--content", _folder.Root);

        Assert.Equal(1, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, line => line.EndsWith("/therapies/typo.md:4:7: error SW027: field `risk` must be one of low, moderate, high (got `medium`)", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.EndsWith("/therapies/typo.md:5:1: error SW023: unknown field `healthrisk`: did you mean `healthRisks`?", StringComparison.Ordinal));
        Assert.EndsWith(": 2 errors, 0 warnings; 1 file kept off the site.", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckReportsForbiddenCharactersFutureDatesAndFarPublicationsWhereTheyAre()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        _folder.Write("therapies/control.md", SyntheticContent.LowRiskArticle.Replace("title: Good", "title: \"Go\\eod\"", StringComparison.Ordinal))
            .Write("therapies/raw.md", SyntheticContent.LowRiskArticle.Replace("Text.", "Te\uFFFFxt.", StringComparison.Ordinal))
            .Write("therapies/future.md", SyntheticContent.LowRiskArticle.Replace("published: 2026-01-01", $"published: 2026-01-01\nupdated: {today.AddDays(1):yyyy-MM-dd}", StringComparison.Ordinal))
            .Write("therapies/far.md", SyntheticContent.LowRiskArticle.Replace("published: 2026-01-01", "published: 9999-12-31", StringComparison.Ordinal));

        var (exitCode, output, _) = await RunAsync("check", "--content", _folder.Root);

        Assert.Equal(1, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, line => line.EndsWith("/therapies/control.md:2:8: error SW057: field `title` contains U+001B (the escape control character), which no page or feed can carry; remove it", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("/therapies/raw.md:8:3: error SW057: the file contains U+FFFF (a Unicode noncharacter)", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains($"/therapies/future.md:7:10: error SW058: field `updated` ({today.AddDays(1):yyyy-MM-dd}) is after today", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("/therapies/far.md:6:12: warning SW059: field `published` (9999-12-31) is ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("check", "--content", "/no/such/folder")]
    [InlineData("check", "--content")]
    [InlineData("check", "extra")]
    [InlineData("new", "therapies")]
    [InlineData("new")]
    [InlineData("new", "therapies", "Title", "--force", "--content", "{folder}")]
    [InlineData("check", "--bogus")]
    [InlineData("check", "-x")]
    [InlineData("export")]
    [InlineData("export", "out", "--zip")]
    [InlineData("export", "one", "two")]
    public async Task CommandsExitTwoWhenTheyCannotRun(params string[] args)
    {
        var (exitCode, _, error) = await RunAsync([.. args.Select(arg => arg == "{folder}" ? _folder.Root : arg)]);

        Assert.Equal(2, exitCode);
        Assert.NotEmpty(error);
        // A refused command line changes nothing.
        Assert.Equal(["good.md"], Directory.EnumerateFiles(_folder.Root, "*", SearchOption.AllDirectories).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("check", "--content <DIR>")]
    [InlineData("new", "new <SECTION> <TITLE> [command] [options]")]
    [InlineData("export", "export <OUTDIR>")]
    public async Task EachCommandHasHelp(string command, string usage)
    {
        var (exitCode, output, _) = await RunAsync(command, "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains(usage, output, StringComparison.Ordinal);
        Assert.Contains("Exit codes:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelpListsTheCommands()
    {
        var (exitCode, output, _) = await RunAsync("--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("  check ", output, StringComparison.Ordinal);
        Assert.Contains("  new <SECTION> <TITLE> ", output, StringComparison.Ordinal);
        Assert.Contains("  export <OUTDIR> ", output, StringComparison.Ordinal);
        // The README shows the same text, so a new command or option cannot leave it behind.
        var readme = (await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "README.md"))).ReplaceLineEndings("\n");
        var start = readme.IndexOf("```text\nDescription:", StringComparison.Ordinal) + "```text\n".Length;
        Assert.Equal(output.ReplaceLineEndings("\n").TrimEnd(), readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)].TrimEnd());
    }

    [Fact]
    public async Task AnUnknownOptionIsNamedInTheMessage()
    {
        var (exitCode, _, error) = await RunAsync("check", "--bogus");

        Assert.Equal(2, exitCode);
        Assert.Contains("--bogus", error, StringComparison.Ordinal);
        Assert.Contains("--help", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("chek", "; did you mean 'check'?")]
    [InlineData("CHECK", "; did you mean 'check'?")]
    [InlineData("exprot", "; did you mean 'export'?")]
    [InlineData("nwe", "; did you mean 'new'?")]
    [InlineData("serve", " The commands are")]
    [InlineData("content", " The commands are")]
    public async Task AnUnknownCommandIsRefusedAndNeverStartsTheServer(string typed, string follows)
    {
        var (exitCode, output, error) = await RunAsync(typed, "--urls", "http://127.0.0.1:0");

        Assert.Equal(2, exitCode);
        Assert.StartsWith($"error: unknown command '{typed}'{follows}", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Content loaded", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--urls")]
    [InlineData("/urls")]
    [InlineData("urls=http://127.0.0.1:0")]
    [InlineData("Site:BaseUrl=https://example.org")]
    public void ConfigurationInAnyFormIsNotTakenForACommand(string first) =>
        Assert.Null(SiteCommands.UnknownCommand([first, "value"]));

    [Fact]
    public async Task CheckRefusesAnEmptyContentFolder()
    {
        var (exitCode, output, error) = await RunAsync("check", "--content", "");

        Assert.Equal(2, exitCode);
        Assert.Equal("error: --content needs a folder; it was given an empty value.", error.Trim());
        Assert.Empty(output);
    }

    [Fact]
    public async Task CheckReportsSixtyThousandLevelsOfNestingInsteadOfCrashing()
    {
        var deep = new string('[', 60_000) + "a" + new string(']', 60_000);
        _folder.Write("therapies/deep.md", SyntheticContent.LowRiskArticle.Replace("risk: low", $"risk: low\ntags: {deep}", StringComparison.Ordinal))
            .Write("redirects.yml", $"gone: {deep}\n");

        var (exitCode, output, _) = await RunAsync("check", "--content", _folder.Root);

        Assert.Equal(1, exitCode);
        Assert.Contains(output.Split('\n'), line => line.Contains("/therapies/deep.md:", StringComparison.Ordinal) && line.Contains(": error SW033: ", StringComparison.Ordinal));
        Assert.Contains(output.Split('\n'), line => line.Contains("redirects.yml:1:", StringComparison.Ordinal) && line.Contains(": error SW033: ", StringComparison.Ordinal));
    }
}

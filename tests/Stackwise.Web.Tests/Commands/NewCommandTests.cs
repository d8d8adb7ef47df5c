using Microsoft.Extensions.Time.Testing;
using Stackwise.Web.Commands;
using Stackwise.Web.Content.Checks;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Commands;

/// <summary>
/// `new`: a draft written from the template into the content folder, dated by the clock it is given, that passes the
/// check; and everything it refuses to write (an existing file, a bad section or title, a path out of the folder).
/// </summary>
public sealed class NewCommandTests : IDisposable
{
    private readonly TempContentFolder _folder = new TempContentFolder().Write("therapies/good.md", SyntheticContent.LowRiskArticle);

    public void Dispose() => _folder.Dispose();

    private static Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => AppProcess.RunAsync(args);

    [Fact]
    public async Task NewWritesADraftFromTheTemplateThatPassesTheCheck()
    {
        var (exitCode, output, _) = await RunAsync("new", "therapies", "Synthetic Test Therapy", "--content", _folder.Root);
        var file = Path.Combine(_folder.Root, "therapies", "synthetic-test-therapy.md");

        Assert.Equal(0, exitCode);
        Assert.Contains("synthetic-test-therapy.md", output, StringComparison.Ordinal);
        var text = await File.ReadAllTextAsync(file);
        Assert.Contains("title: \"Synthetic Test Therapy\"", text, StringComparison.Ordinal);
        Assert.Contains("draft: true", text, StringComparison.Ordinal);
        Assert.All(Templates.SectionHeadings, heading => Assert.Contains($"\n## {heading}\n", text, StringComparison.Ordinal));
        Assert.Equal(0, (await RunAsync("check", "--content", _folder.Root)).ExitCode);
    }

    [Theory]
    [InlineData("therapies", "Terapia sintética", "therapies/terapia-sintetica.md")]
    [InlineData("терапии", "Синтетическая терапия", "терапии/синтетическая-терапия.md")]
    [InlineData("therapies", "Συνθετική θεραπεία", "therapies/συνθετική-θεραπεία.md")]
    [InlineData("therapies", "علاج تجريبي", "therapies/علاج-تجريبي.md")]
    [InlineData("טיפולים", "טיפול לדוגמה", "טיפולים/טיפול-לדוגמה.md")]
    [InlineData("therapies", "उदाहरण चिकित्सा", "therapies/उदाहरण-चिकित्सा.md")]
    [InlineData("therapies", "การบำบัด ตัวอย่าง", "therapies/การบำบัด-ตัวอย่าง.md")]
    [InlineData("therapies", "示例疗法", "therapies/示例疗法.md")]
    [InlineData("療法", "療法のサンプル", "療法/療法のサンプル.md")]
    [InlineData("therapies", "예시 치료", "therapies/예시-치료.md")]
    public async Task NewWritesADraftNamedInTheTitlesScript(string section, string title, string file)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await SiteCommands.RunAsync(["new", section, title, "--content", _folder.Root],
            () => throw new InvalidOperationException("new builds no site"), output, error, new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero)));

        Assert.True(exitCode == 0, error.ToString());
        var written = await File.ReadAllTextAsync(Path.Combine(_folder.Root, file));
        Assert.Contains($"title: \"{title}\"", written, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2031, 2, 3)]
    [InlineData(2026, 12, 31)]
    public async Task NewDatesTheDraftByTheClockItIsGiven(int year, int month, int day)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(year, month, day, 23, 30, 0, TimeSpan.Zero));
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await SiteCommands.RunAsync(["new", "therapies", "Synthetic Dated Therapy", "--content", _folder.Root],
            () => throw new InvalidOperationException("new builds no site"), output, error, time);

        Assert.Equal(0, exitCode);
        var written = await File.ReadAllTextAsync(Path.Combine(_folder.Root, "therapies", "synthetic-dated-therapy.md"));
        Assert.Contains($"\npublished: {year:0000}-{month:00}-{day:00}\n", written, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTemplatesOptionalFieldsPassTheCheckOnceUncommented()
    {
        var template = Templates.Article("Synthetic Cited Therapy", new DateOnly(2026, 1, 5));
        var used = Placeholders.Phrases.Aggregate(template, (text, phrase) => text.Replace(phrase, "Synthetic words.", StringComparison.Ordinal))
            .Replace($"category: {Placeholders.Category}", "category: Synthetic", StringComparison.Ordinal)
            .Replace("\n# ", "\n", StringComparison.Ordinal).Replace("---\nSynthetic words.", "---\nSynthetic words [@source-id].", StringComparison.Ordinal);
        _folder.Write("therapies/synthetic-cited-therapy.md", used)
            .Write("people/your-slug.md", "---\nname: Synthetic Writer\n---\nSynthetic.\n")
            .Write("people/reviewer-slug.md", "---\nname: Synthetic Reviewer\ncredentials: MD\n---\nSynthetic.\n");

        var (exitCode, output, _) = await RunAsync("check", "--content", _folder.Root);

        Assert.NotEqual(template, used);
        Assert.True(exitCode == 0, output);
        Assert.Contains(": 0 errors, 0 warnings;", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewRefusesToOverwriteAnExistingFile()
    {
        var (exitCode, _, error) = await RunAsync("new", "therapies", "Good", "--content", _folder.Root);

        Assert.Equal(1, exitCode);
        Assert.Contains("already exists", error, StringComparison.Ordinal);
        Assert.Equal(SyntheticContent.LowRiskArticle, await File.ReadAllTextAsync(Path.Combine(_folder.Root, "therapies", "good.md")));
    }

    [Theory]
    [InlineData("pages", "About Us")]
    [InlineData("Bad Section", "Title")]
    [InlineData("therapies", "!!!")]
    public async Task NewRefusesBadSectionsAndTitles(string section, string title)
    {
        var (exitCode, _, error) = await RunAsync("new", section, title, "--content", _folder.Root);

        Assert.Equal(1, exitCode);
        Assert.StartsWith("error:", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("people", "Jane Doe", "people's pages are written with `new person \"Name\"`")]
    [InlineData("pages", "About Us", "site pages in content/pages/ are written by hand")]
    [InlineData("therapies", "Two\nLines", "the title must be one line of text")]
    [InlineData("therapies", "Carriage\rReturn", "the title must be one line of text")]
    [InlineData("therapies", "Tab\tInside", "the title must be one line of text")]
    [InlineData("therapies", "Bell\u0007Inside", "the title must be one line of text")]
    [InlineData("therapies", "Line\u2028Separator", "the title must be one line of text")]
    [InlineData("therapies", "Non\uFFFFCharacter", "the title must be one line of text")]
    public async Task NewRefusesWhatWouldNotBeAnArticleAndWritesNothing(string section, string title, string message)
    {
        var before = Directory.GetFiles(_folder.Root, "*", SearchOption.AllDirectories);

        var (exitCode, _, error) = await RunAsync("new", section, title, "--content", _folder.Root);

        Assert.Equal(1, exitCode);
        Assert.StartsWith($"error: {message}", error, StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFiles(_folder.Root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task NewNeverWritesThroughASymbolicLinkOutOfTheContentFolder()
    {
        var outside = Directory.CreateTempSubdirectory("stackwise-outside-");
        try
        {
            Directory.CreateSymbolicLink(Path.Combine(_folder.Root, "linked"), outside.FullName);

            var (exitCode, _, error) = await RunAsync("new", "linked", "Synthetic Title", "--content", _folder.Root);

            Assert.Equal(1, exitCode);
            Assert.Contains("is a symbolic link", error, StringComparison.Ordinal);
            Assert.Empty(outside.EnumerateFileSystemInfos());
        }
        finally
        {
            outside.Delete(recursive: true);
        }
    }

    private static readonly Dictionary<string, string> EnglishAndSpanish = new() { ["Site__Languages__0"] = "en", ["Site__Languages__1"] = "es" };

    /// <summary>A reviewed article with an alias, an update and a draft flag none of which a translation may inherit.</summary>
    private const string ReviewedSource = "---\ntitle: Reviewed Synthetic Therapy\ncategory: Synthetic\nrisk: moderate\nsummary: Synthetic summary.\n"
        + "healthRisks:\n  - Synthetic risk\naliases:\n  - /old/reviewed\npublished: 2026-01-01\nupdated: 2026-02-01\nauthor: writer\n"
        + "reviewedBy: writer\nlastReviewed: 2026-02-01\nnextReview: 2027-02-01\n---\nSynthetic body.\n\n## Synthetic Section\n\nMore synthetic text.\n";

    [Theory]
    [InlineData("content/therapies/reviewed.md")]
    [InlineData("therapies/reviewed")]
    [InlineData("/therapies/reviewed")]
    public async Task NewTranslationWritesADraftCopyWithoutTheSourcesReviewThatTheCheckReads(string source)
    {
        _folder.Write("therapies/reviewed.md", ReviewedSource).Write("people/writer.md", "---\nname: Synthetic Writer\n---\nSynthetic.\n")
            .Write("es/people/writer.md", "---\nname: Synthetic Writer\n---\nSintético.\n");

        var (exitCode, output, _) = await AppProcess.RunAsync(["new", "translation", source, "--lang", "es", "--content", _folder.Root], EnglishAndSpanish);

        Assert.Equal(0, exitCode);
        Assert.Contains("/es/therapies/reviewed", output, StringComparison.Ordinal);
        var text = await File.ReadAllTextAsync(Path.Combine(_folder.Root, "es", "therapies", "reviewed.md"));
        foreach (var gone in new[] { "reviewedBy:", "lastReviewed:", "nextReview:", "aliases:", "/old/reviewed", "updated:", "published: 2026-01-01" })
        {
            Assert.DoesNotContain(gone, text, StringComparison.Ordinal);
        }
        Assert.Contains($"published: {DateTime.UtcNow:yyyy-MM-dd}\ndraft: true\n---\nSynthetic body.\n\n## Synthetic Section\n", text, StringComparison.Ordinal);
        Assert.Contains("healthRisks:\n  - Synthetic risk\n", text, StringComparison.Ordinal);
        var (checkCode, checkOutput, _) = await AppProcess.RunAsync(["check", "--content", _folder.Root], EnglishAndSpanish);
        Assert.True(checkCode == 0, checkOutput);
        Assert.Contains("es/therapies/reviewed.md", checkOutput, StringComparison.Ordinal);  // SW076: not reviewed yet
        Assert.Contains("SW076", checkOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/therapies/good", "fr", "`fr` is not one of the site's other languages")]
    [InlineData("/therapies/missing", "es", "is not an article or site page of the default language")]
    [InlineData("/es/therapies/good", "es", "is not an article or site page of the default language")]
    [InlineData("../outside.md", "es", "is not an article or site page of the default language")]
    public async Task NewTranslationRefusesAnUnknownLanguageOrSource(string source, string language, string message)
    {
        _folder.Write("es/therapies/good.md", SyntheticContent.LowRiskArticle);

        var (exitCode, _, error) = await AppProcess.RunAsync(["new", "translation", source, "--lang", language, "--content", _folder.Root], EnglishAndSpanish);

        Assert.Equal(1, exitCode);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewTranslationNeverOverwritesAFile()
    {
        _folder.Write("es/therapies/good.md", "kept");

        var (exitCode, _, error) = await AppProcess.RunAsync(["new", "translation", "/therapies/good", "--lang", "es", "--content", _folder.Root], EnglishAndSpanish);

        Assert.Equal(1, exitCode);
        Assert.Contains("already exists", error, StringComparison.Ordinal);
        Assert.Equal("kept", await File.ReadAllTextAsync(Path.Combine(_folder.Root, "es", "therapies", "good.md")));
    }
}

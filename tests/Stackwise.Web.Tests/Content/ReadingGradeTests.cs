using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Events;
using Stackwise.Web.Content.Checks;
using Stackwise.Web.Content.Hosting;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Parsing;
using Stackwise.Web.Rendering;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Content;

/// <summary>The Flesch-Kincaid grade of article bodies: computed by the usual formula, reported as advice above the limit.</summary>
public sealed partial class ReadingGradeTests
{
    // Synthetic sentences at both ends of the scale; each body repeats one until it is long enough to be graded.
    private static readonly string[] PlainSentences =
    [
        "Take the pill with food.",
        "Ask your nurse if you feel sick.",
        "This test is safe for most people. It takes ten minutes.",
        "Rest for a day. Drink lots of water. Call us if the pain gets worse.",
        "You may feel tired after it, and that is normal.",
    ];

    private static readonly string[] DenseSentences =
    [
        "Pharmacological intervention necessitates comprehensive consideration of individualised contraindications, concomitant medications and physiological vulnerabilities.",
        "Synthetic therapeutic administration, particularly intravenous, demonstrates considerable interindividual variability regarding pharmacokinetic characteristics and subsequent neuropsychological manifestations.",
    ];

    // About grade 17: over the default limit, under a limit of 20.
    private const string MediumSentence = "Patients receiving intravenous treatment should discuss possible interactions with their physician beforehand.";

    private static string Repeat(string sentence) => string.Join(' ', Enumerable.Repeat(sentence, (ReadingGrade.MinWords / sentence.Split(' ').Length) + 1));

    private static ParseResult Parse(string body, double limit = ReadingGrade.DefaultLimit) =>
        new ContentParser(new MarkdownRenderer(), limit).Parse(new ContentPath("therapies/graded.md", "therapies", "graded"),
            $"---\ntitle: Graded\ncategory: Test\nrisk: low\nsummary: Synthetic.\npublished: 2026-01-01\n---\n{body}\n", new DateOnly(2026, 11, 27));

    [Theory]
    [InlineData("cat", 1)]
    [InlineData("the", 1)]
    [InlineData("water", 2)]
    [InlineData("table", 2)]
    [InlineData("make", 1)]
    [InlineData("makes", 1)]
    [InlineData("walked", 1)]
    [InlineData("people", 2)]
    [InlineData("medication", 4)]
    [InlineData("psychotherapy", 5)]
    [InlineData("yes", 1)]
    [InlineData("Nausea,", 2)]
    [InlineData("2026", 0)]
    public void SyllablesAreCountedByTheUsualSpellingRules(string word, int syllables) =>
        Assert.Equal(syllables, ReadingGrade.Syllables(word));

    [Fact]
    public void GradeFollowsTheFleschKincaidFormula()
    {
        // 120 words in 20 sentences of six one-syllable words: 0.39 x 6 + 11.8 x 1 - 15.59 = -1.45, shown as 0.
        Assert.Equal(0, ReadingGrade.Of(string.Join(' ', Enumerable.Repeat("The cat sat on the mat.", 20))));
        // 120 words in 1 sentence, each of two syllables: 0.39 x 120 + 11.8 x 2 - 15.59 = 54.81.
        Assert.Equal(54.81, ReadingGrade.Of(string.Join(' ', Enumerable.Repeat("water", 120)) + ".") ?? 0, precision: 2);
        // Each line is a block (a list item, a paragraph) and ends a sentence without a full stop.
        Assert.Equal(ReadingGrade.Of(string.Join(' ', Enumerable.Repeat("The cat sat on the mat.", 20))),
            ReadingGrade.Of(string.Join('\n', Enumerable.Repeat("The cat sat on the mat", 20))));
    }

    [Fact]
    public void ShortTextIsNotGraded()
    {
        Assert.Null(ReadingGrade.Of(string.Join(' ', Enumerable.Repeat("Pharmacological", ReadingGrade.MinWords - 1))));
        Assert.Empty(Parse(DenseSentences[0]).Problems);
    }

    public static TheoryData<string> Plain => [.. PlainSentences];

    public static TheoryData<string> Dense => [.. DenseSentences];

    [Theory]
    [MemberData(nameof(Plain))]
    public void ShortPlainSentencesDoNotWarn(string sentence)
    {
        var result = Parse(Repeat(sentence));

        Assert.Empty(result.Problems);
        Assert.NotNull(result.Document);
    }

    [Theory]
    [MemberData(nameof(Dense))]
    public void DenseTextIsAdviceWithItsGradeToOneDecimalAndTheArticleIsStillServed(string sentence)
    {
        var result = Parse(Repeat(sentence));

        var problem = Assert.Single(result.Problems);
        Assert.Equal((ProblemSeverity.Warning, ProblemCodes.ReadingGrade, true, 8, 1),
            (problem.Severity, problem.Code, problem.IsAdvice, problem.Position.Line, problem.Position.Column));
        var grade = GradePattern().Match(problem.Message);
        Assert.True(grade.Success, problem.Message);
        Assert.True(double.Parse(grade.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > ReadingGrade.DefaultLimit, problem.Message);
        Assert.NotNull(result.Document);
    }

    [Fact]
    public void TheLimitIsASetting()
    {
        var body = Repeat(MediumSentence);

        Assert.Empty(Parse(body, limit: 20).Problems.Where(problem => problem.Code == ProblemCodes.ReadingGrade));
        Assert.Single(Parse(body, limit: 10).Problems, problem => problem.Code == ProblemCodes.ReadingGrade);
        Assert.Single(Parse(Repeat(PlainSentences[4]), limit: 1).Problems, problem => problem.Code == ProblemCodes.ReadingGrade);
    }

    [Fact]
    public void SitePagesAreNotGraded()
    {
        var sitePage = new ContentParser(new MarkdownRenderer()).Parse(new ContentPath("pages/dense.md", null, "dense"),
            $"---\ntitle: Dense\nsummary: Synthetic.\n---\n{Repeat(DenseSentences[1])}\n", SyntheticContent.ParsedOn);

        Assert.Empty(sitePage.Problems);
    }

    [Fact]
    public async Task CheckPrintsTheGradeExitsZeroAndFollowsTheSetting()
    {
        using var folder = new TempContentFolder()
            .Write("therapies/dense.md", $"---\ntitle: Dense\ncategory: Test\nrisk: low\nsummary: Synthetic.\npublished: 2026-01-01\n---\n{Repeat(MediumSentence)}\n");

        var (exitCode, output, _) = await AppProcess.RunAsync(["check", "--content", folder.Root]);
        var (relaxedExitCode, relaxedOutput, _) = await AppProcess.RunAsync(["check", "--content", folder.Root],
            new Dictionary<string, string> { ["Content__MaxReadingGrade"] = "20" });
        var (badExitCode, _, badError) = await AppProcess.RunAsync(["check", "--content", folder.Root],
            new Dictionary<string, string> { ["Content__MaxReadingGrade"] = "0.5" });

        Assert.True(exitCode == 0, output);
        Assert.Matches(@"/therapies/dense\.md:8:1: warning SW068: the body has a reading grade \d+\.\d \(Flesch-Kincaid\), above the site's limit of 10;", output);
        Assert.Equal(0, relaxedExitCode);
        Assert.DoesNotContain("SW068", relaxedOutput, StringComparison.Ordinal);
        Assert.Equal(2, badExitCode);
        Assert.Contains("MaxReadingGrade", badError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSiteCountsAdviceAtInformationAndListsItOnTheDevelopmentProblemsPage()
    {
        using var folder = new TempContentFolder()
            .Write("therapies/dense.md", $"---\ntitle: Dense\ncategory: Test\nrisk: low\nsummary: Synthetic.\npublished: 2026-01-01\n---\n{Repeat(DenseSentences[0])}\n");
        await using var site = new StackwiseFactory(folder.Root, "Development");

        var (_, document) = await site.CreateClient().GetPageAsync("/_content/problems");

        Assert.Contains("SW068", document.QuerySelector("table.problems")?.NormalizedText(), StringComparison.Ordinal);
        var advice = Assert.Single(site.Logs.Events, logEvent => logEvent.MessageTemplate.Text.StartsWith("Content advice", StringComparison.Ordinal));
        Assert.Equal(LogEventLevel.Information, advice.Level);
        Assert.DoesNotContain(site.Logs.Events, logEvent => logEvent.Level >= LogEventLevel.Warning && logEvent.RenderMessage(null).Contains("SW068", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheProductionSiteDoesNotGrade()
    {
        using var folder = new TempContentFolder()
            .Write("therapies/dense.md", $"---\ntitle: Dense\ncategory: Test\nrisk: low\nsummary: Synthetic.\npublished: 2026-01-01\n---\n{Repeat(DenseSentences[0])}\n");
        await using var site = new StackwiseFactory(folder.Root);
        site.CreateClient();

        var snapshot = site.Services.GetRequiredService<ContentStore>().Current;

        Assert.NotNull(snapshot.FindArticle("therapies", "dense"));
        Assert.Empty(snapshot.Problems);
        Assert.DoesNotContain(site.Logs.Messages, message => message.StartsWith("Content advice", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"reading grade (\d+\.\d) ")]
    private static partial Regex GradePattern();
}

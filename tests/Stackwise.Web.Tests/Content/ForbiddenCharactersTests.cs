using System.Net;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Serilog.Events;
using Stackwise.Web.Content.Checks;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Parsing;
using Stackwise.Web.Rendering;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Content;

/// <summary>No character in a content file can make a page, feed or sitemap fail: the ones that could are refused with
/// their place.</summary>
public sealed class ForbiddenCharactersTests : IDisposable
{
    private static readonly ContentParser Parser = new(new MarkdownRenderer());
    private readonly TempContentFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void EveryCodePointIsEitherRefusedOrCarriedByXml()
    {
        var allowed = new StringBuilder();
        for (var codePoint = 0; codePoint <= 0x10FFFF; codePoint++)
        {
            var forbidden = ForbiddenCharacters.IsForbidden(codePoint);
            var xmlCarries = codePoint is 0x9 or 0xA or 0xD or (>= 0x20 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD) or (>= 0x10000 and <= 0x10FFFF);
            Assert.True(forbidden || xmlCarries, $"U+{codePoint:X4} is allowed but XML 1.0 cannot carry it");
            if (!forbidden)
            {
                allowed.Append(char.ConvertFromUtf32(codePoint));
            }
        }

        // Every allowed character at once through the XML writer the feeds and sitemaps use: it throws on any it cannot write.
        using var output = new StringWriter();
        using (var writer = XmlWriter.Create(output))
        {
            writer.WriteElementString("title", allowed.ToString());
        }
        // Read back, every character arrives (line breaks aside: XML normalizes CR and CRLF to LF when reading).
        static string WithoutLineBreaks(string text) => text.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);
        Assert.Equal(WithoutLineBreaks(allowed.ToString()), WithoutLineBreaks(XDocument.Parse(output.ToString()).Root?.Value ?? ""));
    }

    /// <summary>
    /// The file check (its quick scan first, then the decoding) against the definition, for every code point and every lone
    /// half of a surrogate pair, between other text: refused exactly when forbidden, at its column.
    /// </summary>
    [Fact]
    public void TheFileCheckRefusesExactlyTheForbiddenCodePoints()
    {
        var path = new ContentPath("therapies/any.md", "therapies", "any");
        for (var codePoint = 0; codePoint <= 0x10FFFF; codePoint++)
        {
            var character = codePoint is >= 0xD800 and <= 0xDFFF ? ((char)codePoint).ToString() : char.ConvertFromUtf32(codePoint);
            var problems = ForbiddenCharacters.Problems(path, $"line one\nab{character}cd");

            if (ForbiddenCharacters.IsForbidden(codePoint))
            {
                var problem = Assert.Single(problems);
                Assert.Equal(new SourcePosition(2, 3), problem.Position);
                Assert.Equal(ProblemCodes.InvalidCharacter, problem.Code);
            }
            else
            {
                Assert.True(problems.Count == 0, $"U+{codePoint:X4} was refused");
            }
            Assert.Equal(problems.Count > 0, ForbiddenCharacters.Any(character));
        }
    }

    /// <summary>One of each kind: C0 controls (NUL, SOH, ESC, form feed), DEL, C1 (NEL), noncharacters in the BMP and
    /// beyond, both halves of a surrogate pair alone.</summary>
    public static TheoryData<string, string> Forbidden => new()
    {
        { "\\0", "U+0000 (an invisible control character)" },
        { "\\x01", "U+0001 (an invisible control character)" },
        { "\\e", "U+001B (the escape control character)" },
        { "\\f", "U+000C (an invisible control character)" },
        { "\\x7F", "U+007F (an invisible control character)" },
        { "\\N", "U+0085 (an invisible control character)" },
        { "\\uFDD0", "U+FDD0 (a Unicode noncharacter)" },
        { "\\uFFFE", "U+FFFE (a Unicode noncharacter)" },
        { "\\uFFFF", "U+FFFF (a Unicode noncharacter)" },
        { "\\U0001FFFF", "U+1FFFF (a Unicode noncharacter)" },
        { "\\U0010FFFE", "U+10FFFE (a Unicode noncharacter)" },
    };

    [Theory]
    [InlineData("\\uD800")]
    [InlineData("\\uDC00")]
    [InlineData("\\uDC00\\uD800")]
    public void EscapedHalfOfASurrogatePairIsRefused(string escape)
    {
        var result = Parser.Parse(new ContentPath("therapies/bad.md", "therapies", "bad"),
            SyntheticContent.LowRiskArticle.Replace("title: Good", $"title: \"A {escape} B\"", StringComparison.Ordinal), SyntheticContent.ParsedOn);

        // YamlDotNet refuses these escapes itself (SW021); the character check is there for any other way in.
        Assert.Null(result.Document);
        Assert.Contains(result.Problems, problem => problem.Code is "SW021" or "SW057" && problem.Position.Line == 2);
    }

    [Fact]
    public void LoneSurrogatesAreFoundWhereverTheyStand()
    {
        var found = ForbiddenCharacters.Find("a\uD800b\uDC00c\uD83D\uDE00d\uD83D").ToList();

        Assert.Equal([1, 3, 8], found.Select(item => item.Index));
        Assert.All(found, item => Assert.Contains("half of a surrogate pair", item.Description, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void EscapedInAFieldItIsAnErrorAtTheField(string escape, string description)
    {
        foreach (var field in new[] { "title", "summary", "category" })
        {
            var text = SyntheticContent.LowRiskArticle.Replace($"{field}: ", $"{field}: \"A {escape} B\"\nx-{field}: ", StringComparison.Ordinal)
                .Replace($"\nx-{field}: ", "\n#", StringComparison.Ordinal);
            var result = Parser.Parse(new ContentPath("therapies/bad.md", "therapies", "bad"), text, SyntheticContent.ParsedOn);

            Assert.Null(result.Document);
            Assert.Contains(result.Problems, problem => problem.Code == ProblemCodes.InvalidCharacter && problem.Position.Line > 1
                && problem.Message == $"field `{field}` contains {description}, which no page or feed can carry; remove it");
        }
    }

    [Fact]
    public void EscapedInAListItemItIsAnErrorAtTheItem()
    {
        var result = Parser.Parse(new ContentPath("therapies/bad.md", "therapies", "bad"),
            SyntheticContent.LowRiskArticle.Replace("published: 2026-01-01", "published: 2026-01-01\ntags:\n  - fine\n  - \"bad \\x01\"", StringComparison.Ordinal), SyntheticContent.ParsedOn);

        Assert.Equal("therapies/bad.md:9:5: error SW057: field `tags` contains U+0001 (an invisible control character), which no page or feed can carry; remove it",
            Assert.Single(result.Problems).ToString());
    }

    [Theory]
    [InlineData('\u0001', 8, 5)]
    [InlineData('\u001B', 8, 5)]
    [InlineData('\u0085', 8, 5)]
    [InlineData('\uFFFE', 8, 5)]
    [InlineData('\uFFFF', 8, 5)]
    public void RawInTheFileItIsAnErrorAtItsLineAndColumn(char character, int line, int column)
    {
        var text = SyntheticContent.LowRiskArticle.Replace("Text.", $"Text{character}.", StringComparison.Ordinal);

        var result = Parser.Parse(new ContentPath("therapies/bad.md", "therapies", "bad"), text, SyntheticContent.ParsedOn);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemCodes.InvalidCharacter, problem.Code);
        Assert.Equal((line, column), (problem.Position.Line, problem.Position.Column));
        Assert.Null(result.Document);
    }

    [Fact]
    public void RawInTheTitleItIsAnErrorAtItsLineAndColumn()
    {
        var result = Parser.Parse(new ContentPath("therapies/bad.md", "therapies", "bad"), SyntheticContent.LowRiskArticle.Replace("title: Good", "title: Go\u0001od", StringComparison.Ordinal), SyntheticContent.ParsedOn);

        Assert.Equal("therapies/bad.md:2:10: error SW057: the file contains U+0001 (an invisible control character), which no page or feed can carry; delete it (editors often show it as a box or not at all)",
            Assert.Single(result.Problems).ToString());
    }

    [Theory]
    [InlineData("Emoji \U0001F600 title")]
    [InlineData("Tab\tin title")]
    [InlineData("Right-to-left \u05E9\u05DC\u05D5\u05DD")]
    [InlineData("Zero\u200Bwidth and \uFEFF no-break")]
    [InlineData("Private use \uE000 and last \U0010FFFD")]
    public void OrdinaryUnicodeIsFine(string title)
    {
        var result = Parser.Parse(new ContentPath("therapies/fine.md", "therapies", "fine"),
            SyntheticContent.LowRiskArticle.Replace("title: Good", $"title: \"{title}\"", StringComparison.Ordinal), SyntheticContent.ParsedOn);

        Assert.Empty(result.Problems);
        Assert.Equal(title, result.Document?.Title);
    }

    [Fact]
    public async Task FeedsSitemapAndPagesServeWhateverCharactersTheFilesHold()
    {
        _folder.Write("therapies/good.md", SyntheticContent.LowRiskArticle);
        var i = 0;
        foreach (var row in Forbidden)
        {
            var escape = (string)row[0];
            _folder.Write($"therapies/escaped-{i}.md", SyntheticContent.LowRiskArticle.Replace("title: Good", $"title: \"Bad {escape} title\"", StringComparison.Ordinal))
                .Write($"therapies/summary-{i++}.md", SyntheticContent.LowRiskArticle.Replace("summary: Synthetic.", $"summary: \"Bad {escape} summary\"", StringComparison.Ordinal));
        }
        _folder.Write("therapies/raw.md", SyntheticContent.LowRiskArticle.Replace("title: Good", "title: Raw \u0001\u001B\uFFFF", StringComparison.Ordinal));
        await using var site = new StackwiseFactory(_folder.Root);
        var client = site.CreateClient();

        foreach (var url in new[] { "/feed.xml", "/rss.xml", "/sitemap.xml" })
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
            var listed = xml.Descendants().Where(element => element.Name.LocalName is "loc" or "link" or "id")
                .Select(element => element.Value + (string?)element.Attribute("href")).ToList();
            Assert.Contains(listed, link => link.EndsWith("/therapies/good", StringComparison.Ordinal));
            Assert.DoesNotContain(listed, link => link.Contains("/therapies/escaped", StringComparison.Ordinal)
                || link.Contains("/therapies/summary", StringComparison.Ordinal) || link.Contains("/therapies/raw", StringComparison.Ordinal));
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/therapies/raw", UriKind.Relative))).StatusCode);
        var rejectedFiles = site.Logs.Messages
            .Where(message => message.StartsWith("Content file rejected: ", StringComparison.Ordinal) && message.Contains("SW057", StringComparison.Ordinal))
            .Select(message => message["Content file rejected: ".Length..].Split(':')[0])
            .Distinct();
        Assert.Equal(2 * Forbidden.Count + 1, rejectedFiles.Count());
        Assert.DoesNotContain(site.Logs.Events, logEvent => logEvent.Level >= LogEventLevel.Error);
    }
}

using Stackwise.Web.Rendering;

namespace Stackwise.Web.Tests.Rendering;

public sealed class MarkdownRendererTests
{
    private static readonly MarkdownRenderer Renderer = new();

    [Theory]
    [InlineData("Plain *text*.", "<p>Plain <em>text</em>.</p>\n")]
    [InlineData("## How It Works", "<h2 id=\"how-it-works\">How It Works</h2>\n")]
    [InlineData("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n")]
    [InlineData("Text <b onclick=\"x()\">bold</b>", "<p>Text &lt;b onclick=&quot;x()&quot;&gt;bold&lt;/b&gt;</p>\n")]
    [InlineData("<div>\nblock\n</div>", "<p>&lt;div&gt;\nblock\n&lt;/div&gt;</p>\n")]
    [InlineData("<iframe src=\"https://example.org\"></iframe>", "<p>&lt;iframe src=&quot;https://example.org&quot;&gt;&lt;/iframe&gt;</p>\n")]
    [InlineData("[away](https://example.org/a)", "<p><a href=\"https://example.org/a\" rel=\"noopener noreferrer\">away</a></p>\n")]
    [InlineData("<https://example.org>", "<p><a href=\"https://example.org\" rel=\"noopener noreferrer\">https://example.org</a></p>\n")]
    [InlineData("[home](/terms)", "<p><a href=\"/terms\">home</a></p>\n")]
    [InlineData("[mail](mailto:a@example.org)", "<p><a href=\"mailto:a@example.org\">mail</a></p>\n")]
    public void MarkdownRendersToExpectedHtml(string markdown, string html) =>
        Assert.Equal(html, Renderer.Render(markdown).Html);

    [Fact]
    public void FrontMatterIsTakenOutOfTheBodyWithItsStartLine()
    {
        var rendered = Renderer.Render("---\ntitle: Synthetic\nrisk: low\n---\nBody.\n");

        Assert.Equal("title: Synthetic\nrisk: low", rendered.FrontMatter);
        Assert.Equal(2, rendered.FrontMatterLine);
        Assert.Equal("<p>Body.</p>\n", rendered.Html);
    }

    [Fact]
    public void DocumentWithoutFrontMatterSaysSo() =>
        Assert.Null(Renderer.Render("Body only.").FrontMatter);

    [Fact]
    public void HeadingsCarryTextAnchorAndPosition()
    {
        var rendered = Renderer.Render("Intro.\n\n## The *Science* Behind It\n\n### Detail\n");

        Assert.Equal(
            [new Heading(2, "The Science Behind It", "the-science-behind-it", new SourcePosition(3, 1)), new Heading(3, "Detail", "detail", new SourcePosition(5, 1))],
            rendered.Headings.AsEnumerable());
    }

    [Fact]
    public void LinksAndImagesAreCollectedWithPositions()
    {
        var rendered = Renderer.Render("Line one.\nSee [terms](/terms) and ![chart](/images/chart.png).\n\n<https://example.org>");

        Assert.Equal(
            [
                new MarkdownLink("/terms", false, new SourcePosition(2, 5)),
                new MarkdownLink("/images/chart.png", true, new SourcePosition(2, 25)),
                new MarkdownLink("https://example.org", false, new SourcePosition(4, 1)),
            ],
            rendered.Links.AsEnumerable());
    }

    /// <summary>Lists, quotes and emphasis nested exactly to the limit render; one level more is refused with the
    /// limit's message.</summary>
    [Theory]
    [InlineData("quotes")]
    [InlineData("lists")]
    [InlineData("emphasis")]
    public void NestingIsAllowedUpToTheLimitAndRefusedOneLevelBeyond(string kind)
    {
        static string Nested(string kind, int depth) => kind switch
        {
            "quotes" => new string('>', depth) + " deep\n",
            "lists" => string.Concat(Enumerable.Repeat("- ", depth)) + "deep\n",
            _ => string.Concat(Enumerable.Range(0, depth).Select(level => (level % 2 == 0 ? "*" : "_") + "w ")) + "deep"
                + string.Concat(Enumerable.Range(0, depth).Reverse().Select(level => " w" + (level % 2 == 0 ? "*" : "_"))) + "\n",
        };

        var atLimit = Renderer.Render(Nested(kind, MarkdownLimits.MaxNesting));
        var beyond = Assert.Throws<MarkdownLimitException>(() => Renderer.Render(Nested(kind, MarkdownLimits.MaxNesting + 1)));

        Assert.Contains("deep", atLimit.Text, StringComparison.Ordinal);
        Assert.Equal(MarkdownLimitException.TooDeep().Message, beyond.Message);
    }

    /// <summary>The renderer recognises Markdig's own depth guard by its wording (it has no type of its own).</summary>
    [Fact]
    public void MarkdigsOwnDepthGuardStillSaysWhatTheRendererLooksFor()
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => Markdig.Markdown.ToHtml(new string('>', 1_000) + " deep\n"));

        Assert.Contains(MarkdownRenderer.MarkdigTooDeep, error.Message, StringComparison.Ordinal);
    }

    private static string TableRow(int columns) => "|" + string.Concat(Enumerable.Repeat(" a |", columns)) + "\n";

    private static string Table(int columns, int rows) =>
        TableRow(columns) + "|" + string.Concat(Enumerable.Repeat("---|", columns)) + "\n" + string.Concat(Enumerable.Repeat(TableRow(columns), rows));

    [Fact]
    public void TablesRenderUpToTheirLimits()
    {
        var columns = MarkdownLimits.MaxTableColumns - 1;
        var rows = (MarkdownLimits.MaxTableCells / (columns + 1)) - 2;

        var rendered = Renderer.Render(Table(columns, rows));

        Assert.Equal((rows + 1) * columns, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(rendered.Html).QuerySelectorAll("td, th").Length);
    }

    /// <summary>Too many columns in any row, however wide (up to a 1 MB file of one row), is refused at that row's line.</summary>
    [Theory]
    [InlineData(MarkdownLimits.MaxTableColumns, 3)]
    [InlineData(1_000, 2)]
    [InlineData(170_000, 1)]
    [InlineData(400_000, 5)]
    public void ARowWiderThanTheLimitIsRefusedAtItsLine(int columns, int line)
    {
        var markdown = string.Concat(Enumerable.Repeat("Text.\n", line - 1)) + TableRow(columns);

        var refused = Assert.Throws<MarkdownLimitException>(() => Renderer.Render(markdown));

        Assert.Equal(line, refused.Line);
        Assert.Contains($"at most {MarkdownLimits.MaxTableColumns} columns", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MoreCellsThanTheLimitInOneFileAreRefused()
    {
        var refused = Assert.Throws<MarkdownLimitException>(() => Renderer.Render(Table(10, MarkdownLimits.MaxTableCells / 11)));

        Assert.Contains("table cells", refused.Message, StringComparison.Ordinal);
    }
}

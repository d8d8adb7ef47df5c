using Stackwise.Web.Rendering;

namespace Stackwise.Web.Tests.Rendering;

/// <summary>Pandoc-style citations: markdown in, the exact HTML and the citations with their places out.</summary>
public sealed class CitationRenderingTests
{
    private static readonly MarkdownRenderer Renderer = new();

    private static string Cite(int number, string id) => $"<a href=\"#ref-{id}\" aria-label=\"Reference {number}\">{number}</a>";

    [Theory]
    [InlineData("Text [@alpha].", "<p>Text&#160;<sup class=\"citation\">{a1}</sup>.</p>\n")]
    [InlineData("Text [@alpha; @beta].", "<p>Text&#160;<sup class=\"citation\">{a1},{b2}</sup>.</p>\n")]
    [InlineData("Text [@alpha;@beta] and [ @beta ].", "<p>Text&#160;<sup class=\"citation\">{a1},{b2}</sup> and&#160;<sup class=\"citation\">{b2}</sup>.</p>\n")]
    [InlineData("[@beta] then [@alpha] then [@beta].", "<p><sup class=\"citation\">{b1}</sup> then&#160;<sup class=\"citation\">{a2}</sup> then&#160;<sup class=\"citation\">{b1}</sup>.</p>\n")]
    [InlineData("Text[@alpha].", "<p>Text<sup class=\"citation\">{a1}</sup>.</p>\n")]
    [InlineData("Text  \t [@alpha].", "<p>Text&#160;<sup class=\"citation\">{a1}</sup>.</p>\n")]
    [InlineData("Text\n[@alpha].", "<p>Text&#160;<sup class=\"citation\">{a1}</sup>.</p>\n")]
    [InlineData("*Text* [@alpha].", "<p><em>Text</em>&#160;<sup class=\"citation\">{a1}</sup>.</p>\n")]
    public void CitationsAreNumberedSuperscriptLinksByFirstCitation(string markdown, string expected)
    {
        var html = expected
            .Replace("{a1}", Cite(1, "alpha"), StringComparison.Ordinal).Replace("{a2}", Cite(2, "alpha"), StringComparison.Ordinal)
            .Replace("{b1}", Cite(1, "beta"), StringComparison.Ordinal).Replace("{b2}", Cite(2, "beta"), StringComparison.Ordinal);

        Assert.Equal(html, Renderer.Render(markdown).Html);
    }

    [Theory]
    [InlineData("Code `[@alpha]` stays.", "<p>Code <code>[@alpha]</code> stays.</p>\n")]
    [InlineData("    [@alpha] in a code block", "<pre><code>[@alpha] in a code block\n</code></pre>\n")]
    [InlineData("```\n[@alpha; @beta]\n```", "<pre><code>[@alpha; @beta]\n</code></pre>\n")]
    [InlineData("Escaped \\[@alpha] stays.", "<p>Escaped [@alpha] stays.</p>\n")]
    [InlineData("[@alpha](/terms) is a link.", "<p><a href=\"/terms\">@alpha</a> is a link.</p>\n")]
    [InlineData("Mail a@example.org and [a @alpha] stay.", "<p>Mail a@example.org and [a @alpha] stay.</p>\n")]
    [InlineData("Empty [@] and [@alpha stay.", "<p>Empty [@] and [@alpha stay.</p>\n")]
    [InlineData("Bad [@alpha, @beta] stays.", "<p>Bad [@alpha, @beta] stays.</p>\n")]
    public void WhatIsNotACitationStaysText(string markdown, string html)
    {
        var rendered = Renderer.Render(markdown);

        Assert.Equal(html, rendered.Html);
        Assert.Empty(rendered.Citations);
    }

    [Fact]
    public void CitationsAreListedInOrderWithTheirPlaceInTheFile()
    {
        var rendered = Renderer.Render("---\ntitle: T\n---\nFirst [@beta].\n\nThen [@alpha; @beta].\n");

        Assert.Equal(
            [new Citation("beta", new SourcePosition(4, 7)), new Citation("alpha", new SourcePosition(6, 6)), new Citation("beta", new SourcePosition(6, 6))],
            rendered.Citations.AsEnumerable());
        Assert.Equal(["beta", "alpha"], rendered.CitationOrder.AsEnumerable());
    }

    [Fact]
    public void CitationsAreLeftOutOfTheTextSearchAndTheReadingGradeRead()
    {
        var rendered = Renderer.Render("Plain words [@alpha].");

        Assert.Equal("Plain words .", rendered.Text);
    }

    [Fact]
    public void CitationKeysCarryTheirOwnCharactersEscaped()
    {
        var rendered = Renderer.Render("Odd [@a<b>&c].");

        Assert.Equal("a<b>&c", Assert.Single(rendered.Citations).Id);
        Assert.DoesNotContain("<b>", rendered.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("![a picture [@alpha]](x.png)", "a picture [1]")]
    [InlineData("![a picture [@alpha; @beta]](x.png)", "a picture [1,2]")]
    [InlineData("![*a* [@alpha] `b` [link [@beta]](/terms)](x.png \"title [@alpha]\")", "a [1] b link [2]")]
    [InlineData("[![a [@alpha]](x.png)](/terms)", "a [1]")]
    public void ImageAltTextGetsCitationsAsPlainTextAndNeverMarkup(string markdown, string alt)
    {
        var rendered = Renderer.Render("Text [@alpha] [@beta].\n\n" + markdown);

        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(rendered.Html);
        var image = Assert.Single(document.QuerySelectorAll("img"));
        Assert.Equal(alt, image.GetAttribute("alt"));
        Assert.All(image.Attributes, attribute => Assert.DoesNotContain('<', attribute.Value));
        // Nothing of the alt text spills out of the attribute onto the page.
        Assert.Equal("", document.QuerySelectorAll("p")[1].TextContent.Trim());
    }

    [Theory]
    [InlineData("Text [@alpha;] here.", "[@alpha;]", 1, 6)]
    [InlineData("Text [@alpha, @beta] here.", "[@alpha, @beta]", 1, 6)]
    [InlineData("Text [@] here.", "[@]", 1, 6)]
    [InlineData("Line one.\nText [ @alpha stays open\nand goes on.", "[ @alpha stays open", 2, 6)]
    [InlineData("Text [@alpha @beta] here.", "[@alpha @beta]", 1, 6)]
    public void ABracketThatOpensLikeACitationButIsNotOneIsKeptWithItsPlace(string markdown, string text, int line, int column)
    {
        var rendered = Renderer.Render(markdown);

        Assert.Empty(rendered.Citations);
        Assert.Equal(new MalformedCitation(text, new SourcePosition(line, column)), Assert.Single(rendered.MalformedCitations));
    }

    [Theory]
    [InlineData("Text [@alpha] here.")]
    [InlineData("Text \\[@alpha] here.")]
    [InlineData("[@alpha](/terms) is a link.")]
    [InlineData("Mail a@example.org and [a @alpha] stay.")]
    [InlineData("A [link](/terms) and [text].")]
    [InlineData("`[@alpha;]` in code.")]
    public void CitationsLinksAndPlainBracketsAreNotMalformed(string markdown) =>
        Assert.Empty(Renderer.Render(markdown).MalformedCitations);
}

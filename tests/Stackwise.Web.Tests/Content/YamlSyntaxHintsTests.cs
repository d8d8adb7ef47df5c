using Stackwise.Web.Content.Parsing;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Stackwise.Web.Tests.Content;

/// <summary>
/// The hints read YamlDotNet's message text (its syntax errors have no code), so each mistake they name is fed to
/// YamlDotNet itself: a change in its wording fails here, not silently in front of an editor.
/// </summary>
public sealed class YamlSyntaxHintsTests
{
    [Theory]
    [InlineData("title: Sleep: A Guide\n")]
    [InlineData("title: A\nsummary: Sleep: A Guide\n")]
    [InlineData("references:\n  - title: Sleep: A Guide\n")]
    [InlineData("title: \"Sleep\": A Guide\n")]
    public void AnUnquotedColonInAValueGetsTheQuotingHint(string yaml)
    {
        var error = Assert.ThrowsAny<YamlException>(() => new YamlStream().Load(new StringReader(yaml)));

        Assert.Equal(YamlSyntaxHints.QuoteAColon, YamlSyntaxHints.For((error.InnerException ?? error).Message));
    }

    [Theory]
    [InlineData("title: [unclosed\n")]
    [InlineData("title: \"unclosed\n")]
    public void OtherSyntaxErrorsGetNoHint(string yaml)
    {
        var error = Assert.ThrowsAny<YamlException>(() => new YamlStream().Load(new StringReader(yaml)));

        Assert.Equal("", YamlSyntaxHints.For((error.InnerException ?? error).Message));
    }
}

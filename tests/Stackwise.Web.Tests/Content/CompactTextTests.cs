using System.Text;
using Stackwise.Web.Content.Model;

namespace Stackwise.Web.Tests.Content;

/// <summary>Documents' HTML and text are held compressed: every text must come back exactly as it went in.</summary>
public sealed class CompactTextTests
{
    [Fact]
    public void EveryUnicodeScalarValueComesBackUnchanged()
    {
        // All 1,112,064 scalar values (every code point but the surrogates), in one text and in slices of every size class.
        var all = new StringBuilder();
        for (var codePoint = 0; codePoint <= 0x10FFFF; codePoint++)
        {
            if (codePoint is < 0xD800 or > 0xDFFF)
            {
                all.Append(char.ConvertFromUtf32(codePoint));
            }
        }
        var text = all.ToString();

        Assert.Equal(text, CompactText.From(text).ToString());
        for (var start = 0; start + 4096 <= text.Length; start += 65_536)
        {
            var slice = text.Substring(start, 4096);
            Assert.Equal(slice, CompactText.From(slice).ToString());
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(100)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(257)]
    [InlineData(4_000)]
    [InlineData(200_000)]
    public void TextsOfEveryLengthComeBackUnchanged(int length)
    {
        var random = new Random(length);
        var words = new[] { "<p>", "</p>\n", "synthetic ", "words ", "é", "日本 ", "🙂", "&amp; ", "\t", "\r\n" };
        var text = new StringBuilder();
        while (text.Length < length)
        {
            text.Append(words[random.Next(words.Length)]);
        }
        var value = text.ToString(0, length);
        if (value.Length > 0 && char.IsHighSurrogate(value[^1]))
        {
            value = value[..^1] + "x";  // a cut pair would be a lone surrogate, which content checks refuse (SW057)
        }

        var compact = CompactText.From(value);

        Assert.Equal(value, compact.ToString());
        Assert.Equal(value, compact.ToString());  // reading twice changes nothing
    }

    [Fact]
    public void TextThatDoesNotShrinkIsKeptAsItIs()
    {
        var random = new Random(7);
        var noise = new string([.. Enumerable.Range(0, 5_000).Select(_ => (char)random.Next(0x4E00, 0x9FFF))]);

        var compact = CompactText.From(noise);

        Assert.Equal(noise, compact.ToString());
        Assert.True(compact.StoredBytes <= Encoding.UTF8.GetByteCount(noise));
    }

    [Fact]
    public void LongMarkupIsStoredInAFractionOfItsStringSize()
    {
        var html = string.Concat(Enumerable.Range(0, 200).Select(i => $"<p>Synthetic paragraph {i} of an article about nothing in particular.</p>\n"));

        var compact = CompactText.From(html);

        Assert.True(compact.StoredBytes * 4 < html.Length * 2, $"{compact.StoredBytes} bytes stored for {html.Length * 2} bytes of string");
    }

    [Fact]
    public void EqualTextsAreEqualAndDifferentTextsAreNot()
    {
        var text = string.Concat(Enumerable.Repeat("<p>Same words.</p>\n", 50));

        Assert.Equal(CompactText.From(text), CompactText.From(text));
        Assert.Equal(CompactText.From(text).GetHashCode(), CompactText.From(text).GetHashCode());
        Assert.NotEqual(CompactText.From(text), CompactText.From(text + "!"));
        Assert.NotEqual(CompactText.From("a"), CompactText.From("b"));
        Assert.Equal(CompactText.Empty, CompactText.From(""));
    }
}

using System.Text;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Tests.Support;

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

    public static TheoryData<int, int> PairLengths()
    {
        var data = new TheoryData<int, int>();
        int[] lengths = [0, 1, 100, 255, 256, 257, 4_000, 200_000];
        foreach (var first in lengths)
        {
            foreach (var second in lengths)
            {
                data.Add(first, second);
            }
        }
        return data;
    }

    /// <summary>Every pair of lengths, short and long, stored plain or compressed: each text comes back on its own, the
    /// first without the second, and equal to the same text stored alone.</summary>
    [Theory]
    [MemberData(nameof(PairLengths))]
    public void BothTextsOfAPairComeBackUnchangedAndEqualTheSameTextsStoredAlone(int firstLength, int secondLength)
    {
        var first = Synthetic(firstLength, seed: firstLength);
        var second = Synthetic(secondLength, seed: secondLength + 1);

        var (html, text) = CompactText.Pair(first, second);

        Assert.Equal(first, html.ToString());
        Assert.Equal(second, text.ToString());
        Assert.Equal(CompactText.From(first), html);
        Assert.Equal(html, CompactText.From(first));
        Assert.Equal(CompactText.From(second), text);
        Assert.Equal(CompactText.From(second).GetHashCode(), text.GetHashCode());
        Assert.Equal(CompactText.Pair(first, second), (html, text));
        Assert.Equal(first.Length + second.Length == 0 || first == second, html.Equals(text));
    }

    [Fact]
    public void ATextOfAPairDiffersFromAnotherPairsOnlyWhenItsWordsDo()
    {
        var html = string.Concat(Enumerable.Repeat("<p>Synthetic words of a page.</p>\n", 40));
        var (sameHtml, text) = CompactText.Pair(html, "Synthetic words of a page.");
        var (otherHtml, otherText) = CompactText.Pair(html, "Synthetic words of a page!");

        Assert.Equal(sameHtml, otherHtml);    // other bytes (the texts after them differ), the same HTML
        Assert.NotEqual(text, otherText);
        Assert.NotEqual(CompactText.Pair(html + "x", "Synthetic words of a page.").First, sameHtml);
    }

    [Fact]
    public void APagesTextBesideItsHtmlCostsAFractionOfItsOwn()
    {
        // Paragraphs of made-up words of two to four syllables, each paragraph different, as an article's are. (Numbered
        // words such as word123 share their first bytes, which Brotli's fastest quality matches only to the last of them.)
        var random = new Random(3);
        string[] syllables = ["ka", "lo", "mi", "ten", "ru", "sa", "vel", "on", "pri", "dex", "ul", "mo", "fa", "zin", "ga", "te"];
        string Word() => string.Concat(Enumerable.Range(0, random.Next(2, 5)).Select(_ => syllables[random.Next(syllables.Length)]));
        var paragraphs = Enumerable.Range(0, 100).Select(_ => string.Join(' ', Enumerable.Range(0, 15).Select(_ => Word()))).ToList();
        var html = string.Concat(paragraphs.Select(paragraph => $"<p>{paragraph}</p>\n"));
        var text = string.Join('\n', paragraphs);

        var (storedHtml, storedText) = CompactText.Pair(html, text);
        var apart = CompactText.From(html).StoredBytes + CompactText.From(text).StoredBytes;

        Assert.Equal(0, storedText.StoredBytes);  // counted once, on the first
        Assert.True(storedHtml.StoredBytes < apart * 0.7, $"{storedHtml.StoredBytes} bytes together, {apart} apart");
    }

    private static string Synthetic(int length, int seed)
    {
        var random = new Random(seed);
        string[] words = ["<p>", "</p>\n", "synthetic ", "words ", "é", "日本 ", "🙂", "&amp; ", "\t", "\r\n"];
        var text = new StringBuilder();
        while (text.Length < length)
        {
            text.Append(words[random.Next(words.Length)]);
        }
        var value = text.ToString(0, length);
        return value.Length > 0 && char.IsHighSurrogate(value[^1]) ? value[..^1] + "x" : value;
    }

    /// <summary>The parser stores each document's text and HTML as one pair, the text first: the memory record rests on it.</summary>
    [Fact]
    public async Task AParsedDocumentsHtmlIsStoredInItsTextsStream()
    {
        var body = string.Join("\n\n", Enumerable.Range(0, 30).Select(i => $"Synthetic paragraph {i} of a page, with words enough to compress."));
        using var folder = new TempContentFolder().Write("therapies/paired.md", SyntheticContent.Article("Paired", "Pairs", "low", "published: 2026-01-01", body));

        var document = (await folder.LoadAsync()).ByUrl["/therapies/paired"];

        Assert.Contains("Synthetic paragraph 29 of a page", document.Text.ToString(), StringComparison.Ordinal);
        Assert.Contains("<p>Synthetic paragraph 29 of a page", document.Html.ToString(), StringComparison.Ordinal);
        Assert.True(document.Text.StoredBytes > 0);
        Assert.Equal(0, document.Html.StoredBytes);  // counted on the text, the first of the pair
    }
}

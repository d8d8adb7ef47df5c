using System.Text;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace Stackwise.Web.Cards;

/// <summary>
/// One line of card text: runs of characters that share a typeface (<see cref="CardFonts"/>), each shaped by HarfBuzz so
/// Arabic letters join, Devanagari forms its conjuncts and marks sit on their letters, laid out in the direction of the
/// line's first strong letter: right to left for Hebrew, Arabic and the other right-to-left scripts, else left to right.
/// A run in the other direction keeps its own order inside the line (enough for a title; not the whole bidi algorithm).
/// </summary>
internal sealed class ShapedLine
{
    private readonly List<(string Text, SKShaper Shaper, float Width)> _runs;
    private readonly float _size;

    private ShapedLine(List<(string, SKShaper, float)> runs, float size, bool isRightToLeft)
    {
        _runs = runs;
        _size = size;
        IsRightToLeft = isRightToLeft;
        Width = runs.Sum(run => run.Item3);
    }

    public float Width { get; }

    public bool IsRightToLeft { get; }

    /// <summary>The runs of <paramref name="text"/>, shaped at <paramref name="size"/>; a character no font has is left out.</summary>
    public static ShapedLine Of(string text, CardFonts fonts, bool bold, float size)
    {
        var pieces = new List<(StringBuilder Text, SKTypeface Typeface)>();
        foreach (var rune in text.EnumerateRunes())
        {
            var current = pieces.Count > 0 ? pieces[^1] : default;
            // Marks, joiners and variation selectors belong to the letter before them; a space stays in its run if it can.
            if (current.Text is not null && (CardFonts.BelongsToPrevious(rune) || (Rune.IsWhiteSpace(rune) && CardFonts.Has(current.Typeface, rune.Value))))
            {
                current.Text.Append(rune.ToString());
                continue;
            }
            if (fonts.For(rune, bold) is not { } typeface)
            {
                continue;
            }
            if (current.Text is not null && ReferenceEquals(current.Typeface, typeface))
            {
                current.Text.Append(rune.ToString());
            }
            else
            {
                pieces.Add((new StringBuilder(rune.ToString()), typeface));
            }
        }
        var runs = new List<(string, SKShaper, float)>(pieces.Count);
        foreach (var (piece, typeface) in pieces)
        {
            var shaper = fonts.ShaperOf(typeface);
            using var font = new SKFont(typeface, size);
            var runText = piece.ToString();
            runs.Add((runText, shaper, shaper.Shape(runText, font).Width));
        }
        return new ShapedLine(runs, size, ReadsRightToLeft(text));
    }

    /// <summary>Draws the line from <paramref name="left"/> when it reads left to right, up to <paramref name="right"/>
    /// when it reads right to left.</summary>
    public void Draw(SKCanvas canvas, float left, float right, float baseline, SKPaint paint)
    {
        var x = IsRightToLeft ? right : left;
        foreach (var (text, shaper, width) in _runs)
        {
            if (IsRightToLeft)
            {
                x -= width;
            }
            using var font = new SKFont(shaper.Typeface, _size);
            canvas.DrawShapedText(shaper, text, x, baseline, SKTextAlign.Left, font, paint);
            if (!IsRightToLeft)
            {
                x += width;
            }
        }
    }

    /// <summary>True when the first letter is of a right-to-left script (Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan,
    /// Mandaic and their presentation forms).</summary>
    public static bool ReadsRightToLeft(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value is (>= 0x0590 and <= 0x08FF) or (>= 0xFB1D and <= 0xFDFF) or (>= 0xFE70 and <= 0xFEFF))
            {
                if (Rune.IsLetter(rune))
                {
                    return true;
                }
            }
            else if (Rune.IsLetter(rune))
            {
                return false;
            }
        }
        return false;
    }
}

using System.Globalization;
using System.Text;
using SkiaSharp;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Seo;

namespace Stackwise.Web.Cards;

/// <summary>
/// Draws a share card: a 1200 x 630 PNG with the site name and the risk level as a badge in words on top, then the label
/// and the title (wrapped to four lines at most, shortened with an ellipsis), in the site's own colours. Text in any
/// script is drawn with the bundled DejaVu Sans or a font from the font folders (<see cref="CardFonts"/>), shaped by
/// HarfBuzz, right-aligned and right to left for a right-to-left title (<see cref="ShapedLine"/>); a character no font
/// has (an emoji, a script with no font installed) is left out rather than drawn as a box. Thread-safe: each call has its
/// own surface.
/// </summary>
public sealed class CardRenderer : IDisposable
{
    public const int Width = 1200;
    public const int Height = 630;
    private const float Margin = 80;
    private const int MaxTitleLines = 4;

    private static readonly SKColor Background = new(0xfd, 0xfd, 0xfb);
    private static readonly SKColor Text = new(0x1f, 0x23, 0x28);
    private static readonly SKColor Muted = new(0x57, 0x60, 0x6a);
    private static readonly SKColor Accent = new(0x0a, 0x5c, 0xad);

    private readonly CardFonts _fonts;

    public CardRenderer(CardFonts fonts) => _fonts = fonts;

    public byte[] Draw(ShareCard card)
    {
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("Skia could not make a 1200 x 630 surface.");
        var canvas = surface.Canvas;
        canvas.Clear(Background);
        using var fill = new SKPaint { IsAntialias = true };

        fill.Color = Accent;
        canvas.DrawRect(0, 0, 16, Height, fill);

        fill.Color = Text;
        ShapedLine.Of(PageMeta.SiteName, _fonts, bold: true, 40).Draw(canvas, Margin, Width - Margin, Margin + 30, fill);

        var top = Margin + 110;
        if (Drawable(card.Label) is { Length: > 0 } label)
        {
            fill.Color = Muted;
            Shaped(Shorten(label.ToUpperInvariant(), bold: false, 32, Width - (2 * Margin)), bold: false, 32).Draw(canvas, Margin, Width - Margin, top, fill);
            top += 40;
        }

        DrawTitle(canvas, fill, Drawable(card.Title) is { Length: > 0 } title ? title : PageMeta.SiteName, top);

        if (card.Risk is { } risk)
        {
            DrawBadge(canvas, fill, risk);
        }

        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    /// <summary>The title as large as fits: 68 px for up to three lines, else smaller, at most four lines, the last shortened.</summary>
    private void DrawTitle(SKCanvas canvas, SKPaint fill, string title, float top)
    {
        var width = Width - (2 * Margin);
        foreach (var size in new float[] { 68, 58, 50 })
        {
            var lines = Wrap(title, size, width);
            if (lines.Count <= 3 || size == 50)
            {
                if (lines.Count > MaxTitleLines)
                {
                    lines = [.. lines.Take(MaxTitleLines - 1), Shorten(string.Join(' ', lines.Skip(MaxTitleLines - 1)), bold: true, size, width)];
                }
                fill.Color = Text;
                var y = top + size + 20;
                foreach (var line in lines)
                {
                    Shaped(line, bold: true, size).Draw(canvas, Margin, Width - Margin, y, fill);
                    y += size * 1.2f;
                }
                return;
            }
        }
    }

    /// <summary>The risk level in words on a pill of its own colours, with a border, top right beside the site name.</summary>
    private void DrawBadge(SKCanvas canvas, SKPaint fill, RiskBadge risk)
    {
        var (background, foreground) = risk.Level switch
        {
            RiskLevel.Low => (new SKColor(0xdc, 0xf3, 0xe4), new SKColor(0x14, 0x53, 0x2d)),
            RiskLevel.Moderate => (new SKColor(0xfd, 0xf0, 0xc8), new SKColor(0x6b, 0x42, 0x00)),
            _ => (new SKColor(0xfb, 0xe0, 0xe0), new SKColor(0x8a, 0x1c, 0x1c)),
        };
        var text = ShapedLine.Of(risk.Text, _fonts, bold: true, 34);
        var textWidth = text.Width;
        var rect = new SKRect(Width - Margin - textWidth - 56, Margin - 18, Width - Margin, Margin + 46);
        fill.Style = SKPaintStyle.Fill;
        fill.Color = background;
        canvas.DrawRoundRect(rect, 32, 32, fill);
        fill.Style = SKPaintStyle.Stroke;
        fill.StrokeWidth = 3;
        fill.Color = foreground;
        canvas.DrawRoundRect(rect, 32, 32, fill);
        fill.Style = SKPaintStyle.Fill;
        text.Draw(canvas, rect.Left + 28, rect.Right - 28, rect.Bottom - 20, fill);
    }

    private ShapedLine Shaped(string text, bool bold, float size) => ShapedLine.Of(text, _fonts, bold, size);

    private float Measure(string text, bool bold, float size) => Shaped(text, bold, size).Width;

    /// <summary>Greedy word wrap; a word wider than the line (or a title in a script written without spaces) is broken
    /// between characters.</summary>
    private List<string> Wrap(string text, float size, float width)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : $"{line} {word}";
            if (Measure(candidate, bold: true, size) <= width)
            {
                line.Clear().Append(candidate);
                continue;
            }
            if (line.Length > 0)
            {
                lines.Add(line.ToString());
                line.Clear();
            }
            var rest = word;
            while (Measure(rest, bold: true, size) > width && rest.Length > 1)
            {
                var fits = FittingLength(rest, bold: true, size, width);
                lines.Add(rest[..fits]);
                rest = rest[fits..];
            }
            line.Append(rest);
        }
        if (line.Length > 0)
        {
            lines.Add(line.ToString());
        }
        return lines;
    }

    /// <summary>The longest prefix of whole text elements (no surrogate pair or letter and its marks split) that fits
    /// the width; at least one element.</summary>
    private int FittingLength(string text, bool bold, float size, float width)
    {
        var fits = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var end = elements.ElementIndex + elements.GetTextElement().Length;
            if (Measure(text[..end], bold, size) > width)
            {
                break;
            }
            fits = end;
        }
        return fits > 0 ? fits : StringInfo.GetNextTextElementLength(text);
    }

    /// <summary>The text cut to fit the width with an ellipsis, when it does not fit whole.</summary>
    private string Shorten(string text, bool bold, float size, float width)
    {
        if (Measure(text, bold, size) <= width)
        {
            return text;
        }
        return text[..FittingLength(text, bold, size, width - Measure("\u2026", bold, size))].TrimEnd() + "\u2026";
    }

    /// <summary>The text with every character no font can draw left out, controls and line breaks made spaces, spaces
    /// collapsed.</summary>
    private string? Drawable(string? text)
    {
        if (text is null)
        {
            return null;
        }
        var kept = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune) || Rune.IsControl(rune))
            {
                kept.Append(' ');
            }
            else if (_fonts.For(rune, bold: true) is not null || CardFonts.BelongsToPrevious(rune))
            {
                kept.Append(rune.ToString());
            }
        }
        return string.Join(' ', kept.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    public void Dispose() => _fonts.Dispose();
}

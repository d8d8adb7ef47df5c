using System.Globalization;
using System.Text;
using SkiaSharp;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Seo;

namespace Stackwise.Web.Cards;

/// <summary>
/// Draws a share card: a 1200 x 630 PNG with the site name and the risk level as a badge in words on top, then the label
/// and the title (wrapped to four lines at most, shortened with an ellipsis), in the site's own colours. Only the bundled DejaVu Sans is
/// used, so a server without fonts draws the same card; a character the font lacks (an emoji, most scripts outside
/// Latin, Greek, Cyrillic, Hebrew and Arabic) is left out rather than drawn as a box. Text is not shaped: right-to-left
/// titles come out in logical order. Thread-safe: each call has its own surface.
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

    private readonly SKTypeface _regular;
    private readonly SKTypeface _bold;

    /// <param name="fontFolder">The folder holding DejaVuSans.ttf and DejaVuSans-Bold.ttf (Cards/Fonts in the app).</param>
    public CardRenderer(string fontFolder)
    {
        _regular = Load(fontFolder, RegularFont);
        _bold = Load(fontFolder, BoldFont);
    }

    public byte[] Draw(ShareCard card)
    {
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("Skia could not make a 1200 x 630 surface.");
        var canvas = surface.Canvas;
        canvas.Clear(Background);
        using var fill = new SKPaint { IsAntialias = true };

        fill.Color = Accent;
        canvas.DrawRect(0, 0, 16, Height, fill);

        using var siteFont = new SKFont(_bold, 40);
        fill.Color = Text;
        canvas.DrawText(PageMeta.SiteName, Margin, Margin + 30, SKTextAlign.Left, siteFont, fill);

        var top = Margin + 110;
        if (Drawable(card.Label, _regular) is { Length: > 0 } label)
        {
            using var labelFont = new SKFont(_regular, 32);
            fill.Color = Muted;
            canvas.DrawText(Shorten(label.ToUpperInvariant(), labelFont, Width - (2 * Margin)), Margin, top, SKTextAlign.Left, labelFont, fill);
            top += 40;
        }

        DrawTitle(canvas, fill, Drawable(card.Title, _bold) is { Length: > 0 } title ? title : PageMeta.SiteName, top);

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
            using var font = new SKFont(_bold, size);
            var lines = Wrap(title, font, width);
            if (lines.Count <= 3 || size == 50)
            {
                if (lines.Count > MaxTitleLines)
                {
                    lines = [.. lines.Take(MaxTitleLines - 1), Shorten(string.Join(' ', lines.Skip(MaxTitleLines - 1)), font, width)];
                }
                fill.Color = Text;
                var y = top + size + 20;
                foreach (var line in lines)
                {
                    canvas.DrawText(line, Margin, y, SKTextAlign.Left, font, fill);
                    y += size * 1.2f;
                }
                return;
            }
        }
    }

    /// <summary>The risk level in words on a pill of its own colours, with a border, top right beside the site name.</summary>
    private void DrawBadge(SKCanvas canvas, SKPaint fill, RiskLevel risk)
    {
        var (background, foreground) = risk switch
        {
            RiskLevel.Low => (new SKColor(0xdc, 0xf3, 0xe4), new SKColor(0x14, 0x53, 0x2d)),
            RiskLevel.Moderate => (new SKColor(0xfd, 0xf0, 0xc8), new SKColor(0x6b, 0x42, 0x00)),
            _ => (new SKColor(0xfb, 0xe0, 0xe0), new SKColor(0x8a, 0x1c, 0x1c)),
        };
        using var font = new SKFont(_bold, 34);
        var text = risk.BadgeText();
        var textWidth = font.MeasureText(text);
        var rect = new SKRect(Width - Margin - textWidth - 56, Margin - 18, Width - Margin, Margin + 46);
        fill.Style = SKPaintStyle.Fill;
        fill.Color = background;
        canvas.DrawRoundRect(rect, 32, 32, fill);
        fill.Style = SKPaintStyle.Stroke;
        fill.StrokeWidth = 3;
        fill.Color = foreground;
        canvas.DrawRoundRect(rect, 32, 32, fill);
        fill.Style = SKPaintStyle.Fill;
        canvas.DrawText(text, rect.Left + 28, rect.Bottom - 20, SKTextAlign.Left, font, fill);
    }

    /// <summary>Greedy word wrap; a word wider than the line is broken by characters.</summary>
    private static List<string> Wrap(string text, SKFont font, float width)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : $"{line} {word}";
            if (font.MeasureText(candidate) <= width)
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
            while (font.MeasureText(rest) > width && rest.Length > 1)
            {
                var fits = FittingLength(rest, font, width);
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

    /// <summary>The longest prefix of whole text elements (so no surrogate pair is split) that fits the width; at least one.</summary>
    private static int FittingLength(string text, SKFont font, float width)
    {
        var fits = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var end = elements.ElementIndex + elements.GetTextElement().Length;
            if (font.MeasureText(text[..end]) > width)
            {
                break;
            }
            fits = end;
        }
        return Math.Max(fits, Math.Min(text.Length, char.IsHighSurrogate(text[0]) ? 2 : 1));
    }

    /// <summary>The text cut to fit the width with an ellipsis, when it does not fit whole.</summary>
    private static string Shorten(string text, SKFont font, float width)
    {
        if (font.MeasureText(text) <= width)
        {
            return text;
        }
        return text[..FittingLength(text, font, width - font.MeasureText("\u2026"))].TrimEnd() + "\u2026";
    }

    /// <summary>The text with every character the typeface cannot draw left out, controls and line breaks made spaces,
    /// spaces collapsed.</summary>
    private static string? Drawable(string? text, SKTypeface typeface)
    {
        if (text is null)
        {
            return null;
        }
        using var font = new SKFont(typeface);
        var kept = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune) || Rune.IsControl(rune))
            {
                kept.Append(' ');
            }
            else if (font.ContainsGlyph(rune.Value))
            {
                kept.Append(rune.ToString());
            }
        }
        return string.Join(' ', kept.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private const string RegularFont = "DejaVuSans.ttf";
    private const string BoldFont = "DejaVuSans-Bold.ttf";

    /// <summary>Throws, naming the file, when a font the cards need is not in <paramref name="folder"/>.</summary>
    public static void CheckFonts(string folder)
    {
        foreach (var path in new[] { RegularFont, BoldFont }.Select(file => Path.Combine(folder, file)).Where(path => !File.Exists(path)))
        {
            throw Missing(path);
        }
    }

    private static SKTypeface Load(string folder, string file)
    {
        var path = Path.Combine(folder, file);
        return File.Exists(path) && SKTypeface.FromFile(path) is { } typeface ? typeface : throw Missing(path);
    }

    private static InvalidOperationException Missing(string path) =>
        new($"The share cards' font {path} is missing or unreadable; it ships with the app in Cards/Fonts (reinstall or republish the app).");

    public void Dispose()
    {
        _regular.Dispose();
        _bold.Dispose();
    }
}

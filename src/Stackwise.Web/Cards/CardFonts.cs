using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace Stackwise.Web.Cards;

/// <summary>
/// The typefaces a share card draws with: the bundled DejaVu Sans (Latin, Greek, Cyrillic, Hebrew, most of Arabic) first,
/// then, for a character it lacks, the first sans-serif font in the font folders that has it (Debian's
/// <c>fonts-noto-core</c> and <c>fonts-noto-cjk</c> cover every script the site is tested in). The folders are read on the
/// first character the bundled font lacks, once. A character no font has is left out of the card, and logged once per
/// block of 128 code points so an operator learns which fonts to install. Thread-safe.
/// </summary>
public sealed partial class CardFonts : IDisposable
{
    private const string RegularFile = "DejaVuSans.ttf";
    private const string BoldFile = "DejaVuSans-Bold.ttf";

    private readonly SKTypeface _regular;
    private readonly SKTypeface _bold;
    private readonly Lazy<IReadOnlyList<(SKTypeface Regular, SKTypeface Bold)>> _fallbacks;
    private readonly ConcurrentDictionary<(int CodePoint, bool Bold), SKTypeface?> _chosen = new();
    private readonly ConcurrentDictionary<int, bool> _reportedBlocks = new();
    private readonly ConcurrentDictionary<SKTypeface, SKShaper> _shapers = new();
    private readonly Action<string>? _missing;

    /// <param name="bundledFolder">The folder holding DejaVuSans.ttf and DejaVuSans-Bold.ttf (Cards/Fonts in the app).</param>
    /// <param name="folders">Where other fonts are looked for (<c>Cards:FontFolders</c>), searched with their subfolders.</param>
    /// <param name="missing">Told, once per block of code points, of a character no font has.</param>
    public CardFonts(string bundledFolder, IReadOnlyList<string> folders, Action<string>? missing = null)
    {
        _regular = Load(Path.Combine(bundledFolder, RegularFile));
        _bold = Load(Path.Combine(bundledFolder, BoldFile));
        _fallbacks = new(() => Discover(folders));
        _missing = missing;
    }

    /// <summary>The typeface to draw <paramref name="rune"/> with, or null when no font has it.</summary>
    public SKTypeface? For(Rune rune, bool bold) => _chosen.GetOrAdd((rune.Value, bold), key =>
    {
        var bundled = key.Bold ? _bold : _regular;
        if (Has(bundled, key.CodePoint))
        {
            return bundled;
        }
        foreach (var (regular, boldFace) in _fallbacks.Value)
        {
            if (Has(regular, key.CodePoint))
            {
                return key.Bold && Has(boldFace, key.CodePoint) ? boldFace : regular;
            }
        }
        if (_missing is not null && _reportedBlocks.TryAdd(key.CodePoint >> 7, true))
        {
            _missing(string.Create(CultureInfo.InvariantCulture,
                $"share cards: no font has U+{key.CodePoint:X4}; such characters are left out of cards. Install fonts that cover them (Debian: fonts-noto-core, fonts-noto-cjk) or name their folder in Cards:FontFolders"));
        }
        return null;
    });

    /// <summary>True when <paramref name="typeface"/> has a glyph for the code point.</summary>
    public static bool Has(SKTypeface typeface, int codePoint)
    {
        using var font = new SKFont(typeface);
        return font.ContainsGlyph(codePoint);
    }

    /// <summary>The HarfBuzz shaper of a typeface, made once: shaping reads the font's tables, and a title is measured
    /// many times while it is wrapped. Shaping with one shaper from several threads is safe (a buffer per call).</summary>
    public SKShaper ShaperOf(SKTypeface typeface) => _shapers.GetOrAdd(typeface, face => new SKShaper(face));

    /// <summary>True for a character that belongs to the letter before it (a combining mark, a joiner, a variation
    /// selector): kept with that letter's run, never drawn alone.</summary>
    public static bool BelongsToPrevious(Rune rune) => Rune.GetUnicodeCategory(rune)
        is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format;

    /// <summary>The bundled typeface, for text the site itself writes (its name, the risk badge).</summary>
    public SKTypeface Bundled(bool bold) => bold ? _bold : _regular;

    /// <summary>Throws, naming the file, when a bundled font is not in <paramref name="folder"/>.</summary>
    public static void CheckBundled(string folder)
    {
        foreach (var path in new[] { RegularFile, BoldFile }.Select(file => Path.Combine(folder, file)).Where(path => !File.Exists(path)))
        {
            throw Missing(path);
        }
    }

    /// <summary>
    /// The sans-serif families in the folders, each as its regular face and its bold one (the regular again when there is
    /// none), in file-name order so the same folders always choose the same font. Monospaced, display, UI and condensed
    /// variants are passed over: the card wants the plain text face.
    /// </summary>
    private static List<(SKTypeface Regular, SKTypeface Bold)> Discover(IReadOnlyList<string> folders)
    {
        var files = folders.Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }))
            .Select(path => (Path: path, Match: FontFileName().Match(Path.GetFileName(path))))
            .Where(file => file.Match.Success)
            .ToList();
        var families = new List<(SKTypeface, SKTypeface)>();
        foreach (var group in files.GroupBy(file => file.Match.Groups["family"].Value, StringComparer.Ordinal).OrderBy(group => group.Key, StringComparer.Ordinal))
        {
            var regularPath = group.FirstOrDefault(file => file.Match.Groups["weight"].Value == "Regular").Path;
            if (regularPath is null || SKTypeface.FromFile(regularPath) is not { } regular)
            {
                continue;
            }
            var boldPath = group.FirstOrDefault(file => file.Match.Groups["weight"].Value == "Bold").Path;
            families.Add((regular, boldPath is not null && SKTypeface.FromFile(boldPath) is { } bold ? bold : regular));
        }
        return families;
    }

    // NotoSansHebrew-Regular.ttf, NotoSansCJK-Bold.ttc: a sans family's regular or bold face, not a mono, display, UI or
    // condensed variant.
    [GeneratedRegex(@"^(?<family>(?!.*(Mono|Display|UI|Condensed))[A-Za-z0-9]*Sans[A-Za-z0-9]*)-(?<weight>Regular|Bold)\.(ttf|otf|ttc)$")]
    private static partial Regex FontFileName();

    private static SKTypeface Load(string path) =>
        File.Exists(path) && SKTypeface.FromFile(path) is { } typeface ? typeface : throw Missing(path);

    private static InvalidOperationException Missing(string path) =>
        new($"The share cards' font {path} is missing or unreadable; it ships with the app in Cards/Fonts (reinstall or republish the app).");

    public void Dispose()
    {
        foreach (var shaper in _shapers.Values)
        {
            shaper.Dispose();
        }
        _regular.Dispose();
        _bold.Dispose();
        if (_fallbacks.IsValueCreated)
        {
            foreach (var (regular, bold) in _fallbacks.Value)
            {
                regular.Dispose();
                if (!ReferenceEquals(regular, bold))
                {
                    bold.Dispose();
                }
            }
        }
    }
}

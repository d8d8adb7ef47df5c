using System.Globalization;
using System.Text;
using Stackwise.Web.Site;

namespace Stackwise.Web.Content.Model;

/// <summary>
/// URL slugs in any script: lowercase letters, combining marks and digits of any script, words joined by single hyphens,
/// in Unicode normalization form C (NFC). In a URL they travel percent-encoded as UTF-8 (<see cref="SitePaths.Escape"/>).
/// Latin letters lose their accents, as Stackwise's URLs always did (<c>Thérapie</c> -> <c>therapie</c>); every other
/// script keeps its marks, which are part of its letters (Devanagari and Thai vowel signs, Hebrew and Arabic points).
/// </summary>
public static class Slugs
{
    /// <summary>The slug of a title or name (<c>Thérapie Café</c> -> <c>therapie-cafe</c>, <c>Терапия сна</c> ->
    /// <c>терапия-сна</c>, <c>療法 2</c> -> <c>療法-2</c>), or null when it has no letter or digit.</summary>
    public static string? FromText(string text)
    {
        var slug = new StringBuilder(text.Length);
        var last = Last.Start;
        foreach (var rune in Decomposed(text).EnumerateRunes())
        {
            // Outside the Basic Multilingual Plane (rare ideographs, emoji): a word break, as URLs in one plane stay simple.
            switch (rune.IsBmp ? Rune.GetUnicodeCategory(rune) : UnicodeCategory.OtherSymbol)
            {
                case UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark:
                    // A mark belongs to the letter before it: dropped from a Latin letter, kept on any other, never alone.
                    if (last == Last.OtherLetter)
                    {
                        slug.Append(rune.ToString());
                    }
                    break;
                case UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                    or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber:
                    slug.Append(Rune.ToLowerInvariant(rune).ToString());
                    last = rune.IsAscii ? Last.AsciiLetter : Last.OtherLetter;
                    break;
                case UnicodeCategory.Format:
                    // Joiners, soft hyphens and direction marks shape or steer text; they are not word breaks.
                    break;
                default:
                    if (last is Last.AsciiLetter or Last.OtherLetter)
                    {
                        slug.Append('-');
                        last = Last.Hyphen;
                    }
                    break;
            }
        }
        var trimmed = SitePaths.WithFinalSigma(slug.ToString().TrimEnd('-').Normalize(NormalizationForm.FormC));
        return trimmed.Length == 0 ? null : trimmed;
    }

    /// <summary>The NFC form of a slug as written (a file name saved on macOS is in NFD), or the text as it is when it
    /// cannot be normalized (a lone surrogate), which no slug pattern accepts.</summary>
    public static string Nfc(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return text;
        }
    }

    private enum Last { Start, Hyphen, AsciiLetter, OtherLetter }

    /// <summary>
    /// The text in NFD, with the compatibility forms people type by accident folded first (full-width Latin and digits,
    /// half-width katakana, ligatures, Arabic and Hebrew presentation forms). Not NFKC for all of it: that would also
    /// change letters, such as Thai SARA AM into two characters. A lone surrogate becomes U+FFFD first, a word break.
    /// </summary>
    private static string Decomposed(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var isCompatibilityForm = rune.Value is (>= 0xFB00 and <= 0xFDFF) or (>= 0xFE70 and <= 0xFEFF) or (>= 0xFF00 and <= 0xFFEF);
            folded.Append(isCompatibilityForm ? rune.ToString().Normalize(NormalizationForm.FormKC) : rune.ToString());
        }
        return folded.ToString().Normalize(NormalizationForm.FormD);
    }
}

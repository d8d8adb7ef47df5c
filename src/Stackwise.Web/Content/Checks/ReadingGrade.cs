namespace Stackwise.Web.Content.Checks;

/// <summary>
/// The Flesch-Kincaid grade of a text: the US school grade a reader needs to follow it, from the average sentence length
/// and the average syllables per word (0.39 x words/sentences + 11.8 x syllables/words - 15.59). Syllables are counted
/// by the usual spelling rules (groups of vowels, a silent final e), which is what every readability tool does; the
/// grade is a guide to long sentences and long words, not an exact measure.
/// </summary>
public static class ReadingGrade
{
    /// <summary>The default highest grade before a warning: plain-language guidance (NHS, NIH) aims at grades 6 to 8.</summary>
    public const double DefaultLimit = 10;

    /// <summary>
    /// Fewer words than this are not graded: on a few sentences one long word moves the grade by several years (readability
    /// tools ask for 100 words or more), so a short page would be flagged at random.
    /// </summary>
    public const int MinWords = 100;

    /// <summary>The grade of <paramref name="text"/>, one block a line; null when it has fewer than <see cref="MinWords"/> words.</summary>
    public static double? Of(string text)
    {
        var words = 0;
        var syllables = 0;
        var sentences = 0;
        foreach (var line in text.Split('\n'))
        {
            var wordsInLine = 0;
            var endedWithSentence = false;
            foreach (var token in line.Split(' ', '\t'))
            {
                if (!token.Any(char.IsLetter))
                {
                    continue;
                }
                wordsInLine++;
                syllables += token.Split('-', '/').Sum(Syllables);
                endedWithSentence = EndsSentence(token);
                sentences += endedWithSentence ? 1 : 0;
            }
            // A line is one block (a paragraph, a list item): its end ends a sentence even without a full stop.
            sentences += wordsInLine > 0 && !endedWithSentence ? 1 : 0;
            words += wordsInLine;
        }
        return words < MinWords ? null : Math.Max(0, (0.39 * words / sentences) + (11.8 * syllables / words) - 15.59);
    }

    /// <summary>A word followed by a full stop, question mark or exclamation mark, possibly inside a closing quote or bracket.</summary>
    private static bool EndsSentence(string token)
    {
        var end = token.TrimEnd('"', '\'', ')', ']', '\u201D', '\u2019', '*', '_');
        return end.Length > 0 && end[^1] is '.' or '!' or '?';
    }

    /// <summary>The syllables of one English word by its spelling: groups of one or two vowels, less a silent final e or -es/-ed; at least one.</summary>
    public static int Syllables(string word)
    {
        var letters = new string([.. word.Where(char.IsLetter).Select(char.ToLowerInvariant)]);
        if (letters.Length == 0)
        {
            return 0;
        }
        if (letters.Length <= 3)
        {
            return 1;
        }
        letters = WithoutSilentEnding(letters);
        if (letters.StartsWith('y'))
        {
            letters = letters[1..];
        }
        // Each run of vowels counts one syllable per two letters ("beautiful": e-a, u, i), as the common heuristic does.
        var groups = 0;
        var run = 0;
        foreach (var c in letters)
        {
            run = IsVowel(c) ? run + 1 : 0;
            groups += run % 2 == 1 ? 1 : 0;
        }
        return Math.Max(1, groups);
    }

    /// <summary>Drops "-es" and "-e" after a consonant other than l (makes, hope, but not table) and "-ed" (walked).</summary>
    private static string WithoutSilentEnding(string word)
    {
        if (word.EndsWith("ed", StringComparison.Ordinal))
        {
            return word[..^2];
        }
        if (word.EndsWith("es", StringComparison.Ordinal) && word.Length > 2 && !IsVowel(word[^3]) && word[^3] != 'l')
        {
            return word[..^3];
        }
        if (word.EndsWith('e') && !IsVowel(word[^2]) && word[^2] != 'l')
        {
            return word[..^2];
        }
        return word;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
}

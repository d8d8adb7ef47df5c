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

    private const string Closers = "\"')]\u201D\u2019*_";

    /// <summary>The grade of <paramref name="text"/>, one block a line; null when it has fewer than <see cref="MinWords"/> words.</summary>
    /// <remarks>Walks the text as spans: every article is graded on each load, so this allocates nothing per word.</remarks>
    public static double? Of(string text)
    {
        var words = 0;
        var syllables = 0;
        var sentences = 0;
        var all = text.AsSpan();
        foreach (var lineRange in all.Split('\n'))
        {
            var line = all[lineRange];
            var wordsInLine = 0;
            var endedWithSentence = false;
            foreach (var tokenRange in line.SplitAny(" \t"))
            {
                var token = line[tokenRange];
                if (!HasLetter(token))
                {
                    continue;
                }
                wordsInLine++;
                foreach (var partRange in token.SplitAny("-/"))
                {
                    syllables += Syllables(token[partRange]);
                }
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
    private static bool EndsSentence(ReadOnlySpan<char> token)
    {
        var end = token.TrimEnd(Closers);
        return end.Length > 0 && end[^1] is '.' or '!' or '?';
    }

    private static bool HasLetter(ReadOnlySpan<char> token)
    {
        foreach (var c in token)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }
        return false;
    }

    public static int Syllables(string word) => Syllables(word.AsSpan());

    /// <summary>The syllables of one English word by its spelling: groups of one or two vowels, less a silent final e
    /// or -es/-ed; at least one.</summary>
    public static int Syllables(ReadOnlySpan<char> word)
    {
        Span<char> buffer = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        var length = 0;
        foreach (var c in word)
        {
            if (char.IsLetter(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }
        ReadOnlySpan<char> letters = buffer[..length];
        if (letters.Length == 0)
        {
            return 0;
        }
        if (letters.Length <= 3)
        {
            return 1;
        }
        letters = WithoutSilentEnding(letters);
        if (letters[0] == 'y')
        {
            letters = letters[1..];
        }
        // Each run of vowels counts one syllable per two letters ("beautiful": e-a, u, i, u), as the common heuristic does.
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
    private static ReadOnlySpan<char> WithoutSilentEnding(ReadOnlySpan<char> word)
    {
        if (word.EndsWith("ed"))
        {
            return word[..^2];
        }
        if (word.EndsWith("es") && !IsVowel(word[^3]) && word[^3] != 'l')
        {
            return word[..^3];
        }
        if (word[^1] == 'e' && !IsVowel(word[^2]) && word[^2] != 'l')
        {
            return word[..^2];
        }
        return word;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
}

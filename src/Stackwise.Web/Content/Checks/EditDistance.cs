namespace Stackwise.Web.Content.Checks;

/// <summary>Levenshtein distance: how many letters to insert, delete or change to turn one word into another.</summary>
public static class EditDistance
{
    /// <summary>
    /// The known word <paramref name="typed"/> was most likely meant to be, ignoring case, for a "did you mean" hint: the
    /// nearest within a third of its length (at least two edits), or null when none is that near.
    /// </summary>
    public static string? Closest(string typed, IEnumerable<string> known)
    {
        var lowered = typed.ToLowerInvariant();
        // Ties go to the first in ordinal order, so the hint does not depend on the order the words come in.
        var best = known
            .Select(word => (Word: word, Distance: Between(lowered, word.ToLowerInvariant())))
            .DefaultIfEmpty((Word: "", Distance: int.MaxValue))
            .OrderBy(candidate => candidate.Distance)
            .ThenBy(candidate => candidate.Word, StringComparer.Ordinal)
            .First();
        return best.Distance <= Math.Max(2, typed.Length / 3) ? best.Word : null;
    }

    public static int Between(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}

using System.Collections.Immutable;
using Stackwise.Web.Content.Model;

namespace Stackwise.Web.Content.Snapshot;

/// <summary>
/// A snapshot's problems are kept sorted by file, then line and column; these find one file's problems by binary search
/// and swap in the new problems of the files a patch replaced, without sorting the rest again.
/// </summary>
internal static class SortedProblems
{
    /// <summary>The problems of the files a patch replaced, from a list sorted by file (a new problem of a patched
    /// snapshot is one of these).</summary>
    public static ImmutableArray<ContentProblem> ProblemsOf(ImmutableArray<ContentProblem> problems, PatchOrigin patch) =>
        [.. patch.Replaced.Select(replaced => replaced.New.Path.File).Distinct(StringComparer.Ordinal).SelectMany(file => ProblemsOf(problems, file).ToArray())];

    /// <summary>The problems of one file in a list sorted by file, as a slice of it.</summary>
    public static ReadOnlySpan<ContentProblem> ProblemsOf(ImmutableArray<ContentProblem> problems, string file)
    {
        var (start, end) = RangeOf(problems, file);
        return problems.AsSpan()[start..end];
    }

    private static (int Start, int End) RangeOf(ImmutableArray<ContentProblem> problems, string file)
    {
        int First(bool after)
        {
            var (low, high) = (0, problems.Length);
            while (low < high)
            {
                var middle = (low + high) / 2;
                var order = string.CompareOrdinal(problems[middle].File, file);
                (low, high) = order < 0 || (after && order == 0) ? (middle + 1, high) : (low, middle);
            }
            return low;
        }
        return (First(after: false), First(after: true));
    }

    /// <summary>The problems with each replaced file's own swapped in, still sorted by file, then line and column.</summary>
    public static ImmutableArray<ContentProblem> WithProblems(ImmutableArray<ContentProblem> problems,
        IEnumerable<(string File, List<ContentProblem> Problems)> replaced)
    {
        var result = ImmutableArray.CreateBuilder<ContentProblem>(problems.Length);
        var next = 0;
        foreach (var change in replaced.OrderBy(change => change.File, StringComparer.Ordinal))
        {
            var (start, end) = RangeOf(problems, change.File);
            result.AddRange(problems.AsSpan()[next..start]);
            result.AddRange(change.Problems.OrderBy(problem => problem.Position.Line).ThenBy(problem => problem.Position.Column));
            next = end;
        }
        result.AddRange(problems.AsSpan()[next..]);
        return result.DrainToImmutable();
    }
}

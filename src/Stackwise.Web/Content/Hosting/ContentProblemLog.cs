using System.Collections.Immutable;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Site;

namespace Stackwise.Web.Content.Hosting;

/// <summary>
/// The operator's log of content problems, for <see cref="ContentStore"/>: each problem is logged once, when it first
/// appears, not again on every reload; an error says whether its file was rejected or kept at its last good version,
/// and advice on the writing is only counted (it is for editors: <c>check</c> and the problems page).
/// </summary>
internal sealed partial class ContentProblemLog(ILogger logger)
{
    /// <summary>
    /// The problems in <paramref name="current"/> that are not in <paramref name="before"/>. An unchanged file keeps its
    /// parse, so its problems are the very same objects: those are matched by reference, and only the rest are compared
    /// by value with the earlier problems of their files (hashing every problem of a site whose 10,000 articles each had a
    /// reading-grade note took 10 ms per reload).
    /// </summary>
    public static List<ContentProblem> NewProblems(ImmutableArray<ContentProblem> current, ImmutableArray<ContentProblem> before)
    {
        var sameObjects = new HashSet<ContentProblem>(before, ReferenceEqualityComparer.Instance);
        var candidates = current.Where(problem => !sameObjects.Contains(problem)).ToList();
        if (candidates.Count == 0)
        {
            return candidates;
        }
        var files = candidates.Select(problem => problem.File).ToHashSet(StringComparer.Ordinal);
        var known = before.Where(problem => files.Contains(problem.File)).ToHashSet();
        return candidates.Where(problem => !known.Contains(problem)).ToList();
    }

    /// <summary>Logs the problems <paramref name="snapshot"/> has that <paramref name="previous"/> had not.</summary>
    public void LogNew(ContentSnapshot snapshot, ContentSnapshot? previous)
    {
        // A patch changes the problems of the files it replaced alone: only those are compared (a site with 100,000 notes
        // would hash them all on every save).
        var newProblems = snapshot.PatchedFrom is { } patch && patch.Version == previous?.Version
            ? NewProblems(SortedProblems.ProblemsOf(snapshot.Problems, patch), SortedProblems.ProblemsOf(previous.Problems, patch))
            : NewProblems(snapshot.Problems, previous?.Problems ?? []);
        // Advice on the writing is for editors (`check`, the problems page): the operator's log only counts it.
        var advice = newProblems.Count(problem => problem.IsAdvice);
        if (advice > 0 && logger.IsEnabled(LogLevel.Information))
        {
            var notes = Counted.Of(advice, "new note");
            LogAdvice(notes);
        }
        foreach (var problem in newProblems.Where(problem => !problem.IsAdvice))
        {
            if (problem.Severity == ProblemSeverity.Warning)
            {
                LogWarning(problem.ToString());
            }
            else if (problem.OnlyEntryIgnored)
            {
                LogEntryIgnored(problem.ToString());
            }
            else if (snapshot.KeptFiles.Contains(problem.File))
            {
                LogKept(problem.ToString());
            }
            else
            {
                LogRejected(problem.ToString());
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Content file rejected: {Problem}")]
    private partial void LogRejected(string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Content file refused, last good version kept online: {Problem}")]
    private partial void LogKept(string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Content entry ignored, the rest of the file is served: {Problem}")]
    private partial void LogEntryIgnored(string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Content warning: {Problem}")]
    private partial void LogWarning(string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Content advice for editors: {Notes:l} on the writing (reading grade); `check` and the Development problems page list them")]
    private partial void LogAdvice(string notes);
}

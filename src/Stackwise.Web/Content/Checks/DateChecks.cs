using Stackwise.Web.Content.Model;
using Stackwise.Web.Rendering;

namespace Stackwise.Web.Content.Checks;

/// <summary>Front matter dates compared with today, the one check of a file whose outcome changes with the calendar.</summary>
public static class DateChecks
{
    /// <summary>The furthest ahead a <c>published</c> date goes without a warning that the year may be a typo.</summary>
    public const int FarFutureDays = 366;

    /// <summary>
    /// <c>updated</c> and <c>lastReviewed</c> say what has happened, so a date after today (UTC) is an error: it would
    /// date the page, its feed entry and the sitemap in the future. A <c>published</c> date more than a year ahead is
    /// allowed (the article is scheduled) but warned about, as a likely typo in the year.
    /// </summary>
    /// <param name="positionOf">Where a front matter field was written.</param>
    /// <returns>The day these checks would come out differently, when there is one.</returns>
    public static DateOnly? CheckAgainstToday(ContentPath path, Func<string, SourcePosition> positionOf, ContentDocument? document, DateOnly today, List<ContentProblem> problems)
    {
        var (published, past) = document switch
        {
            Article article => ((DateOnly?)article.Dates.Published, new[] { ("updated", article.Dates.Updated), ("lastReviewed", article.Dates.LastReviewed) }),
            SitePage page => (null, new[] { ("updated", page.Updated) }),
            _ => (null, []),
        };
        DateOnly? recheckOn = null;
        foreach (var (name, date) in past)
        {
            if (date > today)
            {
                problems.Add(ContentProblem.Error(path.File, positionOf(name), ProblemCodes.FutureDate,
                    $"field `{name}` ({date:yyyy-MM-dd}) is after today ({today:yyyy-MM-dd}, UTC); write the date it happened"));
                recheckOn = Earliest(recheckOn, date);
            }
        }
        if (published is { } day && day.DayNumber - today.DayNumber > FarFutureDays)
        {
            problems.Add(ContentProblem.Warning(path.File, positionOf("published"), ProblemCodes.FarFuturePublication,
                $"field `published` ({day:yyyy-MM-dd}) is {day.DayNumber - today.DayNumber:N0} days ahead: the article stays hidden until then; check the year"));
            recheckOn = Earliest(recheckOn, day.AddDays(-FarFutureDays));
        }
        return recheckOn;

        static DateOnly? Earliest(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : (a < b ? a : b);
    }
}

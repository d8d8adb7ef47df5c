namespace Stackwise.Web.Content.Hosting;

/// <summary>
/// The one timer of <see cref="ContentStore"/>: it reloads the content at midnight UTC of the next date a document
/// comes out or must be checked again. The timer is set at most <see cref="LongestTimerDelay"/> ahead and sets itself
/// again until the date, so any date an editor writes is safe.
/// </summary>
internal sealed partial class PublicationTimer(TimeProvider time, Func<Task> reload, ILogger logger) : IDisposable
{
    /// <summary>
    /// The longest a timer is set for. .NET timers take at most about 49.7 days; a publication further off is
    /// reached by waking up once a day and setting the timer again, so any date an editor writes is safe.
    /// </summary>
    internal static readonly TimeSpan LongestTimerDelay = TimeSpan.FromDays(1);

    private readonly Lock _timerLock = new();
    private ITimer? _publicationTimer;
    private DateOnly? _scheduledFor;

    /// <summary>
    /// A scheduled article goes live at midnight UTC of its date without anyone touching the folder (and a date that was
    /// in the future is checked again on its day).
    /// </summary>
    public void Schedule(DateOnly? date)
    {
        lock (_timerLock)
        {
            _publicationTimer?.Dispose();
            _publicationTimer = null;
            if (date is { } day)
            {
                var due = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                _publicationTimer = time.CreateTimer(_ => OnPublicationTimer(due), null, DelayUntil(due), Timeout.InfiniteTimeSpan);
                if (_scheduledFor != day)
                {
                    LogScheduled(day);
                }
            }
            _scheduledFor = date;
        }
    }

    private TimeSpan DelayUntil(DateTimeOffset due)
    {
        var delay = due - time.GetUtcNow();
        return delay <= TimeSpan.Zero ? TimeSpan.Zero : delay < LongestTimerDelay ? delay : LongestTimerDelay;
    }

    /// <summary>Reloads once the date has come; before that (a long wait is cut into days) sets the timer again.</summary>
    private void OnPublicationTimer(DateTimeOffset due)
    {
        if (time.GetUtcNow() < due)
        {
            lock (_timerLock)
            {
                _publicationTimer?.Change(DelayUntil(due), Timeout.InfiniteTimeSpan);
            }
            return;
        }
        _ = reload();
    }

    public void Dispose()
    {
        lock (_timerLock)
        {
            _publicationTimer?.Dispose();
            _publicationTimer = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Content reloads by itself at midnight UTC of {Date:yyyy-MM-dd} (a scheduled publication or a date check)")]
    private partial void LogScheduled(DateOnly date);
}

namespace Stackwise.Web.Tests.Support;

/// <summary>
/// A clock stopped at one moment, so date-dependent pages can be tested on both sides of a date. A test may move it to
/// another moment, either way (the fake clock only goes forward).
/// </summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public static FixedTimeProvider On(int year, int month, int day) => new(new DateTimeOffset(year, month, day, 12, 0, 0, TimeSpan.Zero));

    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

namespace Stackwise.Web.Tests.Support;

public static class Eventually
{
    /// <summary>Polls a condition every 50 ms until it holds; fails after <paramref name="seconds"/>. Bounded, never a timing assertion.</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, double seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"after {seconds} s: {what}");
            await Task.Delay(50);
        }
    }
}

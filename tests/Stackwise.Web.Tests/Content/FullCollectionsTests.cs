using Stackwise.Web.Content.Hosting;

namespace Stackwise.Web.Tests.Content;

public sealed class FullCollectionsTests
{
    private const long MB = 1L << 20;

    [Theory]
    [InlineData(0, 64, false)]       // a small site: never for less than the minimum
    [InlineData(0, 65, true)]
    [InlineData(100, 164, false)]
    [InlineData(100, 165, true)]
    [InlineData(1600, 1700, false)]  // a large site: a sixteenth of what the last full collection kept (100 MB of 1,600)
    [InlineData(1600, 1701, true)]
    [InlineData(900, 800, false)]    // smaller than after the last one
    public void ACollectionStartsOnceTheHeapGrewByASixteenthAndAtLeastTheMinimum(long afterLastFullMb, long nowMb, bool expected) =>
        Assert.Equal(expected, FullCollections.IsWorthIt(nowMb * MB, afterLastFullMb * MB));
}

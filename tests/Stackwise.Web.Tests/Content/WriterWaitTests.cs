using System.Net;
using System.Text;
using Stackwise.Web.Content.Hosting;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Content;

/// <summary>
/// A file another process is still writing is not served half-written: the reload waits while the file is held open
/// for writing, at most the longest wait, then reads it as it is with a warning.
/// </summary>
public sealed class WriterWaitTests : WatchedSite
{
    [Fact]
    public async Task HalfWrittenFileKeepsTheLastGoodVersion()
    {
        var full = Article("First Synthetic Therapy, Complete");
        Folder.Write("therapies/first.md", full[..20]);
        await Factory.UntilAsync(() => Task.FromResult(Factory.Logs.Messages.Any(message => message.Contains("last good version kept online", StringComparison.Ordinal))),
            "the half-written file is refused");
        Assert.Equal("First Synthetic Therapy", await TitleAsync("/therapies/first"));

        Folder.Write("therapies/first.md", full);

        await Factory.UntilAsync(async () => await TitleAsync("/therapies/first") == "First Synthetic Therapy, Complete", "the complete file is served");
    }

    [Theory]
    [InlineData("therapies/second.md")]
    [InlineData("therapies/first.md")]
    public async Task AFileStillOpenForWritingIsReadOnlyOnceItsWriterClosesIt(string path)
    {
        var swaps = Factory.Swaps.Count;
        var writer = new FileStream(Path.Combine(Folder.Root, path), FileMode.Create, FileAccess.Write, FileShare.Read);
        await using (writer)
        {
            // A whole, valid file so far: served now, it would be the article cut short.
            await writer.WriteAsync(Encoding.UTF8.GetBytes(Article("Written In Two Parts", "Part one.")));
            await writer.FlushAsync();

            var advanced = await AdvanceQuietPeriodsAsync(12);

            Assert.True(advanced == 12 && Factory.Swaps.Count == swaps,
                $"a reload ran while the file was open for writing (after {advanced} quiet periods; swaps {swaps} -> {Factory.Swaps.Count})");
            await writer.WriteAsync(Encoding.UTF8.GetBytes("Part two.\n"));
        }

        var url = "/" + path[..^".md".Length];
        await Factory.UntilAsync(async () => (await Client.GetPageAsync(url)).Document.QuerySelector("main")?.TextContent.Contains("Part two.", StringComparison.Ordinal) == true,
            "the whole file is served once its writer has closed it");
        Assert.Equal(swaps + 1, Factory.Swaps.Count);
    }

    [Fact]
    public async Task AFileHeldOpenForWritingPastTheLongestWaitIsReadAsItIsWithAWarning()
    {
        await using var writer = new FileStream(Path.Combine(Folder.Root, "therapies/held.md"), FileMode.Create, FileAccess.Write, FileShare.Read);
        await writer.WriteAsync(Encoding.UTF8.GetBytes(Article("Held Open")));
        await writer.FlushAsync();
        var longest = (int)(ContentWatcher.MaxWriterWait / ContentWatcher.QuietPeriod);

        var advanced = await AdvanceQuietPeriodsAsync(longest + 10);

        Assert.InRange(advanced, longest, longest + 2);
        await Factory.UntilAsync(async () => await StatusAsync("/therapies/held") == HttpStatusCode.OK, "the held file is read as it is");
        Assert.Contains(Factory.Logs.Messages, line => line.Contains("held.md", StringComparison.Ordinal)
            && line.Contains("is still open for writing after 30 s; reading it as it is", StringComparison.Ordinal));
    }
}

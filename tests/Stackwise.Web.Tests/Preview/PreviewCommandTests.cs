using System.Net;
using Stackwise.Web.Site;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Preview;

/// <summary>`preview`, run as the real command: the link it prints opens the draft on a Production site with the same key,
/// for the days asked; and what it refuses (no key, a published article, anything that is not an unpublished article).</summary>
public sealed class PreviewCommandTests : FolderTest
{
    private const string Key = "synthetic-preview-key-of-at-least-32-characters";

    public PreviewCommandTests() => Folder
        .Write("therapies/draft.md", Article("Synthetic Draft Therapy", "published: 2026-01-01\ndraft: true"))
        .Write("therapies/public.md", Article("Synthetic Public Therapy", "published: 2026-01-01"))
        .Write("therapies/broken.md", Article("Synthetic Broken Therapy", "published: 2026-01-01\ndraft: true").Replace("risk: low", "risk: medium", StringComparison.Ordinal))
        .Write("people/writer.md", "---\nname: Synthetic Writer\n---\nSynthetic.\n");

    private static string Article(string title, string dates) =>
        $"---\ntitle: {title}\ncategory: Test\nrisk: low\nsummary: Synthetic.\n{dates}\n---\nSynthetic text.\n";

    private Task<(int ExitCode, string Output, string Error)> PreviewAsync(string? key, params string[] args) =>
        AppProcess.RunAsync(["preview", .. args, "--content", Folder.Root], key is null ? null : new Dictionary<string, string>
        {
            ["Site__PreviewKey"] = key,
            ["Site__BaseUrl"] = StackwiseFactory.BaseUrl,
        });

    [Theory]
    [InlineData("/therapies/draft")]
    [InlineData("therapies/draft.md")]
    public async Task ThePrintedLinkOpensTheDraftOnTheProductionSiteForAWeek(string article)
    {
        var (exitCode, output, error) = await PreviewAsync(Key, article);

        var link = new Uri(output.Trim());
        var token = link.AbsolutePath[(link.AbsolutePath.LastIndexOf('/') + 1)..];
        Assert.Equal(0, exitCode);
        Assert.StartsWith($"{StackwiseFactory.BaseUrl}/_content/preview/", output, StringComparison.Ordinal);
        Assert.Contains("A preview of \"Synthetic Draft Therapy\" (a draft), open until", error, StringComparison.Ordinal);
        Assert.True(PreviewTokens.TryRead(token, Key, DateTimeOffset.UtcNow.AddDays(6.9), out var url));
        Assert.Equal("/therapies/draft", url);
        Assert.False(PreviewTokens.TryRead(token, Key, DateTimeOffset.UtcNow.AddDays(7.1), out _));
        await using var site = new StackwiseFactory(Folder.Root) { Settings = new Dictionary<string, string> { ["Site:PreviewKey"] = Key } };
        var (response, document) = await site.CreateClient().GetPageAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Synthetic Draft Therapy", document.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task DaysSetHowLongTheLinkOpens()
    {
        var (exitCode, output, _) = await PreviewAsync(Key, "/therapies/draft", "--days", "30");

        var token = output.Trim()[(output.Trim().LastIndexOf('/') + 1)..];
        Assert.Equal(0, exitCode);
        Assert.True(PreviewTokens.TryRead(token, Key, DateTimeOffset.UtcNow.AddDays(29.9), out _));
        Assert.False(PreviewTokens.TryRead(token, Key, DateTimeOffset.UtcNow.AddDays(30.1), out _));
    }

    [Theory]
    [InlineData(null, "/therapies/draft", 2, "error: previews are off: set Site:PreviewKey")]
    [InlineData("too-short", "/therapies/draft", 2, "error: Site:PreviewKey must be at least 32 characters")]
    [InlineData(Key, "/therapies/public", 1, "error: /therapies/public is published already; readers see it at https://stackwise.test/therapies/public.")]
    [InlineData(Key, "/therapies/missing", 1, "error: '/therapies/missing' is not an article")]
    [InlineData(Key, "/people/writer", 1, "error: '/people/writer' is not an article")]
    [InlineData(Key, "therapies/broken.md", 1, "error: content/therapies/broken.md has errors, so there is nothing to preview; run `check`")]
    public async Task WhatCannotBePreviewedIsRefusedWithTheReason(string? key, string article, int expected, string message)
    {
        var (exitCode, output, error) = await PreviewAsync(key, article);

        Assert.Equal(expected, exitCode);
        Assert.Empty(output);
        Assert.StartsWith(message, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("91")]
    [InlineData("a week")]
    public async Task DaysOutOfRangeCannotRun(string days)
    {
        var (exitCode, output, error) = await PreviewAsync(Key, "/therapies/draft", "--days", days);

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.StartsWith("error:", error, StringComparison.Ordinal);
    }
}

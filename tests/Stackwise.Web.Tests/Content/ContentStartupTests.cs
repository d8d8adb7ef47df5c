using Microsoft.AspNetCore.Hosting;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Content;

public sealed class ContentStartupTests
{
    [Fact]
    public async Task MissingContentFolderStopsTheAppWithAClearMessage()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"stackwise-missing-{Guid.NewGuid():N}");
        await using var factory = new StackwiseFactory(missing);

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains($"The content folder '{missing}' does not exist", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Content__Root", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stackwise.example")]
    [InlineData("https://stackwise.example/")]
    [InlineData("ftp://stackwise.example")]
    public async Task InvalidBaseUrlStopsTheApp(string baseUrl)
    {
        await using var factory = new SettingFactory("Site:BaseUrl", baseUrl);

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Site:BaseUrl must be an absolute http(s) URL", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SearchRateLimit:PermitLimit", "0", "PermitLimit")]
    [InlineData("SearchRateLimit:PermitLimit", "-5", "PermitLimit")]
    [InlineData("SearchRateLimit:WindowSeconds", "0", "WindowSeconds")]
    public async Task InvalidSearchRateLimitStopsTheAppNamingTheSetting(string key, string value, string named)
    {
        await using var factory = new SettingFactory(key, value);

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains($"The field {named} must be between", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartUpLogsTheCountsAndOneLinePerRejectedFile()
    {
        using var folder = new TempContentFolder()
            .Write("therapies/good.md", SyntheticContent.LowRiskArticle)
            .Write("therapies/bad.md", SyntheticContent.LowRiskArticle.Replace("risk: low", "risk: medium", StringComparison.Ordinal));
        await using var factory = new StackwiseFactory(folder.Root);

        var response = await factory.CreateClient().GetAsync(new Uri("/therapies/good", UriKind.Relative));

        response.EnsureSuccessStatusCode();
        Assert.Contains(factory.Logs.Messages, message => message.StartsWith("Content loaded: 1 articles and 0 pages (0 people), 1 files rejected", StringComparison.Ordinal));
        var rejection = Assert.Single(factory.Logs.Messages, message => message.Contains("rejected: ", StringComparison.Ordinal));
        Assert.Contains("therapies/bad.md:4:7: error SW027: field `risk` must be one of low, moderate, high (got `medium`)", rejection, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RejectedArticleAnswers404WhileTheOthersServe()
    {
        using var folder = new TempContentFolder()
            .Write("therapies/good.md", SyntheticContent.LowRiskArticle)
            .Write("therapies/bad.md", "---\ntitle: [unclosed\n---\n");
        await using var factory = new StackwiseFactory(folder.Root);
        var client = factory.CreateClient();

        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync(new Uri("/therapies/good", UriKind.Relative))).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/therapies/bad", UriKind.Relative))).StatusCode);
    }

    private sealed class SettingFactory(string key, string value) : StackwiseFactory(RepositoryPaths.TestContent)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(key, value);
        }
    }
}

using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Stackwise.Web.Content.Hosting;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Seo;

/// <summary>A synthetic site of two articles in two categories, started for tests of what a save renders again.</summary>
internal static class SavedSite
{
    public static string Article(string title, string category, string? author = null) =>
        $"---\ntitle: {title}\ncategory: {category}\nrisk: low\nsummary: Synthetic.\npublished: 2026-01-01\n"
        + (author is null ? "" : $"author: {author}\n") + "---\nText.\n";

    /// <summary>An article to save and one in another category with no tags, so the two are not related.</summary>
    public static TempContentFolder SavedAndUntouched() => new TempContentFolder()
        .Write("therapies/saved.md", Article("Saved", "Category One"))
        .Write("supplements/untouched.md", Article("Untouched", "Category Two"));

    public static async Task<(StackwiseFactory Site, HttpClient Client, ContentStore Store)> StartAsync(TempContentFolder folder, params string[] warm)
    {
        var site = new StackwiseFactory(folder.Root);
        var client = site.CreateClient();
        foreach (var url in warm)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        }
        return (site, client, site.Services.GetRequiredService<ContentStore>());
    }

    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, string url, string? coding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        if (coding is not null)
        {
            request.Headers.AcceptEncoding.ParseAdd(coding);
        }
        return await client.SendAsync(request);
    }
}

using Microsoft.Extensions.Options;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Seo;
using Stackwise.Web.Site;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Seo;

/// <summary>
/// Which paths the sitemap's inputs name (the sitemap and each numbered part, nothing else), and that they are equal
/// exactly when the entries are: the same addresses with the same dates.
/// </summary>
public sealed class SitemapPageInputsTests : IDisposable
{
    private readonly TempContentFolder _folder = new TempContentFolder()
        .Write("therapies/first.md", Article("First", "published: 2026-01-01"))
        .Write("therapies/second.md", Article("Second", "published: 2026-01-02"));

    private readonly SitemapPageInputs _inputs = new(Options.Create(new SiteOptions { BaseUrl = "https://stackwise.example" }));

    public void Dispose() => _folder.Dispose();

    private static string Article(string title, string dates) =>
        $"---\ntitle: {title}\ncategory: Synthetic\nrisk: low\nsummary: Synthetic.\n{dates}\n---\nText.\n";

    private Task<ContentSnapshot> LoadAsync() => _folder.LoadAsync();

    [Theory]
    [InlineData("/sitemap.xml", true)]
    [InlineData("/sitemaps/1.xml", true)]
    [InlineData("/sitemaps/12.xml", true)]
    [InlineData("/sitemaps", false)]
    [InlineData("/sitemapsx/1.xml", false)]
    [InlineData("/sitemap.xml.gz", false)]
    [InlineData("/feed.xml", false)]
    [InlineData("/therapies/first", false)]
    public async Task OnlyTheSitemapAndItsPartsHaveInputsHere(string path, bool named)
    {
        var snapshot = await LoadAsync();

        Assert.Equal(named, _inputs.InputsOf(snapshot, path) is not null);
    }

    [Fact]
    public async Task TheInputsAreEqualExactlyWhenTheAddressesAndDatesAre()
    {
        var first = await LoadAsync();
        _folder.Write("therapies/first.md", Article("First, retitled", "published: 2026-01-01"));
        var retitled = await LoadAsync();
        _folder.Write("therapies/first.md", Article("First, retitled", "published: 2026-01-01\nupdated: 2026-03-01"));
        var redated = await LoadAsync();
        _folder.Write("therapies/third.md", Article("Third", "published: 2026-01-03"));
        var added = await LoadAsync();

        var before = _inputs.InputsOf(first, SiteRoutes.Sitemap)!;
        Assert.True(_inputs.InputsOf(retitled, SiteRoutes.Sitemap)!.SameAs(before));
        Assert.False(_inputs.InputsOf(redated, SiteRoutes.Sitemap)!.SameAs(before));
        Assert.False(_inputs.InputsOf(added, SiteRoutes.Sitemap)!.SameAs(_inputs.InputsOf(redated, SiteRoutes.Sitemap)!));
    }
}

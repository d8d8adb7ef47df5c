using System.Text.Json;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Seo;

public sealed class StructuredDataTests
{
    private const string Base = StackwiseFactory.BaseUrl;

    private static Task<JsonElement> GetJsonLdAsync(StackwiseFactory factory, string url) => factory.CreateClient().GetJsonLdAsync(url);

    [Fact]
    public async Task ArticleHasOneMedicalWebPageCheckedFieldByField()
    {
        await using var factory = new TestContentFactory();

        var page = await GetJsonLdAsync(factory, "/therapies/gamma-test-therapy");

        Assert.Equal("https://schema.org", page.GetProperty("@context").GetString());
        Assert.Equal("MedicalWebPage", page.GetProperty("@type").GetString());
        Assert.Equal("Gamma Test Therapy", page.GetProperty("name").GetString());
        Assert.Equal("A synthetic moderate-risk article with review dates, used by the automated tests.", page.GetProperty("description").GetString());
        Assert.Equal($"{Base}/therapies/gamma-test-therapy", page.GetProperty("url").GetString());
        Assert.Equal("2026-03-15", page.GetProperty("datePublished").GetString());
        Assert.Equal("2026-03-15", page.GetProperty("dateModified").GetString());
        Assert.Equal("2026-03-15", page.GetProperty("lastReviewed").GetString());
        Assert.Equal("en", page.GetProperty("inLanguage").GetString());

        var publisher = page.GetProperty("publisher");
        Assert.Equal("Organization", publisher.GetProperty("@type").GetString());
        Assert.Equal("Stackwise", publisher.GetProperty("name").GetString());

        var crumbs = page.GetProperty("breadcrumb");
        Assert.Equal("BreadcrumbList", crumbs.GetProperty("@type").GetString());
        var items = crumbs.GetProperty("itemListElement").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3], items.Select(item => item.GetProperty("position").GetInt32()));
        Assert.Equal(["Home", "Test Category A", "Gamma Test Therapy"], items.Select(item => item.GetProperty("name").GetString()));
        Assert.Equal($"{Base}/categories/test-category-a", items[1].GetProperty("item").GetString());

        var about = page.GetProperty("about");
        Assert.Equal("MedicalTherapy", about.GetProperty("@type").GetString());
        Assert.Equal(["Synthetic gamma risk"], about.GetProperty("adverseOutcome").EnumerateArray().Select(o => o.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task ArticleWithoutReviewDateHasNoLastReviewed()
    {
        await using var factory = new TestContentFactory();

        var page = await GetJsonLdAsync(factory, "/supplements/beta-test-supplement");

        Assert.False(page.TryGetProperty("lastReviewed", out _));
        Assert.Equal("2026-03-01", page.GetProperty("dateModified").GetString());
    }

    [Fact]
    public async Task TitleContainingAScriptEndTagCannotBreakOutOfTheScriptElement()
    {
        const string Title = "Synthetic </script><script>alert(1)</script> & <!-- title";
        using var folder = new TempContentFolder().Write("therapies/hostile.md",
            $"---\ntitle: \"{Title}\"\ncategory: Test\nrisk: low\nsummary: \"</SCRIPT> in the summary\"\npublished: 2026-01-01\n---\nText.\n");
        await using var factory = new StackwiseFactory(folder.Root);

        var (_, document) = await factory.CreateClient().GetPageAsync("/therapies/hostile");
        var scripts = document.QuerySelectorAll("script");

        var script = Assert.Single(scripts);
        Assert.Equal("application/ld+json", script.GetAttribute("type"));
        Assert.DoesNotContain("</", script.InnerHtml, StringComparison.OrdinalIgnoreCase);
        var page = JsonDocument.Parse(script.TextContent).RootElement;
        Assert.Equal(Title, page.GetProperty("name").GetString());
        Assert.Equal("</SCRIPT> in the summary", page.GetProperty("description").GetString());
    }
}

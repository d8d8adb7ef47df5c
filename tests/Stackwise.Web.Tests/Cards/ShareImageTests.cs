using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using Stackwise.Web.Content.Hosting;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Parsing;
using Stackwise.Web.Rendering;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Cards;

/// <summary>An article's own share picture: <c>image</c> and <c>imageAlt</c>, their errors, and the tags they produce.</summary>
public sealed class ShareImageTests
{
    private const string Article = "---\ntitle: Pictured\ncategory: Test\nrisk: low\nsummary: Synthetic.\npublished: 2026-01-01\n";

    private static readonly ContentParser Parser = new(new MarkdownRenderer());

    private static ParseResult Parse(string fields) =>
        Parser.Parse(new ContentPath("therapies/pictured.md", "therapies", "pictured"), $"{Article}{fields}---\nText.\n", new DateOnly(2026, 11, 27));

    private static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.SteelBlue);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    public static TheoryData<string, string, int, int, string> BadImages => new()
    {
        { "image: synthetic.png\n", ProblemCodes.ImageWithoutAlt, 7, 8, "field `image` needs `imageAlt`: what the picture shows, for readers who cannot see it" },
        { "imageAlt: A synthetic picture\n", ProblemCodes.InvalidValue, 7, 11, "field `imageAlt` describes `image`; add `image` or remove `imageAlt`" },
        { "image: ../secret.png\nimageAlt: A\n", ProblemCodes.InvalidValue, 7, 8,
            "field `image` must name a .png, .jpg, .jpeg, .gif, .webp file in content/images/, like `ketamine-card.png` (got `../secret.png`)" },
        { "image: drawing.svg\nimageAlt: A\n", ProblemCodes.InvalidValue, 7, 8,
            "field `image` must name a .png, .jpg, .jpeg, .gif, .webp file in content/images/, like `ketamine-card.png` (got `drawing.svg`)" },
        { "image: /elsewhere/x.png\nimageAlt: A\n", ProblemCodes.InvalidValue, 7, 8,
            "field `image` must name a .png, .jpg, .jpeg, .gif, .webp file in content/images/, like `ketamine-card.png` (got `/elsewhere/x.png`)" },
    };

    [Theory]
    [MemberData(nameof(BadImages))]
    public void BadImageFieldsAreErrorsWithTheirPlace(string fields, string code, int line, int column, string message)
    {
        var result = Parse(fields);

        Assert.Null(result.Document);
        Assert.Contains($"therapies/pictured.md:{line}:{column}: error {code}: {message}", result.Problems.Select(problem => problem.ToString()));
    }

    [Theory]
    [InlineData("synthetic.png")]
    [InlineData("/images/synthetic.png")]
    public void ImageIsReadWithOrWithoutTheImagesPrefix(string value)
    {
        var article = Assert.IsType<Article>(Parse($"image: {value}\nimageAlt: A synthetic blue rectangle\n").Document);

        Assert.Equal(new ShareImage("synthetic.png", "A synthetic blue rectangle", new SourcePosition(7, 8)), article.Image);
    }

    [Fact]
    public async Task TheArticlesOwnPictureIsSharedWithItsSizeTypeAndAlt()
    {
        using var folder = new TempContentFolder()
            .Write("therapies/pictured.md", $"{Article}image: synthetic.png\nimageAlt: A synthetic blue rectangle\n---\nText.\n")
            .WriteBytes("images/synthetic.png", Png(640, 336));
        await using var site = new StackwiseFactory(folder.Root);

        var (_, document) = await site.CreateClient().GetPageAsync("/therapies/pictured");
        string? Meta(string attribute, string name) => document.QuerySelector($"meta[{attribute}='{name}']")?.GetAttribute("content");

        Assert.Equal($"{StackwiseFactory.BaseUrl}/images/synthetic.png", Meta("property", "og:image"));
        Assert.Equal(("640", "336", "image/png", "A synthetic blue rectangle"),
            (Meta("property", "og:image:width"), Meta("property", "og:image:height"), Meta("property", "og:image:type"), Meta("property", "og:image:alt")));
        Assert.Equal($"{StackwiseFactory.BaseUrl}/images/synthetic.png", Meta("name", "twitter:image"));
    }

    /// <summary>The picture's size comes from its file, which no content key names: replacing it renders the page again.</summary>
    [Fact]
    public async Task AReplacedPictureGivesTheCachedPageItsNewSize()
    {
        using var folder = new TempContentFolder()
            .Write("therapies/pictured.md", $"{Article}image: synthetic.png\nimageAlt: A synthetic blue rectangle\n---\nText.\n")
            .WriteBytes("images/synthetic.png", Png(640, 336));
        await using var site = new StackwiseFactory(folder.Root);
        var client = site.CreateClient();
        Assert.Equal("640", await WidthAsync());

        folder.WriteBytes("images/synthetic.png", Png(800, 420));
        await site.Services.GetRequiredService<ContentStore>().ReloadAsync(CancellationToken.None);

        Assert.Equal("800", await WidthAsync());

        async Task<string?> WidthAsync() =>
            (await client.GetPageAsync("/therapies/pictured")).Document.QuerySelector("meta[property='og:image:width']")?.GetAttribute("content");
    }

    [Fact]
    public async Task AMissingPictureIsAnErrorAndThePageSharesItsCardMeanwhile()
    {
        using var folder = new TempContentFolder()
            .Write("therapies/pictured.md", $"{Article}image: missing.png\nimageAlt: A synthetic picture\n---\nText.\n");
        await using var site = new StackwiseFactory(folder.Root);

        var (response, document) = await site.CreateClient().GetPageAsync("/therapies/pictured");
        var (exitCode, output, _) = await AppProcess.RunAsync(["check", "--content", folder.Root]);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"{StackwiseFactory.BaseUrl}/cards/therapies/pictured.png", document.QuerySelector("meta[property='og:image']")?.GetAttribute("content"));
        Assert.Equal(1, exitCode);
        Assert.Contains("/therapies/pictured.md:7:8: error SW070: image `missing.png` is not in content/images/; the page shares the site's card instead", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("we ird#1?.png", "we%20ird%231%3F.png")]
    [InlineData("sub dir/ä 100%.png", "sub%20dir/%C3%A4%20100%25.png")]
    [InlineData("plain-name.png", "plain-name.png")]
    public async Task TheSharedPictureUrlIsPercentEncodedAndAnswers(string file, string encoded)
    {
        using var folder = new TempContentFolder()
            .Write("therapies/pictured.md", $"{Article}image: \"{file}\"\nimageAlt: A synthetic blue rectangle\n---\nText.\n")
            .WriteBytes($"images/{file}", Png(64, 64));
        await using var site = new StackwiseFactory(folder.Root);
        var client = site.CreateClient();

        var (_, document) = await client.GetPageAsync("/therapies/pictured");
        var url = document.QuerySelector("meta[property='og:image']")?.GetAttribute("content");

        Assert.Equal($"{StackwiseFactory.BaseUrl}/images/{encoded}", url);
        var image = await client.GetAsync(new Uri(url![StackwiseFactory.BaseUrl.Length..], UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, image.StatusCode);
    }

    public static TheoryData<string, string> UnservedPictures => new()
    {
        { "symbolic link", "is a symbolic link (or inside one), which the site does not follow" },
        { "named pipe", "is empty, or not a regular file" },
        { "empty file", "is empty, or not a regular file" },
        { "too large", "is 6 MB; the largest picture the site serves is 5 MB" },
    };

    [Theory]
    [MemberData(nameof(UnservedPictures))]
    public async Task APictureTheSiteDoesNotServeIsNeverSharedAndSaysWhy(string kind, string why)
    {
        using var folder = new TempContentFolder()
            .Write("therapies/pictured.md", $"{Article}image: picture.png\nimageAlt: A synthetic picture\n---\nText.\n");
        var picture = Path.Combine(folder.Root, "images", "picture.png");
        Directory.CreateDirectory(Path.GetDirectoryName(picture)!);
        var outside = Path.Combine(Path.GetTempPath(), $"stackwise-outside-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(outside, Png(64, 64));
        try
        {
            switch (kind)
            {
                case "symbolic link":
                    File.CreateSymbolicLink(picture, outside);
                    break;
                case "named pipe":
                    using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", picture))
                    {
                        await mkfifo.WaitForExitAsync();
                    }
                    break;
                case "empty file":
                    await File.WriteAllBytesAsync(picture, []);
                    break;
                default:
                    await using (var big = File.Create(picture))
                    {
                        big.SetLength(6 * 1024 * 1024);
                    }
                    break;
            }
            await using var site = new StackwiseFactory(folder.Root);
            var client = site.CreateClient();

            var (response, document) = await client.GetPageAsync("/therapies/pictured");
            var served = await client.GetAsync(new Uri("/images/picture.png", UriKind.Relative));

            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.Equal($"{StackwiseFactory.BaseUrl}/cards/therapies/pictured.png", document.QuerySelector("meta[property='og:image']")?.GetAttribute("content"));
            Assert.Equal(System.Net.HttpStatusCode.NotFound, served.StatusCode);
            var problem = Assert.Single(site.Services.GetRequiredService<Stackwise.Web.Content.Hosting.ContentStore>().Current.Problems);
            Assert.Equal($"therapies/pictured.md:7:8: error SW070: image `picture.png` {why}; the page shares the site's card instead", problem.ToString());
        }
        finally
        {
            File.Delete(outside);
        }
    }
}

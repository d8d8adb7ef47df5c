using System.Net;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Hardening;

public sealed class ImageLinkTests : IDisposable
{
    private readonly TempContentFolder _folder = new TempContentFolder()
        .Write("therapies/good.md", SyntheticContent.LowRiskArticle)
        .Write("images/real.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");

    private readonly string _outside = Path.Combine(Path.GetTempPath(), "stackwise-tests", $"outside-{Guid.NewGuid():N}");

    public void Dispose()
    {
        _folder.Dispose();
        if (Directory.Exists(_outside))
        {
            Directory.Delete(_outside, recursive: true);
        }
    }

    [Fact]
    public async Task ImagesThatAreSymbolicLinksAreNeverServed()
    {
        Directory.CreateDirectory(_outside);
        await File.WriteAllTextAsync(Path.Combine(_outside, "secret.txt"), "synthetic secret");
        File.CreateSymbolicLink(Path.Combine(_folder.Root, "images", "linked.txt"), Path.Combine(_outside, "secret.txt"));
        Directory.CreateSymbolicLink(Path.Combine(_folder.Root, "images", "linked-folder"), _outside);
        await using var site = new StackwiseFactory(_folder.Root);
        var client = site.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/images/real.svg", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/images/linked.txt", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/images/linked-folder/secret.txt", UriKind.Relative))).StatusCode);
    }
}

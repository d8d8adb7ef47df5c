using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Pages;

public sealed class ReviewDateTests
{
    private const string Url = "/therapies/gamma-test-therapy";

    [Fact]
    public async Task ReviewDatesAreShownNearTheEnd()
    {
        await using var factory = new TestContentFactory { Time = FixedTimeProvider.On(2026, 9, 15) };

        var (_, document) = await factory.CreateClient().GetPageAsync(Url);
        var review = document.QuerySelector("article footer.article-review");

        Assert.NotNull(review);
        Assert.Equal(["Page last reviewed: 15 March 2026", "Next review due: 15 September 2026"], review.QuerySelectorAll("p").Select(p => p.NormalizedText()));
        Assert.Equal("2026-09-15", review.QuerySelectorAll("time")[1].GetAttribute("datetime"));
        Assert.Null(review.QuerySelector(".review-due"));
    }

    [Fact]
    public async Task PassedNextReviewDateSaysTheArticleIsDueForReview()
    {
        await using var factory = new TestContentFactory { Time = FixedTimeProvider.On(2026, 9, 16) };

        var (_, document) = await factory.CreateClient().GetPageAsync(Url);

        Assert.StartsWith("This article is due for review.", document.QuerySelector(".article-review .review-due")?.NormalizedText(), StringComparison.Ordinal);
    }
}

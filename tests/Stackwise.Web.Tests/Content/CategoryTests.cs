using Stackwise.Web.Content.Model;

namespace Stackwise.Web.Tests.Content;

public sealed class CategoryTests
{
    [Theory]
    [InlineData("Psychedelic Therapy", "psychedelic-therapy")]
    [InlineData("Mind & Body", "mind-body")]
    [InlineData("  Sleep  ", "sleep")]
    [InlineData("Thérapie Café", "therapie-cafe")]
    [InlineData("Vitamin D3", "vitamin-d3")]
    public void CategoryNameBecomesAUrlSlug(string name, string slug)
    {
        var category = Category.FromName(name);

        Assert.Equal(slug, category?.Slug);
        Assert.Equal($"/categories/{slug}", category?.Url);
    }

    [Theory]
    [InlineData("!!!")]
    [InlineData("???")]
    public void CategoryNameWithoutLettersHasNoSlug(string name) => Assert.Null(Category.FromName(name));

    [Theory]
    [InlineData(0, 1)]
    [InlineData(200, 1)]
    [InlineData(201, 2)]
    [InlineData(1000, 5)]
    public void ReadingTimeRoundsUpAtTwoHundredWordsAMinute(int words, int minutes) =>
        Assert.Equal(minutes, Article.MinutesToRead(words));
}

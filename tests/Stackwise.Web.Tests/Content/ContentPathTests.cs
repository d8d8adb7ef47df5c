using Stackwise.Web.Content.Model;

namespace Stackwise.Web.Tests.Content;

public sealed class ContentPathTests
{
    [Theory]
    [InlineData("therapies/ketamine-assisted-therapy.md", "/therapies/ketamine-assisted-therapy")]
    [InlineData("pages/terms.md", "/terms")]
    [InlineData("supplements/vitamin-d3.markdown", "/supplements/vitamin-d3")]
    public void FileClaimsTheUrlOfItsFolderAndName(string file, string url)
    {
        Assert.True(ContentPath.TryParse(file, out var path, out _));
        Assert.Equal(url, path.Url);
    }

    [Theory]
    [InlineData("therapies/Ketamine.md")]
    [InlineData("therapies/ketamine therapy.md")]
    [InlineData("therapies/ketamine_therapy.md")]
    [InlineData("therapies/-ketamine.md")]
    [InlineData("therapies/kétamine.md")]
    [InlineData("Therapies/ketamine.md")]
    public void BadSlugIsRejectedNamingTheFile(string file)
    {
        Assert.False(ContentPath.TryParse(file, out _, out var problem));
        Assert.Equal(ProblemCodes.BadSlug, problem.Code);
        Assert.Equal(file, problem.File);
        Assert.Contains("lowercase words joined by hyphens", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("loose.md")]
    [InlineData("therapies/nested/deep.md")]
    public void FileOutsideASectionFolderIsRejected(string file)
    {
        Assert.False(ContentPath.TryParse(file, out _, out var problem));
        Assert.Equal(ProblemCodes.BadLocation, problem.Code);
    }

    [Theory]
    [InlineData("categories/anything.md")]
    [InlineData("pages/search.md")]
    [InlineData("pages/error.md")]
    public void NameTheSiteUsesIsRejected(string file)
    {
        Assert.False(ContentPath.TryParse(file, out _, out var problem));
        Assert.Equal(ProblemCodes.ReservedName, problem.Code);
    }
}

using Stackwise.Web.Content.Model;
using Stackwise.Web.Site;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Content;

/// <summary>
/// The values articles repeat are held once per load ("Shared values" in docs/performance.md: at 10,000 articles, 17 MB of the snapshot's
/// strings were copies), and sharing never merges two values that differ.
/// </summary>
public sealed class SharedValuesTests : IDisposable
{
    private readonly TempContentFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Article(string title, string riskKind) => $"""
        ---
        title: {title}
        category: Synthetic Category
        risk: moderate
        summary: Synthetic summary of {title}.
        published: 2026-01-01
        author: synthetic-writer
        reviewedBy: synthetic-reviewer
        lastReviewed: 2026-01-02
        tags: [synthetic-tag, {title.ToLowerInvariant()}]
        healthRisks:
          - Synthetic shared risk
          - text: Synthetic risk with a kind
            kind: {riskKind}
        references:
          - id: shared-source
            title: Synthetic shared paper
            authors: [Synthetic A, Synthetic B]
            source: Journal of Synthetic Tests
            url: https://example.org/synthetic
        ---
        Synthetic opening of {title}. [@shared-source]

        ## How It Works

        Synthetic words.

        ## Only In {title}

        Synthetic words.
        """;

    private async Task<(Article One, Article Two)> LoadTwoArticlesAsync(string secondRiskKind = "interaction")
    {
        _folder.Write("people/synthetic-writer.md", "---\nname: Synthetic Writer\n---\nSynthetic.\n")
            .Write("people/synthetic-reviewer.md", "---\nname: Synthetic Reviewer\n---\nSynthetic.\n")
            .Write("therapies/one.md", Article("One", "interaction"))
            .Write("supplements/two.md", Article("Two", secondRiskKind));
        var snapshot = await _folder.LoadAsync();
        Assert.DoesNotContain(snapshot.Problems, problem => problem.RejectsFile);
        return (Assert.IsType<Article>(snapshot.FindArticle("therapies", "one")), Assert.IsType<Article>(snapshot.FindArticle("supplements", "two")));
    }

    [Fact]
    public async Task ArticlesOfOneLoadHoldOneCopyOfEachValueTheyRepeat()
    {
        var (one, two) = await LoadTwoArticlesAsync();

        Assert.Same(one.Category, two.Category);
        Assert.Same(one.Headings[0].Text, two.Headings[0].Text);
        Assert.Same(one.Headings[0].Id, two.Headings[0].Id);
        Assert.Same(one.HealthRisks[0], two.HealthRisks[0]);
        Assert.Same(one.HealthRisks[1], two.HealthRisks[1]);
        Assert.Same(one.Tags[0], two.Tags[0]);
        Assert.Same(one.Authors[0].Slug, two.Authors[0].Slug);
        Assert.Same(one.ReviewedBy?.Slug, two.ReviewedBy?.Slug);
        var (first, second) = (one.References[0], two.References[0]);
        Assert.Same(first.Title, second.Title);
        Assert.Same(first.Source, second.Source);
        Assert.Same(first.Authors[0], second.Authors[0]);
        Assert.Same(first.Authors[1], second.Authors[1]);
    }

    [Fact]
    public async Task SharingNeverMergesValuesThatDiffer()
    {
        var (one, two) = await LoadTwoArticlesAsync(secondRiskKind: "contraindication");

        // The same words of a risk with another kind are another risk.
        Assert.Equal(HealthRiskKind.Interaction, one.HealthRisks[1].Kind);
        Assert.Equal(HealthRiskKind.Contraindication, two.HealthRisks[1].Kind);
        Assert.Equal(one.HealthRisks[1].Text, two.HealthRisks[1].Text);
        Assert.Equal(["How It Works", "Only In One"], one.Headings.Select(heading => heading.Text));
        Assert.Equal(["How It Works", "Only In Two"], two.Headings.Select(heading => heading.Text));
        Assert.Equal(["synthetic-tag", "one"], one.Tags.AsEnumerable());
        Assert.Equal(["synthetic-tag", "two"], two.Tags.AsEnumerable());
        Assert.Equal(("Synthetic Category", "synthetic-category"), (two.Category.Name, two.Category.Slug));
        Assert.Equal(["Synthetic A", "Synthetic B"], two.References[0].Authors.AsEnumerable());
    }

    [Fact]
    public void EqualValuesSharedFromSeveralThreadsAtOnceGiveOneInstance()
    {
        // Files are parsed in parallel: threads released together, each sharing its own copies of the same values in the
        // same order, must each get back the one instance of every value.
        const int threads = 4, values = 2_000;
        var shared = new SharedValues();
        var results = new string[threads][];
        using var start = new Barrier(threads);
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, thread =>
        {
            var copies = Enumerable.Range(0, values).Select(value => $"Synthetic shared value {value}").ToArray();
            start.SignalAndWait();
            results[thread] = [.. copies.Select(copy => shared.Share(copy))];
        });

        for (var value = 0; value < values; value++)
        {
            Assert.All(results, result => Assert.Same(results[0][value], result[value]));
        }
    }

    [Fact]
    public void NothingIsSharedUntilItIsSeenAgain()
    {
        var shared = new SharedValues();
        var first = new string("Synthetic value".AsSpan());

        Assert.Same(first, shared.Share(first));
        Assert.Same(first, shared.Share(new string("Synthetic value".AsSpan())));
        Assert.Equal("Another value", shared.Share("Another value"));
        Assert.Null(shared.Share<string>(null));
    }
}

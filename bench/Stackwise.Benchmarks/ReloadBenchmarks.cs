using BenchmarkDotNet.Attributes;
using Stackwise.Web.Content.Checks;
using Stackwise.Web.Content.Parsing;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Rendering;

namespace Stackwise.Benchmarks;

/// <summary>
/// What a save costs before it can go live: a reload of a 10,000-article folder in which the watcher named one file
/// (the other files keep their last parse). Issue 13's edit-to-live target is this, the watcher's quiet period and the
/// first render of the saved page.
/// </summary>
[MemoryDiagnoser]
public class ReloadBenchmarks
{
    private ContentLoader _loader = null!;
    private readonly ContentVisibility _visibility = new(new DateOnly(2030, 1, 1), false);
    private readonly ChangedFiles _saved = ChangedFiles.Of(["therapies/synthetic-article-00000.md"]);
    private string _corpus = "";
    private ContentSnapshot _previous = ContentSnapshot.Empty;

    [Params(10_000)]
    public int Articles { get; set; }

    /// <summary>Development grades reading level (one advice note per synthetic article); Production does not.</summary>
    [Params(false, true)]
    public bool Development { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        _loader = new ContentLoader(new ContentParser(new MarkdownRenderer(), Development ? ReadingGrade.DefaultLimit : null));
        _corpus = Path.Combine(Path.GetTempPath(), $"stackwise-bench-{Articles}");
        if (!Directory.Exists(_corpus))
        {
            CorpusGenerator.Write(_corpus, Articles, seed: 1);
        }
        _previous = await _loader.LoadAsync(_corpus, _visibility, null, CancellationToken.None);
    }

    /// <summary>One file named by the watcher is read and parsed again; the snapshot is built whole.</summary>
    [Benchmark]
    public Task<ContentSnapshot> ReloadOneSavedFile() => _loader.LoadAsync(_corpus, _visibility, _previous, _saved, CancellationToken.None);
}

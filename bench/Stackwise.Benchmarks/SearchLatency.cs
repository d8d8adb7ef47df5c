using System.Diagnostics;
using System.Globalization;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Parsing;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Rendering;
using Stackwise.Web.Search;

namespace Stackwise.Benchmarks;

/// <summary>Loads a corpus, builds its search index, and times a bounded number of queries one at a time.</summary>
public static class SearchLatency
{
    public static async Task RunAsync(string folder, int queries, int seed)
    {
        var loader = new ContentLoader(new ContentParser(new MarkdownRenderer()));
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var load = Stopwatch.StartNew();
        var snapshot = await loader.LoadAsync(folder, new ContentVisibility(DateOnly.FromDateTime(DateTime.UtcNow), false), null, CancellationToken.None);
        load.Stop();
        var heapWithSnapshot = GC.GetTotalMemory(forceFullCollection: true);
        var build = Stopwatch.StartNew();
        var index = SearchIndex.Build(snapshot);
        build.Stop();
        var heapWithIndex = GC.GetTotalMemory(forceFullCollection: true);
        var htmlAndText = snapshot.ByUrl.Values.Sum(document => (long)document.Html.StoredBytes + document.Text.StoredBytes);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"memory: live managed heap {Mb(heapWithSnapshot - heapBefore)} MB for the snapshot (of which compressed HTML and text {Mb(htmlAndText)} MB), {Mb(heapWithIndex - heapWithSnapshot)} MB more for the search index"));

        var random = new Random(seed);
        var mix = Enumerable.Range(0, queries).Select(i => Query(random, i)).ToList();
        foreach (var query in mix.Take(200))
        {
            index.Search(query);
        }

        // What a save costs the index: one article's words changed on disk, the snapshot reloaded, its index built from the
        // index above. The file is put back as it was at the end.
        var editedFile = Path.Combine(folder, snapshot.Articles[0].Path.File);
        var original = await File.ReadAllTextAsync(editedFile);
        var saves = 0;
        async Task<ContentSnapshot> SaveAndReloadAsync()
        {
            await File.WriteAllTextAsync(editedFile, $"{original}\nSynthetic edit number {++saves}.\n");
            return await loader.LoadAsync(folder, snapshot.Visibility, snapshot, ChangedFiles.Of([snapshot.Articles[0].Path.File]), CancellationToken.None);
        }
        var edited = await SaveAndReloadAsync();
        var incremental = Stopwatch.StartNew();
        var next = SearchIndex.Build(edited, index);
        incremental.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"search index after a save: {incremental.ElapsedMilliseconds} ms ({next.Analyzed} of {next.Count} articles analysed; full build {build.ElapsedMilliseconds} ms)"));

        var quiet = Time(index, mix);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"search: {snapshot.Articles.Length} articles loaded in {load.ElapsedMilliseconds} ms, index built in {build.ElapsedMilliseconds} ms; " +
            $"{queries} queries: median {Percentile(quiet, 0.50):0.000} ms, p99 {Percentile(quiet, 0.99):0.000} ms, max {quiet[^1]:0.000} ms"));

        // The same queries while content reloads beside them, as on the site while an editor saves: one file changed a
        // second, each time a new snapshot and its search index (from the current one, as the site does) built on another
        // thread, while the queries run on the current index.
        using var stop = new CancellationTokenSource();
        var reloads = 0;
        var reloading = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var started = Stopwatch.StartNew();
                SearchIndex.Build(await SaveAndReloadAsync(), index);
                reloads++;
                // A save a second, as in bench/load-and-edit.sh; a reload that takes longer is followed by the next at once.
                var rest = TimeSpan.FromSeconds(1) - started.Elapsed;
                if (rest > TimeSpan.Zero && !stop.IsCancellationRequested)
                {
                    await Task.Delay(rest, CancellationToken.None);
                }
            }
        });
        var busy = Time(index, mix);
        await stop.CancelAsync();
        await reloading;
        await File.WriteAllTextAsync(editedFile, original);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"search while content reloads ({reloads} saves, one a second at most, each reloaded and indexed beside the queries): " +
            $"median {Percentile(busy, 0.50):0.000} ms, p99 {Percentile(busy, 0.99):0.000} ms, max {busy[^1]:0.000} ms"));
    }

    private static List<double> Time(SearchIndex index, List<SearchQuery> mix)
    {
        var times = new List<double>(mix.Count);
        foreach (var query in mix)
        {
            var watch = Stopwatch.StartNew();
            index.Search(query);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times;
    }

    /// <summary>A mix readers type: one or two words, some misspelled, some filtered.</summary>
    private static SearchQuery Query(Random random, int i)
    {
        var word = CorpusGenerator.Word(random);
        var text = (i % 4) switch
        {
            0 => word,
            1 => $"{word} {CorpusGenerator.Word(random)}",
            2 => word.Length > 4 ? word.Remove(random.Next(1, word.Length), 1) : word,
            _ => $"synthetic {word}",
        };
        return new SearchQuery(text, i % 10 == 0 ? "synthetic-category-one" : null, i % 7 == 0 ? RiskLevel.High : null);
    }

    private static long Mb(long bytes) => bytes / (1024 * 1024);

    public static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}

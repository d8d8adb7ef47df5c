using System.Diagnostics;
using Stackwise.Web.Content.Parsing;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Rendering;
using Stackwise.Web.Search;
using Stackwise.Web.Seo;

namespace Stackwise.Benchmarks;

/// <summary>
/// What one title save costs on a large corpus, step by step, in process and without the server: the load of the saved
/// file into a new snapshot, the changed keys, and the per-snapshot data the swap builds (related articles, sitemap
/// entries, the search index from the last one). The saved file is named as a watch that has been on all along names it
/// (ChangedFiles.Complete). Run with `reload DIR [SAVES]`; prints one line per save and the medians.
/// </summary>
public static class ReloadProfile
{
    public static async Task RunAsync(string folder, int saves)
    {
        var loader = new ContentLoader(new ContentParser(new MarkdownRenderer(), null));
        var visibility = new ContentVisibility(new DateOnly(2030, 1, 1), false);
        var clock = Stopwatch.StartNew();
        var current = await loader.LoadAsync(folder, visibility, null, CancellationToken.None);
        _ = current.Related;
        Sitemap.Entries.Get(current);
        Console.WriteLine($"first load of {current.Articles.Length} articles: {clock.ElapsedMilliseconds} ms");
        clock.Restart();
        var index = SearchIndex.Build(current);
        Console.WriteLine($"first search index: {clock.ElapsedMilliseconds} ms");
        var file = "therapies/synthetic-article-00000.md";
        var original = await File.ReadAllTextAsync(Path.Combine(folder, file));
        var rows = new List<double[]>();
        using var large = new LargeAllocations();
        large.TakeTotals();
        for (var save = 1; save <= saves; save++)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, file), original.Replace("title: ", $"title: Saved {save} ", StringComparison.Ordinal));
            var step = Stopwatch.StartNew();
            var next = await loader.LoadAsync(folder, visibility, current, ChangedFiles.Complete([file]), CancellationToken.None);
            var load = step.Elapsed.TotalMilliseconds;
            step.Restart();
            _ = next.Related;
            var related = step.Elapsed.TotalMilliseconds;
            step.Restart();
            Sitemap.Entries.Get(next);
            var sitemap = step.Elapsed.TotalMilliseconds;
            step.Restart();
            var keys = ContentKeys.Changed(current, next, [Sitemap.Entries]);
            var changed = step.Elapsed.TotalMilliseconds;
            step.Restart();
            index = SearchIndex.Build(next, index);
            var search = step.Elapsed.TotalMilliseconds;
            var total = load + related + sitemap + changed + search;
            rows.Add([load, related, sitemap, changed, search, total]);
            Console.WriteLine($"save {save}: load {load:0.0} ms, related {related:0.0} ms, sitemap entries {sitemap:0.0} ms, changed keys {changed:0.0} ms ({keys.Count} keys), search index {search:0.0} ms ({index.Segments} segments, {index.Copied} copied); total {total:0.0} ms");
            current = next;
        }
        await File.WriteAllTextAsync(Path.Combine(folder, file), original);
        Console.WriteLine($"large object heap per save (sampled): " + string.Join(", ",
            large.TakeTotals().Take(8).Select(total => $"{total.Type} {total.Bytes / saves / 1024} KB")));
        string[] names = ["load", "related", "sitemap entries", "changed keys", "search index", "total"];
        Console.WriteLine("medians: " + string.Join(", ", names.Select((name, i) => $"{name} {rows.Select(row => row[i]).Order().ElementAt(rows.Count / 2):0.0} ms")));
    }
}

using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Stackwise.Benchmarks;

// Benchmarks, never tests: see docs/performance.md for how to run them and the recorded numbers.
//   generate COUNT DIR [SEED]     write a synthetic corpus
//   search DIR [QUERIES] [SEED]   time search queries on a corpus (median and p99)
//   reload DIR [SAVES]            time each step of a title save on a corpus (load, related articles, sitemap entries, changed keys)
//   hostile                       time the parser on the worst file shapes within and past the content limits
//   micro [BenchmarkDotNet args]  BenchmarkDotNet micro-benchmarks: the content pipeline and the hot path (a cached page served)
//   serve FILE PORT [HEADERS]     the throughput control: bare Kestrel answering every request with FILE's bytes (and HEADERS' lines)
switch (args)
{
    case ["generate", var count, var folder, .. var rest]:
        CorpusGenerator.Write(folder, int.Parse(count, CultureInfo.InvariantCulture), rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 1);
        Console.WriteLine($"wrote {count} synthetic articles to {folder}");
        return 0;
    case ["search", var folder, .. var rest]:
        await SearchLatency.RunAsync(folder,
            rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 5000,
            rest.Length > 1 ? int.Parse(rest[1], CultureInfo.InvariantCulture) : 1);
        return 0;
    case ["reload", var folder, .. var rest]:
        await ReloadProfile.RunAsync(folder, rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 9);
        return 0;
    case ["hostile"]:
        HostileParse.Run();
        return 0;
    case ["micro", .. var rest]:
        var config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
        BenchmarkSwitcher.FromAssembly(typeof(PipelineBenchmarks).Assembly).Run(rest, config);
        return 0;
    case ["serve", var file, var port, .. var headers]:
        await BareKestrel.RunAsync(file, int.Parse(port, CultureInfo.InvariantCulture), headers.Length > 0 ? headers[0] : null);
        return 0;
    default:
        Console.Error.WriteLine("usage: generate COUNT DIR [SEED] | search DIR [QUERIES] [SEED] | reload DIR [SAVES] | hostile | micro [BenchmarkDotNet arguments] | serve FILE PORT [HEADERS]");
        return 2;
}

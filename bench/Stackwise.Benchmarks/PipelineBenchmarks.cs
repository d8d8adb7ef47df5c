using BenchmarkDotNet.Attributes;
using Stackwise.Web.Content.Checks;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Parsing;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Rendering;
using YamlDotNet.RepresentationModel;

namespace Stackwise.Benchmarks;

/// <summary>BenchmarkDotNet micro-benchmarks of the content pipeline.</summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private readonly ContentParser _parser = new(new MarkdownRenderer());
    private readonly ContentLoader _loader = new(new ContentParser(new MarkdownRenderer()));
    private readonly ContentPath _path = new("therapies/synthetic-article-00001.md", "therapies", "synthetic-article-00001");
    private readonly ContentVisibility _visibility = new(new DateOnly(2030, 1, 1), false);
    private string _article = "";
    private string _corpus = "";
    private string _articleText = "";
    private string _frontMatter = "";

    [Params(1000)]
    public int Articles { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _article = CorpusGenerator.Article(1, new Random(1));
        var rendered = new MarkdownRenderer().Render(_article);
        _articleText = rendered.Text;
        _frontMatter = rendered.FrontMatter ?? "";
        _corpus = Path.Combine(Path.GetTempPath(), $"stackwise-bench-{Articles}");
        if (!Directory.Exists(_corpus))
        {
            CorpusGenerator.Write(_corpus, Articles, seed: 1);
        }
    }

    private static readonly DateOnly Today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    /// <summary>Parse, validate and render one article shaped like the Ketamine article.</summary>
    [Benchmark]
    public ParseResult ParseValidateRenderOneArticle() => _parser.Parse(_path, _article, Today);

    /// <summary>
    /// YamlDotNet reading one article's front matter into nodes, what <c>FrontMatter.Read</c> did first until the
    /// shortcut below: a third of the time and allocation of the parse above ("Front matter without YamlDotNet's
    /// scanner" in docs/performance.md), for an eighth of the file.
    /// </summary>
    [Benchmark]
    public YamlStream LoadFrontMatterYaml()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(_frontMatter));
        return stream;
    }

    /// <summary>The same front matter read by the shortcut <c>FrontMatter.Read</c> takes for the shapes editors write.</summary>
    [Benchmark]
    public YamlStream LoadFrontMatterShortcut()
    {
        var stream = new YamlStream();
        stream.Load(SimpleYamlParser.For(_frontMatter));
        return stream;
    }

    /// <summary>The Flesch-Kincaid grade of one article's body text (every article is graded on each load).</summary>
    [Benchmark]
    public double? GradeOneArticle() => ReadingGrade.Of(_articleText);

    /// <summary>Read, parse and index a whole corpus into a snapshot.</summary>
    [Benchmark]
    public Task<ContentSnapshot> BuildSnapshot() => _loader.LoadAsync(_corpus, _visibility, null, CancellationToken.None);
}

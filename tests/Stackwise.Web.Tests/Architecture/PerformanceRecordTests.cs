using System.Text.RegularExpressions;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Architecture;

/// <summary>
/// docs/performance.md is a record: the code names the decision record it rests on ("Shared values" in
/// docs/performance.md), and each name must be a record there, so a record renamed or removed cannot leave a comment
/// pointing at nothing.
/// </summary>
public sealed partial class PerformanceRecordTests
{
    private static readonly string Record = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "performance.md"));
    private static readonly string[] CodeFolders = ["src", "bench", "tests"];

    [Fact]
    public void EveryRecordACommentNamesIsInTheRecord()
    {
        var named = CodeFolders
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, folder), "*", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && Path.GetExtension(file) is ".cs" or ".csproj" or ".sh" or ".lua")
            .SelectMany(file => NamedRecord().Matches(Comments().Replace(File.ReadAllText(file), " ")).Select(match => (file, match.Groups["name"].Value)))
            .ToList();

        Assert.NotEmpty(named);
        var recorded = Normalised(Record);
        Assert.All(named, pair => Assert.True(recorded.Contains(pair.Item2, StringComparison.Ordinal),
            $"{Path.GetRelativePath(RepositoryPaths.Root, pair.file)} names \"{pair.Item2}\", which docs/performance.md does not have"));
    }

    [Fact]
    public void TheRecordStaysARecord() =>
        Assert.True(Record.Split('\n').Length < 300, "docs/performance.md is over 300 lines: history goes in the issues' notes");

    private static string Normalised(string text) => Whitespace().Replace(text, " ");

    // A comment's line breaks and markers ("///", "//", "#", "--", "<!--") between the words of a name.
    [GeneratedRegex(@"\s*\n\s*(///|//|#|--)?\s*")]
    private static partial Regex Comments();

    [GeneratedRegex(@"""(?<name>[^""\n]{3,80})"" in docs/performance\.md")]
    private static partial Regex NamedRecord();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

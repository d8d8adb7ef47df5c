using System.Reflection;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Parsing;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Content;

/// <summary>docs/authoring.md explains every problem code and every front matter field the parser knows.</summary>
public sealed class AuthoringGuideTests
{
    private static readonly string[] Guide = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "docs", "authoring.md"));

    public static TheoryData<string> Codes =>
        [.. typeof(ProblemCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(code => (string)(code.GetValue(null) ?? ""))];

    public static TheoryData<string> Fields => [.. FrontMatterField.All.Select(known => known.Name)];

    [Theory]
    [MemberData(nameof(Codes))]
    public void EveryCodeHasARowInTheGuide(string code) =>
        Assert.Single(Guide, line => line.StartsWith($"| <a id=\"{code.ToLowerInvariant()}\"></a>{code} | ", StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(Fields))]
    public void EveryFieldHasARowInTheGuide(string field) =>
        Assert.Contains(Guide, line => line.StartsWith($"| `{field}` | ", StringComparison.Ordinal));
}

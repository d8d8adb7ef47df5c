using NetArchTest.Rules;

namespace Stackwise.Web.Tests.Architecture;

/// <summary>
/// The feature areas form a graph without cycles, drawn in docs/architecture.md: each area may use only the areas listed
/// for it, all of them further down. A new `using` that points up (or sideways where no arrow is drawn) fails here with
/// the types that make it, before it can close a cycle.
/// </summary>
public sealed class LayeringTests
{
    private const string Root = "Stackwise.Web";

    /// <summary>Each area with the areas it may use, bottom to top; an area's own sub-namespaces are part of it.</summary>
    public static readonly (string Area, string[] MayUse)[] Areas =
    [
        ("Site", []),
        ("Telemetry", []),
        ("Rendering", ["Site"]),
        ("Content", ["Site", "Telemetry", "Rendering"]),
        ("Localization", ["Site", "Content"]),
        ("Search", ["Site", "Telemetry", "Rendering", "Content"]),
        ("Hardening", ["Site", "Telemetry", "Content", "Localization"]),
        ("Cdn", ["Site", "Telemetry", "Content"]),
        ("Seo", ["Site", "Telemetry", "Rendering", "Content", "Localization", "Hardening"]),
        ("Cards", ["Site", "Telemetry", "Content", "Localization", "Seo"]),
        ("Pages", ["Site", "Telemetry", "Rendering", "Content", "Localization", "Search", "Hardening", "Seo", "Cards"]),
        ("Export", ["Site", "Content", "Localization", "Seo", "Cards"]),
        ("Commands", ["Site", "Rendering", "Content", "Localization", "Export"]),
    ];

    /// <summary>Content's folders, bottom to top, with what each may use of the others.</summary>
    public static readonly (string Part, string[] MayUse)[] ContentParts =
    [
        ("Model", []),
        ("Checks", ["Model"]),
        ("Parsing", ["Model", "Checks"]),
        ("Snapshot", ["Model", "Checks", "Parsing"]),
        ("Hosting", ["Model", "Checks", "Parsing", "Snapshot"]),
    ];

    [Fact]
    public void EveryAreaOfTheWebProjectIsInTheTable()
    {
        var areas = typeof(Program).Assembly.GetTypes()
            .Select(type => type.Namespace ?? "")
            .Where(name => name.StartsWith(Root + ".", StringComparison.Ordinal))
            .Select(name => name[(Root.Length + 1)..].Split('.')[0])
            .ToHashSet();

        Assert.Equal(Areas.Select(area => area.Area).Order(), areas.Order());
    }

    [Fact]
    public void AreasUseOnlyTheAreasBelowThemThatTheTableAllows()
    {
        var forbidden = Areas.SelectMany(area => Areas
                .Where(other => other.Area != area.Area && !area.MayUse.Contains(other.Area))
                .SelectMany(other => Offenders($"{Root}.{area.Area}", $"{Root}.{other.Area}", exactly: false)))
            .ToList();

        Assert.True(forbidden.Count == 0, "Dependencies the layering forbids:\n" + string.Join("\n", forbidden));
    }

    [Fact]
    public void ContentFoldersUseOnlyTheFoldersBelowThem()
    {
        var forbidden = ContentParts.SelectMany(part => ContentParts
                .Where(other => other.Part != part.Part && !part.MayUse.Contains(other.Part))
                .SelectMany(other => Offenders($"{Root}.Content.{part.Part}", $"{Root}.Content.{other.Part}", exactly: true)))
            .ToList();

        Assert.True(forbidden.Count == 0, "Dependencies between Content's folders that the layering forbids:\n" + string.Join("\n", forbidden));
    }

    [Fact]
    public void TheTablesAreOrderedSoTheyCannotHoldACycle()
    {
        for (var i = 0; i < Areas.Length; i++)
        {
            Assert.All(Areas[i].MayUse, used => Assert.True(Array.FindIndex(Areas, area => area.Area == used) < i, $"{Areas[i].Area} may use {used}, which is not below it"));
        }
        for (var i = 0; i < ContentParts.Length; i++)
        {
            Assert.All(ContentParts[i].MayUse, used => Assert.True(Array.FindIndex(ContentParts, part => part.Part == used) < i, $"{ContentParts[i].Part} may use {used}, which is not below it"));
        }
    }

    [Fact]
    public void ContentAndRenderingKnowNothingOfMvcRazorOrOutputCaching()
    {
        string[] web = ["Microsoft.AspNetCore.Mvc", "Microsoft.AspNetCore.Razor", "Microsoft.AspNetCore.OutputCaching", "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Routing"];

        var offenders = new[] { $"{Root}.Content", $"{Root}.Rendering" }
            .SelectMany(area => web.SelectMany(framework => Offenders(area, framework, exactly: false)))
            .ToList();

        Assert.True(offenders.Count == 0, "Content and Rendering must not depend on the web framework:\n" + string.Join("\n", offenders));
    }

    /// <summary>The types of <paramref name="from"/> that use something of <paramref name="to"/>, as lines for the
    /// failure message.</summary> <param name="exactly">True to take only the namespace itself, not its
    /// sub-namespaces.</param>
    private static IEnumerable<string> Offenders(string from, string to, bool exactly)
    {
        var types = Types.InAssembly(typeof(Program).Assembly).That();
        var selected = exactly
            ? types.ResideInNamespaceMatching("^" + System.Text.RegularExpressions.Regex.Escape(from) + "$")
            : types.ResideInNamespace(from);
        var result = selected.ShouldNot().HaveDependencyOnAny(to).GetResult();
        return result.IsSuccessful ? [] : result.FailingTypes.Select(type => $"{type.FullName} uses {to}");
    }
}

using System.Collections.Immutable;
using Stackwise.Web.Rendering;

namespace Stackwise.Web.Content.Model;

/// <summary>A writer or medical reviewer, from <c>content/people/{slug}.md</c>; the body is the biography.</summary>
/// <param name="Credentials">Qualifications after the name, such as <c>MD, PhD</c>.</param>
/// <param name="Role">What the person does, such as <c>Medical reviewer</c>.</param>
public sealed record Person(
    ContentPath Path,
    string Name,
    string? Credentials,
    string? Role,
    CompactText Html,
    ImmutableArray<Heading> Headings)
    : ContentDocument(Path, Name, Describe(Name, Credentials, Role), Html, Headings)
{
    public string Slug => Path.Slug;

    /// <summary>The name with the credentials, as a byline writes it: "Name, MD".</summary>
    public string NameWithCredentials => Credentials is null ? Name : $"{Name}, {Credentials}";

    private static string Describe(string name, string? credentials, string? role) =>
        string.Join(", ", new[] { name, credentials, role }.OfType<string>());
}

using System.Collections.Immutable;
using Stackwise.Web.Rendering;

namespace Stackwise.Web.Content;

/// <summary>What every validated content file has: where it lives, its title and summary, and its rendered body.</summary>
public abstract record ContentDocument(
    ContentPath Path,
    string Title,
    string Summary,
    string Html,
    ImmutableArray<Heading> Headings)
{
    public string Url => Path.Url;
}

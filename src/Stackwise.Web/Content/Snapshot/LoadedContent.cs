using System.Collections.Immutable;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Parsing;

namespace Stackwise.Web.Content.Snapshot;

/// <summary>What a load read from the content folder, before it is indexed into a snapshot.</summary>
/// <param name="Documents">Every valid document, drafts and scheduled articles included.</param>
/// <param name="Gone">Paths from <c>redirects.yml</c> that answer 410.</param>
/// <param name="Images">
/// The files under <c>content/images/</c> the site serves, relative to it, with forward slashes: regular files within
/// <see cref="ShareImage.MaxBytes"/>, none reached through a symbolic link.
/// </param>
/// <param name="KeptFiles">Files whose new version has errors and whose last good version stays online.</param>
public sealed record LoadedContent(
    IReadOnlyList<ContentDocument> Documents,
    ImmutableArray<string> Gone,
    IReadOnlySet<string> Images,
    IReadOnlyList<ContentProblem> Problems,
    int FilesRead,
    IReadOnlySet<string> KeptFiles)
{
    public static LoadedContent Empty { get; } = new([], [], new HashSet<string>(), [], 0, new HashSet<string>());

    /// <summary>Each markdown file's parse, kept so the next reload re-reads only files that changed.</summary>
    public IReadOnlyDictionary<string, ParsedFile> Parsed { get; init; } = new Dictionary<string, ParsedFile>();

    /// <summary>Files under <c>content/images/</c> the site does not serve, each with the reason, for the editor's message.</summary>
    public IReadOnlyDictionary<string, string> UnservedImages { get; init; } = new Dictionary<string, string>();

    /// <summary>Every markdown file listed, in ordinal order: a patch tells from it whether a changed path is a folder
    /// of content.</summary>
    public ImmutableArray<string> Files { get; init; } = [];

    /// <summary>The problems the folder listing found (links), kept so a reload that lists only changed paths still reports them.</summary>
    public ImmutableArray<ContentProblem> ListingProblems { get; init; } = [];
}

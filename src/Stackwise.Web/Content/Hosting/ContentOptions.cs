using System.ComponentModel.DataAnnotations;
using Stackwise.Web.Content.Checks;
using Stackwise.Web.Content.Model;

namespace Stackwise.Web.Content.Hosting;

/// <summary>Where the markdown content lives (configuration section <c>Content</c>).</summary>
public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>The content folder: absolute, or relative to the app's content root.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Root { get; set; } = "";

    /// <summary>Reload the site when a file in the content folder is added, changed, renamed or deleted.</summary>
    public bool Watch { get; set; } = true;

    /// <summary>Articles whose body reads above this Flesch-Kincaid grade get a warning (docs/authoring.md explains the grade).</summary>
    [Range(1.0, 20.0)]
    public double MaxReadingGrade { get; set; } = ReadingGrade.DefaultLimit;

    /// <summary>
    /// Where editors read docs/authoring.md (a repository's page of it, say): <c>check --format sarif</c> links each problem
    /// code to its row there. Empty links to the copy shipped beside the app.
    /// </summary>
    [Url]
    public string? GuideUrl { get; set; }

    /// <summary>Sections site pages must have because the site links to them, in the site's language: set by
    /// <c>Localization</c> from the risk badges' words, never from configuration.</summary>
    public IReadOnlyList<RequiredSection> RequiredSections { get; internal set; } = [];

    /// <summary>The site's languages besides the default (<c>Site:Languages</c>), each with its <c>content/{lang}/</c>: set
    /// from the site's settings, never from the <c>Content</c> section.</summary>
    public IReadOnlyList<string> Translations { get; internal set; } = [];

    public string ResolveRoot(string contentRootPath) => Path.GetFullPath(Path.Combine(contentRootPath, Root));
}

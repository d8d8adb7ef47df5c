using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Stackwise.Web.Rendering;
using Stackwise.Web.Site;

namespace Stackwise.Web.Content.Model;

/// <summary>
/// Where a content file sits and the URL it claims: <c>pages/terms.md</c> is served at <c>/terms</c>,
/// <c>therapies/ketamine-assisted-therapy.md</c> at <c>/therapies/ketamine-assisted-therapy</c>.
/// </summary>
/// <param name="File">The path relative to the content folder, with forward slashes.</param>
/// <param name="Section">The article's folder (<see cref="PeopleFolder"/> for a person), or null for a site page.</param>
/// <param name="Language">The language a translation is written in (<c>content/es/therapies/x.md</c>, served at
/// <c>/es/therapies/x</c>), or null for the site's default language.</param>
public sealed partial record ContentPath(string File, string? Section, string Slug, string? Language = null)
{
    public const string PagesFolder = "pages";

    /// <summary>Writers and reviewers: <c>content/people/{slug}.md</c>, served at <c>/people/{slug}</c>.</summary>
    public const string PeopleFolder = "people";

    /// <summary>File endings read as markdown; every other file in the content folder is left alone.</summary>
    public static readonly ImmutableArray<string> MarkdownExtensions = [".md", ".markdown"];

    public bool IsSitePage => Section is null;

    public bool IsPerson => Section == PeopleFolder;

    public bool IsArticle => Section is not null && !IsPerson;

    // Read-only, so that a `with` copy cannot change a part without the URL made from it.
    public string File { get; } = File;

    public string? Section { get; } = Section;

    public string Slug { get; } = Slug;

    public string? Language { get; } = Language;

    /// <summary>The file a translation translates: its path without the language folder; the file itself otherwise.
    /// Every version of a page has the same source.</summary>
    public string Source => Language is null ? File : File[(Language.Length + 1)..];

    /// <summary>
    /// Made once with the path: a reload asks every document for its URL several times (duplicates, the URL map, the
    /// search index), and a new string per call came to 6.3 of the 21 MB a save allocated at 10,000 files ("Synchronous
    /// reads, unchanged files reused" in docs/performance.md).
    /// </summary>
    public string Url { get; } = SiteRoutes.In(Language,
        Section is null ? SiteRoutes.SitePage(Slug) : Section == PeopleFolder ? SiteRoutes.Person(Slug) : SiteRoutes.Article(Section, Slug));

    /// <remarks>A loop rather than LINQ: every reload asks this of every file in the folder (a closure and an enumerator
    /// per file were 1 MB of a save's garbage at 10,000 files).</remarks>
    public static bool IsMarkdown(string fileName)
    {
        foreach (var extension in MarkdownExtensions)
        {
            if (fileName.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Lowercase words of any script joined by single hyphens, in NFC, Latin letters without accents: a slug
    /// <see cref="Slugs.FromText"/> would make from itself. An ASCII slug needs only the pattern.
    /// </summary>
    public static bool IsValidSlug(string value) =>
        SlugPattern().IsMatch(value) && (System.Text.Ascii.IsValid(value) || Slugs.FromText(value) == value);

    /// <summary>Works out the URL a file claims, or the problem with its name or place.</summary>
    public static bool TryParse(string file, [NotNullWhen(true)] out ContentPath? path, [NotNullWhen(false)] out ContentProblem? problem)
    {
        path = null;
        var segments = file.Split('/');
        // A translation: content/{language}/ holds the same folders and names as the default language's files.
        string? language = null;
        if (segments.Length == 3 && IsLanguageTag(segments[0]))
        {
            language = segments[0];
            segments = segments[1..];
        }
        if (segments.Length != 2)
        {
            problem = Problem(ProblemCodes.BadLocation, segments.Length < 2
                ? "a content file must sit in a folder: content/pages/ for site pages, content/people/ for writers and reviewers, content/{section}/ for articles"
                : "content folders cannot be nested: move the file to content/{section}/");
            return false;
        }

        // The URL is made from the names in NFC, the form a browser sends: a file saved on macOS has its name in NFD.
        var folder = Slugs.Nfc(segments[0]);
        var slug = Slugs.Nfc(System.IO.Path.GetFileNameWithoutExtension(segments[1]));
        if (!IsValidSlug(folder))
        {
            problem = Problem(ProblemCodes.BadSlug, $"folder name `{folder}` must be lowercase words joined by hyphens (letters and digits of any script, Latin letters without accents), like `therapies`");
            return false;
        }
        if (!IsValidSlug(slug))
        {
            problem = Problem(ProblemCodes.BadSlug, $"file name `{segments[1]}` must be lowercase words joined by hyphens (letters and digits of any script, Latin letters without accents), like `ketamine-assisted-therapy.md`");
            return false;
        }

        var isPage = folder == PagesFolder;
        var firstSegment = isPage ? slug : folder;
        if (folder != PeopleFolder && SitePaths.IsReservedSegment(firstSegment))
        {
            problem = Problem(ProblemCodes.ReservedName, $"`/{firstSegment}` is used by the site itself; choose another {(isPage ? "file" : "folder")} name");
            return false;
        }

        path = new ContentPath(file, isPage ? null : folder, slug, language);
        problem = null;
        return true;

        ContentProblem Problem(string code, string message) => ContentProblem.Error(file, SourcePosition.Start, code, message);
    }

    /// <summary>A lowercase language tag, as <c>Site:Languages</c> lists them: <c>es</c>, <c>pt-br</c>.</summary>
    public static bool IsLanguageTag(string value) => LanguageTag().IsMatch(value);

    [GeneratedRegex("^[a-z]{2,3}(-[a-z0-9]{2,8})*$")]
    private static partial Regex LanguageTag();

    // Characters outside the Basic Multilingual Plane are not in slugs (Slugs.FromText leaves them out).
    // A word starts with a lowercase or uncased letter or a digit; combining marks follow the letters they belong to.
    [GeneratedRegex(@"^[\p{Ll}\p{Lm}\p{Lo}\p{Nd}][\p{Ll}\p{Lm}\p{Lo}\p{Nd}\p{Mn}\p{Mc}\p{Me}]*(?:-[\p{Ll}\p{Lm}\p{Lo}\p{Nd}][\p{Ll}\p{Lm}\p{Lo}\p{Nd}\p{Mn}\p{Mc}\p{Me}]*)*$")]
    private static partial Regex SlugPattern();
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Stackwise.Web.Content.Checks;
using Stackwise.Web.Content.Hosting;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Parsing;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Rendering;

namespace Stackwise.Web.Commands;

/// <summary>
/// What the editors' commands do, once <see cref="SiteCommands"/> has parsed them: <c>check</c> validates the content
/// folder, <c>new</c> writes a new article from the template.
/// </summary>
public static class EditorCommands
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int CouldNotRun = 2;

    /// <summary>Prints every problem (<see cref="CheckReport"/> says how in each format) and a summary; 1 when there is an error.</summary>
    /// <param name="options">The content settings: the reading grade (<c>Content:MaxReadingGrade</c>), where the guide is, and
    /// the sections site pages must have.</param>
    /// <param name="today">The UTC date the files are judged on (scheduled, reviews due, dates in the future).</param>
    public static async Task<int> CheckAsync(string root, ContentOptions options, string format, TextWriter output, DateOnly today)
    {
        var snapshot = await LoadAsync(root, options.MaxReadingGrade, today, options.RequiredSections, options.Translations);
        await CheckReport.WriteAsync(snapshot, format, Shown(root), options.GuideUrl, output);
        return snapshot.ErrorCount == 0 ? Ok : Failed;
    }

    /// <summary>Lists the articles due for review (<see cref="ReviewsDue"/>); 0 whatever it finds.</summary>
    public static async Task<int> ReviewsAsync(string root, int withinDays, string format, TextWriter output, DateOnly today)
    {
        var snapshot = await LoadAsync(root, maxReadingGrade: null, today);
        await ReviewsReport.WriteAsync(ReviewsDue.List(snapshot, today, withinDays), format, withinDays, Shown(root), output);
        return Ok;
    }

    /// <summary>Writes the JSON Schemas of the front matter and redirects.yml (<see cref="FrontMatterSchema"/>) into a folder.</summary>
    public static async Task<int> SchemaAsync(string folder, TextWriter output, TextWriter error)
    {
        try
        {
            Directory.CreateDirectory(folder);
            foreach (var (name, schema) in FrontMatterSchema.Files())
            {
                await File.WriteAllTextAsync(Path.Combine(folder, name), Schema(schema));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"error: the schemas cannot be written to {Shown(folder)}: {e.Message}");
            return CouldNotRun;
        }
        await output.WriteLineAsync($"Wrote {string.Join(", ", FrontMatterSchema.Files().Keys)} to {Shown(folder)}.");
        return Ok;
    }

    /// <summary>A schema as the files in docs/schemas/ hold it: indented, LF line ends, a final newline.</summary>
    public static string Schema(JsonObject schema) =>
        schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JsonOutput.Options.Encoder }).ReplaceLineEndings("\n") + "\n";

    /// <summary>The whole folder as the Development site sees it: drafts and scheduled articles included (whether one is
    /// public is still <see cref="ContentSnapshot.IsPublic"/>'s to say).</summary>
    internal static Task<ContentSnapshot> LoadAsync(string root, double? maxReadingGrade, DateOnly today, IReadOnlyList<RequiredSection>? requiredSections = null,
        IReadOnlyCollection<string>? translations = null) =>
        new ContentLoader(new ContentParser(new MarkdownRenderer(), maxReadingGrade, requiredSections), translations)
            .LoadAsync(root, new ContentVisibility(today, IncludeUnpublished: true), previous: null, CancellationToken.None);

    /// <summary>Writes a draft article from the template; never overwrites a file.</summary>
    public static Task<int> NewAsync(string root, string section, string title, TextWriter output, TextWriter error, DateOnly today) =>
        WriteNewAsync(root, section, isPerson: false, title, "title", FrontMatterField.TitleMaxLength, text => Templates.Article(text, today), output, error, today);

    /// <summary>Writes a person's page from the template at content/people/{slug of NAME}.md; never overwrites a file.</summary>
    public static Task<int> NewPersonAsync(string root, string name, TextWriter output, TextWriter error, DateOnly today) =>
        WriteNewAsync(root, ContentPath.PeopleFolder, isPerson: true, name, "name", FrontMatterField.NameMaxLength, Templates.Person, output, error, today);

    private static async Task<int> WriteNewAsync(string root, string section, bool isPerson, string title, string field, int maxLength,
        Func<string, string> template, TextWriter output, TextWriter error, DateOnly today)
    {
        var slug = Slugs.FromText(title);
        if (slug is null || title.Length > maxLength)
        {
            await error.WriteLineAsync($"error: the {field} must have letters or digits and at most {maxLength} characters.");
            return Failed;
        }
        if (title.Any(c => char.IsControl(c) || char.GetUnicodeCategory(c) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            || ForbiddenCharacters.Any(title))
        {
            await error.WriteLineAsync($"error: the {field} must be one line of text, with no line break, tab or control character.");
            return Failed;
        }
        if (!ContentPath.TryParse($"{section}/{slug}.md", out var path, out var problem) || (isPerson ? !path.IsPerson : !path.IsArticle))
        {
            await error.WriteLineAsync($"error: {problem?.Message ?? (path?.IsPerson == true
                ? "people's pages are written with `new person \"Name\"`, not as an article section"
                : "site pages in content/pages/ are written by hand; choose an article section such as `therapies`")}.");
            return Failed;
        }

        var folder = Path.Combine(root, section);
        if (Directory.Exists(folder) && ContentFolder.Resolve(folder) != Path.Combine(ContentFolder.Resolve(root), section))
        {
            // The site never follows a link inside the content folder, so a file written there would never be served.
            await error.WriteLineAsync($"error: {Shown(folder)} is a symbolic link (or inside one); the site does not follow links in the content folder, so nothing was written.");
            return Failed;
        }
        var text = template(title);
        var parsed = new ContentParser(new MarkdownRenderer(), maxReadingGrade: null).Parse(path, text, today);
        if (parsed.Problems.FirstOrDefault(found => found.Severity == ProblemSeverity.Error && found.Code != ProblemCodes.Placeholder) is { } invalid)
        {
            // The template with this title must be a file the site reads once its placeholders are replaced; a title no
            // check above foresaw must not write a broken one.
            await error.WriteLineAsync($"error: the {field} would make a file the site cannot read ({invalid.Code}: {invalid.Message}); nothing was written.");
            return Failed;
        }

        var file = Path.Combine(folder, $"{slug}.md");
        if (File.Exists(file) || File.Exists(Path.ChangeExtension(file, ".markdown")))
        {
            await error.WriteLineAsync($"error: {Shown(file)} already exists; it was not changed.");
            return Failed;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(file) ?? root);
        await using (var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write))
        await using (var writer = new StreamWriter(stream))
        {
            await writer.WriteAsync(text);
        }
        await output.WriteLineAsync(isPerson
            ? $"Wrote {Shown(file)}: replace the placeholder biography, then name them as `author: {slug}` or `reviewedBy: {slug}` in an article."
            : $"Wrote {Shown(file)} (a draft: replace the placeholder text, then remove `draft: true` to publish it at {path.Url}).");
        return Ok;
    }

    /// <summary>A path as the editor can click it: relative to where the command was typed, unless that climbs out.</summary>
    public static string Shown(string path)
    {
        var relative = Path.GetRelativePath(InvocationDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }

    /// <summary>The folder the command was typed in: <c>dotnet run</c> starts the app in the project folder but keeps
    /// the shell's PWD.</summary>
    public static string InvocationDirectory =>
        Environment.GetEnvironmentVariable("PWD") is { Length: > 0 } pwd && Directory.Exists(pwd) ? pwd : Directory.GetCurrentDirectory();

}

using System.Globalization;
using Stackwise.Web.Content.Checks;
using Stackwise.Web.Content.Hosting;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Parsing;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Rendering;
using Stackwise.Web.Site;

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

    public static readonly string[] SectionHeadings =
        ["How It Works", "Benefits For Your Health", "The Science Behind It", "Treatment Protocol", "What to Watch Out For"];

    /// <summary>Prints every problem in the form compilers use and a summary; 1 when there is an error.</summary>
    /// <param name="maxReadingGrade">Articles reading above this grade get a warning (<c>Content:MaxReadingGrade</c>).</param>
    /// <param name="today">The UTC date the files are judged on (scheduled, reviews due, dates in the future).</param>
    public static async Task<int> CheckAsync(string root, double maxReadingGrade, TextWriter output, DateOnly today)
    {
        var loader = new ContentLoader(new ContentParser(new MarkdownRenderer(), maxReadingGrade));
        var snapshot = await loader.LoadAsync(root, new ContentVisibility(today, IncludeUnpublished: true), previous: null, CancellationToken.None);
        var shownRoot = Shown(root);
        foreach (var problem in snapshot.Problems)
        {
            await output.WriteLineAsync((problem with { File = Path.Combine(shownRoot, problem.File).Replace('\\', '/') }).ToString());
        }
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Checked {Counted.Of(snapshot.FilesRead, "file")} in {shownRoot}: {Counted.Of(snapshot.ErrorCount, "error")}, {Counted.Of(snapshot.WarningCount, "warning")}; {Counted.Of(snapshot.FilesRejected, "file")} kept off the site."));
        return snapshot.ErrorCount == 0 ? Ok : Failed;
    }

    /// <summary>Writes a draft article from the template; never overwrites a file.</summary>
    public static async Task<int> NewAsync(string root, string section, string title, TextWriter output, TextWriter error, DateOnly today)
    {
        var slug = Slugs.FromText(title);
        if (slug is null || title.Length > FrontMatterField.TitleMaxLength)
        {
            await error.WriteLineAsync($"error: the title must have letters or digits and at most {FrontMatterField.TitleMaxLength} characters.");
            return Failed;
        }
        if (title.Any(c => char.IsControl(c) || char.GetUnicodeCategory(c) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            || ForbiddenCharacters.Any(title))
        {
            await error.WriteLineAsync("error: the title must be one line of text, with no line break, tab or control character.");
            return Failed;
        }
        if (!ContentPath.TryParse($"{section}/{slug}.md", out var path, out var problem) || !path.IsArticle)
        {
            await error.WriteLineAsync($"error: {(problem?.Message ?? $"{(path?.IsPerson == true ? "people's pages in content/people/" : "site pages in content/pages/")} are written by hand; choose an article section such as `therapies`")}.");
            return Failed;
        }

        var folder = Path.Combine(root, section);
        if (Directory.Exists(folder) && ContentFolder.Resolve(folder) != Path.Combine(ContentFolder.Resolve(root), section))
        {
            // The site never follows a link inside the content folder, so an article written there would never be served.
            await error.WriteLineAsync($"error: {Shown(folder)} is a symbolic link (or inside one); the site does not follow links in the content folder, so nothing was written.");
            return Failed;
        }
        var text = Template(title, today);
        if (new ContentParser(new MarkdownRenderer(), maxReadingGrade: null).Parse(path, text, today).Problems.FirstOrDefault(found => found.Severity == ProblemSeverity.Error) is { } invalid)
        {
            // The template with this title must be a file the site reads; a title no check above foresaw must not write a broken one.
            await error.WriteLineAsync($"error: the title would make a file the site cannot read ({invalid.Code}: {invalid.Message}); nothing was written.");
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
        await output.WriteLineAsync($"Wrote {Shown(file)} (a draft: remove `draft: true` to publish it at {path.Url}).");
        return Ok;
    }

    public static string Template(string title, DateOnly today)
    {
        var sections = string.Concat(SectionHeadings.Select(heading => $"\n## {heading}\n\nWrite this section.\n"));
        return $"""
            ---
            title: "{title.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}"
            category: Uncategorized
            risk: moderate
            summary: Replace with one or two sentences for lists and search results, at most 160 characters.
            healthRisks:
              - Replace with the first health risk
              # An item can also say its kind: `- text: ...` then `kind: side-effect` (or serious, contraindication, interaction).
            published: {today:yyyy-MM-dd}
            draft: true
            ## Optional fields, each explained in docs/authoring.md: remove the `# ` before a line to use it.
            # author: your-slug                 # a person's file in content/people/, or a list of them
            # reviewedBy: reviewer-slug          # only with the date of the review:
            # lastReviewed: {today:yyyy-MM-dd}
            # references:                        # cite each in the text as [@source-id]
            #   - id: source-id
            #     title: The title of the source
            #     url: https://example.org/      # or doi: 10.1000/xyz123, or pmid: 12345678
            ---
            Write the introduction here.
            {sections}
            """;
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

using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Site;

namespace Stackwise.Web.Commands;

/// <summary><c>preview</c>: a signed link to a draft or scheduled article, for a medical reviewer to read on the live site.</summary>
public static class PreviewCommand
{
    /// <param name="configuration">The site's configuration where the command runs: its <c>Site:BaseUrl</c> and <c>Site:PreviewKey</c>
    /// must be the live site's for the link to open there.</param>
    public static async Task<int> RunAsync(string root, IConfiguration configuration, string typed, int days, TextWriter output, TextWriter error, TimeProvider time)
    {
        var site = new SiteOptions();
        configuration.GetSection(SiteOptions.Section).Bind(site);
        if (site.PreviewKey.Length == 0)
        {
            await error.WriteLineAsync("error: previews are off: set Site:PreviewKey (environment variable Site__PreviewKey) to the key the site is run with.");
            return EditorCommands.CouldNotRun;
        }
        var invalid = new List<ValidationResult>();
        if (!Validator.TryValidateObject(site, new ValidationContext(site), invalid, validateAllProperties: true))
        {
            await error.WriteLineAsync($"error: {string.Join("; ", invalid.Select(result => result.ErrorMessage))}");
            return EditorCommands.CouldNotRun;
        }

        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var snapshot = await EditorCommands.LoadAsync(root, maxReadingGrade: null, today);
        var file = FileOf(root, typed);
        if (file is null || snapshot.ByFile.GetValueOrDefault(file) is not Article article)
        {
            var refused = file is null ? [] : snapshot.Problems.Where(problem => problem.File == file && problem.RejectsFile).ToList();
            await error.WriteLineAsync(refused.Count > 0
                ? $"error: content/{file} has errors, so there is nothing to preview; run `check` ({refused[0]})."
                : $"error: '{typed}' is not an article in {EditorCommands.Shown(root)}; give its file, like content/therapies/x.md, or its address, like /therapies/x.");
            return EditorCommands.Failed;
        }
        if (snapshot.IsPublic(article))
        {
            await error.WriteLineAsync($"error: {article.Url} is published already; readers see it at {site.Absolute(article.Url)}.");
            return EditorCommands.Failed;
        }

        var expires = now.AddDays(days);
        await output.WriteLineAsync(site.Absolute(SiteRoutes.Preview(PreviewTokens.Create(article.Url, expires, site.PreviewKey))));
        await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"A preview of \"{article.Title}\" ({(article.IsDraft ? "a draft" : $"scheduled for {article.Dates.Published:yyyy-MM-dd}")}), open until {expires:yyyy-MM-dd HH:mm} UTC to anyone with the link."));
        return EditorCommands.Ok;
    }

    /// <summary>The file under the content folder that <paramref name="typed"/> names: a path to it, or the article's address.</summary>
    private static string? FileOf(string root, string typed)
    {
        if (typed.StartsWith('/') && !Path.Exists(typed))
        {
            return ContentPath.MarkdownExtensions.Select(extension => typed.TrimStart('/') + extension)
                .FirstOrDefault(file => File.Exists(Path.Combine(root, file)));
        }
        var full = Path.GetFullPath(typed, EditorCommands.InvocationDirectory);
        var relative = Path.GetRelativePath(root, full).Replace('\\', '/');
        if (!relative.StartsWith("..", StringComparison.Ordinal) && File.Exists(full))
        {
            return relative;
        }
        // Relative to the content folder, as `check` prints it without the folder: therapies/x.md.
        return File.Exists(Path.Combine(root, typed)) ? typed.Replace('\\', '/') : null;
    }
}

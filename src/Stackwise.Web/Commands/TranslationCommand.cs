using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Parsing;
using Stackwise.Web.Rendering;

namespace Stackwise.Web.Commands;

/// <summary>
/// <c>new translation SOURCE --lang LANG</c>: a draft translation of an article or site page at the same path in
/// <c>content/{lang}/</c>, copied from the source for the editor to translate. What the source's review vouches for does not
/// carry over (<c>reviewedBy</c>, <c>lastReviewed</c>, <c>nextReview</c>: the translation needs its own medical review), nor
/// its dates, aliases or draft flag: the copy is dated today and stays a draft until the editor publishes it.
/// </summary>
public static class TranslationCommand
{
    /// <summary>Top-level fields left out of the copy, with their indented lines.</summary>
    private static readonly HashSet<string> NotCarriedOver =
        new(["reviewedBy", "lastReviewed", "nextReview", "aliases", "updated", "published", "draft"], StringComparer.Ordinal);

    /// <param name="languages">The site's languages (<c>Site:Languages</c>), the default first.</param>
    public static async Task<int> RunAsync(string root, string source, string language, IReadOnlyList<string> languages,
        TextWriter output, TextWriter error, DateOnly today)
    {
        if (!languages.Skip(1).Contains(language))
        {
            await error.WriteLineAsync(languages.Count < 2
                ? $"error: the site serves one language; add `{language}` to Site:Languages after the default first (Site__Languages__1={language})."
                : $"error: `{language}` is not one of the site's other languages ({string.Join(", ", languages.Skip(1))}; Site:Languages).");
            return EditorCommands.Failed;
        }
        if (FileOf(root, source) is not { } file || !ContentPath.TryParse(file, out var path, out _) || path.Language is not null || path.IsPerson)
        {
            await error.WriteLineAsync($"error: '{source}' is not an article or site page of the default language in {EditorCommands.Shown(root)}; give its file, like content/therapies/x.md, or its address, like /therapies/x.");
            return EditorCommands.Failed;
        }
        var target = Path.Combine(root, language, file);
        if (File.Exists(target) || File.Exists(Path.ChangeExtension(target, path.IsArticle ? ".markdown" : ".md")))
        {
            await error.WriteLineAsync($"error: {EditorCommands.Shown(target)} already exists; it was not changed.");
            return EditorCommands.Failed;
        }

        var text = Copy(await File.ReadAllTextAsync(Path.Combine(root, file)), $"content/{file}", language, path.IsArticle, today);
        if (!ContentPath.TryParse($"{language}/{file}", out var translation, out var problem))
        {
            await error.WriteLineAsync($"error: {problem.Message}.");
            return EditorCommands.Failed;
        }
        if (new ContentParser(new MarkdownRenderer(), maxReadingGrade: null).Parse(translation, text, today).Problems
                .FirstOrDefault(found => found.RejectsFile) is { } invalid)
        {
            await error.WriteLineAsync($"error: content/{file} has errors, so its copy would too ({invalid.Code}: {invalid.Message}); fix them first (run `check`).");
            return EditorCommands.Failed;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target) ?? root);
        await File.WriteAllTextAsync(target, text);
        await output.WriteLineAsync($"Wrote {EditorCommands.Shown(target)}, a draft copy of content/{file} to translate: every text, the category in "
            + $"`{language}`, then a medical review (`reviewedBy`, `lastReviewed`) for an article, and remove `draft: true` to publish it at {translation.Url}.");
        return EditorCommands.Ok;
    }

    /// <summary>The source with a note for the editor after the opening fence, without the fields that must not carry over,
    /// dated <paramref name="today"/> and a draft.</summary>
    internal static string Copy(string source, string sourceFile, string language, bool isArticle, DateOnly today)
    {
        var lines = source.ReplaceLineEndings("\n").Split('\n');
        var end = Array.IndexOf(lines, "---", 1);
        var kept = new List<string>
        {
            "---",
            $"# A translation into {language} of {sourceFile}: translate every text and the category, have it medically reviewed (reviewedBy, lastReviewed), then remove draft: true.",
        };
        var dropping = false;
        foreach (var line in lines[1..end])
        {
            var isField = line.Length > 0 && !char.IsWhiteSpace(line[0]) && line[0] is not ('-' or '#');
            if (isField)
            {
                dropping = NotCarriedOver.Contains(line[..Math.Max(0, line.IndexOf(':', StringComparison.Ordinal))]);
            }
            if (!dropping)
            {
                kept.Add(line);
            }
        }
        if (isArticle)
        {
            kept.Add($"published: {today:yyyy-MM-dd}");
        }
        kept.Add("draft: true");
        return string.Join('\n', kept.Concat(lines[end..]));
    }

    private static string? FileOf(string root, string typed)
    {
        var relative = typed.Replace('\\', '/').TrimStart('/');
        relative = relative.StartsWith("content/", StringComparison.Ordinal) ? relative["content/".Length..] : relative;
        var candidates = ContentPath.IsMarkdown(relative) ? [relative] : ContentPath.MarkdownExtensions.Select(extension => relative + extension);
        // An address of a site page is /terms; its file is pages/terms.md.
        candidates = candidates.Concat(candidates.Select(file => $"{ContentPath.PagesFolder}/{file}"));
        return candidates.FirstOrDefault(file => !file.Contains("..", StringComparison.Ordinal) && File.Exists(Path.Combine(root, file)));
    }
}

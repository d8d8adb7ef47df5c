using Stackwise.Web.Content.Model;
using Stackwise.Web.Rendering;
using Stackwise.Web.Site;

namespace Stackwise.Web.Content.Checks;

/// <summary>
/// Warnings for a translation (<c>content/{lang}/...</c>) that has fallen behind the page it translates: none to translate
/// (a page only in that language: fine if meant), a source updated since, or a source medically reviewed where the
/// translation is not. Checked on every whole load (a site in several languages always loads whole).
/// </summary>
public static class TranslationChecks
{
    public static void Check(IReadOnlyCollection<ContentDocument> documents, List<ContentProblem> problems)
    {
        var bySource = documents.Where(document => document.Path.Language is null)
            .ToDictionary(document => Unextended(document.Path.File), StringComparer.Ordinal);
        foreach (var translation in documents.Where(document => document.Path.Language is not null))
        {
            var file = translation.Path.File;
            if (!bySource.TryGetValue(Unextended(translation.Path.Source), out var source))
            {
                problems.Add(ContentProblem.Warning(file, SourcePosition.Start, ProblemCodes.TranslatesNothing,
                    $"translates nothing: there is no `content/{translation.Path.Source}` in the default language, so no other version links to it; fine for a page only in `{translation.Path.Language}`, else move it to the source's path"));
                continue;
            }
            if (source is not Article original || translation is not Article article)
            {
                continue;
            }
            if (original.Dates.Modified > article.Dates.Modified)
            {
                problems.Add(ContentProblem.Warning(file, SourcePosition.Start, ProblemCodes.OlderTranslation,
                    $"older than its source: `content/{source.Path.File}` was updated on {Dates.Iso(original.Dates.Modified)}, this translation on {Dates.Iso(article.Dates.Modified)}; bring it up to date and set `updated`"));
            }
            if (original.ReviewedBy is not null && article.ReviewedBy is null)
            {
                problems.Add(ContentProblem.Warning(file, SourcePosition.Start, ProblemCodes.UnreviewedTranslation,
                    $"not medically reviewed, though `content/{source.Path.File}` is: have the translation reviewed and add `reviewedBy` and `lastReviewed`"));
            }
        }
    }

    // A translation may be .markdown where its source is .md.
    private static string Unextended(string file) => file[..file.LastIndexOf('.')];
}

using System.Collections.Frozen;
using System.Collections.Immutable;
using Stackwise.Web.Content.Model;

namespace Stackwise.Web.Content.Checks;

/// <summary>The people articles name in <c>author</c> and <c>reviewedBy</c>, against the files in <c>content/people/</c>.</summary>
public static class PeopleChecks
{
    /// <summary>
    /// Every person with the articles they wrote and reviewed. A name of a person without a valid file is an error in that
    /// entry only: the article is served without it, so deleting a person's file never takes articles off the site.
    /// </summary>
    /// <param name="documents">Every valid document, unpublished ones too, so <c>check</c> finds a bad name in a draft.</param>
    /// <param name="articles">The served articles, newest first.</param>
    public static FrozenDictionary<string, PersonListing> Listings(IEnumerable<ContentDocument> documents, IEnumerable<Person> people,
        ImmutableArray<Article> articles, List<ContentProblem> problems)
    {
        var bySlug = people.ToFrozenDictionary(person => person.Slug, StringComparer.Ordinal);
        foreach (var document in documents)
        {
            if (document is Article article)
            {
                ReportUnknown(article, bySlug, problems);
            }
        }

        // One pass over the served articles (newest first, so each list is too); a loop, as this runs on every reload.
        var written = bySlug.Keys.ToDictionary(slug => slug, _ => ImmutableArray.CreateBuilder<Article>(), StringComparer.Ordinal);
        var reviewed = bySlug.Keys.ToDictionary(slug => slug, _ => ImmutableArray.CreateBuilder<Article>(), StringComparer.Ordinal);
        foreach (var article in articles)
        {
            foreach (var author in article.Authors)
            {
                written.GetValueOrDefault(author.Slug)?.Add(article);
            }
            if (article.ReviewedBy is { } reviewer)
            {
                reviewed.GetValueOrDefault(reviewer.Slug)?.Add(article);
            }
        }
        return bySlug.ToFrozenDictionary(entry => entry.Key,
            entry => new PersonListing(entry.Value, written[entry.Key].DrainToImmutable(), reviewed[entry.Key].DrainToImmutable()), StringComparer.Ordinal);
    }

    /// <summary>Reports each name of <paramref name="article"/> that is not a key of <paramref name="people"/>, writers first.</summary>
    internal static void ReportUnknown<T>(Article article, FrozenDictionary<string, T> people, List<ContentProblem> problems)
    {
        foreach (var named in article.People)
        {
            if (!people.ContainsKey(named.Slug))
            {
                var hint = EditDistance.Closest(named.Slug, people.Keys) is { } closest ? $"did you mean `{closest}`? Else " : "";
                problems.Add(ContentProblem.EntryError(article.Path.File, named.Position, ProblemCodes.UnknownPerson,
                    $"there is no person `{named.Slug}`: {hint}add content/{ContentPath.PeopleFolder}/{named.Slug}.md (with at least a `name`), or fix the name; the byline leaves it out"));
            }
        }
    }
}

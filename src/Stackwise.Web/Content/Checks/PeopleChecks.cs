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
        foreach (var article in documents.OfType<Article>())
        {
            foreach (var named in article.People.Where(named => !bySlug.ContainsKey(named.Slug)))
            {
                problems.Add(ContentProblem.EntryError(article.Path.File, named.Position, ProblemCodes.UnknownPerson,
                    $"there is no person `{named.Slug}`: add content/{ContentPath.PeopleFolder}/{named.Slug}.md (with at least a `name`), or fix the name; the byline leaves it out"));
            }
        }
        var written = articles.SelectMany(article => article.Authors.Select(author => (author.Slug, Article: article)))
            .ToLookup(credit => credit.Slug, credit => credit.Article, StringComparer.Ordinal);
        var reviewed = articles.Where(article => article.ReviewedBy is not null)
            .ToLookup(article => article.ReviewedBy?.Slug ?? "", StringComparer.Ordinal);
        return bySlug.ToFrozenDictionary(entry => entry.Key,
            entry => new PersonListing(entry.Value, [.. written[entry.Key]], [.. reviewed[entry.Key]]), StringComparer.Ordinal);
    }
}

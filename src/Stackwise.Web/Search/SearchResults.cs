using System.Collections.Immutable;
using Stackwise.Web.Content.Model;

namespace Stackwise.Web.Search;

/// <summary>A piece of a snippet: plain text, or a word that matched the query (shown in <c>mark</c>).</summary>
public sealed record SnippetPart(string Text, bool IsMatch);

public sealed record SearchHit(Article Article, ImmutableArray<SnippetPart> Snippet);

/// <summary>A filter link with how many results it keeps.</summary>
public sealed record SearchFacet<T>(T Value, int Count);

public sealed record SearchResults(
    SearchQuery Query,
    ImmutableArray<SearchHit> Hits,
    int Total,
    ImmutableArray<SearchFacet<Category>> Categories,
    ImmutableArray<SearchFacet<RiskLevel>> Risks,
    TimeSpan Elapsed)
{
    public const int PageSize = 10;

    public bool HasPrevious => Query.Page > 1;

    public bool HasNext => Query.Page * PageSize < Total && Query.Page < SearchQuery.MaxPage;
}

using System.Collections.Immutable;

namespace Stackwise.Web.Content.Model;

/// <summary>A writer or reviewer with the articles they wrote and reviewed, newest first, as their page lists them.</summary>
public sealed record PersonListing(Person Person, ImmutableArray<Article> Written, ImmutableArray<Article> Reviewed);

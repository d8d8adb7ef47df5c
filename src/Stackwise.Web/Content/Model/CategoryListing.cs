using System.Collections.Immutable;

namespace Stackwise.Web.Content.Model;

/// <summary>A category and its articles, newest first, as its page and the home page list it.</summary>
public sealed record CategoryListing(Category Category, ImmutableArray<Article> Articles);

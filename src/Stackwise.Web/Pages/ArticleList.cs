using System.Collections.Immutable;
using Stackwise.Web.Content.Model;

namespace Stackwise.Web.Pages;

/// <summary>A list of article cards. Card titles are <c>h2</c> on a page of their own, <c>h3</c> under a section heading.</summary>
public sealed record ArticleList(ImmutableArray<Article> Articles, int HeadingLevel = 2);

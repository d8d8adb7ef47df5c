namespace Stackwise.Web.Seo;

/// <summary>On a page model: the page answers each request afresh (search results), so it is not output-cached as content.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NotContentCachedAttribute : Attribute;

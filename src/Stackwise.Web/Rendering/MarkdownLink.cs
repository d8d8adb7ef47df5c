namespace Stackwise.Web.Rendering;

/// <summary>A link or image target found in a document, kept for validation.</summary>
public sealed record MarkdownLink(string Url, bool IsImage, SourcePosition Position);

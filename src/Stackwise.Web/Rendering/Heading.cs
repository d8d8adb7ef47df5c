namespace Stackwise.Web.Rendering;

/// <summary>A heading of a rendered document, with the anchor a reader can link to.</summary>
public sealed record Heading(int Level, string Text, string Id, SourcePosition Position);

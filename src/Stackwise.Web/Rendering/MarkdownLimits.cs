namespace Stackwise.Web.Rendering;

/// <summary>
/// The shape limits of one markdown file: the link count before parsing, the nesting while <see cref="SyntaxWalk"/> walks the parsed tree. Each guards against input that no
/// article needs and that would make a reload slow or a page unreadable; docs/authoring.md lists them for editors.
/// </summary>
public static class MarkdownLimits
{
    /// <summary>Lists and quotes inside each other, counted from the outermost; the same for emphasis and links
    /// inside each other. Markdig itself stops at 128, and its HTML writer can stop on less.</summary>
    public const int MaxNesting = 32;

    /// <summary>Links and images in one file. Markdig's time grows with the square of the number of unclosed
    /// links in a row (40,000 took 7 s); at this limit it is a few milliseconds.</summary>
    public const int MaxLinks = 5_000;

    /// <summary>Counts <c>](</c>, the opening of every inline link and image, without parsing.</summary>
    public static void CheckLinkCount(string markdown)
    {
        var count = 0;
        for (var at = markdown.IndexOf("](", StringComparison.Ordinal); at >= 0; at = markdown.IndexOf("](", at + 2, StringComparison.Ordinal))
        {
            if (++count > MaxLinks)
            {
                throw new MarkdownLimitException($"the file has more than {MaxLinks:N0} links; split it into several articles");
            }
        }
    }
}

/// <summary>A markdown file went past one of the <see cref="MarkdownLimits"/>; the message says which, for the editor.</summary>
public sealed class MarkdownLimitException(string message) : Exception(message)
{
    public static MarkdownLimitException TooDeep() =>
        new($"lists, quotes, emphasis or links are nested more than {MarkdownLimits.MaxNesting} levels deep; flatten them");
}

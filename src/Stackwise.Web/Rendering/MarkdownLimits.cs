namespace Stackwise.Web.Rendering;

/// <summary>
/// The shape limits of one markdown file: the link count before parsing, the nesting while <see cref="SyntaxWalk"/>
/// walks the parsed tree. Each guards against input that no article needs and that would make a reload slow or a page
/// unreadable; docs/authoring.md lists them for editors.
/// </summary>
public static class MarkdownLimits
{
    /// <summary>Lists and quotes inside each other, counted from the outermost; the same for emphasis and links
    /// inside each other. Markdig itself stops at 128, and its HTML writer can stop on less.</summary>
    public const int MaxNesting = 32;

    /// <summary>Links and images in one file. Markdig's time grows with the square of the number of unclosed
    /// links in a row (40,000 took 7 s); at this limit it is a few milliseconds.</summary>
    public const int MaxLinks = 5_000;

    /// <summary>
    /// Table columns: <c>|</c> characters on one line. Markdig's pipe tables build objects for every cell and every pipe as a
    /// delimiter (ten 1 MB one-row tables of 170,000 columns took 39 s and 3.4 GB to load); no article's table needs more.
    /// </summary>
    public const int MaxTableColumns = 64;

    /// <summary>Table cells: <c>|</c> characters in one file (150 rows of 64 columns, or 1,000 rows of 10).</summary>
    public const int MaxTableCells = 10_000;

    /// <summary>Checks every limit that is counted on the text, before Markdig parses it.</summary>
    public static void CheckText(string markdown)
    {
        CheckLinkCount(markdown);
        CheckTableSize(markdown);
    }

    /// <summary>Counts <c>|</c> on each line and in the file, without parsing.</summary>
    private static void CheckTableSize(string markdown)
    {
        var cells = 0;
        var line = 1;
        var onLine = 0;
        foreach (var c in markdown)
        {
            if (c == '\n')
            {
                line++;
                onLine = 0;
            }
            else if (c == '|')
            {
                if (++onLine > MaxTableColumns)
                {
                    throw new MarkdownLimitException($"line {line} has more than {MaxTableColumns} `|` characters; a table may have at most {MaxTableColumns} columns", line);
                }
                if (++cells > MaxTableCells)
                {
                    throw new MarkdownLimitException($"the file has more than {MaxTableCells:N0} `|` characters (table cells); split the table, or the article", line);
                }
            }
        }
    }

    /// <summary>Counts <c>](</c>, the opening of every inline link and image, without parsing.</summary>
    private static void CheckLinkCount(string markdown)
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
/// <param name="line">The file line where the limit was passed, or 1 when it is the file as a whole.</param>
public sealed class MarkdownLimitException(string message, int line = 1) : Exception(message)
{
    public int Line { get; } = line;

    public static MarkdownLimitException TooDeep() =>
        new($"lists, quotes, emphasis or links are nested more than {MarkdownLimits.MaxNesting} levels deep; flatten them");
}

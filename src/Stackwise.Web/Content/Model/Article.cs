using System.Collections.Immutable;
using Stackwise.Web.Rendering;

namespace Stackwise.Web.Content.Model;

/// <summary>A validated article, rendered once when content loads.</summary>
public sealed record Article(
    ContentPath Path,
    string Title,
    string Summary,
    CompactText Html,
    ImmutableArray<Heading> Headings,
    Category Category,
    RiskLevel Risk,
    ImmutableArray<string> HealthRisks,
    ImmutableArray<string> Tags,
    ArticleDates Dates,
    int ReadingMinutes)
    : ContentDocument(Path, Title, Summary, Html, Headings)
{
    /// <summary>The anchor of the "Health Risks" section the layout adds after the body.</summary>
    public const string HealthRisksId = "health-risks";

    /// <summary>The table of contents: the body's <c>##</c> sections, then the health risks when there are any.</summary>
    public ImmutableArray<Heading> TableOfContents { get; } =
        [.. Headings.Where(heading => heading.Level == 2), .. HealthRisks.IsEmpty ? [] : new[] { new Heading(2, "Health Risks", HealthRisksId, SourcePosition.Start) }];

    /// <summary>Words a reader reads in a minute, for the reading time; a careful pace for health text.</summary>
    public const int WordsPerMinute = 200;

    public static int MinutesToRead(int wordCount) => Math.Max(1, (int)Math.Ceiling(wordCount / (double)WordsPerMinute));
}

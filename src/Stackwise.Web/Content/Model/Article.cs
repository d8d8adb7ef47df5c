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
    ImmutableArray<HealthRisk> HealthRisks,
    ImmutableArray<string> Tags,
    ArticleDates Dates,
    int ReadingMinutes)
    : ContentDocument(Path, Title, Summary, Html, Headings)
{
    /// <summary>The anchor of the "Health Risks" section the layout adds after the body.</summary>
    public const string HealthRisksId = "health-risks";

    /// <summary>The anchor of the "References" section the layout adds after the body, before the health risks.</summary>
    public const string ReferencesId = "references";

    /// <summary>The sources of the article in citation order (the first one cited is 1), those never cited last.</summary>
    public ImmutableArray<Reference> References { get; init; } = [];

    /// <summary>Who wrote the article, in the order the front matter names them.</summary>
    public ImmutableArray<PersonReference> Authors { get; init; } = [];

    /// <summary>Who medically reviewed it; always with <see cref="ArticleDates.LastReviewed"/>.</summary>
    public PersonReference? ReviewedBy { get; init; }

    /// <summary>The article's own picture for its share card, when it names one that exists; otherwise the site draws a card.</summary>
    public ShareImage? Image { get; init; }

    /// <summary>Everyone the article names, writers first.</summary>
    public IEnumerable<PersonReference> People => ReviewedBy is null ? Authors : [.. Authors, ReviewedBy];

    /// <summary>The table of contents: the body's <c>##</c> sections, then the references and the health risks when
    /// there are any, under the headings the layout gives them in the page's language.</summary>
    public ImmutableArray<Heading> TableOfContents(string referencesHeading, string healthRisksHeading) =>
    [
        .. Headings.Where(heading => heading.Level == 2),
        .. References.IsEmpty ? [] : new[] { new Heading(2, referencesHeading, ReferencesId, SourcePosition.Start) },
        .. HealthRisks.IsEmpty ? [] : new[] { new Heading(2, healthRisksHeading, HealthRisksId, SourcePosition.Start) },
    ];

    /// <summary>Words a reader reads in a minute, for the reading time; a careful pace for health text.</summary>
    public const int WordsPerMinute = 200;

    public static int MinutesToRead(int wordCount) => Math.Max(1, (int)Math.Ceiling(wordCount / (double)WordsPerMinute));
}

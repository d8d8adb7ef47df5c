using Stackwise.Web.Content.Checks;

namespace Stackwise.Web.Commands;

/// <summary>
/// The files <c>new</c> writes. Every text an editor must replace is a <see cref="Placeholders"/> constant, so
/// <c>check</c> and the site find each one; optional fields are YAML comments, explained in docs/authoring.md.
/// </summary>
public static class Templates
{
    public static readonly string[] SectionHeadings =
        ["How It Works", "Benefits For Your Health", "The Science Behind It", "Treatment Protocol", "What to Watch Out For"];

    /// <summary>A draft article dated <paramref name="today"/>.</summary>
    public static string Article(string title, DateOnly today)
    {
        var sections = string.Concat(SectionHeadings.Select(heading => $"\n## {heading}\n\n{Placeholders.Section}\n"));
        return $"""
            ---
            title: {Quoted(title)}
            category: {Placeholders.Category}
            risk: moderate
            summary: {Placeholders.Summary}
            healthRisks:
              - {Placeholders.HealthRisk}
              # An item can also say its kind: `- text: ...` then `kind: side-effect` (or serious, contraindication, interaction).
            published: {today:yyyy-MM-dd}
            draft: true
            ## Optional fields, each explained in docs/authoring.md: remove the `# ` before a line to use it.
            # author: your-slug                 # a person's file in content/people/, or a list of them
            # reviewedBy: reviewer-slug          # only with the date of the review:
            # lastReviewed: {today:yyyy-MM-dd}
            # nextReview: {today.AddYears(1):yyyy-MM-dd}
            # references:                        # cite each in the text as [@source-id]
            #   - id: source-id
            #     title: The title of the source
            #     url: https://example.org/      # or doi: 10.1000/xyz123, or pmid: 12345678
            ---
            {Placeholders.Introduction}
            {sections}
            """;
    }

    /// <summary>A writer's or reviewer's page. People have no drafts: the biography must be written before the site shows them.</summary>
    public static string Person(string name) => $"""
        ---
        name: {Quoted(name)}
        ## Optional fields, shown beside the name in bylines: remove the `# ` before a line to use it.
        # credentials: MD, PhD              # qualifications, as the person writes them
        # role: Medical reviewer            # what they do for Stackwise
        ---
        {Placeholders.Biography}

        """;

    private static string Quoted(string text) =>
        $"\"{text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
}

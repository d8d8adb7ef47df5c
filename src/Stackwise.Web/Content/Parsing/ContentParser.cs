using System.Collections.Immutable;
using System.Globalization;
using Stackwise.Web.Content.Checks;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Rendering;
using Stackwise.Web.Site;

namespace Stackwise.Web.Content.Parsing;

/// <summary>The outcome of parsing one file: the document when it has no errors, and every problem found.</summary>
public sealed record ParseResult(ContentDocument? Document, ImmutableArray<ContentProblem> Problems)
{
    /// <summary>The date from which this result no longer holds because it compared a date with today: parse the file again then.</summary>
    public DateOnly? RecheckOn { get; init; }
}

/// <summary>Turns the text of one content file into a validated, rendered document.</summary>
/// <param name="maxReadingGrade">
/// Articles reading above this Flesch-Kincaid grade get a warning (<c>Content:MaxReadingGrade</c>); null grades nothing, as the
/// Production site does (the grade is advice for editors, which <c>check</c> and the Development site give).
/// </param>
/// <param name="requiredSections">Sections site pages must have because the site links to them (the risk levels' in the
/// site's language); none checked when not given.</param>
public sealed class ContentParser(MarkdownRenderer renderer, double? maxReadingGrade = ReadingGrade.DefaultLimit,
    IReadOnlyList<RequiredSection>? requiredSections = null)
{
    /// <param name="today">The UTC date that <c>updated</c>, <c>lastReviewed</c> and <c>published</c> are compared with
    /// (from the caller's <see cref="TimeProvider"/>).</param> <param name="shared">The repeated values of the load
    /// this file belongs to; none shared with other files when not given.</param>
    public ParseResult Parse(ContentPath path, string text, DateOnly today, SharedValues? shared = null)
    {
        try
        {
            return ParseChecked(path, text, today, shared ?? new SharedValues());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug (ours or a library's) on one file must cost that file, never the whole load.
            return new ParseResult(null, [ContentProblem.Error(path.File, SourcePosition.Start, ProblemCodes.InternalError,
                $"the file could not be processed ({e.GetType().Name}: {e.Message}); this is a bug in Stackwise, please report it with the file")]);
        }
    }

    private ParseResult ParseChecked(ContentPath path, string text, DateOnly today, SharedValues shared)
    {
        var problems = ForbiddenCharacters.Problems(path, text);
        if (problems.Count > 0)
        {
            return new ParseResult(null, [.. problems]);
        }
        if (FrontMatterFence.Check(path.File, text) is { } fence)
        {
            return new ParseResult(null, [fence]);
        }
        RenderedMarkdown rendered;
        try
        {
            rendered = renderer.Render(text, shared);
        }
        catch (MarkdownLimitException limit)
        {
            problems.Add(ContentProblem.Error(path.File, new SourcePosition(limit.Line, 1), ProblemCodes.TooComplex, limit.Message));
            return new ParseResult(null, [.. problems]);
        }
        if (rendered.FrontMatter is null)
        {
            problems.Add(ContentProblem.Error(path.File, SourcePosition.Start, ProblemCodes.MissingFrontMatter,
                "the file must start with front matter: a `---` line, `field: value` lines, and a closing `---` line"));
            return new ParseResult(null, [.. problems]);
        }

        var kind = FrontMatterField.KindOf(path);
        var frontMatter = FrontMatter.Read(rendered.FrontMatter, rendered.FrontMatterLine, path.File, kind, problems, shared);
        ContentDocument? document = kind switch
        {
            DocumentKinds.Page => ReadSitePage(path, frontMatter, rendered),
            DocumentKinds.Person => ReadPerson(path, frontMatter, rendered),
            _ => ReadArticle(path, frontMatter, rendered, problems, shared),
        };
        if (kind != DocumentKinds.Article)
        {
            ReferenceChecks.RefuseCitations(path, rendered, problems);
        }
        var aliases = ArticleFields.ReadAliases(path, frontMatter, problems);
        var isDraft = frontMatter.Flag("draft");
        BodyChecks.CheckLinkSchemes(path, rendered, problems);
        ReferenceChecks.WarnMalformed(path, rendered, problems);
        BodyChecks.CheckHeadings(path, rendered, problems);
        CheckRequiredSections(path, rendered, problems);
        Placeholders.Check(path, text, document is Article article ? (article.Category.Name, frontMatter.PositionOf("category")) : null, isDraft, problems);
        var recheckOn = DateChecks.CheckAgainstToday(path, frontMatter.PositionOf, document, today, problems);

        var hasErrors = problems.Any(problem => problem.RejectsFile);
        return new ParseResult(hasErrors || document is null ? null : Completed(document, rendered, aliases, isDraft), [.. problems])
        {
            RecheckOn = recheckOn,
        };
    }

    /// <summary>
    /// The document with what every kind carries, its text and HTML compressed together (the only time they are): the text
    /// first, since search reads every article's text and a page's HTML is read once per render.
    /// </summary>
    private static ContentDocument Completed(ContentDocument document, RenderedMarkdown rendered, ImmutableArray<string> aliases, bool isDraft)
    {
        var (text, html) = CompactText.Pair(rendered.Text, rendered.Html);
        return document with { Html = html, Text = text, Aliases = aliases, IsDraft = isDraft, Links = rendered.Links };
    }

    private Article? ReadArticle(ContentPath path, FrontMatter frontMatter, RenderedMarkdown rendered, List<ContentProblem> problems, SharedValues shared)
    {
        var title = frontMatter.Text("title", FrontMatterField.TitleMaxLength);
        var category = shared.Share(ArticleFields.ReadCategory(path, frontMatter, problems));
        var risk = frontMatter.Risk();
        var summary = frontMatter.Text("summary", FrontMatterField.SummaryMaxLength);
        var healthRisks = frontMatter.HealthRisks();
        var tags = frontMatter.TextList("tags", FrontMatterField.TagMaxLength);
        var dates = ArticleFields.ReadDates(path, frontMatter, problems);
        // Citations are checked against references that could be read: when the front matter or the field itself could not
        // be, the error that says so is the one to fix, and every citation would be reported as unknown after it.
        var references = frontMatter.IsInvalid("references") ? [] : ReferenceChecks.InCitationOrder(path, frontMatter.References(), rendered, problems);
        var authors = frontMatter.PersonSlugs("author");
        var reviewedBy = frontMatter.PersonSlugs("reviewedBy").FirstOrDefault();
        if (reviewedBy is not null && !frontMatter.IsInvalid("lastReviewed") && dates is { LastReviewed: null })
        {
            problems.Add(ContentProblem.Error(path.File, reviewedBy.Position, ProblemCodes.ReviewerWithoutDate,
                "`reviewedBy` needs `lastReviewed`: the date of the review, written as YYYY-MM-DD"));
        }
        CheckReadingGrade(path, rendered, problems);
        var image = ArticleFields.ReadImage(path, frontMatter, problems);

        if (risk is RiskLevel.Moderate or RiskLevel.High && healthRisks.IsEmpty && !frontMatter.IsInvalid("healthRisks"))
        {
            problems.Add(ContentProblem.Error(path.File, frontMatter.PositionOf("risk"), ProblemCodes.MissingHealthRisks,
                $"an article of risk `{risk.Value.Slug()}` must list its `healthRisks`"));
        }

        return title is null || category is null || risk is null || summary is null || dates is null
            ? null
            : new Article(path, title, summary, CompactText.Empty, rendered.Headings, category, risk.Value, healthRisks,
                [.. tags.Distinct(StringComparer.OrdinalIgnoreCase).Select(tag => shared.Share(tag))], dates, Article.MinutesToRead(rendered.WordCount))
            {
                References = references,
                Authors = authors,
                ReviewedBy = reviewedBy,
                Image = image,
            };
    }

    /// <summary>Advice, not an error: a body that reads above the site's grade is harder to follow for an anxious reader.</summary>
    private void CheckReadingGrade(ContentPath path, RenderedMarkdown rendered, List<ContentProblem> problems)
    {
        if (maxReadingGrade is { } limit && ReadingGrade.Of(rendered.Text) is { } grade && Math.Round(grade, 1) > limit)
        {
            var message = string.Create(CultureInfo.InvariantCulture,
                $"the body has a reading grade {grade:0.0} (Flesch-Kincaid), above the site's limit of {limit:0.#}; shorter sentences and everyday words make it easier to follow");
            problems.Add(ContentProblem.Advice(path.File, new SourcePosition(rendered.BodyLine, 1), ProblemCodes.ReadingGrade, message));
        }
    }

    /// <summary>A warning for each section the site links to that the page lacks: the link still opens the page, at its top.</summary>
    private void CheckRequiredSections(ContentPath path, RenderedMarkdown rendered, List<ContentProblem> problems)
    {
        foreach (var section in requiredSections ?? [])
        {
            if (section.Url == path.Url && !rendered.Headings.Any(heading => heading.Id == section.Anchor))
            {
                problems.Add(ContentProblem.Warning(path.File, SourcePosition.Start, ProblemCodes.MissingSection,
                    $"no section `## {section.Heading}`: {section.LinkedFrom} links to `{section.Url}#{section.Anchor}`, so its readers land at the top of the page instead"));
            }
        }
    }

    private static Person? ReadPerson(ContentPath path, FrontMatter frontMatter, RenderedMarkdown rendered)
    {
        var name = frontMatter.Text("name", FrontMatterField.NameMaxLength);
        var credentials = frontMatter.Text("credentials", FrontMatterField.NameMaxLength, required: false);
        var role = frontMatter.Text("role", FrontMatterField.NameMaxLength, required: false);
        return name is null ? null : new Person(path, name, credentials, role, CompactText.Empty, rendered.Headings);
    }

    private static SitePage? ReadSitePage(ContentPath path, FrontMatter frontMatter, RenderedMarkdown rendered)
    {
        var title = frontMatter.Text("title", FrontMatterField.TitleMaxLength);
        var summary = frontMatter.Text("summary", FrontMatterField.SummaryMaxLength);
        var updated = frontMatter.Date("updated", required: false);
        return title is null || summary is null
            ? null
            : new SitePage(path, title, summary, updated, CompactText.Empty, rendered.Headings);
    }
}

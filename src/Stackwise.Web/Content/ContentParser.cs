using System.Collections.Immutable;
using Stackwise.Web.Rendering;

namespace Stackwise.Web.Content;

/// <summary>The outcome of parsing one file: the document when it has no errors, and every problem found.</summary>
public sealed record ParseResult(ContentDocument? Document, ImmutableArray<ContentProblem> Problems)
{
    /// <summary>The date from which this result no longer holds because it compared a date with today: parse the file again then.</summary>
    public DateOnly? RecheckOn { get; init; }
}

/// <summary>Turns the text of one content file into a validated, rendered document.</summary>
public sealed class ContentParser(MarkdownRenderer renderer)
{
    private static readonly string[] SafeSchemes = ["http", "https", "mailto", "tel"];

    /// <summary>The furthest ahead a <c>published</c> date goes without a warning that the year may be a typo.</summary>
    public const int FarFutureDays = 366;

    /// <param name="today">The UTC date that <c>updated</c>, <c>lastReviewed</c> and <c>published</c> are compared with; today when not given.</param>
    public ParseResult Parse(ContentPath path, string text, DateOnly? today = null)
    {
        try
        {
            return ParseChecked(path, text, today ?? DateOnly.FromDateTime(DateTime.UtcNow));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug (ours or a library's) on one file must cost that file, never the whole load.
            return new ParseResult(null, [ContentProblem.Error(path.File, SourcePosition.Start, ProblemCodes.InternalError,
                $"the file could not be processed ({e.GetType().Name}: {e.Message}); this is a bug in Stackwise, please report it with the file")]);
        }
    }

    private ParseResult ParseChecked(ContentPath path, string text, DateOnly today)
    {
        var problems = FindForbiddenCharacters(path, text);
        if (problems.Count > 0)
        {
            return new ParseResult(null, [.. problems]);
        }
        RenderedMarkdown rendered;
        try
        {
            rendered = renderer.Render(text);
        }
        catch (MarkdownLimitException limit)
        {
            problems.Add(ContentProblem.Error(path.File, SourcePosition.Start, ProblemCodes.TooComplex, limit.Message));
            return new ParseResult(null, [.. problems]);
        }
        if (rendered.FrontMatter is null)
        {
            problems.Add(ContentProblem.Error(path.File, SourcePosition.Start, ProblemCodes.MissingFrontMatter,
                "the file must start with front matter: a `---` line, `field: value` lines, and a closing `---` line"));
            return new ParseResult(null, [.. problems]);
        }

        var frontMatter = FrontMatter.Read(rendered.FrontMatter, rendered.FrontMatterLine, path.File, path.IsSitePage, problems);
        ContentDocument? document = path.IsSitePage
            ? ReadSitePage(path, frontMatter, rendered)
            : ReadArticle(path, frontMatter, rendered, problems);
        var aliases = ReadAliases(path, frontMatter, problems);
        var isDraft = frontMatter.Flag("draft");
        CheckLinks(path, rendered, problems);
        BodyChecks.CheckHeadings(path, rendered, problems);
        var recheckOn = CheckDatesAgainstToday(path, frontMatter, document, today, problems);

        var hasErrors = problems.Any(problem => problem.RejectsFile);
        return new ParseResult(hasErrors || document is null ? null : document with { Aliases = aliases, IsDraft = isDraft, Links = rendered.Links, Text = rendered.Text }, [.. problems])
        {
            RecheckOn = recheckOn,
        };
    }

    /// <summary>Each character no page or feed may carry, at its line and column (the first few; one is enough to refuse the file).</summary>
    private static List<ContentProblem> FindForbiddenCharacters(ContentPath path, string text)
    {
        const int MaxReported = 10;
        var problems = new List<ContentProblem>();
        var (line, lineStart, scanned) = (1, 0, 0);
        foreach (var (index, description) in ForbiddenCharacters.Find(text).Take(MaxReported))
        {
            for (; scanned < index; scanned++)
            {
                if (text[scanned] == '\n')
                {
                    (line, lineStart) = (line + 1, scanned + 1);
                }
            }
            problems.Add(ContentProblem.Error(path.File, new SourcePosition(line, index - lineStart + 1), ProblemCodes.InvalidCharacter,
                $"the file contains {description}, which no page or feed can carry; delete it (editors often show it as a box or not at all)"));
        }
        return problems;
    }

    private static Article? ReadArticle(ContentPath path, FrontMatter frontMatter, RenderedMarkdown rendered, List<ContentProblem> problems)
    {
        var title = frontMatter.Text("title", FrontMatterField.TitleMaxLength);
        var category = ReadCategory(path, frontMatter, problems);
        var risk = frontMatter.Risk();
        var summary = frontMatter.Text("summary", FrontMatterField.SummaryMaxLength);
        var healthRisks = frontMatter.TextList("healthRisks", FrontMatterField.HealthRiskMaxLength);
        var tags = frontMatter.TextList("tags", FrontMatterField.TagMaxLength);
        var dates = ReadDates(path, frontMatter, problems);

        if (risk is RiskLevel.Moderate or RiskLevel.High && healthRisks.IsEmpty && !frontMatter.IsInvalid("healthRisks"))
        {
            problems.Add(ContentProblem.Error(path.File, frontMatter.PositionOf("risk"), ProblemCodes.MissingHealthRisks,
                $"an article of risk `{risk.Value.Slug()}` must list its `healthRisks`"));
        }

        return title is null || category is null || risk is null || summary is null || dates is null
            ? null
            : new Article(path, title, summary, rendered.Html, rendered.Headings, category, risk.Value, healthRisks,
                [.. tags.Distinct(StringComparer.OrdinalIgnoreCase)], dates, Article.MinutesToRead(rendered.WordCount));
    }

    private static Category? ReadCategory(ContentPath path, FrontMatter frontMatter, List<ContentProblem> problems)
    {
        var name = frontMatter.Text("category", FrontMatterField.TitleMaxLength);
        if (name is null)
        {
            return null;
        }
        var category = Category.FromName(name);
        if (category is null)
        {
            problems.Add(ContentProblem.Error(path.File, frontMatter.PositionOf("category"), ProblemCodes.InvalidValue,
                $"field `category` must contain letters or digits (got `{name}`)"));
        }
        return category;
    }

    private static ArticleDates? ReadDates(ContentPath path, FrontMatter frontMatter, List<ContentProblem> problems)
    {
        var published = frontMatter.Date("published", required: true);
        var updated = frontMatter.Date("updated", required: false);
        var lastReviewed = frontMatter.Date("lastReviewed", required: false);
        var nextReview = frontMatter.Date("nextReview", required: false);

        NotBefore("updated", updated, "published", published);
        NotBefore("nextReview", nextReview, "lastReviewed", lastReviewed);
        return published is null ? null : new ArticleDates(published.Value, updated, lastReviewed, nextReview);

        void NotBefore(string later, DateOnly? laterDate, string earlier, DateOnly? earlierDate)
        {
            if (laterDate < earlierDate)
            {
                problems.Add(ContentProblem.Error(path.File, frontMatter.PositionOf(later), ProblemCodes.InvalidValue,
                    $"field `{later}` ({laterDate:yyyy-MM-dd}) is before `{earlier}` ({earlierDate:yyyy-MM-dd})"));
            }
        }
    }

    /// <summary>
    /// <c>updated</c> and <c>lastReviewed</c> say what has happened, so a date after today (UTC) is an error: it would
    /// date the page, its feed entry and the sitemap in the future. A <c>published</c> date more than a year ahead is
    /// allowed (the article is scheduled) but warned about, as a likely typo in the year.
    /// </summary>
    /// <returns>The day these checks would come out differently, when there is one.</returns>
    private static DateOnly? CheckDatesAgainstToday(ContentPath path, FrontMatter frontMatter, ContentDocument? document, DateOnly today, List<ContentProblem> problems)
    {
        var (published, past) = document switch
        {
            Article article => ((DateOnly?)article.Dates.Published, new[] { ("updated", article.Dates.Updated), ("lastReviewed", article.Dates.LastReviewed) }),
            SitePage page => (null, new[] { ("updated", page.Updated) }),
            _ => (null, []),
        };
        DateOnly? recheckOn = null;
        foreach (var (name, date) in past)
        {
            if (date > today)
            {
                problems.Add(ContentProblem.Error(path.File, frontMatter.PositionOf(name), ProblemCodes.FutureDate,
                    $"field `{name}` ({date:yyyy-MM-dd}) is after today ({today:yyyy-MM-dd}, UTC); write the date it happened"));
                recheckOn = Earliest(recheckOn, date);
            }
        }
        if (published is { } day && day.DayNumber - today.DayNumber > FarFutureDays)
        {
            problems.Add(new ContentProblem(path.File, frontMatter.PositionOf("published"), ProblemSeverity.Warning, ProblemCodes.FarFuturePublication,
                $"field `published` ({day:yyyy-MM-dd}) is {day.DayNumber - today.DayNumber:N0} days ahead: the article stays hidden until then; check the year"));
            recheckOn = Earliest(recheckOn, day.AddDays(-FarFutureDays));
        }
        return recheckOn;

        static DateOnly? Earliest(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : (a < b ? a : b);
    }

    private static SitePage? ReadSitePage(ContentPath path, FrontMatter frontMatter, RenderedMarkdown rendered)
    {
        var title = frontMatter.Text("title", FrontMatterField.TitleMaxLength);
        var summary = frontMatter.Text("summary", FrontMatterField.SummaryMaxLength);
        var updated = frontMatter.Date("updated", required: false);
        return title is null || summary is null
            ? null
            : new SitePage(path, title, summary, updated, rendered.Html, rendered.Headings);
    }

    private static ImmutableArray<string> ReadAliases(ContentPath path, FrontMatter frontMatter, List<ContentProblem> problems)
    {
        var aliases = ImmutableArray.CreateBuilder<string>();
        foreach (var (alias, position) in frontMatter.TextListItems("aliases", FrontMatterField.AliasMaxLength))
        {
            var normalized = SitePaths.Normalize(alias);
            if (normalized is null)
            {
                problems.Add(ContentProblem.Error(path.File, position, ProblemCodes.InvalidValue,
                    $"alias `{alias}` must be a site path starting with `/`, with no spaces, `?` or `#`, like `/old/page-name`"));
            }
            else if (normalized == path.Url)
            {
                problems.Add(ContentProblem.Error(path.File, position, ProblemCodes.InvalidValue,
                    $"alias `{alias}` is the page's own URL"));
            }
            else if (SitePaths.IsReserved(normalized))
            {
                problems.Add(ContentProblem.EntryError(path.File, position, ProblemCodes.ReservedPath,
                    $"alias `{alias}` is a path the site itself answers; it is ignored (choose the old URL of this page instead)"));
            }
            else if (!aliases.Contains(normalized))
            {
                aliases.Add(normalized);
            }
        }
        return aliases.ToImmutable();
    }

    private static void CheckLinks(ContentPath path, RenderedMarkdown rendered, List<ContentProblem> problems)
    {
        foreach (var link in rendered.Links)
        {
            var scheme = SchemeOf(link.Url);
            if (scheme is not null && !SafeSchemes.Contains(scheme))
            {
                problems.Add(ContentProblem.Error(path.File, link.Position, ProblemCodes.UnsafeLink,
                    $"{(link.IsImage ? "image" : "link")} uses the `{scheme}:` scheme; only http, https, mailto and tel links and site paths are allowed"));
            }
        }
    }

    /// <summary>The lowercase URL scheme, ignoring the whitespace and control characters browsers ignore.</summary>
    private static string? SchemeOf(string url)
    {
        var cleaned = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        var colon = cleaned.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return null;
        }
        var beforeColon = cleaned[..colon];
        return beforeColon.Contains('/', StringComparison.Ordinal) || beforeColon.Contains('?', StringComparison.Ordinal) || beforeColon.Contains('#', StringComparison.Ordinal)
            ? null
            : beforeColon.ToLowerInvariant();
    }
}

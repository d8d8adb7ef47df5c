using System.CommandLine;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Stackwise.Web.Content.Checks;
using Stackwise.Web.Content.Hosting;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Export;
using Stackwise.Web.Localization;
using Stackwise.Web.Site;

namespace Stackwise.Web.Commands;

/// <summary>
/// The command line of the app, on System.CommandLine: <c>check</c>, <c>new</c> and <c>export</c> run instead of the web
/// server, each with <c>--help</c>. A command line the parser refuses (an unknown option, a missing argument) gets its
/// message and the usage on standard error and exit code 2; otherwise each command's own exit codes hold.
/// </summary>
public static class SiteCommands
{
    private static readonly string[] CommandNames = ["check", "new", "reviews", "preview", "schema", "export"];

    private static readonly string[] Names = [.. CommandNames, "--help", "-h", "-?"];

    /// <summary>True when the app is asked to run a command rather than serve the site (whose own arguments, such as
    /// <c>--urls</c>, are configuration).</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && Names.Contains(args[0], StringComparer.Ordinal);

    /// <summary>
    /// The message for a first argument that is neither a command nor configuration (<c>--key value</c>, <c>/key value</c> or
    /// <c>key=value</c>), or null: a mistyped <c>chek</c> must not start the web server.
    /// </summary>
    public static string? UnknownCommand(string[] args)
    {
        if (args.Length == 0 || IsCommand(args) || args[0].StartsWith('-') || args[0].StartsWith('/') || args[0].Contains('=', StringComparison.Ordinal))
        {
            return null;
        }
        var hint = EditDistance.Closest(args[0], CommandNames) is { } closest ? $"; did you mean '{closest}'?" : "";
        return $"error: unknown command '{args[0]}'{hint} The commands are {string.Join(", ", CommandNames)}; run with --help to see the usage.";
    }

    /// <param name="buildSite">Builds the site as it would be served, for <c>export</c> to run it.</param>
    /// <param name="time">The clock <c>check</c> and <c>new</c> take today's date from; the system's when not given.</param>
    public static async Task<int> RunAsync(string[] args, Func<WebApplication> buildSite, TextWriter output, TextWriter error,
        TimeProvider? time = null)
    {
        var root = Root(buildSite, output, error, time ?? TimeProvider.System);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
            {
                await error.WriteLineAsync($"error: {problem.Message}");
            }
            await error.WriteLineAsync($"Run with --help to see the usage.");
            return EditorCommands.CouldNotRun;
        }
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }

    private static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private static RootCommand Root(Func<WebApplication> buildSite, TextWriter output, TextWriter error, TimeProvider time)
    {
        var content = new Option<string?>("--content")
        {
            Description = "The content folder to use instead of the configured one (Content:Root, by default ../../content).",
            HelpName = "DIR",
        };

        var checkFormat = Format(CheckReport.Formats);
        var check = new Command("check", "Check every content file and print each problem as FILE:LINE:COLUMN: severity CODE: message "
            + "(or as JSON, SARIF 2.1.0 or GitHub Actions annotations). Exit codes: 0 no errors (warnings allowed), 1 errors, 2 could not run.") { checkFormat, content };
        check.SetAction(async (parse, _) => await WithFolderAsync(parse.GetValue(content), error,
            (folder, options, _) => EditorCommands.CheckAsync(folder, options, parse.GetValue(checkFormat) ?? "text", output, Today(time))));

        var section = new Argument<string>("SECTION") { Description = "The article's folder under content/, such as therapies." };
        var title = new Argument<string>("TITLE") { Description = "The article's title, in quotes." };
        var newArticle = new Command("new", "Write a draft article from the template at content/SECTION/{slug of TITLE}.md (or a person's page: new person NAME; a translation: new translation SOURCE --lang LANG); never overwrites a file. "
            + "Exit codes: 0 written, 1 refused (bad title or section, file exists), 2 could not run.") { section, title, content };
        newArticle.SetAction(async (parse, _) => await WithFolderAsync(parse.GetValue(content), error,
            (folder, _, _) => EditorCommands.NewAsync(folder, parse.GetValue(section) ?? "", parse.GetValue(title) ?? "", output, error, Today(time))));

        var name = new Argument<string>("NAME") { Description = "The person's name as bylines show it, in quotes." };
        var newPerson = new Command("person", "Write a writer's or reviewer's page from the template at content/people/{slug of NAME}.md; never overwrites a file. "
            + "Exit codes: 0 written, 1 refused (bad name, file exists), 2 could not run.") { name, content };
        newPerson.SetAction(async (parse, _) => await WithFolderAsync(parse.GetValue(content), error,
            (folder, _, _) => EditorCommands.NewPersonAsync(folder, parse.GetValue(name) ?? "", output, error, Today(time))));
        newArticle.Subcommands.Add(newPerson);

        var source = new Argument<string>("SOURCE") { Description = "The article or site page to translate: its file (content/therapies/x.md) or its address (/therapies/x)." };
        var language = new Option<string>("--lang") { Description = "The language to translate into: one of Site:Languages after the default, such as es.", Required = true, HelpName = "LANG" };
        var newTranslation = new Command("translation", "Write a draft translation of SOURCE at the same path in content/LANG/, copied from it to translate: "
            + "without its review, dates and aliases, dated today; never overwrites a file. Exit codes: 0 written, 1 refused (unknown language or source, file exists), 2 could not run.")
            { source, language, content };
        newTranslation.SetAction(async (parse, _) => await WithFolderAsync(parse.GetValue(content), error,
            (folder, _, configuration) => TranslationCommand.RunAsync(folder, parse.GetValue(source) ?? "", parse.GetValue(language) ?? "",
                configuration.GetSection(SiteOptions.Section).Get<SiteOptions>()?.Languages ?? [], output, error, Today(time))));
        newArticle.Subcommands.Add(newTranslation);

        var within = Days("--within", "How many days ahead a review counts as due", ReviewsDue.DefaultDays, min: 0, max: 36_500);
        var reviewsFormat = Format(ReviewsReport.Formats);
        var reviews = new Command("reviews", $"List the articles whose nextReview has passed or falls within DAYS, and those with no review date, "
            + "soonest first, with writer, reviewer and dates. Exit codes: 0 listed (whatever is due), 2 could not run.") { within, reviewsFormat, content };
        reviews.SetAction(async (parse, _) => await WithFolderAsync(parse.GetValue(content), error,
            (folder, _, _) => EditorCommands.ReviewsAsync(folder, parse.GetValue(within), parse.GetValue(reviewsFormat) ?? "text", output, Today(time))));

        var article = new Argument<string>("ARTICLE") { Description = "The draft or scheduled article: its file (content/therapies/x.md) or its address (/therapies/x)." };
        var days = Days("--days", "How many days the link opens the article", PreviewTokens.DefaultDays, min: 1, max: PreviewTokens.MaxDays);
        var preview = new Command("preview", "Print a link that opens a draft or scheduled article on the Production site for DAYS days, for a medical reviewer; "
            + "signed with Site:PreviewKey, which must be the site's. Exit codes: 0 printed, 1 not a draft or scheduled article, 2 could not run (no key).") { article, days, content };
        preview.SetAction(async (parse, _) => await WithFolderAsync(parse.GetValue(content), error,
            (folder, _, configuration) => PreviewCommand.RunAsync(folder, configuration, parse.GetValue(article) ?? "", parse.GetValue(days), output, error, time)));

        var schemaFolder = new Argument<string>("OUTDIR") { Description = "The folder to write the schemas into, such as docs/schemas." };
        var schema = new Command("schema", "Write the JSON Schemas of the front matter of articles, site pages and people, and of redirects.yml, "
            + "for editors' tools. Exit codes: 0 written, 2 could not run.") { schemaFolder };
        schema.SetAction(async (parse, _) => await EditorCommands.SchemaAsync(Typed(parse.GetValue(schemaFolder)), output, error));

        var outputFolder = new Argument<string>("OUTDIR") { Description = "An empty or new folder to write the site into." };
        var export = new Command("export", "Run the site on a loopback port and save every page, feed, sitemap and asset as static files. "
            + "Exit codes: 0 exported, 1 a page failed, 2 could not run (the folder is not empty or cannot be written, or the site cannot start).") { outputFolder };
        export.SetAction(async (parse, _) => await SiteExport.RunAsync(buildSite, Typed(parse.GetValue(outputFolder)), output, error));

        return new RootCommand("Stackwise: run with no command to serve the site, or run one of these commands.") { check, newArticle, reviews, preview, schema, export };
    }

    /// <summary>A <c>--format</c> option taking one of <paramref name="formats"/>, the first by default.</summary>
    private static Option<string> Format(string[] formats)
    {
        var format = new Option<string>("--format")
        {
            Description = $"How to print the result: {string.Join(", ", formats)} (default {formats[0]}).",
            HelpName = "FORMAT",
            DefaultValueFactory = _ => formats[0],
        };
        format.AcceptOnlyFromAmong(formats);
        return format;
    }

    /// <summary>A number of days from <paramref name="min"/> to <paramref name="max"/>, <paramref name="defaultDays"/> when not given.</summary>
    private static Option<int> Days(string name, string description, int defaultDays, int min, int max)
    {
        var days = new Option<int>(name)
        {
            Description = string.Create(CultureInfo.InvariantCulture, $"{description} ({min} to {max}, default {defaultDays})."),
            HelpName = "DAYS",
            DefaultValueFactory = _ => defaultDays,
        };
        days.Validators.Add(result =>
        {
            // A value that is not a number has the parser's own error already.
            if (result.Tokens is [{ } token] && int.TryParse(token.Value, CultureInfo.InvariantCulture, out var count) && (count < min || count > max))
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"{name} must be a number of days from {min} to {max}."));
            }
        });
        return days;
    }

    /// <summary>A path as typed, made absolute from where it was typed (<c>dotnet run</c> starts the app in the project
    /// folder); empty stays empty.</summary>
    private static string Typed(string? path) =>
        string.IsNullOrWhiteSpace(path) ? "" : Path.GetFullPath(path, EditorCommands.InvocationDirectory);

    /// <summary>
    /// Runs an editor command on the content folder (<c>--content</c>, relative to where the command was typed, or the
    /// configured one) with the site's content settings, checked as the site checks them at start-up.
    /// </summary>
    private static async Task<int> WithFolderAsync(string? contentOption, TextWriter error,
        Func<string, ContentOptions, IConfiguration, Task<int>> command)
    {
        if (contentOption is not null && string.IsNullOrWhiteSpace(contentOption))
        {
            // An empty value (`--content ""`, an unset variable in a script) would otherwise check the folder the command runs in.
            await error.WriteLineAsync("error: --content needs a folder; it was given an empty value.");
            return EditorCommands.CouldNotRun;
        }
        // The site's configuration as it would start with (appsettings, environment variables), without building the site:
        // building it would load the configured content folder, which `--content` replaces and which may not exist.
        var site = WebApplication.CreateBuilder();
        var options = new ContentOptions();
        try
        {
            site.Configuration.GetSection(ContentOptions.Section).Bind(options);
            // As the site sets them: its languages' folders, and the risk-levels page's sections in each language.
            var languages = site.Configuration.GetSection(SiteOptions.Section).Get<SiteOptions>()?.Languages ?? [];
            options.RequiredSections = SiteText.RequiredSections(languages);
            options.Translations = [.. languages.Skip(1)];
        }
        catch (InvalidOperationException e)
        {
            await error.WriteLineAsync($"error: the {ContentOptions.Section} settings cannot be read: {e.Message}");
            return EditorCommands.CouldNotRun;
        }
        var invalid = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), invalid, validateAllProperties: true) && contentOption is null)
        {
            await error.WriteLineAsync($"error: {string.Join("; ", invalid.Select(result => result.ErrorMessage))}");
            return EditorCommands.CouldNotRun;
        }
        if (invalid.FirstOrDefault(result => !result.MemberNames.Contains(nameof(ContentOptions.Root))) is { } setting)
        {
            await error.WriteLineAsync($"error: {setting.ErrorMessage}");
            return EditorCommands.CouldNotRun;
        }

        var folder = contentOption is null ? options.ResolveRoot(site.Environment.ContentRootPath) : Path.GetFullPath(contentOption, EditorCommands.InvocationDirectory);
        if (!Directory.Exists(folder))
        {
            await error.WriteLineAsync($"error: the content folder '{folder}' does not exist.");
            return EditorCommands.CouldNotRun;
        }
        return await command(folder, options, site.Configuration);
    }
}

using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Localization;
using Stackwise.Web.Seo;
using Stackwise.Web.Site;
using Stackwise.Web.Telemetry;

namespace Stackwise.Web.Cards;

public static partial class CardServices
{
    /// <summary>The folder of the bundled font, beside the app.</summary>
    public static string FontFolder => Path.Combine(AppContext.BaseDirectory, "Cards", "Fonts");

    /// <summary>Where fonts for the scripts the bundled one lacks are looked for (README, settings).</summary>
    public const string FontFoldersSetting = "Cards:FontFolders";

    /// <summary>Where Debian and most Linux systems keep their fonts.</summary>
    public static readonly string[] DefaultFontFolders = ["/usr/share/fonts"];

    /// <summary>Registers the card renderer (it loads the bundled font at start-up, and stops the app if it is missing).</summary>
    public static IServiceCollection AddStackwiseCards(this IServiceCollection services)
    {
        services.AddSingleton(provider =>
        {
            var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger<CardRenderer>();
            var folders = provider.GetRequiredService<IConfiguration>().GetSection(FontFoldersSetting).Get<string[]>() ?? DefaultFontFolders;
            return new CardRenderer(new CardFonts(FontFolder, folders, message => LogMissingFont(logger, message)));
        });
        services.AddSingleton(provider =>
        {
            var (renderer, metrics) = (provider.GetRequiredService<CardRenderer>(), provider.GetRequiredService<SiteMetrics>());
            return new CardStore(card =>
            {
                var png = renderer.Draw(card);
                metrics.CardDrawn();
                return png;
            }, CardStore.MaxCards);
        });
        services.AddHostedService<CardFontCheck>();
        return services;
    }

    /// <summary>
    /// <c>/cards.png</c> and <c>/cards/{page}.png</c>: the page's card as a PNG with a strong ETag, 304 for a match, HEAD
    /// without a body; 404 for a path that is no public page. Never compressed (PNG is not in the compressed types).
    /// </summary>
    public static IEndpointRouteBuilder MapCardEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(SiteRoutes.HomeCard, [HttpMethods.Get, HttpMethods.Head], (HttpContext context, ContentSnapshot snapshot, CardStore store, IOptions<SiteOptions> site, IStringLocalizer<SiteText> text) =>
            ServeAsync(context, snapshot, text, store, site.Value, SiteRoutes.Home)).WithPageKind(PageKinds.Card);
        endpoints.MapMethods(SiteRoutes.CardTemplate, [HttpMethods.Get, HttpMethods.Head], (HttpContext context, string page, ContentSnapshot snapshot, CardStore store, IOptions<SiteOptions> site, IStringLocalizer<SiteText> text) =>
            page.EndsWith(".png", StringComparison.Ordinal) ? ServeAsync(context, snapshot, text, store, site.Value, "/" + page[..^".png".Length]) : Task.FromResult(Results.NotFound())).WithPageKind(PageKinds.Card);
        return endpoints;
    }

    /// <summary>
    /// Checks at start that the font files are there, so a missing font stops the start with its message rather than
    /// failing the first card; the renderer itself (Skia's native library, the typefaces) loads on the first card, which
    /// keeps its 0.4-0.8 s out of the start-up (measured at 10,000 articles).
    /// </summary>
    private sealed class CardFontCheck : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            CardFonts.CheckBundled(FontFolder);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>Seconds a client is asked to wait when every draw is taken: a draw takes tens of milliseconds.</summary>
    private const int BusyRetrySeconds = 1;

    private static async Task<IResult> ServeAsync(HttpContext context, ContentSnapshot snapshot, IStringLocalizer<SiteText> text, CardStore store, SiteOptions site, string pagePath)
    {
        if (ShareCards.For(snapshot, pagePath, text) is not { } card)
        {
            return Results.NotFound();
        }
        var entityTag = CardStore.EntityTag(card);
        var headers = context.Response.Headers;
        headers.ETag = entityTag;
        headers.CacheControl = site.PageCacheControl;
        // A card has no Last-Modified: only its entity tag is compared.
        if (ConditionalGet.Answered(context.Response, ConditionalGet.Evaluate(context.Request, entityTag)))
        {
            return Results.Empty;
        }
        if (await store.PngAsync(card, entityTag, context.RequestAborted) is not { } png)
        {
            headers.RetryAfter = BusyRetrySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            headers.CacheControl = "no-store";
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        if (HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.ContentType = "image/png";
            context.Response.ContentLength = png.Length;
            return Results.Empty;
        }
        return Results.File(png, "image/png");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Message:l}")]
    private static partial void LogMissingFont(ILogger logger, string message);
}

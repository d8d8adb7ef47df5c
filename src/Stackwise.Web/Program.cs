using Stackwise.Web.Cards;
using Stackwise.Web.Cdn;
using Stackwise.Web.Commands;
using Stackwise.Web.Content;
using Stackwise.Web.Hardening;
using Stackwise.Web.Localization;
using Stackwise.Web.Pages;
using Stackwise.Web.Pages.ContentProblems;
using Stackwise.Web.Rendering;
using Stackwise.Web.Search;
using Stackwise.Web.Seo;
using Stackwise.Web.Site;
using Stackwise.Web.Telemetry;

// `check`, `new` and `export` are commands (Commands/SiteCommands.cs, each with --help): they run instead of serving.
if (SiteCommands.IsCommand(args))
{
    return await SiteCommands.RunAsync(args, () => BuildSite([]), Console.Out, Console.Error);
}
if (SiteCommands.UnknownCommand(args) is { } unknown)
{
    await Console.Error.WriteLineAsync(unknown);
    return EditorCommands.CouldNotRun;
}

// Serve; a start that cannot serve (a bad setting, a missing content folder, a port in use) says why in one line.
return await SiteStart.RunAsync(() => BuildSite(args), Console.Error);

// The whole site: its services, then the request pipeline in the order a request meets it, then its endpoints.
static WebApplication BuildSite(string[] args)
{
    var builder = WebApplication.CreateBuilder(args);

    // Serve wwwroot from the build output in every environment (a published app has it in place already);
    // without this, `dotnet run` or tests in Production would answer stylesheets with empty bodies.
    builder.WebHost.UseStaticWebAssets();

    // Features, each registered next to its own code.
    builder.AddStackwiseTelemetry();            // Telemetry/: logs (text or JSON); OpenTelemetry metrics and traces when an exporter is set
    builder.Services.AddStackwiseSeo();         // Seo/: Site:BaseUrl, the response cache and what each save changed in it
    builder.Services.AddStackwiseRendering();   // Rendering/: the one Markdig pipeline
    builder.Services.AddStackwiseContent();     // Content/: content folder -> immutable snapshot
    builder.Services.AddStackwiseSearch();      // Search/: Lucene index built with each snapshot
    builder.Services.AddStackwiseCards();       // Cards/: share cards drawn with SkiaSharp and HarfBuzz, in any script
    builder.Services.AddStackwiseCdn();         // Cdn/: each save's changed keys purged at Cdn:PurgeUrls (none by default)
    builder.Services.AddStackwiseLocalization(); // Localization/: the site's languages: interface words (resx), /{lang}/ parts
    builder.Services.AddStackwisePages();       // Pages/: home, articles, categories, risk levels, site pages, errors
    builder.AddStackwiseHardening();            // Hardening/: health checks, rate limiting, no Server header

    var app = builder.Build();

    app.UseRequestLogging();                    // one line per request: method, path, status, time
    app.UseTransportSecurity();                 // trusted proxies' forwarded headers; HSTS and HTTPS redirection outside Development
    app.UsePreparedResponses();                 // the hot path: a page in the one response cache, bytes and headers as they were
    app.UseSiteLanguage();                      // the language of the path's part of the site: words, dates, numbers
    app.UseSecurityHeaders();                   // CSP and friends on everything else; 405 for methods other than GET and HEAD
    app.UseStartupGate();                       // the server starts beside the first content load: 503 with Retry-After until it is in
    app.UseRouting();                           // everything below runs only for what the hot path did not answer
    app.UseAuthentication();                    // no sign-in anywhere, but Razor Pages registers auth: placed here, after the
    app.UseAuthorization();                     // hot path, instead of where the framework would add them (ahead of everything)
    if (!app.Environment.IsDevelopment())
    {
        app.UseExceptionHandler(SiteRoutes.Error(500));
    }
    app.UseStatusCodePagesWithReExecute(SiteRoutes.ErrorPageFormat);
    app.UsePreparedErrorPages();                // not found and gone: the error page rendered once, then written for every such path
    app.UseRateLimiter();                       // per-client limit on search: 429 with Retry-After, rendered as a page
    app.UseContentImages();                     // content/images/ at /images/
    app.UseStackwiseSeo();                      // 301 aliases and URL variants, 410 gone, ETag and 304, keeping what renders

    app.MapStaticAssets().WithPageKind(PageKinds.Asset);
    app.MapStackwisePages();
    app.MapSeoEndpoints();                      // robots.txt, sitemap.xml, feed.xml, rss.xml
    app.MapCardEndpoints();                     // Cards/: /cards/{page}.png, a share card for every page
    app.MapHealthEndpoints();                   // /healthz and /readyz for load balancers
    if (app.Environment.IsDevelopment())
    {
        app.MapLiveReload();                    // Development: pages reload themselves after a save
    }

    return app;
}

using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Stackwise.Web.Site;
using Stackwise.Web.Telemetry;

namespace Stackwise.Web.Hardening;

public static class HardeningServices
{
    /// <summary>The rate limiting policy of endpoints that do work per request (search).</summary>
    public const string PerClientPolicy = "per-client";

    /// <summary>Preview links: 20 tries a minute per client address, so a key cannot be guessed by asking.</summary>
    public const string PreviewPolicy = "previews";

    public const int PreviewsPerMinute = 20;

    /// <summary>The host names always answered besides the base URL's, so local runs, probes on the machine and tests work.</summary>
    private static readonly string[] LoopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>
    /// Registers the allowed Host names, HTTPS redirection, trusted proxies, health checks, per-client rate limiting and
    /// a server that does not name itself. Connection limits and timeouts are Kestrel's, set in appsettings.json.
    /// </summary>
    public static WebApplicationBuilder AddStackwiseHardening(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        // The server starts while the content loads instead of after it; UseStartupGate answers 503 until the load is in.
        builder.Services.Configure<HostOptions>(host => host.ServicesStartConcurrently = true);
        // Kestrel reads only endpoints from its configuration section; its limits and timeouts are bound here.
        builder.Services.Configure<KestrelServerOptions>(builder.Configuration.GetSection("Kestrel"));

        // A request for any other host is a plain 400: the base URL's host and loopback unless `AllowedHosts` says otherwise.
        builder.Services.AddOptions<HostFilteringOptions>().Configure<IOptions<SiteOptions>, IConfiguration>((options, site, configuration) =>
        {
            if (string.IsNullOrWhiteSpace(configuration["AllowedHosts"]))
            {
                options.AllowedHosts = [site.Value.Host, .. LoopbackHosts];
            }
            options.IncludeFailureMessage = false;
        });
        builder.Services.AddOptions<HttpsRedirectionOptions>().Configure<IOptions<SiteOptions>>((options, site) =>
        {
            options.RedirectStatusCode = StatusCodes.Status308PermanentRedirect;
            options.HttpsPort = site.Value.HttpsPort;
        });
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<SiteOptions>>((options, site) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in site.Value.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
        builder.Services.AddHealthChecks().AddCheck<ContentReadyCheck>("content", tags: ["ready"]);
        // 30 searches per 10 seconds per client address, then 429 with Retry-After (SearchRateLimit:PermitLimit and
        // :WindowSeconds change it; the load test raises it because all its traffic comes from one address).
        builder.Services.AddOptions<SearchRateLimitOptions>().BindConfiguration(SearchRateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddRateLimiter(options =>
        {
            options.AddPolicy(PerClientPolicy, context =>
            {
                var limit = context.RequestServices.GetRequiredService<IOptions<SearchRateLimitOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(ClientKey(context.Connection.RemoteIpAddress),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limit.PermitLimit, Window = TimeSpan.FromSeconds(limit.WindowSeconds), QueueLimit = 0 });
            });
            options.AddPolicy(PreviewPolicy, context => RateLimitPartition.GetFixedWindowLimiter(ClientKey(context.Connection.RemoteIpAddress),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = PreviewsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }
                return ValueTask.CompletedTask;
            };
        });
        return builder;
    }

    /// <summary>
    /// Who a rate limit counts: an IPv4 address, or the /64 network of an IPv6 address (one subscriber's usual
    /// allocation, so rotating addresses within it does not escape the limit).
    /// </summary>
    public static string ClientKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>
    /// What must hold before anything is answered, even from memory: the client's address and scheme from trusted proxies
    /// only (loopback and Site:KnownProxies), then, outside Development, HSTS and the redirection of plain HTTP to HTTPS.
    /// </summary>
    public static WebApplication UseTransportSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            if (app.Services.GetRequiredService<IOptions<SiteOptions>>().Value.RedirectToHttps)
            {
                // Load balancers probe over plain HTTP, so health checks answer where they are asked. The redirect itself
                // carries the security headers too (it is answered before UseSecurityHeaders runs).
                app.UseWhen(context => !context.Request.IsHttps && !IsHealthProbe(context), branch => branch
                    .UseMiddleware<SecurityHeadersMiddleware>()
                    .UseHttpsRedirection());
            }
        }
        return app;
    }

    /// <summary>Security headers on every response (<see cref="SecurityHeaders"/>), and 405 for methods other than GET and HEAD.</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();

        // A read-only site: no page takes a form post, so every other method is 405 before anything runs.
        app.Use((context, next) =>
        {
            if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            {
                return next(context);
            }
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = "GET, HEAD";
            return Task.CompletedTask;
        });
        return app;
    }

    /// <summary><c>/healthz</c>: the process answers. <c>/readyz</c>: content is loaded.</summary>
    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(SiteRoutes.Liveness, new HealthCheckOptions { Predicate = _ => false }).WithPageKind(PageKinds.Health);
        app.MapHealthChecks(SiteRoutes.Readiness, new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).WithPageKind(PageKinds.Health);
        return app;
    }

    /// <summary>Until the first content snapshot is in, 503 with Retry-After for everything but the health probes: <see
    /// cref="StartupGateMiddleware"/>.</summary>
    public static WebApplication UseStartupGate(this WebApplication app)
    {
        app.UseMiddleware<StartupGateMiddleware>();
        return app;
    }

    /// <summary>One log line per request (method, path, status and time): <see cref="RequestLogMiddleware"/>.</summary>
    public static WebApplication UseRequestLogging(this WebApplication app)
    {
        app.UseMiddleware<RequestLogMiddleware>();
        return app;
    }

    /// <summary><c>/healthz</c> and <c>/readyz</c>: load balancers ask them every few seconds over plain HTTP.</summary>
    internal static bool IsHealthProbe(HttpContext context) =>
        context.Request.Path.StartsWithSegments(SiteRoutes.Liveness, StringComparison.Ordinal)
        || context.Request.Path.StartsWithSegments(SiteRoutes.Readiness, StringComparison.Ordinal);
}

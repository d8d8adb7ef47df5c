using Microsoft.AspNetCore.Http.Metadata;

namespace Stackwise.Web.Telemetry;

/// <summary>
/// What kind of page a response is, a handful of values: the route of every request in metrics and traces
/// (<c>http.route</c> on <c>http.server.request.duration</c> and on the request's span), so a dashboard grouped by route has
/// a few rows instead of one per article. Each endpoint declares its kind (<see cref="WithPageKind{TBuilder}"/>); the hot
/// path, which answers before routing, and responses no endpoint made get theirs from <see cref="Settle"/>.
/// </summary>
/// <remarks>
/// ASP.NET Core and OpenTelemetry both take the route from the endpoint's <see cref="IRouteDiagnosticsMetadata"/>; an
/// endpoint that has its own keeps it instead of the route template, so one piece of metadata names the route for both.
/// </remarks>
public static class PageKinds
{
    public const string Article = "article";
    public const string SitePage = "page";
    public const string List = "list";
    public const string Search = "search";
    public const string Feed = "feed";
    public const string Sitemap = "sitemap";
    public const string Card = "card";
    public const string Asset = "asset";
    public const string Redirect = "redirect";
    public const string Error = "error";
    public const string Health = "health";
    public const string Preview = "preview";
    public const string Other = "other";

    /// <summary>Every kind, for documentation and tests.</summary>
    public static readonly IReadOnlyList<string> All =
        [Article, SitePage, List, Search, Feed, Sitemap, Card, Asset, Redirect, Error, Health, Preview, Other];

    // One endpoint per kind, made once, for responses without one, and one per kind for the hot path's: setting one on a
    // request allocates nothing.
    private static readonly Dictionary<string, Endpoint> Endpoints = All.ToDictionary(kind => kind,
        kind => new Endpoint(null, new EndpointMetadataCollection(new PageKind(kind)), kind), StringComparer.Ordinal);

    private static readonly Dictionary<string, Endpoint> PreparedEndpoints = All.ToDictionary(kind => kind,
        kind => new Endpoint(null, new EndpointMetadataCollection(new PageKind(kind, Prepared: true)), kind), StringComparer.Ordinal);

    /// <summary>Declares the kind of page an endpoint (or each endpoint of a group) answers with.</summary>
    public static TBuilder WithPageKind<TBuilder>(this TBuilder builder, string kind) where TBuilder : IEndpointConventionBuilder
    {
        var metadata = new PageKind(Known(kind));
        builder.Add(endpoint => endpoint.Metadata.Add(metadata));
        return builder;
    }

    /// <summary>The metadata for a Razor page's selector (<c>SelectorModel.EndpointMetadata</c>).</summary>
    public static object Metadata(string kind) => new PageKind(Known(kind));

    /// <summary>The kind the request's endpoint declares, or null.</summary>
    public static string? Declared(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<PageKind>()?.Route;

    /// <summary>Marks a response answered without an endpoint (content images) as being of this kind.</summary>
    public static void Set(HttpContext context, string kind) => context.SetEndpoint(Endpoints[kind]);

    /// <summary>Marks a response the hot path answered from prepared bytes as being of this kind.</summary>
    public static void SetPrepared(HttpContext context, string kind) => context.SetEndpoint(PreparedEndpoints[kind]);

    /// <summary>
    /// Called as a request ends: a redirect or an error is that whatever endpoint made it (a missing article's 404 is an
    /// error, not an article), and a response without a declared kind is <see cref="Other"/>. Returns the kind, and whether
    /// the hot path answered from prepared bytes.
    /// </summary>
    public static (string Kind, bool Prepared) Settle(HttpContext context, bool failed)
    {
        var declared = context.GetEndpoint()?.Metadata.GetMetadata<PageKind>();
        var status = context.Response.StatusCode;
        var kind = failed || status >= 400 ? Error
            : status is 301 or 302 or 303 or 307 or 308 ? Redirect
            : declared?.Route ?? Other;
        if (!string.Equals(kind, declared?.Route, StringComparison.Ordinal))
        {
            Set(context, kind);
        }
        return (kind, declared?.Prepared ?? false);
    }

    private static string Known(string kind) =>
        Endpoints.ContainsKey(kind) ? kind : throw new ArgumentException($"'{kind}' is not a page kind; add it to PageKinds.All", nameof(kind));

    /// <summary>The kind as route diagnostics: what metrics and traces show as <c>http.route</c>.</summary>
    private sealed record PageKind(string Route, bool Prepared = false) : IRouteDiagnosticsMetadata;
}

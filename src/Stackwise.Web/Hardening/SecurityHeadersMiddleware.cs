namespace Stackwise.Web.Hardening;

/// <summary>
/// The headers every response carries: a Content-Security-Policy with no inline script or style (the site has
/// none), no sniffing, a strict referrer policy, no powerful browser features, and no framing.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Content images: nothing inside them may run or load, even when a reader opens one on its own.</summary>
    public const string ImagePolicy = "default-src 'none'; style-src 'self'; frame-ancestors 'none'; sandbox";

    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), browsing-topics=()";

    /// <summary>
    /// Writes the headers into a response that has not started. A Content-Security-Policy already there is kept: it is a
    /// stricter one (content images).
    /// </summary>
    public static void ApplyTo(IHeaderDictionary headers)
    {
        if (!headers.ContainsKey("Content-Security-Policy"))
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
        }
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = PermissionsPolicy;
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        headers.Remove("Server");
    }
}

/// <summary>
/// Adds <see cref="SecurityHeaders"/> to every response as it starts, so that error pages and responses whose headers a
/// later middleware cleared carry them too. (Prepared responses write them directly: they are answered before this runs.)
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    // Static, with the response as its state: no closure allocated per request.
    private static readonly Func<object, Task> AddHeaders = static state =>
    {
        SecurityHeaders.ApplyTo(((HttpResponse)state).Headers);
        return Task.CompletedTask;
    };

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(AddHeaders, context.Response);
        return next(context);
    }
}

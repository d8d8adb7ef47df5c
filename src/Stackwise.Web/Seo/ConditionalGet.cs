using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Net.Http.Headers;

namespace Stackwise.Web.Seo;

/// <summary>What the conditional headers of a GET or HEAD ask for (RFC 9110, section 13.2.2).</summary>
public enum Precondition
{
    /// <summary>Send the response as usual.</summary>
    None,

    /// <summary>304: the client's copy is current.</summary>
    NotModified,

    /// <summary>412: the client asked for a version (<c>If-Match</c>, <c>If-Unmodified-Since</c>) that is not this one.</summary>
    Failed,
}

/// <summary>When a conditional request is answered with 304 or 412: the one rule, for rendered and prepared responses alike.</summary>
public static class ConditionalGet
{
    /// <summary>
    /// The preconditions in the order RFC 9110 evaluates them: <c>If-Match</c> (strong comparison, <c>*</c> for any), or
    /// without it <c>If-Unmodified-Since</c>; then <c>If-None-Match</c> (weak comparison), or without it
    /// <c>If-Modified-Since</c>, which is ignored when it names a time later than <paramref name="now"/> (a client's clock
    /// ahead of ours must not freeze its copy).
    /// </summary>
    /// <param name="lastModified">The response's Last-Modified, or null when it has none (date conditions are then ignored).</param>
    public static Precondition Evaluate(HttpRequest http, string entityTag, DateTimeOffset? lastModified, DateTimeOffset now)
    {
        if (!IsConditional(http))
        {
            return Precondition.None;  // most requests: nothing to parse
        }
        var request = http.GetTypedHeaders();
        var tag = new EntityTagHeaderValue(entityTag);
        if (request.IfMatch.Count > 0)
        {
            if (!request.IfMatch.Any(candidate => candidate.Equals(EntityTagHeaderValue.Any) || candidate.Compare(tag, useStrongComparison: true)))
            {
                return Precondition.Failed;
            }
        }
        else if (request.IfUnmodifiedSince is { } unmodifiedSince && lastModified > unmodifiedSince)
        {
            return Precondition.Failed;
        }
        if (request.IfNoneMatch.Count > 0)
        {
            return request.IfNoneMatch.Any(candidate => candidate.Equals(EntityTagHeaderValue.Any) || candidate.Compare(tag, useStrongComparison: false))
                ? Precondition.NotModified
                : Precondition.None;
        }
        return request.IfModifiedSince is { } since && since <= now && lastModified <= since ? Precondition.NotModified : Precondition.None;
    }

    /// <summary>The preconditions of a response with an entity tag and no Last-Modified: the date conditions are ignored.</summary>
    public static Precondition Evaluate(HttpRequest http, string entityTag) => Evaluate(http, entityTag, lastModified: null, DateTimeOffset.MinValue);

    /// <summary>True when the request carries any precondition, so its answer depends on more than the path.</summary>
    public static bool IsConditional(HttpRequest http)
    {
        var headers = http.Headers;
        return headers.IfNoneMatch.Count > 0 || headers.IfModifiedSince.Count > 0 || headers.IfMatch.Count > 0 || headers.IfUnmodifiedSince.Count > 0;
    }

    /// <summary>Sets the status a precondition calls for; true when the response ends there, with no body.</summary>
    public static bool Answered(HttpResponse response, Precondition precondition)
    {
        if (precondition == Precondition.None)
        {
            return false;
        }
        response.StatusCode = precondition == Precondition.NotModified ? StatusCodes.Status304NotModified : StatusCodes.Status412PreconditionFailed;
        // No error page for a 412: the client asked about a version, and its status is the whole answer.
        if (response.HttpContext.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
        {
            statusCodePages.Enabled = false;
        }
        return true;
    }
}

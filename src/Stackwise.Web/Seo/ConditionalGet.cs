using Microsoft.Net.Http.Headers;

namespace Stackwise.Web.Seo;

/// <summary>When a conditional GET is answered with 304: the one rule, for rendered and prepared responses alike.</summary>
public static class ConditionalGet
{
    /// <summary>
    /// A matching <c>If-None-Match</c> (or <c>*</c>); without one, an <c>If-Modified-Since</c> not older than Last-Modified.
    /// </summary>
    public static bool IsNotModified(HttpRequest http, string entityTag, DateTimeOffset lastModified)
    {
        if (!IsConditional(http))
        {
            return false;  // most requests: nothing to parse
        }
        var request = http.GetTypedHeaders();
        if (request.IfNoneMatch.Count > 0)
        {
            var tag = new EntityTagHeaderValue(entityTag);
            return request.IfNoneMatch.Any(candidate => candidate.Equals(EntityTagHeaderValue.Any) || candidate.Compare(tag, useStrongComparison: false));
        }
        return request.IfModifiedSince is { } since && lastModified <= since;
    }

    /// <summary>True when the request asks for a 304 if its copy is current.</summary>
    public static bool IsConditional(HttpRequest http) => http.Headers.IfNoneMatch.Count > 0 || http.Headers.IfModifiedSince.Count > 0;
}

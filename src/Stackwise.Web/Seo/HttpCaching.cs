using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;
using Stackwise.Web.Content;

namespace Stackwise.Web.Seo;

public static class HttpCaching
{
    /// <summary>The output cache policy of everything rendered from content.</summary>
    public const string PolicyName = "content";

    public static DateOnly? Newest(IEnumerable<DateOnly> dates) => dates.Any() ? dates.Max() : null;

    /// <summary>
    /// When a list of articles last changed by their own dates: the newest <c>updated</c> (or <c>published</c>) date among
    /// them, for sitemaps and feeds. HTTP's Last-Modified comes from <see cref="ResponseDates"/> instead, which also
    /// moves when the bytes change without a new date.
    /// </summary>
    public static DateOnly? LastModified(IEnumerable<Article> articles) => Newest(articles.Select(article => article.Dates.Modified));

    /// <summary>
    /// The content coding the response to this request is sent in (<c>br</c>, <c>gzip</c> or <c>identity</c>), chosen by the
    /// response compression middleware's own rules, so the output cache keeps one entry per coding whatever the client wrote.
    /// </summary>
    public static string ResponseEncoding(HttpContext context)
    {
        var compression = context.RequestServices.GetRequiredService<IResponseCompressionProvider>();
        return compression.CheckRequestAcceptsCompression(context)
            ? compression.GetCompressionProvider(context)?.EncodingName ?? "identity"
            : "identity";
    }

    internal static bool IsCacheableMediaType(string? contentType) =>
        contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out var media)
        && media.MediaType.Value is "text/html" or "text/plain" or "application/xml" or "application/atom+xml" or "application/rss+xml";
}

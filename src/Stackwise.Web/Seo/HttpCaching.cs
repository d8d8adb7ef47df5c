using Microsoft.Net.Http.Headers;
using Stackwise.Web.Content.Model;

namespace Stackwise.Web.Seo;

public static class HttpCaching
{
    public static DateOnly? Newest(IEnumerable<DateOnly> dates) => dates.Any() ? dates.Max() : null;

    /// <summary>
    /// When a list of articles last changed by their own dates: the newest <c>updated</c> (or <c>published</c>) date among
    /// them, for sitemaps and feeds. HTTP's Last-Modified comes from <see cref="ResponseDates"/> instead, which also
    /// moves when the bytes change without a new date.
    /// </summary>
    public static DateOnly? LastModified(IEnumerable<Article> articles) => Newest(articles.Select(article => article.Dates.Modified));

    internal static bool IsCacheableMediaType(string? contentType) =>
        contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out var media)
        && media.MediaType.Value is "text/html" or "text/plain" or "application/xml" or "application/atom+xml" or "application/rss+xml";
}

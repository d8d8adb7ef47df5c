using Stackwise.Web.Site;

namespace Stackwise.Web.Localization;

/// <summary>
/// Which language's part of the site a request is in, from its path alone (never from the reader's preferences): the first
/// segment when it names one of the site's other languages (<c>/es</c>, <c>/es/terapias/x</c>), also behind the share cards'
/// prefix (<c>/cards/es/terapias/x.png</c>); null for the default language.
/// </summary>
public static class RequestLanguage
{
    public static string? Of(PathString path, SiteOptions site)
    {
        if (site.Languages.Length < 2)
        {
            return null;
        }
        var value = path.Value ?? "";
        var cards = SiteRoutes.FirstSegment(SiteRoutes.CardTemplate);
        if (value.StartsWith($"/{cards}/", StringComparison.Ordinal))
        {
            value = value[(cards.Length + 1)..];
        }
        var segment = SiteRoutes.FirstSegment(value);
        return site.Languages.AsSpan(1).Contains(segment) ? segment : null;
    }
}

using Microsoft.Extensions.Localization;
using SkiaSharp;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Localization;
using Stackwise.Web.Site;

namespace Stackwise.Web.Cards;

/// <summary>The picture a page is shared with: absolute URL, size, type and alt text, as the head's Open Graph and
/// Twitter tags need.</summary>
public sealed record PageImage(string Url, int Width, int Height, string Type, string Alt);

public static class PageImages
{
    /// <summary>
    /// The article's own <c>image</c> when it names one that decodes, else the page's card, else (a later page of a list)
    /// the home page's card.
    /// </summary>
    /// <param name="contentRoot">The content folder, where <c>images/</c> is.</param>
    public static PageImage For(ContentSnapshot snapshot, string pagePath, SiteOptions site, string contentRoot, IStringLocalizer<SiteText> text)
    {
        if (snapshot.Find(pagePath) is Article { Image: { } image }
            && SizeOf(Path.Combine(contentRoot, SiteRoutes.ImagesFolder, image.File)) is { } size)
        {
            // The size comes from the picture's file, which no key names: the page is rendered again after every change.
            ContentReads.Record(ContentKeys.Everything);
            // Each part of the file name percent-encoded: `we ird#1?.png` must not end the URL at `#`.
            var url = site.Absolute($"/{SiteRoutes.ImagesFolder}/{string.Join('/', image.File.Split('/').Select(Uri.EscapeDataString))}");
            return new PageImage(url, size.Width, size.Height, image.ContentType, image.Alt);
        }
        var (cardPath, card) = ShareCards.For(snapshot, pagePath, text) is { } own ? (pagePath, own) : (snapshot.PathOf(SiteRoutes.Home), ShareCards.For(snapshot, snapshot.PathOf(SiteRoutes.Home), text));
        return new PageImage(site.Absolute(SiteRoutes.Card(cardPath)), CardRenderer.Width, CardRenderer.Height, "image/png",
            card is null ? Seo.PageMeta.SiteName : ShareCards.AltText(card));
    }

    /// <summary>The pixel size from the file's header, or null when it is not an image Skia can read.</summary>
    private static (int Width, int Height)? SizeOf(string path)
    {
        try
        {
            using var codec = SKCodec.Create(path);
            return codec is null ? null : (codec.Info.Width, codec.Info.Height);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

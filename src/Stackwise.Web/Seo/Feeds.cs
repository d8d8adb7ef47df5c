using System.ServiceModel.Syndication;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Site;

namespace Stackwise.Web.Seo;

/// <summary>The newest articles as Atom 1.0 (<c>/feed.xml</c>) and RSS 2.0 (<c>/rss.xml</c>).</summary>
public static class Feeds
{
    public const int MaxItems = 50;

    public static string Atom(ContentSnapshot snapshot, SiteOptions site, string description) => Write(new Atom10FeedFormatter(Build(snapshot, site, description, SiteRoutes.AtomFeed)));

    public static string Rss(ContentSnapshot snapshot, SiteOptions site, string description) =>
        Write(new Rss20FeedFormatter(Build(snapshot, site, description, SiteRoutes.RssFeed)) { SerializeExtensionsAsAtom = false });

    private static SyndicationFeed Build(ContentSnapshot snapshot, SiteOptions site, string description, string selfPath)
    {
        var articles = snapshot.Articles.Where(snapshot.IsPublic).Take(MaxItems).ToList();
        var home = site.Absolute(snapshot.PathOf(SiteRoutes.Home));
        var feed = new SyndicationFeed(PageMeta.SiteName, description, new Uri(home))
        {
            Id = home,
            Language = snapshot.Language ?? site.Language,
            LastUpdatedTime = ToTime(HttpCaching.LastModified(articles) ?? DateOnly.MinValue),
            Items = [.. articles.Select(article => Item(article, site))],
        };
        feed.Links.Add(new SyndicationLink(new Uri(site.Absolute(snapshot.PathOf(selfPath)))) { RelationshipType = "self" });
        feed.Authors.Add(new SyndicationPerson { Name = PageMeta.SiteName });
        return feed;
    }

    private static SyndicationItem Item(Article article, SiteOptions site)
    {
        var url = site.Absolute(article.Url);
        var item = new SyndicationItem
        {
            Id = url,
            Title = new TextSyndicationContent(article.Title),
            Summary = new TextSyndicationContent(article.Summary),
            PublishDate = ToTime(article.Dates.Published),
            LastUpdatedTime = ToTime(article.Dates.Modified),
        };
        item.Links.Add(SyndicationLink.CreateAlternateLink(new Uri(url)));
        item.Categories.Add(new SyndicationCategory(article.Category.Name));
        return item;
    }

    private static DateTimeOffset ToTime(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static string Write(SyndicationFeedFormatter formatter) => XmlText.Write(formatter.WriteTo);
}

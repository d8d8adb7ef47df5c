using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Site;

namespace Stackwise.Web.Seo;

/// <summary>One version of a page in one language: its <c>hreflang</c> and its path.</summary>
public sealed record PageVersion(string Language, string Path);

/// <summary>
/// The versions of a page in the site's languages, for hreflang (in the head and the sitemap) and the language switcher.
/// A translation sits at the same path in its language's part of the site (<c>content/es/therapies/x.md</c> is
/// <c>/es/therapies/x</c> for <c>/therapies/x</c>), and every language has its own home, people and risk-level pages, so the
/// versions of a path are the same path in each language, where the site serves it publicly. Categories are each
/// language's own (their names are not translations of each other) and have none. Reciprocal by construction: every
/// version names the same set.
/// </summary>
public static class Alternates
{
    /// <summary>The public versions of the page at <paramref name="path"/> (itself included) in the site's languages, in
    /// their order; empty when it has no version in another language.</summary>
    public static IReadOnlyList<PageVersion> Of(ContentSnapshot snapshot, string path, SiteOptions site)
    {
        if (site.Languages.Length < 2)
        {
            return [];
        }
        var languages = site.Languages;
        var shared = Unprefixed(path, languages);
        if (shared.StartsWith(SiteRoutes.Category(""), StringComparison.Ordinal))
        {
            return [];
        }
        var versions = new List<PageVersion>(languages.Length);
        for (var i = 0; i < languages.Length; i++)
        {
            var candidate = SiteRoutes.In(i == 0 ? null : languages[i], shared);
            if (snapshot.Find(candidate) is { } document ? snapshot.IsPublic(document) : snapshot.Serves(candidate))
            {
                versions.Add(new PageVersion(languages[i], candidate));
            }
        }
        return versions.Count > 1 ? versions : [];
    }

    /// <summary>The version that stands for the page when no language matches the reader's (<c>x-default</c>): the default
    /// language's, or the first there is.</summary>
    public static PageVersion Default(IReadOnlyList<PageVersion> versions, SiteOptions site) =>
        versions.FirstOrDefault(version => version.Language == site.Languages[0]) ?? versions[0];

    private static string Unprefixed(string path, string[] languages)
    {
        foreach (var language in languages.AsSpan(1))
        {
            if (path == $"/{language}")
            {
                return SiteRoutes.Home;
            }
            if (path.StartsWith($"/{language}/", StringComparison.Ordinal))
            {
                return path[(language.Length + 1)..];
            }
        }
        return path;
    }
}

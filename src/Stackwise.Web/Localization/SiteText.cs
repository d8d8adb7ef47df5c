using System.Globalization;
using System.Resources;

namespace Stackwise.Web.Localization;

/// <summary>
/// The words of the site's interface (navigation, lists, search, error pages, risk badges, bylines, review notices, the
/// disclaimer), one resource file per language: <c>SiteText.resx</c> in English, the neutral language, and
/// <c>SiteText.{language}.resx</c> for each other one. Pages read them through <c>IStringLocalizer&lt;SiteText&gt;</c> in
/// the request's culture. Editors' words come from content, never from here. <c>SiteTextTests</c> fails when a language
/// lacks a key, has one too many, or changes a placeholder.
/// </summary>
public sealed class SiteText
{
    private static readonly ResourceManager Resources = new(typeof(SiteText));

    private SiteText()
    {
    }

    /// <summary>
    /// True when the interface has words for <paramref name="language"/>: English (the neutral resources), or a language
    /// with its own resource file. A region of a language (<c>es-mx</c>) without a file of its own would borrow its parent's
    /// words silently, so it does not count.
    /// </summary>
    public static bool HasInterface(string language)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        return culture.Name == NeutralLanguage
            || Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false) is not null;
    }

    /// <summary>The language of <c>SiteText.resx</c> (the project's <c>NeutralLanguage</c>).</summary>
    public const string NeutralLanguage = "en";
}

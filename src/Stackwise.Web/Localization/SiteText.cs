using System.Globalization;
using System.Resources;
using Markdig.Helpers;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Site;

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

    /// <summary>
    /// The sections of the risk-levels page the risk badges link to, in <paramref name="language"/>'s words (English for a
    /// language without interface words, which the site refuses to start with anyway): what <c>check</c> and every load
    /// warn about when the page lacks one. Outside a request, so the resources are read for the language named.
    /// </summary>
    /// <param name="part">The language's part of the site whose page it is (<c>/es/risk-levels</c>); null for the default's.</param>
    public static IReadOnlyList<RequiredSection> RiskSections(string language, string? part = null)
    {
        var culture = Known(language) ? CultureInfo.GetCultureInfo(language) : CultureInfo.InvariantCulture;
        return [.. Enum.GetValues<RiskLevel>().Select(risk => Resources.GetString($"Risk.{risk}", culture) ?? risk.ToString())
            .Select(badge => new RequiredSection(SiteRoutes.In(part, SiteRoutes.RiskLevels), badge, Anchor(badge), $"every `{badge}` badge"))];
    }

    /// <summary>The risk-levels sections of every language's part of the site (<see cref="RiskSections"/>), for
    /// <paramref name="languages"/> as <c>Site:Languages</c> lists them (English when empty).</summary>
    public static IReadOnlyList<RequiredSection> RequiredSections(string[] languages) =>
        [.. RiskSections(languages.Length > 0 ? languages[0] : NeutralLanguage), .. languages.Skip(1).SelectMany(language => RiskSections(language, language))];

    /// <summary>The anchor a heading of these words gets (<c>Rendering/SyntaxWalk</c> makes them the same way), which a link
    /// to its section names.</summary>
    public static string Anchor(string heading) => LinkHelper.UrilizeAsGfm(heading);

    private static bool Known(string language)
    {
        try
        {
            return HasInterface(language);
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    /// <summary>The language of <c>SiteText.resx</c> (the project's <c>NeutralLanguage</c>).</summary>
    public const string NeutralLanguage = "en";
}

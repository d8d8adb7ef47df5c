using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Stackwise.Web.Site;

namespace Stackwise.Web.Localization;

/// <summary>
/// <c>Site:Languages</c> checked at start, with the rest of <see cref="SiteOptions"/>: lowercase language tags the runtime
/// knows, each with the interface's words (<see cref="SiteText.HasInterface"/>), none twice.
/// </summary>
internal sealed partial class SiteLanguagesValidator : IValidateOptions<SiteOptions>
{
    public ValidateOptionsResult Validate(string? name, SiteOptions options)
    {
        var problems = Problems(options.Languages).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static IEnumerable<string> Problems(string[] languages)
    {
        foreach (var language in languages)
        {
            if (!LanguageTag().IsMatch(language) || !IsKnownCulture(language))
            {
                yield return $"Site:Languages must list lowercase language tags such as en, es or pt-br (got '{language}').";
            }
            else if (!SiteText.HasInterface(language))
            {
                yield return $"Site:Languages lists '{language}', which has no interface words: add Localization/SiteText.{language}.resx with every key of SiteText.resx.";
            }
        }
        if (languages.Distinct(StringComparer.Ordinal).Count() < languages.Length)
        {
            yield return $"Site:Languages lists a language twice ({string.Join(", ", languages)}).";
        }
    }

    private static bool IsKnownCulture(string language)
    {
        try
        {
            return CultureInfo.GetCultureInfo(language, predefinedOnly: true).Name.Length > 0;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    [GeneratedRegex("^[a-z]{2,3}(-[a-z0-9]{2,8})*$")]
    private static partial Regex LanguageTag();
}

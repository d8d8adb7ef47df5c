using System.Globalization;

namespace Stackwise.Web.Site;

/// <summary>How dates are written for machines, in any server culture. Readers get dates in their page's language
/// (<c>SiteTextExtensions.Date</c>).</summary>
public static class Dates
{
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

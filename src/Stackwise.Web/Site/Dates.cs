using System.Globalization;

namespace Stackwise.Web.Site;

/// <summary>How dates are written on the site: ISO for machines, day month year for readers, in any server culture.</summary>
public static class Dates
{
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string ForReaders(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}

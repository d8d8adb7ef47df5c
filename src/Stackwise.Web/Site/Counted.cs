using System.Globalization;

namespace Stackwise.Web.Site;

/// <summary>A count with its noun in the right number, for messages people read: "1 article", "2 articles", "1 person".</summary>
public static class Counted
{
    public static string Of(long count, string noun, string? plural = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{count:N0} {(count == 1 ? noun : plural ?? noun + "s")}");
}

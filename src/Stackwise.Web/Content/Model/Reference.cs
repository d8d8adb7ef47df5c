using System.Collections.Immutable;
using Stackwise.Web.Rendering;

namespace Stackwise.Web.Content.Model;

/// <summary>
/// A source an article rests on, from its <c>references:</c> front matter. At least one of <see cref="Doi"/>,
/// <see cref="Pmid"/> and <see cref="Url"/> is set, so a reader can always find it.
/// </summary>
/// <param name="Id">What the body cites it by: <c>[@Id]</c>. Also its anchor, <c>#ref-{Id}</c>.</param>
/// <param name="Source">The journal or publisher.</param>
/// <param name="Year">The year of publication.</param>
public sealed record Reference(string Id, string Title, ImmutableArray<string> Authors, string? Source, int? Year, string? Doi, string? Pmid, string? Url)
{
    public string Anchor => CitationExtension.AnchorPrefix + Id;

    /// <summary>The DOI's address at doi.org, its suffix percent-encoded as the DOI handbook asks (a `#` or `?` in a
    /// DOI is part of it).</summary>
    public string? DoiUrl => Doi is null ? null : $"https://doi.org/{EncodeDoi(Doi)}";

    public string? PubMedUrl => Pmid is null ? null : $"https://pubmed.ncbi.nlm.nih.gov/{Pmid}/";

    /// <summary>Every address the reference can be read at, the editor's own URL first.</summary>
    public IEnumerable<string> Links => new[] { Url, DoiUrl, PubMedUrl }.OfType<string>();

    // RFC 3986's path characters stay as they are (`/` too: DOI suffixes use it); everything else is percent-encoded as UTF-8.
    private static string EncodeDoi(string doi)
    {
        var encoded = new System.Text.StringBuilder(doi.Length);
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(doi))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || "-._~!$&'()*+,;=:@/".Contains(c, StringComparison.Ordinal))
            {
                encoded.Append(c);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return encoded.ToString();
    }

    /// <summary>A paper in the scholarly record (it has a DOI or a PubMed id), rather than a web page or a book.</summary>
    public bool IsScholarly => Doi is not null || Pmid is not null;
}

namespace Stackwise.Web.Content.Model;

/// <summary>
/// A section a site page must have because the site itself links to it: each risk badge links to the section of the
/// risk-levels page headed with the badge's words (<c>## Moderate Risk</c>, <c>#moderate-risk</c>).
/// </summary>
/// <param name="Url">The site page, such as <c>/risk-levels</c>.</param>
/// <param name="Heading">The heading's words, as an editor writes them after <c>##</c>.</param>
/// <param name="Anchor">The anchor those words make, which the site's links name.</param>
/// <param name="LinkedFrom">What links to it, for the editor's message: "the Moderate Risk badge".</param>
public sealed record RequiredSection(string Url, string Heading, string Anchor, string LinkedFrom);

namespace Stackwise.BrowserTests;

/// <summary>The pages a reader meets, on the repository's real content.</summary>
public static class SitePages
{
    public const string Home = "/";
    public const string Article = "/therapies/ketamine-assisted-therapy";

    public static readonly string[] Paths =
    [
        Home,
        Article,
        "/categories/psychedelic-therapy",
        "/risk/moderate",
        "/risk/low",
        "/risk-levels",
        "/terms",
        "/privacy",
        "/about",
        "/no-such-page",
        "/search?q=ketamin",
        "/search?q=zzzz",
        "/search",
    ];

    public static TheoryData<string> All => [.. Paths];
}

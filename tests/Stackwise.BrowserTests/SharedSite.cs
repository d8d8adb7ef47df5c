namespace Stackwise.BrowserTests;

/// <summary>Every browser test shares one running site and one Chromium, and the classes run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SharedSite : ICollectionFixture<SiteFixture>
{
    public const string Name = "Site in Chromium";
}

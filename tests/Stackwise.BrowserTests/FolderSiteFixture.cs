using Stackwise.Web.Tests.Support;

namespace Stackwise.BrowserTests;

/// <summary>The site on a synthetic folder the fixture owns (deleted with it), with the settings given.</summary>
public abstract class FolderSiteFixture(TempContentFolder folder, IReadOnlyDictionary<string, string>? settings = null)
    : SiteFixture(new StackwiseFactory(folder.Root) { Settings = settings ?? new Dictionary<string, string>() })
{
    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        folder.Dispose();
    }
}

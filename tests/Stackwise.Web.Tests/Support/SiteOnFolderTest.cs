namespace Stackwise.Web.Tests.Support;

/// <summary>
/// A test class with one site, shared by its tests, on a synthetic content folder the class writes: the site starts
/// before the first test and both are disposed after the last.
/// </summary>
public abstract class SiteOnFolderTest : IAsyncLifetime, IAsyncDisposable
{
    private StackwiseFactory? _site;

    protected SiteOnFolderTest(TempContentFolder folder) => Folder = folder;

    protected TempContentFolder Folder { get; }

    protected StackwiseFactory Site => _site ?? throw new InvalidOperationException("The site starts in InitializeAsync.");

    /// <summary>Settings the class's site starts with (as <see cref="StackwiseFactory.Settings"/>); none by default.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    public Task InitializeAsync()
    {
        _site = new StackwiseFactory(Folder.Root) { Settings = Settings };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }
        Folder.Dispose();
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

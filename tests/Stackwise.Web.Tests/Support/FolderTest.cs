namespace Stackwise.Web.Tests.Support;

/// <summary>A test class that owns a synthetic content folder, deleted after each test.</summary>
public abstract class FolderTest : IDisposable
{
    protected TempContentFolder Folder { get; } = new();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Folder.Dispose();
        }
    }
}

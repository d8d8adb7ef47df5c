using Stackwise.Web.Content.Hosting;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Content;

/// <summary>Whether a file is still held open for writing, for every way it can be open, closed or not there.</summary>
public sealed class OpenForWritingTests : IDisposable
{
    private readonly TempContentFolder _folder = new TempContentFolder().Write("therapies/file.md", "synthetic");

    private string File => Path.Combine(_folder.Root, "therapies", "file.md");

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(FileMode.Open, FileAccess.Write)]
    [InlineData(FileMode.Open, FileAccess.ReadWrite)]
    [InlineData(FileMode.Append, FileAccess.Write)]
    [InlineData(FileMode.Truncate, FileAccess.Write)]
    public void AFileOpenForWritingIsSeenAsSo(FileMode mode, FileAccess access)
    {
        using var writer = new FileStream(File, mode, access, FileShare.ReadWrite);

        Assert.True(OpenForWriting.Check(File));
    }

    [Fact]
    public void AFileOpenOnlyForReadingOrClosedIsNot()
    {
        using (var reader = new FileStream(File, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            Assert.False(OpenForWriting.Check(File));
        }
        using (new FileStream(File, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
        {
        }
        Assert.False(OpenForWriting.Check(File));
    }

    [Fact]
    public void AMissingFileOrAFolderIsNot()
    {
        Assert.False(OpenForWriting.Check(Path.Combine(_folder.Root, "therapies", "missing.md")));
        Assert.False(OpenForWriting.Check(Path.Combine(_folder.Root, "therapies")));
    }
}

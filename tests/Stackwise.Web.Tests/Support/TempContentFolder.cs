using System.Text;

namespace Stackwise.Web.Tests.Support;

/// <summary>A content folder of a test's own, deleted when the test ends.</summary>
public sealed class TempContentFolder : IDisposable
{
    public TempContentFolder() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "stackwise-tests", Guid.NewGuid().ToString("N"));

    public TempContentFolder Write(string relativePath, string text) => WriteBytes(relativePath, Encoding.UTF8.GetBytes(text));

    public TempContentFolder WriteBytes(string relativePath, byte[] bytes)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path) ?? Root);
        File.WriteAllBytes(path, bytes);
        return this;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

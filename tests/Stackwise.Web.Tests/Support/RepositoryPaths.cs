namespace Stackwise.Web.Tests.Support;

/// <summary>Folders of the repository, found from the test binaries so tests run from any working directory.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The real content folder the site ships with.</summary>
    public static string Content => Path.Combine(Root, "content");

    /// <summary>Small fixed articles with synthetic text, shared read-only by the page tests.</summary>
    public static string TestContent => Path.Combine(Root, "tests", "Stackwise.Web.Tests", "TestContent");

    /// <summary>An article with references, a writer and a reviewer, and the two people, all synthetic: the evidence tests' site.</summary>
    public static string EvidenceContent => Path.Combine(Root, "tests", "Stackwise.Web.Tests", "EvidenceContent");

    public static string SeedFile => Path.Combine(Root, "tests", "Stackwise.Web.Tests", "Seed", "ketamine-assisted-therapy.txt");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Stackwise.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"No Stackwise.sln above {AppContext.BaseDirectory}.");
    }
}

namespace Rides.Edge.Tests;

/// <summary>Folders of the repository, found from the test binaries by walking up to Rides.sln.</summary>
public static class RepositoryPaths
{
    /// <summary>The repository root (the folder of Rides.sln).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>tests/Edge.Tests/js: the Node project of the JavaScript client test.</summary>
    public static string JavaScriptTests => Path.Combine(Root, "tests", "Edge.Tests", "js");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Rides.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Rides.sln was not found above " + AppContext.BaseDirectory);
    }
}

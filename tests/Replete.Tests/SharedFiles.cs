namespace Replete.Tests;

/// <summary>Finds files in <c>../shared</c> beside the repository. Where it is absent (a user's clone) the tests
/// that need it skip with a message; in CI (<c>CI=true</c>) a missing file is a failure.</summary>
public static class SharedFiles
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Require(string relativePath)
    {
        var path = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", relativePath));
        if (File.Exists(path) || Directory.Exists(path))
        {
            return path;
        }

        var message = $"../shared/{relativePath} is not beside this clone ({path}).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new FileNotFoundException("CI must have ../shared: " + message, path);
        }

        throw new SkipException("Skipped: " + message + " Clone the project beside shared/ to run this test.");
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Replete.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Replete.slnx not found above " + AppContext.BaseDirectory);
    }
}

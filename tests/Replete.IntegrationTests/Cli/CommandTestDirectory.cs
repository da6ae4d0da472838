using Replete.IntegrationTests.Storage;

namespace Replete.IntegrationTests.Cli;

/// <summary>A command test with its own temporary directory (and data directory under it) and the shared SR28
/// package; the directory is removed, and SQLite's pooled connections to it closed, when the test ends.</summary>
public abstract class CommandTestDirectory : IDisposable
{
    protected CommandTestDirectory(Sr28Database sr28, string prefix)
    {
        Sr28 = sr28;
        TempDirectory = System.IO.Directory.CreateTempSubdirectory(prefix).FullName;
    }

    protected Sr28Database Sr28 { get; }

    protected string TempDirectory { get; }

    protected string DataDir => Path.Combine(TempDirectory, "data");

    /// <summary>Writes <paramref name="json"/> to a new file in the test directory and returns its path.</summary>
    protected string Write(string json)
    {
        var path = Path.Combine(TempDirectory, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, json);
        return path;
    }

    /// <summary>The README runner's assessment (examples/runner-assessment.json, its food log and training week) copied
    /// into the test directory with <paramref name="supplements"/> as its supplements file; returns its path.</summary>
    protected string RunnerWithSupplements(string supplements)
    {
        foreach (var file in new[] { "runner-food-log.csv", "runner-week.json" })
        {
            File.Copy(Path.Combine(SharedFiles.RepositoryRoot, "examples", file), Path.Combine(TempDirectory, file), overwrite: true);
        }

        File.WriteAllText(Path.Combine(TempDirectory, "supplements.json"), supplements);
        var assessment = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedFiles.RepositoryRoot, "examples", "runner-assessment.json"))).RootElement;
        var fields = assessment.EnumerateObject().ToDictionary(p => p.Name, p => (object)p.Value);
        fields["supplements"] = "supplements.json";
        var path = Path.Combine(TempDirectory, "assessment.json");
        File.WriteAllText(path, System.Text.Json.JsonSerializer.Serialize(fields));
        return path;
    }

    /// <summary>Builds the food database in <see cref="DataDir"/> from the shared SR28 package.</summary>
    protected void InitDatabase()
    {
        _ = Sr28.Database;
        Assert.Equal(0, CliRunner.Run("foods", "init", "--package", Sr28.Tarball, "--data-dir", DataDir).ExitCode);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(TempDirectory, recursive: true);
        GC.SuppressFinalize(this);
    }
}

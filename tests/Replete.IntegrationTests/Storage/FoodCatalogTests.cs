using Microsoft.Data.Sqlite;
using Replete.Foods;
using Replete.Storage.Foods;

namespace Replete.IntegrationTests.Storage;

/// <summary>The read side a server shares: many threads at once on one catalog, the index built once, and the schema
/// moved forward rather than deleted.</summary>
[Collection(Sr28Group.Name)]
public sealed class FoodCatalogTests(Sr28Database sr28) : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("replete-catalog-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [SkippableFact]
    public void ManyThreads_ReadAtOnce_AndShareOneIndex()
    {
        var catalog = new FoodCatalog(sr28.Database.Path);
        var indexes = new System.Collections.Concurrent.ConcurrentBag<FoodSearchIndex>();
        var found = new System.Collections.Concurrent.ConcurrentBag<string>();

        Parallel.For(0, 64, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i =>
        {
            indexes.Add(catalog.SearchIndex);
            var id = catalog.SearchIndex.Search(i % 2 == 0 ? "banana raw" : "spinach raw", 1)[0].FoodId;
            found.Add(catalog.Find(id)!.Food.Description);
            Assert.NotEmpty(catalog.Nutrients());
        });

        Assert.Single(indexes.Distinct());
        Assert.Equal(["Bananas, raw", "Spinach, raw"], found.Distinct().Order());
    }

    [Fact]
    public void Catalog_IsReadOnly()
    {
        var path = Path.Combine(directory, "foods.db");
        using (FoodDatabase.Open(path))
        {
        }

        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        using var write = connection.CreateCommand();
        write.CommandText = "DELETE FROM food";
        Assert.Throws<SqliteException>(() => write.ExecuteNonQuery());
        Assert.False(new FoodCatalog(path).HasFoods);
    }

    [Fact]
    public void OlderSchema_IsMovedForward_NewerIsRefused()
    {
        var path = Path.Combine(directory, "foods.db");
        using (FoodDatabase.Open(path))
        {
        }

        // A version-1 file with an SR28 food and an imported FoodData Central food.
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                UPDATE meta SET value = '1' WHERE key = 'schema_version';
                INSERT INTO food(id, source, description) VALUES (9040, 'sr28', 'Bananas, raw'), (173944, 'sr_legacy', 'Bananas, raw');
                """;
            command.ExecuteNonQuery();
        }

        using (var database = FoodDatabase.Open(path))
        {
            Assert.Equal(new Dictionary<FoodSource, int> { [FoodSource.SrLegacy] = 1 }, database.CountFoods());
        }

        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT value FROM meta WHERE key = 'schema_version'";
            Assert.Equal(FoodDatabase.SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), command.ExecuteScalar());
            command.CommandText = "UPDATE meta SET value = '99' WHERE key = 'schema_version'";
            command.ExecuteNonQuery();
        }

        var error = Assert.Throws<FoodDatabaseException>(() => FoodDatabase.Open(path));
        Assert.Contains("newer Replete", error.Message, StringComparison.Ordinal);
    }
}

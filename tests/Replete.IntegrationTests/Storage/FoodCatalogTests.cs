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

    [SkippableFact]
    public void Derived_IsMadeOncePerCatalog_SavedForTheNext_AndMadeAgainWhenDamagedOrFromAnotherBuild()
    {
        _ = sr28.Database;
        var path = Path.Combine(directory, "foods.db");
        File.Copy(sr28.Database.Path, path);
        var made = 0;
        var read = 0;
        string Make() => $"made {++made}";
        string Read(Stream stream)
        {
            read++;
            return new BinaryReader(stream).ReadString();
        }

        void Write(string value, Stream stream) => new BinaryWriter(stream).Write(value);
        System.Reflection.Assembly[] engine = [typeof(FoodSearchIndex).Assembly];

        var first = new FoodCatalog(path);
        Assert.Equal("made 1", first.Derived("test", engine, Make, Read, Write));
        Assert.Equal("made 1", first.Derived("test", engine, Make, Read, Write));
        Assert.Equal((1, 0), (made, read));

        // Another catalog in this process (the resident replete's next command) shares what was made, not even reading
        // the saved copy.
        Assert.Same(first.Derived("test", engine, Make, Read, Write), new FoodCatalog(path).Derived("test", engine, Make, Read, Write));
        Assert.Equal((1, 0), (made, read));

        // Another process reads the saved copy.
        FoodCatalog.ForgetLoaded();
        Assert.Equal("made 1", new FoodCatalog(path).Derived("test", engine, Make, Read, Write));
        Assert.Equal((1, 1), (made, read));

        // A damaged copy, or one saved by another build of the code that makes it, is made again.
        File.WriteAllBytes(path + ".test", [200, 1]);
        FoodCatalog.ForgetLoaded();
        Assert.Equal("made 2", new FoodCatalog(path).Derived("test", engine, Make, Read, Write));
        Assert.Equal("made 3", new FoodCatalog(path).Derived("test", [.. engine, typeof(FoodCatalog).Assembly], Make, Read, Write));
        Assert.Equal((3, 1), (made, read));

        // A change to the database (a new import) is seen by the next catalog in this process.
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var import = connection.CreateCommand();
            import.CommandText = "INSERT INTO import_log(source, origin, imported_at, foods, nutrient_values, portions) VALUES ('fdc', 'test', '2026-11-30T12:00:00Z', 0, 0, 0)";
            import.ExecuteNonQuery();
        }

        Assert.Equal("made 4", new FoodCatalog(path).Derived("test", engine, Make, Read, Write));
    }

    [SkippableFact]
    public void TheIndex_IsSavedBesideTheDatabase_AndAnUnreadableSaveIsRebuilt()
    {
        _ = sr28.Database;
        var path = Path.Combine(directory, "foods.db");
        using (var source = new SqliteConnection($"Data Source={sr28.Database.Path};Mode=ReadOnly;Pooling=False"))
        {
            source.Open();
            using var copy = source.CreateCommand();
            copy.CommandText = $"VACUUM INTO '{path}'";
            copy.ExecuteNonQuery();
        }

        var expected = new FoodCatalog(path).SearchIndex.Search("whole milk", 5);
        Assert.True(new FileInfo(path + ".index").Length > 100_000);

        Assert.Equal(expected, new FoodCatalog(path).SearchIndex.Search("whole milk", 5));
        File.WriteAllBytes(path + ".index", [1, 2, 3]);
        FoodCatalog.ForgetLoaded();
        Assert.Equal(expected, new FoodCatalog(path).SearchIndex.Search("whole milk", 5));
        Assert.True(new FileInfo(path + ".index").Length > 100_000);
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

        // A version-1 file as Replete wrote it (no tracked_nutrients), with a food that reports iron.
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                INSERT INTO meta VALUES ('schema_version', '1');
                CREATE TABLE nutrient (id INTEGER PRIMARY KEY, name TEXT NOT NULL, unit TEXT NOT NULL, nutrient_nbr TEXT);
                CREATE TABLE food (id INTEGER PRIMARY KEY, source TEXT NOT NULL, description TEXT NOT NULL, category TEXT, brand TEXT, common_names TEXT, ndb_number INTEGER);
                CREATE INDEX food_ndb ON food(ndb_number);
                CREATE TABLE food_nutrient (food_id INTEGER NOT NULL, nutrient_id INTEGER NOT NULL, amount REAL NOT NULL, PRIMARY KEY (food_id, nutrient_id)) WITHOUT ROWID;
                CREATE TABLE food_portion (food_id INTEGER NOT NULL, seq INTEGER NOT NULL, amount REAL NOT NULL, measure TEXT NOT NULL, gram_weight REAL NOT NULL, PRIMARY KEY (food_id, seq)) WITHOUT ROWID;
                CREATE TABLE nutrient_coverage (nutrient_id INTEGER PRIMARY KEY, foods INTEGER NOT NULL);
                CREATE TABLE import_log (id INTEGER PRIMARY KEY, source TEXT NOT NULL, origin TEXT NOT NULL, imported_at TEXT NOT NULL, foods INTEGER NOT NULL, nutrient_values INTEGER NOT NULL, portions INTEGER NOT NULL);
                INSERT INTO nutrient VALUES (1089, 'Iron, Fe', 'mg', '303');
                INSERT INTO food(id, source, description) VALUES (9040, 'sr28', 'Bananas, raw');
                INSERT INTO food_nutrient VALUES (9040, 1089, 0.26);
                """;
            command.ExecuteNonQuery();
        }

        using (var database = FoodDatabase.Open(path))
        {
            Assert.Equal("Bananas, raw", database.Catalog.SearchIndex.Search("banana", 1)[0].Description);
            Assert.Equal(0.26, database.Find(9040)!.Per100Grams[1089]);
            // Stored before SR28's Survey flag was read: unknown, not "outside the survey".
            Assert.Null(database.Find(9040)!.Food.InSurvey);
        }

        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT tracked_nutrients FROM food WHERE id = 9040";
            Assert.Equal(1L, command.ExecuteScalar());
            command.CommandText = "SELECT value FROM meta WHERE key = 'schema_version'";
            Assert.Equal(FoodDatabase.SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), command.ExecuteScalar());
            command.CommandText = "UPDATE meta SET value = '99' WHERE key = 'schema_version'";
            command.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
        var error = Assert.Throws<FoodDatabaseException>(() => FoodDatabase.Open(path));
        Assert.Contains("newer Replete", error.Message, StringComparison.Ordinal);
    }

    [Fact] // Migration 4: IFCT 2017's vitamin D is D3 only; a file imported before it held D2 + D3.
    public void Migration4_TakesIfctVitaminDToD3Only_AndWhatWasSavedFromTheOldValuesIsMadeAgain()
    {
        var path = Path.Combine(directory, "foods.db");
        var ragi = Ifct2017Table.IdOf("A010")!.Value;
        var milk = Ifct2017Table.IdOf("L002")!.Value;

        // Two IFCT foods imported by this Replete (package values in g/100 g): ragi with the package's plant D2 only
        // (41.5 ug), milk with D2 0.1 ug and D3 0.7 ug.
        var columns = new[] { "enerc", "water", "protcnt", "fatce", "ash", "choavldf", "fibtg", "ca", "fe", "mg", "p", "k", "na", "zn", "cu", "mn", "se", "vitc", "thia", "ribf", "nia", "pantac",
            "vitb6c", "biot", "folsum", "retol", "cartb", "carta", "crypxb", "lycpn", "tocpha", "ergcal", "chocal", "doh25", "vitk1", "cholc", "fasat", "fams", "fapu", "phytac", "polyph", "oxalt", "oxals" };
        string Row(string code, string name, string d2, string d3) =>
            $"\"{code}\",\"{name}\",\"\",\"\",\"Group\"," + string.Join(',', columns.Select(c => c switch { "ergcal" => d2, "chocal" => d3, _ => "0.5" })) + "\n";
        var csv = "\"Food Code; code\",\"Food Name; name\",\"Scientific Name; scie\",\"Local Name; lang\",\"Food Group; grup\"," + string.Join(',', columns.Select(c => $"\"X; {c}\""))
            + "\n" + Row("A010", "Ragi", "0.0000415", "0") + Row("L002", "Milk, whole, Cow", "0.0000001", "0.0000007");
        using (var database = FoodDatabase.Open(path))
        {
            database.ImportIfct2017(Ifct2017Table.Read(new StringReader(csv), "index.csv", new StringReader("code,name,scie,desc\n"), "names.csv"), "test");
        }

        // Made a version-3 file, as Replete wrote it before migration 4: vitamin D (1114) is D2 + D3.
        long trackedAtVersion4;
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT tracked_nutrients FROM food WHERE id = {ragi}";
            trackedAtVersion4 = (long)command.ExecuteScalar()!;
            command.CommandText = """
                DELETE FROM food_nutrient WHERE nutrient_id = 1114;
                INSERT INTO food_nutrient(food_id, nutrient_id, amount) SELECT food_id, 1114, SUM(amount) FROM food_nutrient WHERE nutrient_id IN (1111, 1112) GROUP BY food_id;
                DELETE FROM nutrient_coverage;
                INSERT INTO nutrient_coverage(nutrient_id, foods) SELECT nutrient_id, COUNT(*) FROM food_nutrient GROUP BY nutrient_id;
                UPDATE meta SET value = '3' WHERE key = 'schema_version';
                """;
            command.ExecuteNonQuery();
            command.CommandText = $"UPDATE food SET tracked_nutrients = tracked_nutrients + 1 WHERE id = {ragi}";
            command.ExecuteNonQuery();
        }

        // What a process saved from the version-3 file: the search index, and a derived thing (as the plan pool is)
        // holding ragi's vitamin D.
        var made = 0;
        System.Reflection.Assembly[] engine = [typeof(FoodSearchIndex).Assembly];
        string Make(FoodCatalog catalog)
        {
            made++;
            return catalog.Find(ragi)!.AmountPer100Grams(1114) is { } d ? Math.Round(d, 6).ToString(System.Globalization.CultureInfo.InvariantCulture) : "unknown";
        }

        static string Read(Stream stream) => new BinaryReader(stream).ReadString();
        static void Write(string value, Stream stream) => new BinaryWriter(stream).Write(value);
        string SavedStamp()
        {
            using var file = File.OpenRead(path + ".index");
            return new BinaryReader(file).ReadString();
        }

        var old = new FoodCatalog(path);
        Assert.Equal("Ragi", old.SearchIndex.Search("ragi", 1)[0].Description);
        Assert.Equal("41.5", old.Derived("vitamin-d", engine, () => Make(old), Read, Write));
        var stampAtVersion3 = SavedStamp();

        // Opened by this Replete (the same process, as the resident replete would), the migration runs...
        using (var database = FoodDatabase.Open(path))
        {
            Assert.Null(database.Find(ragi)!.AmountPer100Grams(1114));
            Assert.Equal(41.5, database.Find(ragi)!.AmountPer100Grams(1111)!.Value, 6);
            Assert.Equal(0.7, database.Find(milk)!.AmountPer100Grams(1114)!.Value, 6);
            Assert.Equal(1, database.Coverage().Single(c => c.NutrientId == 1114).FoodsReporting);

            // ...and nothing made from the old values is served again, in this process or from the saved copies.
            var catalog = database.Catalog;
            Assert.Equal("unknown", catalog.Derived("vitamin-d", engine, () => Make(catalog), Read, Write));
            Assert.Equal("Ragi", catalog.SearchIndex.Search("ragi", 1)[0].Description);
        }

        Assert.Equal(2, made);
        Assert.NotEqual(stampAtVersion3, SavedStamp());
        FoodCatalog.ForgetLoaded();
        var next = new FoodCatalog(path);
        Assert.Equal("unknown", next.Derived("vitamin-d", engine, () => Make(next), Read, Write));
        Assert.Equal(2, made);

        using (var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT value FROM meta WHERE key = 'schema_version'";
            Assert.Equal(FoodDatabase.SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), command.ExecuteScalar());
            command.CommandText = $"SELECT tracked_nutrients FROM food WHERE id = {ragi}";
            Assert.Equal(trackedAtVersion4, command.ExecuteScalar());
        }
    }

    [Fact] // Migration 5: SR28's Survey flag. A version-4 store opens with its SR28 foods unflagged, ranked as before.
    public void Migration5_AVersion4StoreOpens_UnflaggedUntilSr28IsImportedAgain()
    {
        var path = Path.Combine(directory, "foods.db");
        // Equal names but for one word: the search ties them, and without the flag the shorter name (pinto) comes first.
        FoodComposition Bean(int id, string name, bool inSurvey) =>
            new(new Food(id, name, FoodSource.Sr28) { Category = "Legumes and Legume Products", InSurvey = inSurvey }, new Dictionary<int, double> { [1089] = 2 }, []);
        FoodComposition[] beans = [Bean(16042, "Beans, pinto, raw", false), Bean(16027, "Beans, kidney, raw", true)];
        using (var database = FoodDatabase.Open(path))
        {
            database.ImportSr28(beans, "test");
            Assert.Equal([16027, 16042], database.Catalog.SearchIndex.Search("beans raw", 2).Select(m => m.FoodId));
            Assert.True(database.Find(16027)!.Food.InSurvey);
            Assert.False(database.Find(16042)!.Food.InSurvey);
        }

        // The same file as Replete wrote it before migration 5: no in_survey column.
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "ALTER TABLE food DROP COLUMN in_survey; UPDATE meta SET value = '4' WHERE key = 'schema_version'";
            command.ExecuteNonQuery();
        }

        // Its saved index was made by that Replete (another build, another format): this one makes its own.
        File.Delete(path + ".index");
        SqliteConnection.ClearAllPools();
        FoodCatalog.ForgetLoaded();
        using (var database = FoodDatabase.Open(path))
        {
            Assert.Null(database.Find(16027)!.Food.InSurvey);
            Assert.Equal([16042, 16027], database.Catalog.SearchIndex.Search("beans raw", 2).Select(m => m.FoodId));

            // 'replete foods init' reads FOOD_DES.txt again: the flag is back, and so is its order.
            database.ImportSr28(beans, "test");
            Assert.True(database.Find(16027)!.Food.InSurvey);
            Assert.Equal([16027, 16042], database.Catalog.SearchIndex.Search("beans raw", 2).Select(m => m.FoodId));
        }
    }

    [Theory] // A schema version no Replete writes is refused with how to rebuild, not a FormatException (issue 13).
    [InlineData("junk")]
    [InlineData("99999999999999999999")]
    public void SchemaVersionNotANumber_IsRefusedByName(string version)
    {
        var path = Path.Combine(directory, "foods.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL); INSERT INTO meta VALUES ('schema_version', '{version}');";
            command.ExecuteNonQuery();
        }

        var error = Assert.Throws<FoodDatabaseException>(() => FoodDatabase.Open(path));

        Assert.Contains("foods init", error.Message, StringComparison.Ordinal);
    }
}

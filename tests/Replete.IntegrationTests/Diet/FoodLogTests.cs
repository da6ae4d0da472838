using Replete.Data;
using Replete.Diet;
using Replete.IntegrationTests.Storage;

namespace Replete.IntegrationTests.Diet;

[Collection(Sr28Group.Name)]
public class FoodLogTests(Sr28Database sr28)
{
    [Fact]
    public void ReadCsv_BadAmount_NamesFileLineAndColumn()
    {
        using var csv = new CsvReader(new StringReader("date,time,meal,food,amount\n2026-11-02,07:00,breakfast,oats,80 g\n2026-11-02,07:00,breakfast,banana,lots\n"), "log.csv");
        csv.ReadHeader();

        var error = Assert.Throws<CsvDataException>(() => FoodLog.ReadCsv(csv));

        Assert.StartsWith("log.csv:3: amount: 'lots' is not an amount", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadJson_EntryWithoutFood_IsAnError()
    {
        var error = Assert.Throws<CsvDataException>(() => FoodLog.ReadJson("""{"entries": [{"date": "2026-11-02", "amount": "80 g"}]}""", "log.json"));
        Assert.Contains("needs 'food'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\n  \"entries\": [\n    {\"date\": \"2026-11-02\", \"food\": \"oats\", \"amount\": \"80 g\"},\n    {\"date\": \"2026-11-02\", \"food\": \"milk\",\n     \"amount\": \"a splash\"}\n  ]\n}", "log.json:5: amount: entry 2: 'a splash' is not an amount (write \"150 g\", \"1 cup\", \"2 slices\", \"1 medium\").")]
    [InlineData("{\n  \"entries\": [\n    {\"date\": \"2026-11-02\", \"food\": \"oats\", \"amount\": \"80 g\"},\n    {\"date\": \"tuesday\", \"food\": \"milk\", \"amount\": \"1 cup\"}\n  ]\n}", "log.json:4: date: entry 2: 'tuesday' is not a date.")]
    [InlineData("{\n  \"entries\": [\n    {\"date\": \"2026-11-02\", \"food\": \"oats\"}\n  ]\n}", "log.json:3: amount: entry 1 needs 'amount' as text.")]
    [InlineData("{\"entries\": [\n 1\n]}", "log.json:2: entry 1 is an object")]
    [InlineData("{\"entries\": [\n {\"date\": \"2026-11-02\", \"tiem\": \"07:30\", \"food\": \"oats\", \"amount\": \"80 g\"}\n]}", "log.json:2: tiem: entry 1: 'tiem' is not a food log field (fields: date, time, meal, food, amount).")]
    [InlineData("{\"entries\": [\n {\"date\": \"2026-11-02\", \"time\": 730, \"food\": \"oats\", \"amount\": \"80 g\"}\n]}", "log.json:2: time: entry 1 needs 'time' as text, not number.")]
    [InlineData("{\"entries\":\n [,]}", "log.json:2: not valid JSON")]
    [InlineData("{\"entries\": [],\n \"entries\": []}", "log.json:2: entries: 'entries' is given twice (lines 1 and 2)")]
    [InlineData("{\"entries\": [{\"date\": \"2026-11-02\", \"food\": \"oats\", \"amount\": \"80 g\"}]}\n{}", "log.json:2: not valid JSON")]
    public void ReadJson_BadEntry_NamesTheLineAndField(string json, string expected)
    {
        var error = Assert.Throws<CsvDataException>(() => FoodLog.ReadJson(json, "log.json"));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("spinach raw", "100 g", 100, 79)]      // magnesium 79 mg per 100 g
    [InlineData("banana", "1 cup", 225, 27 * 2.25)]    // "1 cup, mashed" = 225 g
    [InlineData("banana", "2 cups", 450, 27 * 4.5)]
    [InlineData("whole milk", "8 fl oz", 244, 10 * 2.44)] // SR28 "1 cup" of whole milk = 244 g
    public void Resolve_WeighsThroughPortions_AndScalesNutrients(string food, string amount, double grams, double magnesium)
    {
        var resolver = new FoodLogResolver(sr28.Index, sr28.Database.Find, sr28.Database.Nutrients());
        Assert.True(HouseholdAmount.TryParse(amount, out var parsed));

        var resolved = resolver.Resolve(new FoodLogEntry(new DateOnly(2026, 11, 2), null, "lunch", food, parsed, "log.csv:2"));

        Assert.Null(resolved.Problem);
        Assert.Equal(grams, resolved.Grams!.Value, 0);
        Assert.Equal(magnesium, resolved.Item!.Nutrients["magnesium"], 0);
    }

    [SkippableFact]
    public void Resolve_UnknownHouseholdUnit_IsReportedNotGuessed()
    {
        var resolver = new FoodLogResolver(sr28.Index, sr28.Database.Find, sr28.Database.Nutrients());
        Assert.True(HouseholdAmount.TryParse("1 medium", out var parsed));

        var resolved = resolver.Resolve(new FoodLogEntry(new DateOnly(2026, 11, 2), null, "", "banana", parsed, "log.csv:4"));

        Assert.Null(resolved.Item);
        Assert.Contains("has no 'medium' portion", resolved.Problem, StringComparison.Ordinal);
        Assert.Contains("1 cup, mashed (225 g)", resolved.Problem, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Resolve_CopperInMilligrams_IsConvertedToTheCatalogsMicrograms()
    {
        var resolver = new FoodLogResolver(sr28.Index, sr28.Database.Find, sr28.Database.Nutrients());

        var resolved = resolver.Resolve(new FoodLogEntry(new DateOnly(2026, 11, 2), null, "", "9040", new HouseholdAmount(100, "g"), "log.csv:5"));

        Assert.Equal(sr28.Database.Find(9040)!.AmountPer100Grams(1098)!.Value * 1000, resolved.Item!.Nutrients["copper"], 6);
    }

    [SkippableFact]
    public void Resolve_VagueFood_AsksForConfirmation()
    {
        var resolver = new FoodLogResolver(sr28.Index, sr28.Database.Find, sr28.Database.Nutrients());

        var resolved = resolver.Resolve(new FoodLogEntry(new DateOnly(2026, 11, 2), null, "", "oatmeal", new HouseholdAmount(80, "g"), "log.csv:2"));

        Assert.True(resolved.NeedsConfirmation);
        Assert.NotEmpty(resolved.Alternatives);
    }
}

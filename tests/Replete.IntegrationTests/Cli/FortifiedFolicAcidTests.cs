using System.Globalization;
using System.Text;
using System.Text.Json;
using Replete.IntegrationTests.Storage;

namespace Replete.IntegrationTests.Cli;

/// <summary>The folate UL covers synthetic folic acid from supplements and fortified food together (IOM 1998, Dietary
/// Reference Intakes for Thiamin ... Choline, ch.8, the UL section), but only the supplements were compared: three bowls
/// of fortified cereal (SR28 "Whole Grain TOTAL", 1,314 ug folic acid per 100 g) beside an 800 ug tablet read "800 of
/// 1,000 ug". The cereal's folic acid now counts in analyze and assess, and where a food's folic acid is not known and
/// could take the count over the UL, the output says so.</summary>
[Collection(Sr28Group.Name)]
public sealed class FortifiedFolicAcidTests(Sr28Database sr28) : CommandTestDirectory(sr28, "replete-folic-")
{
    /// <summary>SR28 08077: 1,314 ug folic acid per 100 g, so 30 g (a 3/4-cup serving) gives 394.2 ug.</summary>
    private const string FortifiedCereal = "Cereals ready-to-eat, GENERAL MILLS, Whole Grain TOTAL";

    /// <summary>SR28 08701: 452 ug total folate per 100 g, with neither its folic acid nor its DFE reported.</summary>
    private const string CerealWithoutFolicAcid = "Cereals ready-to-eat, KELLOGG, KELLOGG'S SPECIAL K Multi-grain";

    private readonly string profile = Path.Combine(SharedFiles.RepositoryRoot, "examples", "runner-profile.json");

    /// <summary>A two-day food log: whole milk each morning and <paramref name="cerealGrams"/> g of
    /// <paramref name="cereal"/> at each of three meals.</summary>
    private string Log(string cereal, double cerealGrams)
    {
        var lines = new List<string> { "date,time,meal,food,amount" };
        foreach (var day in new[] { "2026-11-02", "2026-11-03" })
        {
            lines.Add($"{day},07:00,breakfast,whole milk,1 cup");
            if (cerealGrams > 0)
            {
                lines.AddRange(new[] { "07:00,breakfast", "12:00,lunch", "18:00,dinner" }.Select(meal =>
                    string.Create(CultureInfo.InvariantCulture, $"{day},{meal},\"{cereal}\",{cerealGrams} g")));
            }
        }

        var path = Path.Combine(TempDirectory, Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllLines(path, lines, new UTF8Encoding(false));
        return path;
    }

    private string Tablet(double micrograms) => Write(string.Create(CultureInfo.InvariantCulture,
        $$"""{ "supplements": [ { "name": "Folic acid {{micrograms}} mcg", "form": "folic acid", "per_dose": { "folate": "{{micrograms}} ug" } } ] }"""));

    private static JsonElement Folate(JsonElement analysis) => analysis.GetProperty("nutrients").EnumerateArray()
        .Single(n => n.GetProperty("nutrient").GetProperty("id").GetString() == "folate");

    private JsonElement Analyze(string log, string supplements)
    {
        var result = CliRunner.Run("analyze", log, "--profile", profile, "--supplements", supplements, "--format", "json", "--data-dir", DataDir);
        Assert.True(result.ExitCode == 0, result.Error);
        return Folate(JsonDocument.Parse(result.Output).RootElement.GetProperty("analysis"));
    }

    [SkippableFact]
    public void FortifiedCerealAndATablet_PassTheUlTogether_WhileTheTabletAloneDoesNot()
    {
        InitDatabase();
        var tablet = Tablet(800);

        var alone = Analyze(Log(FortifiedCereal, 0), tablet).GetProperty("adequacy").GetProperty("upper_limit");
        Assert.Equal(800, alone.GetProperty("intake_compared").GetDouble(), 6);
        Assert.False(alone.GetProperty("likely_excess").GetBoolean());

        var folate = Analyze(Log(FortifiedCereal, 30), tablet);
        var ul = folate.GetProperty("adequacy").GetProperty("upper_limit");
        // 800 ug from the tablet and 3 x 30 g x 13.14 ug/g = 1,182.6 ug of folic acid from the cereal a day.
        Assert.Equal(800 + 1182.6, ul.GetProperty("intake_compared").GetDouble(), 6);
        Assert.Equal(1182.6, ul.GetProperty("from_fortified_food").GetDouble(), 6);
        Assert.True(ul.GetProperty("likely_excess").GetBoolean());
        Assert.Contains("800 from supplements, 1,182.6 folic acid from fortified food", ul.GetProperty("note").GetString(), StringComparison.Ordinal);
        var notes = string.Join(" ", folate.GetProperty("notes").EnumerateArray().Select(n => n.GetString()));
        Assert.Contains("Fortified food gives 1,182.6 ug/d of folic acid", notes, StringComparison.Ordinal);
        Assert.Contains("IOM 1998 ch.8", notes, StringComparison.Ordinal);

        var table = CliRunner.Run("analyze", Log(FortifiedCereal, 30), "--profile", profile, "--supplements", tablet, "--data-dir", DataDir);
        Assert.Contains("Fortified food gives 1,182.6 ug/d of folic acid", System.Text.RegularExpressions.Regex.Replace(table.Output, @"\s+", " "), StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Assess_FindsTheFolateExcess_AndNamesTheFortifiedFoodsWithTheTablet()
    {
        InitDatabase();
        File.Copy(Log(FortifiedCereal, 30), Path.Combine(TempDirectory, "log.csv"));
        File.WriteAllText(Path.Combine(TempDirectory, "supplements.json"), File.ReadAllText(Tablet(800)));
        var assessment = Path.Combine(TempDirectory, "assessment.json");
        File.WriteAllText(assessment, $$"""{ "profile": {{File.ReadAllText(profile)}}, "diet_log": "log.csv", "supplements": "supplements.json" }""");

        var result = CliRunner.Run("assess", assessment, "--format", "json", "--data-dir", DataDir);

        Assert.True(result.ExitCode == 0, result.Error);
        var excess = JsonDocument.Parse(result.Output).RootElement.GetProperty("excess").EnumerateArray()
            .Single(e => e.GetProperty("nutrient").GetString() == "folate");
        var advice = excess.GetProperty("advice").GetString()!;
        Assert.Contains("Likely above the UL (1,982.6 ug/d; UL 1,000)", advice, StringComparison.Ordinal);
        Assert.Contains("Lower the supplement and the fortified foods that provide it", advice, StringComparison.Ordinal);
        Assert.Contains("ask for a B12 test", advice, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void AFoodWithoutItsFolicAcid_IsSaidToBeUnknown_WhereItCouldTakeTheCountOverTheUl()
    {
        InitDatabase();

        // A cup (31 g) at each of three meals: 3 x 31 g x 4.52 ug/g = 420.4 ug of total folate a day, none of it
        // known to be folic acid or not; with the 800 ug tablet that could pass 1,000 ug.
        var folate = Analyze(Log(CerealWithoutFolicAcid, 31), Tablet(800));

        var ul = folate.GetProperty("adequacy").GetProperty("upper_limit");
        Assert.Equal(800, ul.GetProperty("intake_compared").GetDouble(), 6);
        Assert.False(ul.GetProperty("likely_excess").GetBoolean());
        Assert.False(ul.GetProperty("judged").GetBoolean()); // the unknown part could pass the UL: no "below" (h74)
        Assert.Equal(JsonValueKind.Null, ul.GetProperty("probability_above").ValueKind);
        Assert.Contains("the fortified-food part is not known", ul.GetProperty("note").GetString(), StringComparison.Ordinal);
        var note = folate.GetProperty("notes").EnumerateArray().Select(n => n.GetString()!).Single(n => n.StartsWith("The fortified-food part is not known", StringComparison.Ordinal));
        Assert.Contains("'Cereals ready-to-eat, KELLOGG, KELLOGG'S SPECIAL K Multi-grain", note, StringComparison.Ordinal);
        Assert.Contains("up to 1,220 ug/d in all", note, StringComparison.Ordinal);

        // A small tablet leaves room for all of it: nothing to say.
        var small = Analyze(Log(CerealWithoutFolicAcid, 31), Tablet(200));
        Assert.DoesNotContain(small.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("fortified-food part", StringComparison.Ordinal));
        Assert.True(small.GetProperty("adequacy").GetProperty("upper_limit").GetProperty("judged").GetBoolean());
    }

    [SkippableFact]
    public void ACronometerExport_KeepsItsCount_AndLeavesTheUlUnjudged_SayingTheFortifiedFoodPartIsNotKnown()
    {
        InitDatabase();
        var servings = SharedFiles.Require("fixtures/exports/cronometer/dhjelmar-Diabetes__servings.csv");

        // An export gives each food's folate as one figure: what the UL counts is the supplements' part, as before (the
        // daily 800 ug tablet and the export's supplement rows, 128.6 ug/d), and the note says food may add to it.
        var folate = Analyze(servings, Tablet(800));

        var ul = folate.GetProperty("adequacy").GetProperty("upper_limit");
        Assert.Equal(928.571428571, ul.GetProperty("intake_compared").GetDouble(), 6);
        Assert.False(ul.GetProperty("likely_excess").GetBoolean());
        Assert.False(ul.GetProperty("judged").GetBoolean());
        Assert.Equal(JsonValueKind.Null, ul.GetProperty("from_fortified_food").ValueKind);
        var note = folate.GetProperty("notes").EnumerateArray().Select(n => n.GetString()!).Single(n => n.StartsWith("The fortified-food part is not known", StringComparison.Ordinal));
        Assert.Contains("63 food entries", note, StringComparison.Ordinal);
        Assert.Contains("more than the 928.6 ug/d counted here", note, StringComparison.Ordinal);
    }
}

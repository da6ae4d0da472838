using Replete.Data;
using Replete.Diet;

namespace Replete.Tests.Diet;

public class SupplementPlanTests
{
    private static Replete.Documents.InputResult<SupplementPlan> Read(string json)
    {
        using var source = JsonSource.Parse(json, "s.json");
        return SupplementPlan.Read(source);
    }

    [Fact]
    public void Read_ConvertsUnits_AndCountsDosesPerDay()
    {
        var plan = Read("""{"supplements": [{"name": "D3", "per_dose": {"vitamin_d": "1000 IU"}, "doses_per_day": 2}]}""").OrThrow();

        Assert.Equal(25, plan.Supplements[0].PerDose["vitamin_d"], 6); // 40 IU = 1 ug (IOM 2011)
        Assert.Equal(50, plan.Supplements[0].On(new DateOnly(2026, 1, 1)).Nutrients["vitamin_d"], 6);
    }

    /// <summary>h65 finding 4: a label's "2000 ug" of a supplement that says it is folic acid is folic acid: x1.7 DFE
    /// (IOM 1998 ch.8, with food) and all of it against the UL. Finding 9: without a form it stays DFE x1 for adequacy
    /// and all of it counts toward the UL (one stated reading); L-methylfolate is not folic acid, even where its
    /// chemical name says "folic": x1.7 DFE (EFSA 2022) and toward the UL (EFSA 2023); a unit that says DFE is DFE.</summary>
    [Theory]
    [InlineData("""{"name": "Folate", "form": "folic acid", "per_dose": {"folate": "2000 ug"}}""", 3400, FolateForm.FolicAcid, 2000)]
    [InlineData("""{"name": "Folic Acid 2 mg", "per_dose": {"folate": "2 mg"}}""", 3400, FolateForm.FolicAcid, 2000)]
    [InlineData("""{"name": "B complex", "per_dose": {"folate": "2000 ug"}}""", 2000, FolateForm.NotStated, 2000)]
    [InlineData("""{"name": "Folic acid", "per_dose": {"folate": "400 ug_folic_acid_fasting"}}""", 800, FolateForm.FolicAcid, 400)]
    [InlineData("""{"name": "Folic acid", "per_dose": {"folate": "400 ug_food_folate"}}""", 400, FolateForm.FoodFolate, 0)]
    [InlineData("""{"name": "L-methylfolate", "per_dose": {"folate": "1000 ug"}}""", 1700, FolateForm.Methylfolate, 1000)]
    [InlineData("""{"name": "Metafolin (L-5-methyltetrahydrofolic acid)", "per_dose": {"folate": "400 ug"}}""", 680, FolateForm.Methylfolate, 400)]
    [InlineData("""{"name": "Prenatal", "form": "Quatrefolic", "per_dose": {"folate": "800 ug"}}""", 1360, FolateForm.Methylfolate, 800)]
    [InlineData("""{"name": "5-MTHF", "per_dose": {"folate": "500 ug_methylfolate"}}""", 850, FolateForm.Methylfolate, 500)]
    [InlineData("""{"name": "Folic acid", "per_dose": {"folate": "680 mcg DFE"}}""", 680, FolateForm.FolicAcid, 400)]
    public void Read_FolateForm_SetsDfeAndWhatTheUlCounts(string supplement, double dfe, FolateForm form, double towardUl)
    {
        var read = Read($$"""{"supplements": [{{supplement}}]}""").OrThrow().Supplements[0];

        Assert.Equal(dfe, read.PerDose["folate"], 6);
        Assert.Equal(form, read.FolateForm);
        Assert.Equal(towardUl, read.FolateTowardUl, 6);
    }

    /// <summary>h68 finding 8: beta-carotene is no preformed vitamin A, so it never counts toward the UL (retinol 0).</summary>
    [Fact]
    public void Read_BetaCarotene_IsNoRetinol()
    {
        var read = Read("""{"supplements": [{"name": "Beta carotene", "per_dose": {"vitamin_a": "30000 ug_beta_carotene_supplement"}}]}""").OrThrow().Supplements[0];

        Assert.Equal(15000, read.PerDose["vitamin_a"], 6);
        Assert.Equal(0, read.PerDose["retinol"]);
    }

    [Fact]
    public void Read_ReturnsEveryProblem_WithItsLineAndPath()
    {
        var result = Read("{\"supplements\": [{\"name\": \"Mg\",\n  \"per_dose\": {\n    \"magnesum\": \"15 mg\",\n    \"magnesium\": \"200 furlongs\"}},\n  {\"name\": \"Zn\", \"doses_per_day\": 40, \"per_dose\": {\"zinc\": \"15 mg\"}, \"colour\": \"red\"}]}");

        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        Assert.Collection(
            result.Problems,
            p => Assert.Equal(("s.json", 3, "supplements[0].per_dose.magnesum", "unknown_value"), (p.Source, p.Line!.Value, p.Path, p.Code)),
            p => Assert.Equal(("s.json", 4, "supplements[0].per_dose.magnesium", "unknown_value"), (p.Source, p.Line!.Value, p.Path, p.Code)),
            p => Assert.Equal(("supplements[1]", "unknown_field"), (p.Path, p.Code)),
            p => Assert.Equal(("supplements[1].doses_per_day", "out_of_range"), (p.Path, p.Code)));
        Assert.Contains("did you mean magnesium", result.Problems[0].Message, StringComparison.Ordinal);
        Assert.Equal("s.json:4: supplements[0].per_dose.magnesium: unit 'furlongs' cannot be converted to mg; magnesium takes mg, g, ug, mmol", result.Problems[1].ToString());
    }

    [Theory]
    [InlineData("""{"supplements": [{"per_dose": {"zinc": "15 mg"}}]}""", "supplements[0].name", "required")]
    [InlineData("""{"supplements": [{"name": "Zn"}]}""", "supplements[0].per_dose", "required")]
    [InlineData("""{"supplements": [{"name": "Zn", "per_dose": {"zinc": "fifteen"}}]}""", "supplements[0].per_dose.zinc", "wrong_type")]
    [InlineData("""{"supplement": []}""", "supplements", "required")]
    [InlineData("""{"supplements": [{"name": "Zn", "doses_per_day": 0, "per_dose": {"zinc": "15 mg"}}]}""", "supplements[0].doses_per_day", "out_of_range")]
    public void Read_NamesTheFieldAndKind(string json, string path, string code)
    {
        var problem = Assert.Single(Read(json).Problems);

        Assert.Equal((path, code), (problem.Path, problem.Code));
    }

    [Theory]
    [InlineData("vitamin_d", "25 \u00B5g", 25)]   // micro sign
    [InlineData("vitamin_d", "25 \u03BCg", 25)]   // Greek mu
    [InlineData("vitamin_d", "25 mcg", 25)]
    [InlineData("vitamin_a", "900 mcg RAE", 900)] // US labels since 2016
    [InlineData("vitamin_a", "900 µg RAE", 900)]
    [InlineData("folate", "400 mcg DFE", 400)]
    [InlineData("vitamin_b12", "1 mg", 1000)]
    public void Read_TakesTheUnitSpellingsOfLabels(string nutrient, string amount, double canonical)
    {
        var plan = Read($$$"""{"supplements": [{"name": "x", "per_dose": {"{{{nutrient}}}": "{{{amount}}}"}}]}""").OrThrow();

        Assert.Equal(canonical, plan.Supplements[0].PerDose[nutrient], 6);
    }

    [Fact]
    public void Read_AnIuOfVitaminA_NamesTheSpellingsThatWork()
    {
        var problem = Assert.Single(Read("""{"supplements": [{"name": "A", "per_dose": {"vitamin_a": "5000 IU"}}]}""").Problems);

        Assert.Contains("IU_retinol", problem.Message, StringComparison.Ordinal);
        Assert.Contains("IU_beta_carotene_food", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1e308 mg")]
    [InlineData("2000000 mg")]
    public void Read_AnImpossibleDose_IsOutOfRange_NotACrashLater(string amount)
    {
        var problem = Assert.Single(Read($$$"""{"supplements": [{"name": "Mg", "per_dose": {"magnesium": "{{{amount}}}"}}]}""").Problems);

        Assert.Equal(("supplements[0].per_dose.magnesium", "out_of_range"), (problem.Path, problem.Code));
    }

    [Fact] // Doses each in range can add up to a day beyond any diet (issue 13: 2,000 entries crashed the analysis).
    public void Read_APlanAddingUpToMoreThanTheDailyLimit_IsOutOfRange()
    {
        var plan = "{\"supplements\": [" + string.Join(", ", Enumerable.Repeat("{\"name\": \"Mg\", \"doses_per_day\": 20, \"per_dose\": {\"magnesium\": \"999999 mg\"}}", 2)) + "]}";

        var problem = Assert.Single(Read(plan).Problems);

        Assert.Equal(("s.json", "supplements", "out_of_range"), (problem.Source, problem.Path, problem.Code));
        Assert.Contains("magnesium", problem.Message, StringComparison.Ordinal);
    }
}

using Replete.Nutrients;

namespace Replete.Tests.Nutrients;

public class NutrientCatalogTests
{
    private static readonly NutrientCatalog Catalog = NutrientCatalog.Default;

    [Fact]
    public void Catalog_HasEveryNutrientTheProductNeeds()
    {
        string[] expected =
        [
            "energy", "water", "protein", "carbohydrate", "fiber", "sodium", "potassium", "chloride", "calcium", "magnesium",
            "phosphorus", "iron", "zinc", "copper", "selenium", "iodine", "manganese", "vitamin_a", "retinol", "vitamin_c", "vitamin_d",
            "vitamin_e", "vitamin_k", "thiamin", "riboflavin", "niacin", "vitamin_b6", "folate", "vitamin_b12",
            "pantothenic_acid", "biotin", "choline",
        ];
        Assert.Equal(expected, Catalog.All.Select(n => n.Id));
    }

    [Theory]
    [InlineData("vitamin_d", 40, "IU", 1, false)]       // IOM 2011: 1 ug = 40 IU
    [InlineData("vitamin_d", 1000, "IU", 25, false)]
    [InlineData("vitamin_a", 1000, "IU_retinol", 300, true)] // estimate: IU does not say retinol or carotenoid
    [InlineData("folate", 100, "ug_folic_acid_with_food", 170, false)]
    [InlineData("copper", 0.9, "mg", 900, false)]
    [InlineData("magnesium", 1, "g", 1000, false)]
    [InlineData("sodium", 100, "mmol", 2299, false)]
    public void Convert_ToCanonicalUnit(string nutrient, double amount, string unit, double expected, bool estimate)
    {
        var converted = Catalog.Convert(Catalog.Get(nutrient), amount, unit)!;
        Assert.Equal(expected, converted.Value, 6);
        Assert.Equal(estimate, converted.IsEstimate);
    }

    [Fact]
    public void Convert_UnknownUnit_ReturnsNull() => Assert.Null(Catalog.Convert(Catalog.Get("iron"), 1, "IU"));

    [Theory]
    [InlineData("magnesum", "magnesium")]
    [InlineData("vitamind", "vitamin_d")]
    [InlineData("zink", "zinc")]
    public void Suggest_FindsTheMeantNutrient(string typo, string expected) => Assert.Equal(expected, Catalog.Suggest(typo)[0]);

    [SkippableFact]
    public void FdcIds_MatchTheFoodDataCentralNutrientTable()
    {
        var rows = CsvFile.Read(SharedFiles.Require("data/fdc-sr-legacy/nutrient.csv"));
        var units = rows.GroupBy(r => (int)r.Number("id")).ToDictionary(g => g.Key, g => g.First().Text("unit_name"));
        foreach (var nutrient in Catalog.All)
        {
            Assert.True(units.TryGetValue(nutrient.FdcNutrientId, out var unit), $"{nutrient.Id}: FDC id {nutrient.FdcNutrientId} not in nutrient.csv");
            var converted = Catalog.Convert(nutrient, 1, unit.ToLowerInvariant());
            Assert.True(converted is not null, $"{nutrient.Id}: no conversion from FDC unit {unit} to {nutrient.Unit}");
        }
    }
}

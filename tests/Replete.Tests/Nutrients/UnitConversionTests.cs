using Replete.Nutrients;

namespace Replete.Tests.Nutrients;

/// <summary>Unit conversions against factors taken from the sources themselves, typed here rather than read from
/// data/unit_conversions.csv, so a wrong factor in the table fails; and back again.</summary>
public class UnitConversionTests
{
    [Theory]
    [InlineData("vitamin_d", 1000, "IU", 25)] // IOM 2011: 1 ug = 40 IU
    [InlineData("vitamin_a", 1000, "IU_retinol", 300)] // IOM 2001 ch.4: 1 IU retinol = 0.3 ug
    [InlineData("vitamin_a", 1200, "ug_beta_carotene_food", 100)] // IOM 2001 ch.4: 12 ug dietary beta-carotene = 1 ug RAE
    [InlineData("vitamin_a", 600, "ug_beta_carotene_supplement", 300)] // IOM 2001 ch.4: 2:1
    [InlineData("folate", 400, "ug_folic_acid_fasting", 800)] // IOM 1998 ch.8: x2 on an empty stomach
    [InlineData("folate", 400, "ug_folic_acid_with_food", 680)] // IOM 1998 ch.8: x1.7 with food
    [InlineData("vitamin_e", 100, "IU_natural", 67)] // IOM 2000 ch.6
    [InlineData("vitamin_e", 100, "IU_synthetic", 45)] // IOM 2000 ch.6
    [InlineData("sodium", 10, "mmol", 229.9)] // 22.99 g/mol
    [InlineData("potassium", 10, "mmol", 391)] // 39.10 g/mol
    [InlineData("magnesium", 2, "mmol", 48.61)] // 24.305 g/mol
    [InlineData("calcium", 5, "mmol", 200.4)] // 40.08 g/mol
    [InlineData("copper", 1.2, "mg", 1200)] // ug is the canonical unit
    public void Convert_MatchesTheSourcesFactor_AndConvertBackUndoesIt(string nutrientId, double amount, string unit, double expected)
    {
        var catalog = NutrientCatalog.Default;
        var nutrient = catalog.Get(nutrientId);

        var converted = catalog.Convert(nutrient, amount, unit)!.Value;

        Assert.Equal(expected, converted, 6);
        Assert.Equal(amount, catalog.ConvertBack(nutrient, expected, unit)!.Value, 6);
    }
}

using Replete.Foods;

namespace Replete.Tests.Foods;

/// <summary>Absorption notes attach to the foods they describe and to no others.</summary>
public class AbsorptionNoteTests
{
    [Fact]
    public void SpinachCalcium_CountsUnderAFifth_CollardsInFull()
    {
        Assert.Equal(0.18, AbsorptionNote.For("calcium", "Vegetables and Vegetable Products", "Spinach, cooked, boiled, drained, without salt")?.Factor);
        Assert.Equal(0.18, AbsorptionNote.For("calcium", null, "Spinach, raw")?.Factor);   // a person's own food: by name
        Assert.Null(AbsorptionNote.For("calcium", "Vegetables and Vegetable Products", "Collards, cooked, boiled, drained, without salt"));
        Assert.Null(AbsorptionNote.For("calcium", "Dairy and Egg Products", "Milk, reduced fat, fluid, 2% milkfat"));
    }

    [Fact]
    public void Iron_IsHemeInMeat_NonHemeInPlants_AndZincMeetsPhytateInLegumes()
    {
        Assert.Contains("heme", AbsorptionNote.For("iron", "Beef Products", "Beef, ground, 85% lean meat / 15% fat, patty, cooked, broiled")!.Note, StringComparison.Ordinal);
        Assert.Contains("non-heme", AbsorptionNote.For("iron", "Legumes and Legume Products", "Lentils, mature seeds, cooked, boiled, without salt")!.Note, StringComparison.Ordinal);
        Assert.Contains("Phytate", AbsorptionNote.For("zinc", "Legumes and Legume Products", "Lentils, mature seeds, cooked, boiled, without salt")!.Note, StringComparison.Ordinal);
        Assert.Null(AbsorptionNote.For("zinc", "Beef Products", "Beef, ground, 85% lean meat / 15% fat, patty, cooked, broiled"));
        Assert.All(AbsorptionNote.All, n => Assert.False(string.IsNullOrWhiteSpace(n.Source)));
    }
}

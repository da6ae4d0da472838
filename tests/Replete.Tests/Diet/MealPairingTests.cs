using Replete.Diet;

namespace Replete.Tests.Diet;

/// <summary>The pairing rules fire on seeded meals and never on their controls. Amounts are SR28 values for the
/// portions named (oats 80 g: 3.4 mg iron; lentils 198 g: 6.6 mg iron, 3 mg vitamin C; orange 131 g: 70 mg vitamin C;
/// whole milk 488 g: 550 mg calcium; brewed coffee 237 g: 0.02 mg iron).</summary>
public class MealPairingTests
{
    private static readonly DateOnly Day = new(2026, 11, 2);

    private static IntakeItem Item(string meal, string name, double iron, double vitaminC = 0, double calcium = 0, int day = 0) =>
        new(Day.AddDays(day), null, meal, name, new Dictionary<string, double> { ["iron"] = iron, ["vitamin_c"] = vitaminC, ["calcium"] = calcium }, "log.csv:1");

    private static IReadOnlyList<string> Fired(IEnumerable<IntakeItem> items, IReadOnlyList<Supplement>? supplements = null) =>
        [.. MealPairing.Check(items, supplements ?? []).Select(a => $"{a.Rule.Id}@{a.Meal}")];

    [Fact]
    public void CoffeeWithAnIronRichBreakfast_Fires_CoffeeInASnackWithoutIron_DoesNot()
    {
        Assert.Contains("tea_coffee_with_iron_meal@breakfast", Fired([Item("Breakfast", "Oats", 3.4, 0, 42), Item("Breakfast", "Coffee, brewed", 0.02), Item("Dinner", "Lentils", 6.6, 3)]));
        Assert.DoesNotContain("tea_coffee_with_iron_meal@snack", Fired([Item("Breakfast", "Oats", 3.4, 0, 42), Item("Snack", "Coffee, brewed", 0.02), Item("Dinner", "Lentils", 6.6, 3)]));
    }

    [Fact]
    public void HerbalTea_CountsAsTea()
    {
        Assert.Contains("tea_coffee_with_iron_meal@lunch", Fired([Item("Lunch", "Lentils", 6.6, 40), Item("Lunch", "Tea, herb, chamomile, brewed", 0.08)]));
    }

    [Fact]
    public void LentilsWithoutVitaminC_Fires_WithAnOrange_DoesNot()
    {
        Assert.Contains("vitamin_c_with_iron_meal@lunch", Fired([Item("Lunch", "Lentils", 6.6, 3), Item("Dinner", "Rice", 0.4)]));
        Assert.DoesNotContain("vitamin_c_with_iron_meal@lunch", Fired([Item("Lunch", "Lentils", 6.6, 3), Item("Lunch", "Orange", 0.1, 70), Item("Dinner", "Rice", 0.4)]));
    }

    [Fact]
    public void VitaminCUnknown_IsNotJudged()
    {
        var lentils = new IntakeItem(Day, null, "Lunch", "Lentils", new Dictionary<string, double> { ["iron"] = 6.6 }, "log.csv:1");
        Assert.DoesNotContain("vitamin_c_with_iron_meal@lunch", Fired([lentils]));
    }

    [Fact]
    public void TwoGlassesOfMilkWithAnIronRichMeal_Fires_AYogurtDoesNot_AndAMealWithLittleIronNeverDoes()
    {
        Assert.Contains("calcium_with_iron_meal@dinner", Fired([Item("Dinner", "Lentils", 6.6, 3), Item("Dinner", "Milk, whole", 0.1, 0, 550), Item("Breakfast", "Toast", 1)]));
        Assert.DoesNotContain("calcium_with_iron_meal@dinner", Fired([Item("Dinner", "Lentils", 6.6, 3), Item("Dinner", "Yogurt", 0.1, 1, 180), Item("Breakfast", "Toast", 1)]));
        // Milk with a meal holding under a quarter of the day's iron: no iron to protect.
        Assert.DoesNotContain("calcium_with_iron_meal@breakfast", Fired([Item("Breakfast", "Milk, whole", 0.1, 0, 550), Item("Breakfast", "Toast", 1), Item("Dinner", "Lentils", 6.6, 3)]));
    }

    [Fact]
    public void CountsTheDaysItFiresOn()
    {
        var advice = MealPairing.Check(
            [Item("Breakfast", "Oats", 3.4, 0, 0, day: 0), Item("Breakfast", "Coffee", 0, 0, 0, day: 0), Item("Breakfast", "Oats", 3.4, 0, 0, day: 1), Item("Breakfast", "Orange juice", 0.2, 80, 0, day: 1)], []);
        var coffee = advice.Single(a => a.Rule.Id == "tea_coffee_with_iron_meal");
        Assert.Equal((1, 2), (coffee.Days, coffee.OfDays));
    }

    [Fact]
    public void CalciumOrZincSupplement_BesideAnIronSupplement_Fires_AMultiAloneDoesNot()
    {
        Supplement Pill(string name, string nutrient, double amount) => new(name, null, 1, new Dictionary<string, double> { [nutrient] = amount });
        var iron = Pill("ferrous bisglycinate 65 mg", "iron", 65);
        Assert.Contains("calcium_supplement_with_iron@supplements", Fired([], [iron, Pill("calcium carbonate 500 mg", "calcium", 500)]));
        Assert.Contains("zinc_iron_supplements@supplements", Fired([], [iron, Pill("zinc gluconate 15 mg", "zinc", 15)]));
        var multi = new Supplement("multivitamin", null, 1, new Dictionary<string, double> { ["iron"] = 18, ["zinc"] = 11, ["calcium"] = 200 });
        Assert.Empty(Fired([], [multi]));
    }
}

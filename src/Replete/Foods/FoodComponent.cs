namespace Replete.Foods;

/// <summary>Food components that are not nutrients but decide how much of one a meal gives: the inhibitors of iron,
/// zinc and calcium absorption that IFCT 2017 measures and USDA's tables mostly do not. They are stored beside the
/// nutrients under Replete's own ids (FoodData Central has none for them), in mg per 100 g, only where the source
/// reports them: unknown elsewhere, never zero.</summary>
public static class FoodComponent
{
    /// <summary>Phytate (phytic acid), mg per 100 g: IFCT 2017 Table 11. Not phytate-phosphorus.</summary>
    public const int Phytate = 990001;

    /// <summary>Total polyphenols, mg per 100 g: IFCT 2017 Table 10.</summary>
    public const int Polyphenols = 990002;

    /// <summary>Total oxalate, mg per 100 g: IFCT 2017 Table 9 (organic acids).</summary>
    public const int Oxalate = 990003;

    /// <summary>Soluble oxalate, mg per 100 g: IFCT 2017 Table 9.</summary>
    public const int SolubleOxalate = 990004;

    /// <summary>The components an intake item carries, by the name it carries them under, with their database ids.</summary>
    public static IReadOnlyList<(string Name, int Id)> All { get; } =
        [("phytate", Phytate), ("polyphenols", Polyphenols), ("oxalate", Oxalate), ("soluble_oxalate", SolubleOxalate)];
}

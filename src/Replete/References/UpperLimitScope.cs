namespace Replete.References;

/// <summary>What intake a Tolerable Upper Intake Level applies to.</summary>
public enum UpperLimitScope
{
    /// <summary>Total intake from food, water and supplements.</summary>
    TotalIntake,

    /// <summary>Supplements (and for magnesium, pharmacological agents) only: not food and water. Magnesium and vitamin E.</summary>
    SupplementsOnly,

    /// <summary>Synthetic forms from supplements and fortified food: niacin and folic acid.</summary>
    SupplementsAndFortificants,

    /// <summary>Preformed vitamin A (retinol) only, not carotenoids.</summary>
    PreformedVitaminA,
}

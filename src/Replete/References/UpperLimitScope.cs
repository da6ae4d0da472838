namespace Replete.References;

/// <summary>What intake a Tolerable Upper Intake Level applies to.</summary>
public enum UpperLimitScope
{
    /// <summary>Total intake from food, water and supplements.</summary>
    TotalIntake,

    /// <summary>Supplements and pharmacological agents only, not food and water: magnesium.</summary>
    SupplementsOnly,

    /// <summary>Synthetic forms from supplements, fortified food or both: vitamin E, niacin and folic acid.</summary>
    SupplementsAndFortificants,

    /// <summary>Preformed vitamin A (retinol) only, not carotenoids.</summary>
    PreformedVitaminA,
}

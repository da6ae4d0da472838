namespace Replete.Nutrients;

/// <summary>An amount converted to a nutrient's canonical unit.</summary>
/// <param name="Value">The amount in the canonical unit.</param>
/// <param name="IsEstimate">True where the factor depends on something the unit does not say (vitamin A from IU).</param>
/// <param name="Source">Where the factor comes from.</param>
public sealed record ConvertedAmount(double Value, bool IsEstimate, string Source);

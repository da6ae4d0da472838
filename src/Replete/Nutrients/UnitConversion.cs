namespace Replete.Nutrients;

/// <summary>A factor that turns an amount in <see cref="FromUnit"/> into the nutrient's canonical unit.</summary>
public sealed record UnitConversion(string NutrientId, string FromUnit, string ToUnit, double Factor, bool IsEstimate, string Source);

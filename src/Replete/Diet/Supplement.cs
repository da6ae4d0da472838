
namespace Replete.Diet;

/// <summary>A supplement a person takes every day: magnesium bisglycinate, vitamin D3, an electrolyte drink.</summary>
/// <param name="Name">As on the label.</param>
/// <param name="Form">The chemical form, where it matters ("bisglycinate", "D3").</param>
/// <param name="DosesPerDay">Doses a day.</param>
/// <param name="PerDose">Amount per dose by catalog nutrient id, in catalog units (elemental for minerals).</param>
public sealed record Supplement(string Name, string? Form, double DosesPerDay, IReadOnlyDictionary<string, double> PerDose)
{
    /// <summary>Micrograms of folic acid per dose, when the label gives folic acid. <see cref="PerDose"/> holds the
    /// folate as DFE (x1.7 or x2, IOM 1998 ch.8) for adequacy; the UL is set in micrograms of folic acid itself.</summary>
    public double FolicAcidPerDose { get; init; }

    /// <summary>Nutrients whose amount is an estimate (vitamin A from IU).</summary>
    public IReadOnlySet<string> Estimated { get; init; } = new HashSet<string>();

    /// <summary>What the supplement supplies on <paramref name="date"/>.</summary>
    public IntakeItem On(DateOnly date) =>
        new(date, null, "supplements", Name, PerDose.ToDictionary(p => p.Key, p => p.Value * DosesPerDay), "supplements")
        {
            IsSupplement = true,
            Estimated = Estimated,
        };
}


namespace Replete.Diet;

/// <summary>A supplement a person takes every day: magnesium bisglycinate, vitamin D3, an electrolyte drink.</summary>
/// <param name="Name">As on the label.</param>
/// <param name="Form">The chemical form, where it matters ("bisglycinate", "D3").</param>
/// <param name="DosesPerDay">Doses a day.</param>
/// <param name="PerDose">Amount per dose by catalog nutrient id, in catalog units (elemental for minerals).</param>
public sealed record Supplement(string Name, string? Form, double DosesPerDay, IReadOnlyDictionary<string, double> PerDose)
{
    /// <summary>The form of its folate (<see cref="FolateForms"/>): folic acid, L-methylfolate, food folate or not stated.</summary>
    public FolateForm FolateForm { get; init; }

    /// <summary>Micrograms of folate per dose as taken (the folic acid or L-methylfolate itself), when
    /// <see cref="FolateForm"/> gives the form. <see cref="PerDose"/> holds the folate as DFE (x1.7 or x2, IOM 1998
    /// ch.8; EFSA 2022 for L-methylfolate) for adequacy; the UL counts the folate as taken.</summary>
    public double FolateAsTakenPerDose { get; init; }

    /// <summary>Micrograms a day the folate UL counts (<see cref="FolateForms.CountsTowardUl"/>): the folic acid or
    /// L-methylfolate as taken; all the folate where the form is not stated; none of food folate.</summary>
    public double FolateTowardUl => !FolateForms.CountsTowardUl(FolateForm) ? 0
        : (FolateForm == FolateForm.NotStated ? PerDose.GetValueOrDefault("folate") : FolateAsTakenPerDose) * DosesPerDay;

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

using System.Globalization;
using Replete.References;

namespace Replete.Planning;

/// <summary>A nutrient the person's supplements push above its UL, and how much less to take. The plan never adds to
/// such a nutrient; lowering the supplement is the change that comes first.</summary>
/// <param name="Nutrient">Catalog id ("zinc").</param>
/// <param name="Name">Display name ("Zinc").</param>
/// <param name="Unit">Unit of every amount here ("mg").</param>
/// <param name="Intake">What the UL is compared with, a day: total intake from food and supplements for a UL on total
/// intake; preformed vitamin A from both for vitamin A; the supplements alone for a UL that covers supplements only
/// (magnesium) or supplements and fortified food (vitamin E, niacin: fortified food is not known, so this is a lower
/// bound; folic acid: with the folic acid of fortified food where the food data give it, <see cref="FromFortifiedFood"/>).</param>
/// <param name="Ul">The UL (IOM/NASEM DRIs, data/dri.csv), in <paramref name="Unit"/> a day.</param>
/// <param name="Scope">What the UL covers.</param>
/// <param name="Supplements">Each supplement that supplies the nutrient, with its amount a day, largest first.</param>
/// <param name="LowerBy">The least the supplements must come down by, a day, to bring <paramref name="Intake"/> to the
/// UL: the excess, or all of the supplements' amount where food alone is above the UL.</param>
public sealed record SupplementCut(string Nutrient, string Name, string Unit, double Intake, double Ul, UpperLimitScope Scope, IReadOnlyList<SupplementAmount> Supplements, double LowerBy)
{
    /// <summary>Whether food alone reaches the UL, so stopping the supplements is not enough on its own.</summary>
    public bool FoodAloneAbove => (Scope is UpperLimitScope.TotalIntake or UpperLimitScope.PreformedVitaminA
        && Intake - Supplements.Sum(s => s.PerDay) > Ul) || FromFortifiedFood > Ul;

    /// <summary>The part of <see cref="Intake"/> that is folic acid from fortified food, ug a day
    /// (<see cref="Replete.Intake.UpperLimitCheck.FromFortifiedFood"/>); 0 for every other nutrient.</summary>
    public double FromFortifiedFood { get; init; }

    /// <summary>Where the assessment finds the intake at a level where harm was seen (a red flag), that level in words
    /// (<see cref="Assessment.ExcessFinding.AtHarmLevel"/>); else null.</summary>
    public string? AtHarmLevel { get; init; }

    /// <summary>The change in words, the same in every front end: which supplement, what it gives, the UL and how much
    /// less to take. At a level where harm was seen, that level and the doctor come first, and the prescribed-dose
    /// sentence gives way to the red flag's (a prescribed dose at a harm level is for that doctor to review).</summary>
    public string Advice => AtHarmLevel is { } harm
        ? $"{Name}: {harm}. Do not take more of {string.Join(", ", Supplements.Select(s => s.Supplement))}: the assessment sends this to a doctor (see its red flag); ask them whether to stop it. If a doctor prescribed this dose, ask them."
        : (string.Create(CultureInfo.InvariantCulture, $"{Name}: {Compared} {Show(Intake)} {Unit}/d, above the UL of {Show(Ul)} {Unit}/d ({Covers}). ")
        + (Supplements.Count == 1
            ? string.Create(CultureInfo.InvariantCulture, $"Lower {Supplements[0].Supplement} ({Show(Supplements[0].PerDay)} {Unit}/d) by at least {Show(LowerBy)} {Unit}/d")
            : string.Create(CultureInfo.InvariantCulture, $"Lower {string.Join(", ", Supplements.Select(s => $"{s.Supplement} ({Show(s.PerDay)} {Unit}/d)"))} by at least {Show(LowerBy)} {Unit}/d together"))
        + (FoodAloneAbove ? "; food alone is above the UL too: ask a doctor or sports dietitian. " : ". ")
        + MedicalSupervision);

    /// <summary>Said with every supplement to lower: <see cref="Replete.Intake.UpperLimitCheck.MedicalSupervision"/>.</summary>
    public const string MedicalSupervision = Replete.Intake.UpperLimitCheck.MedicalSupervision;

    /// <summary>An amount as the advice shows it: whole units with thousands separators from 100, else one decimal.</summary>
    private static string Show(double amount) => amount.ToString(amount >= 100 ? "#,0" : "0.#", CultureInfo.InvariantCulture);

    private string Compared => Scope switch
    {
        UpperLimitScope.TotalIntake => "food and supplements give",
        UpperLimitScope.PreformedVitaminA => "food and supplements give, as preformed vitamin A (retinol),",
        UpperLimitScope.SupplementsOnly => "supplements give",
        _ when FromFortifiedFood > 0 => string.Create(CultureInfo.InvariantCulture, $"supplements and fortified food ({Show(FromFortifiedFood)} {Unit}/d of it) give"),
        _ => "supplements give at least",
    };

    private string Covers => Scope switch
    {
        UpperLimitScope.TotalIntake => "the UL covers food and supplements",
        UpperLimitScope.PreformedVitaminA => "the UL covers preformed vitamin A only",
        UpperLimitScope.SupplementsOnly => "the UL covers supplements only; food is not limited",
        _ when Nutrient == "folate" && Name.Contains("ethylfolate", StringComparison.Ordinal) => $"the UL covers supplements and fortified food; {Replete.Diet.FolateForms.MethylfolateUl}",
        _ => "the UL covers supplements and fortified food",
    };
}

/// <summary>What one supplement supplies of a nutrient a day (its dose times doses a day).</summary>
/// <param name="Supplement">The supplement's name as the person gave it.</param>
/// <param name="PerDay">Amount a day, in the unit of the <see cref="SupplementCut"/> it belongs to.</param>
public sealed record SupplementAmount(string Supplement, double PerDay);

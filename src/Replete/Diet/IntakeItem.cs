namespace Replete.Diet;

/// <summary>One thing a person ate or took on a day, with what it supplied.</summary>
/// <param name="Date">The day.</param>
/// <param name="Time">The time, when the log has one.</param>
/// <param name="Meal">Meal or group ("Breakfast", "Supplements"); "day" for a whole-day total
/// (<see cref="IsDailyTotal"/>).</param>
/// <param name="Name">The food or supplement as logged.</param>
/// <param name="Nutrients">Amounts by catalog nutrient id, in the catalog's units. A nutrient the source does not report
/// is absent: unknown, never zero.</param>
/// <param name="Origin">Where it came from, "file:line", for messages and traceability.</param>
public sealed record IntakeItem(DateOnly Date, TimeOnly? Time, string Meal, string Name, IReadOnlyDictionary<string, double> Nutrients, string Origin)
{
    /// <summary>True for a supplement: kept apart where a UL covers supplements only.</summary>
    public bool IsSupplement { get; init; }

    /// <summary>True for a row the source does not mark as food or supplement (a Cronometer row with a blank category,
    /// which a tablet logged as a custom food has): counted as food, but where it could take a supplement-only UL over,
    /// that UL is not judged.</summary>
    public bool MaybeSupplement { get; init; }

    /// <summary>True for a whole-day total (a Cronometer daily summary row), which must not be added to single foods of
    /// the same day.</summary>
    public bool IsDailyTotal { get; init; }

    /// <summary>Grams eaten, when known.</summary>
    public double? Grams { get; init; }

    /// <summary>Nutrients whose amount is an estimate (a % Daily Value, vitamin A from IU).</summary>
    public IReadOnlySet<string> Estimated { get; init; } = new HashSet<string>();

    /// <summary>True when the source gives vitamin A without saying how much is preformed (retinol) and how much is
    /// carotenoid (a MyFitnessPal % Daily Value): the UL, which covers retinol only, cannot be judged from it.</summary>
    public bool VitaminAFormUnknown { get; init; }

    /// <summary>Vitamin A in IU of unknown form that was not counted (a MyFitnessPal % Daily Value from before the 2016
    /// label rule, when the Daily Value was 5,000 IU): an IU is 0.3 ug RAE as retinol but 0.05 as dietary beta-carotene
    /// (IOM 2001 ch.4), so the RAE could be anywhere in a sixfold range and is not compared with any reference.</summary>
    public double VitaminAIuNotCounted { get; init; }

    /// <summary>Synthetic folic acid a food gives, in ug as eaten (not DFE): what fortification or enrichment added
    /// (breakfast cereal, enriched bread, pasta, rice and flour), from the food table's own value (SR28 ABBREV
    /// <c>Folic_Acid_(ug)</c>, FoodData Central nutrient 1186, <see cref="FolateForms.FolicAcidFdcNutrientId"/>). Null
    /// where the source does not give it (an app export gives folate as one figure; some SR28 cereals give total folate
    /// only): the folate UL, which counts folic acid from fortified food with the supplements' (IOM 1998 ch.8), cannot
    /// see this item's share, and <see cref="FolicAcidAtMost"/> bounds it. Not used for a supplement, whose folate the UL
    /// counts by <see cref="FolateForms.TowardUl"/>.</summary>
    public double? FolicAcid { get; init; }

    /// <summary>Where <see cref="FolicAcid"/> is not known, the most folic acid the item can give, in ug: its total
    /// folate (SR28 <c>Folate_Tot_(ug)</c>, food folate plus folic acid) where the food table gives it, else its folate
    /// DFE / 1.7 (all of it as folic acid, 1.7 ug DFE per ug; IOM 1998 ch.8); null where neither is known. An app export's
    /// item leaves it null and is bounded from its folate (<see cref="FolateForms.FolicAcidAtMost"/>).</summary>
    public double? FolicAcidAtMost { get; init; }

    /// <summary>Food components that are not nutrients, in mg, by name (<see cref="Foods.FoodComponent.All"/>: phytate,
    /// polyphenols, oxalate, soluble_oxalate): only those the food's source reports (IFCT 2017); absent means unknown.</summary>
    public IReadOnlyDictionary<string, double> Components { get; init; } = NoComponents;

    /// <summary>One shared empty set of components: most items (every USDA food) have none, and a long log holds many.</summary>
    internal static readonly IReadOnlyDictionary<string, double> NoComponents = System.Collections.ObjectModel.ReadOnlyDictionary<string, double>.Empty;
}

using Replete.Data;

namespace Replete.References;

/// <summary>EAR, RDA, AI and UL for every catalog nutrient and life stage (data/dri.csv).</summary>
public sealed class DriTable
{
    private readonly Dictionary<(string LifeStage, string Nutrient), DietaryReferenceIntake> values;

    private DriTable(IEnumerable<DietaryReferenceIntake> values) =>
        this.values = values.ToDictionary(v => (v.LifeStageId, v.NutrientId));

    /// <summary>The table embedded in the engine.</summary>
    public static DriTable Default { get; } = Load();

    /// <summary>Every row.</summary>
    public IEnumerable<DietaryReferenceIntake> All => values.Values;

    /// <summary>The DRI for a nutrient and life stage, or null where the reports set none (energy, for example).</summary>
    public DietaryReferenceIntake? Find(string lifeStageId, string nutrientId) =>
        values.TryGetValue((lifeStageId, nutrientId), out var dri) ? dri : null;

    private static DriTable Load() => new(ReferenceData.Read("dri.csv").Select(r => new DietaryReferenceIntake(
        r.Text("nutrient"),
        r.Text("life_stage"),
        r.OptionalNumber("ear"),
        r.OptionalNumber("rda"),
        r.OptionalNumber("ai"),
        r.OptionalNumber("ul"),
        r.Text("ul_scope") switch
        {
            "" or "total" => UpperLimitScope.TotalIntake,
            "supplements" => UpperLimitScope.SupplementsOnly,
            "supplements_and_fortificants" => UpperLimitScope.SupplementsAndFortificants,
            "preformed" => UpperLimitScope.PreformedVitaminA,
            var other => throw new InvalidDataException($"dri.csv:{r.Line}: unknown ul_scope '{other}'."),
        },
        r.OptionalNumber("cdrr"),
        r.OptionalNumber("ear_per_kg"),
        r.OptionalNumber("rda_per_kg"),
        r.Text("source"))));
}

using System.Text.Json;
using Replete.Diet;
using Replete.Storage.Records;

namespace Replete.Web.Athletes;

/// <summary>Converts between the engine's <see cref="IntakeItem"/> and its stored row.</summary>
/// <remarks>A food's folic acid from fortification (<see cref="IntakeItem.FolicAcid"/>, and its bound where unknown,
/// <see cref="IntakeItem.FolicAcidAtMost"/>), which the folate UL counts, is kept in the row's nutrient JSON under
/// <see cref="FolateForms.FolicAcidKey"/> and <see cref="FolicAcidAtMostKey"/>, and taken out again on reading: never
/// a catalog nutrient of the item.</remarks>
internal static class IntakeRows
{
    /// <summary>The key of <see cref="IntakeItem.FolicAcidAtMost"/> in a row's nutrient JSON.</summary>
    private const string FolicAcidAtMostKey = "folic_acid_at_most";

    public static IntakeRecord ToRecord(IntakeItem item, string accountId, long? importId) => new()
    {
        AccountId = accountId,
        Date = item.Date,
        Time = item.Time,
        Meal = item.Meal,
        Name = item.Name,
        Grams = item.Grams,
        Nutrients = JsonSerializer.Serialize(WithFolicAcid(item)),
        Estimated = JsonSerializer.Serialize(item.Estimated.Order(StringComparer.Ordinal)),
        IsSupplement = item.IsSupplement,
        MaybeSupplement = item.MaybeSupplement,
        IsDailyTotal = item.IsDailyTotal,
        Origin = item.Origin,
        ImportId = importId,
    };

    public static IntakeItem ToItem(IntakeRecord row)
    {
        var nutrients = JsonSerializer.Deserialize<Dictionary<string, double>>(row.Nutrients) ?? [];
        double? folicAcid = nutrients.Remove(FolateForms.FolicAcidKey, out var known) ? known : null;
        double? atMost = nutrients.Remove(FolicAcidAtMostKey, out var most) ? most : null;
        return new(row.Date, row.Time, row.Meal, row.Name, nutrients, row.Origin)
        {
            IsSupplement = row.IsSupplement,
            MaybeSupplement = row.MaybeSupplement,
            IsDailyTotal = row.IsDailyTotal,
            Grams = row.Grams,
            Estimated = (JsonSerializer.Deserialize<string[]>(row.Estimated) ?? []).ToHashSet(StringComparer.Ordinal),
            FolicAcid = folicAcid,
            FolicAcidAtMost = atMost,
        };
    }

    /// <summary>A row's nutrients for a person to read (the export's intake.csv): what the food gave, with its folic acid
    /// where known, never the bound Replete keeps where it is not (a ceiling, not an amount eaten).</summary>
    public static string NutrientsForPeople(IntakeRecord row) => JsonSerializer.Serialize(WithFolicAcid(ToItem(row) with { FolicAcidAtMost = null }));

    private static IReadOnlyDictionary<string, double> WithFolicAcid(IntakeItem item)
    {
        if (item.FolicAcid is null && item.FolicAcidAtMost is null)
        {
            return item.Nutrients;
        }

        var nutrients = new Dictionary<string, double>(item.Nutrients);
        if (item.FolicAcid is { } folicAcid)
        {
            nutrients[FolateForms.FolicAcidKey] = folicAcid;
        }

        if (item.FolicAcidAtMost is { } atMost)
        {
            nutrients[FolicAcidAtMostKey] = atMost;
        }

        return nutrients;
    }
}

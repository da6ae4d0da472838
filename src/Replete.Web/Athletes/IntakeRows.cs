using System.Text.Json;
using Replete.Diet;
using Replete.Storage.Records;

namespace Replete.Web.Athletes;

/// <summary>Converts between the engine's <see cref="IntakeItem"/> and its stored row.</summary>
internal static class IntakeRows
{
    public static IntakeRecord ToRecord(IntakeItem item, string accountId, long? importId) => new()
    {
        AccountId = accountId,
        Date = item.Date,
        Time = item.Time,
        Meal = item.Meal,
        Name = item.Name,
        Grams = item.Grams,
        Nutrients = JsonSerializer.Serialize(item.Nutrients),
        Estimated = JsonSerializer.Serialize(item.Estimated.Order(StringComparer.Ordinal)),
        IsSupplement = item.IsSupplement,
        IsDailyTotal = item.IsDailyTotal,
        Origin = item.Origin,
        ImportId = importId,
    };

    public static IntakeItem ToItem(IntakeRecord row) =>
        new(row.Date, row.Time, row.Meal, row.Name, JsonSerializer.Deserialize<Dictionary<string, double>>(row.Nutrients) ?? [], row.Origin)
        {
            IsSupplement = row.IsSupplement,
            IsDailyTotal = row.IsDailyTotal,
            Grams = row.Grams,
            Estimated = (JsonSerializer.Deserialize<string[]>(row.Estimated) ?? []).ToHashSet(StringComparer.Ordinal),
        };
}

namespace Replete.Storage.Records;

/// <summary>One thing eaten or taken on a day, as the engine's <c>IntakeItem</c>: from a food log entry (resolved through
/// the food database when it was written) or from an import.</summary>
public sealed class IntakeRecord
{
    /// <summary>Row id.</summary>
    public long Id { get; set; }

    /// <summary>The athlete's account id.</summary>
    public string AccountId { get; set; } = "";

    /// <summary>The day.</summary>
    public DateOnly Date { get; set; }

    /// <summary>The time, when known.</summary>
    public TimeOnly? Time { get; set; }

    /// <summary>Meal or diary group; "day" for a whole-day total.</summary>
    public string Meal { get; set; } = "";

    /// <summary>The food as logged.</summary>
    public string Name { get; set; } = "";

    /// <summary>Grams eaten, when known.</summary>
    public double? Grams { get; set; }

    /// <summary>Amounts by catalog nutrient id in the catalog's units, as JSON; a nutrient not reported is absent.</summary>
    public string Nutrients { get; set; } = "{}";

    /// <summary>Nutrient ids whose amounts are estimates, as a JSON array.</summary>
    public string Estimated { get; set; } = "[]";

    /// <summary>A supplement row (kept apart where a UL covers supplements only).</summary>
    public bool IsSupplement { get; set; }

    /// <summary>Could be a supplement (an app export's row with a blank category, which a tablet logged as a custom food
    /// has): counted as food, but a UL on supplements alone that it would reach is not judged (the engine's
    /// <c>IntakeItem.MaybeSupplement</c>).</summary>
    public bool MaybeSupplement { get; set; }

    /// <summary>A whole-day total that must not be added to single foods of the same day.</summary>
    public bool IsDailyTotal { get; set; }

    /// <summary>Where it came from ("file:line" for an import, "log" for an entry).</summary>
    public string Origin { get; set; } = "";

    /// <summary>The import this row came with, or null for a food log entry.</summary>
    public long? ImportId { get; set; }

    /// <summary>For a food log entry: the food database id it was matched to.</summary>
    public long? FoodId { get; set; }

    /// <summary>For a food log entry: the amount as the person wrote it ("1 cup", "150 g").</summary>
    public string? Amount { get; set; }
}

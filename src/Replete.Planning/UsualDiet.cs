using Replete.Diet;

namespace Replete.Planning;

/// <summary>The person's usual diet as a plan reads it, from one reading of the logged items: their own foods, the
/// preformed vitamin A their food gives a day, the meal-pairing sums per day and meal, and each meal's phytate and
/// polyphenol load. A large export is then read once for all four rather than once each.</summary>
public sealed class UsualDiet
{
    private readonly MealPairing.Reading pairing;

    private UsualDiet(IReadOnlyList<PlanFood> own, double preformedFromFood, MealPairing.Reading pairing, IReadOnlyList<MealInhibitorLoad> mealInhibitors)
    {
        Own = own;
        PreformedFromFood = preformedFromFood;
        this.pairing = pairing;
        MealInhibitors = mealInhibitors;
    }

    /// <summary>The person's own foods (<see cref="PlanFoods.Own"/>).</summary>
    public IReadOnlyList<PlanFood> Own { get; }

    /// <summary>Preformed vitamin A a day from the logged items, µg: per item its retinol where it reports one, else all
    /// its vitamin A (a form not known counts as preformed), as the diet analysis compares with the UL.</summary>
    public double PreformedFromFood { get; }

    /// <summary>Each named meal's phytate and polyphenol load (<see cref="MealInhibitorLoad.Of"/>), from the same reading.</summary>
    public IReadOnlyList<MealInhibitorLoad> MealInhibitors { get; }

    /// <summary>Reads <paramref name="items"/> once, those within <paramref name="diet"/>'s dates.</summary>
    /// <param name="items">The logged items the analysis was made from.</param>
    /// <param name="diet">The analysis: its dates and number of logged days.</param>
    public static UsualDiet Read(IEnumerable<IntakeItem> items, DietAnalysis diet)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(diet);
        var reader = new Reader();
        foreach (var item in items.Where(i => (diet.From is null || i.Date >= diet.From) && (diet.To is null || i.Date <= diet.To)))
        {
            reader.Add(item);
        }

        return reader.Finish(diet.Days);
    }

    /// <summary>Builds the usual diet from items shown to it one by one (the analysis's own reading:
    /// <see cref="DietAnalyzer.Analyze"/>'s <c>observe</c>), so the log is read once for both.</summary>
    public sealed class Reader
    {
        private readonly PlanFoods.OwnReading own = new();
        private readonly MealPairing.Reading pairing = new();
        private readonly MealInhibitorLoad.Reading inhibitors = new();
        private double preformed;

        /// <summary>Counts one logged item in (one within the analysis's dates).</summary>
        public void Add(IntakeItem item)
        {
            ArgumentNullException.ThrowIfNull(item);
            own.Add(item);
            pairing.Add(item);
            inhibitors.Add(item);
            preformed += PreformedIn(item);
        }

        /// <summary>The usual diet over <paramref name="days"/> logged days.</summary>
        public UsualDiet Finish(int days) => new(own.Foods(days), days == 0 ? 0 : preformed / days, pairing, inhibitors.Loads());
    }

    /// <summary>The meal-pairing advice for these meals with the daily <paramref name="supplements"/>.</summary>
    public IReadOnlyList<PairingAdvice> Pairings(IReadOnlyList<Supplement> supplements) => pairing.Advice(supplements);

    /// <summary>The preformed vitamin A of one item (none for a daily total).</summary>
    internal static double PreformedIn(IntakeItem item) =>
        item.IsDailyTotal ? 0 : item.Nutrients.TryGetValue("retinol", out var r) ? r : item.Nutrients.GetValueOrDefault("vitamin_a");
}

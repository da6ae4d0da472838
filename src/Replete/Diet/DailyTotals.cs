namespace Replete.Diet;

/// <summary>Per-day nutrient totals from a large log, on dense arrays: the hot path when many people or many days are
/// analysed at once (a coach's roster, a research export).</summary>
/// <remarks>Foods are rows of per-100 g amounts with a bit mask of the nutrients each reports (missing is not zero: a
/// nutrient a food does not report adds nothing to the total and nothing to the count of reporting entries).</remarks>
public sealed class DailyTotals
{
    private readonly double[] per100Grams;
    private readonly ulong[] reportedMask;

    /// <summary>Builds the food table: <paramref name="per100Grams"/>[food][nutrient], NaN where not reported.</summary>
    public DailyTotals(IReadOnlyList<double[]> per100Grams, int nutrients)
    {
        ArgumentNullException.ThrowIfNull(per100Grams);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(nutrients, 64);
        Nutrients = nutrients;
        this.per100Grams = new double[per100Grams.Count * nutrients];
        reportedMask = new ulong[per100Grams.Count];
        for (var food = 0; food < per100Grams.Count; food++)
        {
            for (var n = 0; n < nutrients; n++)
            {
                var value = per100Grams[food][n];
                if (!double.IsNaN(value))
                {
                    this.per100Grams[(food * nutrients) + n] = value / 100;
                    reportedMask[food] |= 1UL << n;
                }
            }
        }
    }

    /// <summary>Nutrients per food.</summary>
    public int Nutrients { get; }

    /// <summary>Adds every entry (day, food, grams) into <paramref name="totals"/>[day * Nutrients + n] and counts the
    /// entries that report each nutrient in <paramref name="reporting"/>.</summary>
    public void Sum(ReadOnlySpan<int> day, ReadOnlySpan<int> food, ReadOnlySpan<float> grams, Span<double> totals, Span<int> reporting)
    {
        if (day.Length != food.Length || day.Length != grams.Length)
        {
            throw new ArgumentException("day, food and grams must have one value per entry");
        }

        var n = Nutrients;
        for (var e = 0; e < day.Length; e++)
        {
            var row = per100Grams.AsSpan(food[e] * n, n);
            var target = totals.Slice(day[e] * n, n);
            var counts = reporting.Slice(day[e] * n, n);
            double amount = grams[e];
            for (var i = 0; i < row.Length; i++)
            {
                target[i] += row[i] * amount;
            }

            var mask = reportedMask[food[e]];
            for (var i = 0; i < counts.Length; i++)
            {
                counts[i] += (int)((mask >> i) & 1);
            }
        }
    }
}

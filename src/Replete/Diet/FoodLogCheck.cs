namespace Replete.Diet;

/// <summary>What the food-log lines came to, for every report to show: the matches below the confirmation threshold
/// (<see cref="ResolvedFood.NeedsConfirmation"/>: counted as matched, listed for the person to confirm) and the lines not
/// counted at all (no food matched, or the amount could not be weighed), with how many lines each covers.</summary>
/// <param name="Lines">Food-log lines read (app exports with their own nutrients are not matched and not included).</param>
/// <param name="ToConfirm">Each food and amount whose match needs confirming, with its lines.</param>
/// <param name="NotCounted">Each food and amount that was not counted, with its lines and why (<see cref="ResolvedFood.Problem"/>).</param>
public sealed record FoodLogCheck(int Lines, IReadOnlyList<ResolvedFood> ToConfirm, IReadOnlyList<ResolvedFood> NotCounted)
{
    /// <summary>From this share of food-log lines not counted, the intake is a lower bound that the log cannot settle short
    /// of adequate (the missing foods may carry what seems short). Replete's choice: a tenth of a log is a food a day in a
    /// 10-item day.</summary>
    public const double LargeShareNotCounted = 0.1;

    /// <summary>What to do about lines that matched no food, in words.</summary>
    public const string ImportAdvice = "import a food table that has those foods: 'replete foods init --table ifct2017' adds the Indian Food Composition Tables 2017 (ragi, chana dal, palak), 'replete foods import fdc FILE' a FoodData Central download; or log them by food id";

    /// <summary>No food log.</summary>
    public static FoodLogCheck None { get; } = new(0, [], []);

    /// <summary>Food-log lines not counted: those of <see cref="NotCounted"/>, or the count kept of a check whose lists
    /// were not (<see cref="Counted"/>).</summary>
    public int LinesNotCounted { get; init; } = NotCounted.Sum(f => f.Lines);

    /// <summary>True when so many lines were not counted (<see cref="LargeShareNotCounted"/>) that the intake is a lower bound.</summary>
    public bool MuchNotCounted => LinesNotCounted > 0 && LinesNotCounted >= LargeShareNotCounted * Lines;

    /// <summary>True when a line matched no food at all (rather than having an amount that could not be weighed).</summary>
    public bool AnyUnmatched => NotCounted.Any(f => f.Match is null);

    /// <summary>Where the log contradicts the profile's diet pattern: each names the pattern and the logged foods it
    /// rules out (<see cref="AgainstPattern"/>). Empty with no pattern, or none that rules anything out.</summary>
    public IReadOnlyList<string> PatternConflicts { get; init; } = [];

    /// <summary>A check kept as its counts only, without its lists: what a server stores of each import
    /// (<paramref name="lines"/> read, <paramref name="linesNotCounted"/> of them not counted), so that an analysis of the
    /// stored intake reads its means as lower bounds (<see cref="MuchNotCounted"/>) as the import's own analysis would.</summary>
    /// <param name="lines">Food-log lines read.</param>
    /// <param name="linesNotCounted">Of them, lines not counted.</param>
    public static FoodLogCheck Counted(int lines, int linesNotCounted)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lines);
        ArgumentOutOfRangeException.ThrowIfNegative(linesNotCounted);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(linesNotCounted, lines);
        return new(lines, [], []) { LinesNotCounted = linesNotCounted };
    }

    /// <summary>The check of an import's matched foods (<see cref="ImportedDiet.Resolved"/>).</summary>
    public static FoodLogCheck Of(IReadOnlyList<ResolvedFood> resolved) => Of(resolved, null);

    /// <summary>As <see cref="Of(IReadOnlyList{ResolvedFood})"/>, with the foods <paramref name="pattern"/> rules out.</summary>
    public static FoodLogCheck Of(IReadOnlyList<ResolvedFood> resolved, References.DietPattern? pattern)
    {
        ArgumentNullException.ThrowIfNull(resolved);
        return new(resolved.Sum(r => r.Lines), [.. resolved.Where(r => r.NeedsConfirmation)], [.. resolved.Where(r => r.Item is null)])
        {
            PatternConflicts = pattern is { } p ? AgainstPattern(p, resolved) : [],
        };
    }

    /// <summary>The counted foods a vegetarian, vegan or pescatarian profile rules out, by the matched food's SR food
    /// group and description (<see cref="Foods.FoodExclusions"/>, data/food_exclusions.csv): the profile or the log is
    /// wrong, and the diet's iron factor (x1.8 for vegetarians, IOM 2001 p.351) and the plan's exclusions follow the
    /// profile. One sentence, naming up to five foods with their lines.</summary>
    public static IReadOnlyList<string> AgainstPattern(References.DietPattern pattern, IReadOnlyList<ResolvedFood> resolved)
    {
        ArgumentNullException.ThrowIfNull(resolved);
        if (pattern == References.DietPattern.Omnivore)
        {
            return [];
        }

        var rule = Foods.FoodExclusions.Default.For(pattern);
        var against = resolved.Where(r => r.Item is not null && r.Food is { } food && rule.RulesOut(food))
            .GroupBy(r => r.Food!.Description, StringComparer.Ordinal)
            .Select(g => (Food: g.Key, Logged: g.First().Entry.Food, Lines: g.Sum(r => r.Lines)))
            .ToList();
        if (against.Count == 0)
        {
            return [];
        }

        var named = string.Join("; ", against.Take(5).Select(a => $"'{a.Logged}' ({a.Food}, {a.Lines} line(s))")) + (against.Count > 5 ? $"; and {against.Count - 5} more" : "");
        return [$"The profile says {rule.Label}, but the log has {against.Sum(a => a.Lines)} line(s) of foods that diet leaves out: {named}. Correct the profile's diet or the log: the iron target and the plan follow the profile."];
    }
}

using Replete.Documents;
using Replete.Intake;
using Replete.Nutrients;
using Replete.Targets;

namespace Replete.Diet;

/// <summary>A food's share of a nutrient over the analysed days.</summary>
public sealed record FoodContribution(string Food, double MeanDaily, double Share);

/// <summary>One day's totals from food and supplements.</summary>
public sealed record DayIntake(DateOnly Date, int Entries, IReadOnlyDictionary<string, double> Totals);

/// <summary>A nutrient's usual intake against the person's target.</summary>
/// <param name="Nutrient">The nutrient.</param>
/// <param name="Target">The person's target.</param>
/// <param name="MeanDaily">Mean daily intake from food and supplements; null when no logged food reports it.</param>
/// <param name="MeanFromSupplements">The part from supplements.</param>
/// <param name="Days">Days counted.</param>
/// <param name="Coverage">Share of logged food entries that report the nutrient (0-1).</param>
/// <param name="Adequacy">Probability of adequacy and the UL check; null when there is nothing to assess.</param>
/// <param name="TopFoods">The foods that supplied most of it.</param>
/// <param name="Notes">Caveats in words.</param>
public sealed record NutrientIntake(
    Nutrient Nutrient, NutrientTarget Target, double? MeanDaily, double MeanFromSupplements, int Days, double Coverage,
    ProbabilityOfAdequacy? Adequacy, IReadOnlyList<FoodContribution> TopFoods, IReadOnlyList<string> Notes)
{
    /// <summary>True when part of the intake is an estimate (a % Daily Value, vitamin A from IU).</summary>
    public bool HasEstimates { get; init; }
}

/// <summary>The intake report over a date range.</summary>
public sealed record DietAnalysis(DateOnly? From, DateOnly? To, int Days, int Entries, IReadOnlyList<NutrientIntake> Nutrients, IReadOnlyList<DayIntake> DayByDay);

/// <summary>Turns intake items into usual intake per nutrient, compared with the person's targets.</summary>
public static class DietAnalyzer
{
    /// <summary>Coverage below this makes the mean a lower bound, and the report says so.</summary>
    public const double LowCoverage = 0.8;

    /// <summary>Analyses the food <paramref name="items"/> between <paramref name="from"/> and <paramref name="to"/>
    /// (inclusive, optional), adding <paramref name="supplements"/> on every logged day.</summary>
    /// <exception cref="InputException">A day's total of a nutrient is above <see cref="InputLimits.DailyIntake"/>
    /// (each entry in range, their sum not): the problem names the largest entry's file and line.</exception>
    public static DietAnalysis Analyze(IEnumerable<IntakeItem> items, IReadOnlyList<Supplement> supplements, PersonalTargets targets, DateOnly? from = null, DateOnly? to = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(supplements);
        ArgumentNullException.ThrowIfNull(targets);
        var foods = items.Where(i => !i.IsSupplement && (from is null || i.Date >= from) && (to is null || i.Date <= to)).ToList();
        var dates = foods.Select(i => i.Date).Distinct().Order().ToList();
        var taken = dates.SelectMany(date => supplements.Select(s => s.On(date))).Concat(items.Where(i => i.IsSupplement && dates.Contains(i.Date))).ToList();
        var byDay = dates.ToDictionary(d => d, d => new Dictionary<string, double>());
        foreach (var item in foods.Concat(taken))
        {
            var totals = byDay[item.Date];
            foreach (var (nutrient, amount) in item.Nutrients)
            {
                totals[nutrient] = totals.GetValueOrDefault(nutrient) + amount;
            }
        }

        CheckTotals(foods.Concat(taken), byDay);
        var results = new List<NutrientIntake>();
        foreach (var target in targets.Targets)
        {
            results.Add(Assess(target, foods, taken, dates, byDay, targets, supplements));
        }

        var entries = foods.CountBy(i => i.Date).ToDictionary();
        var days = dates.Select(d => new DayIntake(d, entries[d], byDay[d])).ToList();
        return new DietAnalysis(from ?? dates.FirstOrDefault(), to ?? dates.LastOrDefault(), dates.Count, foods.Count, results, days);
    }

    /// <summary>Refuses a day whose total of a nutrient is beyond any diet: entries each in range can add up to an absurd
    /// day (thousands of servings), which would otherwise reach the adequacy model.</summary>
    private static void CheckTotals(IEnumerable<IntakeItem> items, Dictionary<DateOnly, Dictionary<string, double>> byDay)
    {
        foreach (var (date, totals) in byDay)
        {
            foreach (var (nutrient, total) in totals)
            {
                if (InputLimits.DailyIntake.Check(total) is not { } message)
                {
                    continue;
                }

                var largest = items.Where(i => i.Date == date).MaxBy(i => i.Nutrients.GetValueOrDefault(nutrient))!;
                var colon = largest.Origin.LastIndexOf(':');
                var line = colon > 0 && int.TryParse(largest.Origin.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
                throw new InputException([new InputProblem(line is null ? largest.Origin : largest.Origin[..colon], line, nutrient, InputProblemCodes.OutOfRange,
                    $"the total for {date:yyyy-MM-dd}: {message}; the largest entry is '{DocumentReader.Shorten(largest.Name)}'")]);
            }
        }
    }

    private static NutrientIntake Assess(NutrientTarget target, List<IntakeItem> foods, List<IntakeItem> taken, List<DateOnly> dates,
        Dictionary<DateOnly, Dictionary<string, double>> byDay, PersonalTargets targets, IReadOnlyList<Supplement> supplements)
    {
        var id = target.Nutrient.Id;
        var notes = new List<string>();
        var reporting = foods.Count(i => i.Nutrients.ContainsKey(id));
        var coverage = foods.Count == 0 ? 0 : (double)reporting / foods.Count;
        var fromSupplements = dates.Count == 0 ? 0 : taken.Sum(i => i.Nutrients.GetValueOrDefault(id)) / dates.Count;
        if (dates.Count == 0 || (reporting == 0 && fromSupplements == 0))
        {
            notes.Add(dates.Count == 0 ? "No logged days in the range." : "No logged food reports it: intake unknown, not zero.");
            return new NutrientIntake(target.Nutrient, target, null, fromSupplements, dates.Count, coverage, null, [], notes);
        }

        if (coverage < LowCoverage)
        {
            notes.Add($"Only {coverage:P0} of logged foods report it: the mean is a lower bound.");
        }

        var estimated = foods.Concat(taken).Any(i => i.Estimated.Contains(id) && i.Nutrients.ContainsKey(id));
        if (estimated)
        {
            notes.Add("Part of the intake is estimated (a % Daily Value or vitamin A from IU).");
        }

        // A day on which nothing logged reports the nutrient is unknown, not a day of zero intake: it is left out.
        var reportingDays = foods.Concat(taken).Where(i => i.Nutrients.ContainsKey(id)).Select(i => i.Date).ToHashSet();
        var counted = dates.Where(reportingDays.Contains).ToList();
        if (counted.Count < dates.Count)
        {
            notes.Add($"{dates.Count - counted.Count} of {dates.Count} day(s) have no logged food reporting it and are left out.");
        }

        var daily = counted.Select(d => byDay[d].GetValueOrDefault(id)).ToList();
        if (target.AthleteLow is { } low && daily.Average() < low)
        {
            var source = target.Adjustments.Select(a => a.Source).FirstOrDefault(s => s.Length > 0) ?? "athlete guidance";
            notes.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"Below the athlete range ({low:0.#}-{target.AthleteHigh:0.#} {target.Nutrient.Unit}/d, {source}); P(adequate) compares with the general EAR, which athletes' needs exceed."));
        }

        // The folate UL is in micrograms of folic acid, not DFE: compare what the labels give as folic acid.
        var forUpperLimit = id == "folate" && supplements.Any(s => s.FolicAcidPerDose > 0)
            ? supplements.Sum(s => s.FolicAcidPerDose * s.DosesPerDay)
            : fromSupplements;
        // The vitamin A UL covers preformed vitamin A (retinol) only (IOM 2001 ch.4): where the logged foods report
        // retinol it is what the UL sees, so carrots never raise a UL alarm; where too few do, total RAE is compared and
        // the note says it overstates.
        IntakeObservation? preformed = null;
        if (target.UlScope == References.UpperLimitScope.PreformedVitaminA
            && foods.Count(i => i.Nutrients.ContainsKey("retinol")) >= LowCoverage * foods.Count && foods.Count > 0)
        {
            // Per item: its retinol where it gives one, else all its vitamin A (a form not known counts as preformed).
            static double Preformed(IntakeItem i) => i.Nutrients.TryGetValue("retinol", out var r) ? r : i.Nutrients.GetValueOrDefault("vitamin_a");
            var retinolDaily = counted.Select(d => foods.Concat(taken).Where(i => i.Date == d).Sum(Preformed)).ToList();
            var retinolFromSupplements = taken.Sum(Preformed) / dates.Count;
            preformed = IntakeObservation.FromDays("vitamin_a", retinolDaily, Math.Min(retinolFromSupplements, retinolDaily.Average()));
        }

        var adequacy = AdequacyAssessor.Assess(IntakeObservation.FromDays(id, daily, Math.Min(forUpperLimit, daily.Average())), target, targets.LifeStage, targets.Person.Sex, preformed);
        var foodTotal = foods.Sum(i => i.Nutrients.GetValueOrDefault(id));
        var top = foods.Where(i => i.Nutrients.GetValueOrDefault(id) > 0)
            .GroupBy(i => i.Name, StringComparer.OrdinalIgnoreCase)
            .Select(g => new FoodContribution(g.Key, g.Sum(i => i.Nutrients[id]) / dates.Count, foodTotal > 0 ? g.Sum(i => i.Nutrients[id]) / foodTotal : 0))
            .OrderByDescending(c => c.MeanDaily)
            .Take(3)
            .ToList();
        return new NutrientIntake(target.Nutrient, target, daily.Average(), fromSupplements, counted.Count, coverage, adequacy, top, notes) { HasEstimates = estimated };
    }
}

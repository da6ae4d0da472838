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

    /// <summary>True when part of the intake comes from daily totals (a Cronometer daily summary), which do not say how
    /// many of the day's foods report the nutrient: <see cref="Coverage"/> then counts days, not foods, and the mean is
    /// a lower bound (<see cref="DietAnalyzer.FromDailyTotals"/>).</summary>
    public bool CoverageUnknown { get; init; }

    /// <summary>The probability of adequacy a report may show, or why none can be shown: what every report shows in
    /// place of <see cref="ProbabilityOfAdequacy.Probability"/>.</summary>
    public AdequacyReading Reading { get; init; } = AdequacyReading.NotAssessed;
}

/// <summary>The intake report over a date range.</summary>
public sealed record DietAnalysis(DateOnly? From, DateOnly? To, int Days, int Entries, IReadOnlyList<NutrientIntake> Nutrients, IReadOnlyList<DayIntake> DayByDay)
{
    /// <summary>The food log's uncertain matches and lines not counted (<see cref="ImportedDiet.Check"/>), which the
    /// conclusions drawn from the intake must weigh; none when the caller gives none. Reports show it in their own
    /// sections, so it is not repeated in the analysis's JSON.</summary>
    /// <remarks>Where so many lines were not counted that every mean is a lower bound (<see cref="FoodLogCheck.MuchNotCounted"/>),
    /// setting it reads each nutrient's adequacy again as a lower bound (<see cref="AdequacyReading.For"/>).</remarks>
    [System.Text.Json.Serialization.JsonIgnore]
    public FoodLogCheck FoodLog
    {
        get;
        init
        {
            field = value ?? throw new ArgumentNullException(nameof(value));
            if (value.MuchNotCounted && !SupplementsAlone)
            {
                var why = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{value.LinesNotCounted} of {value.Lines} food-log lines were not counted");
                Nutrients = [.. Nutrients.Select(n => n.Reading.Status == AdequacyStatus.Implausible ? n
                    : n with
                    {
                        Reading = AdequacyReading.For(n.Adequacy, n.MeanDaily, n.Target, DietAnalyzer.LowerBoundReason(n) ?? why),
                        Adequacy = DietAnalyzer.UpperLimitOfLowerBound(n.Adequacy, DietAnalyzer.LowerBoundReason(n) ?? why),
                    })];
            }
        }
    } = FoodLogCheck.None;

    /// <summary>What in the intake is implausible and should be checked before anything is concluded from it (a day's
    /// energy beyond any recorded human intake, a supplement many times its UL, vitamin A whose form the source does
    /// not give), in words; every report shows them first.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<string> Plausibility { get; init; } = [];

    /// <summary>Why the log is not a real intake, or null when it passes the plausibility check: a day's energy beyond any
    /// recorded intake (<see cref="DietAnalyzer.MostEnergyRecordedInADayKcal"/>) or a day's food total of a nutrient
    /// <see cref="DietAnalyzer.ImplausibleUlMultiple"/> times its UL or more. Such a log is still shown, but no nutrient's
    /// adequacy is read from it (<see cref="AdequacyStatus.Implausible"/>): it never counts as evidence that a nutrient is
    /// adequate, and no plan is made from it.</summary>
    public string? Implausible { get; init; }

    /// <summary>Every warning, first in every report: <see cref="Plausibility"/>, then the food log against the profile's
    /// diet pattern (<see cref="FoodLogCheck.PatternConflicts"/>), then the athlete ranges not known for want of a body
    /// mass (<see cref="AdequacyStatus.AthleteRangeUnknown"/>).</summary>
    public IReadOnlyList<string> Warnings => [.. Plausibility, .. FoodLog.PatternConflicts, .. BodyMassNeeded()];

    /// <summary>One warning naming the nutrients whose athlete range is per kg of body mass and not known (no body mass
    /// given), so that a report asks for a weight first instead of leaving it in each nutrient's note.</summary>
    private IEnumerable<string> BodyMassNeeded()
    {
        var unknown = Nutrients.Where(n => n.Reading.Status == AdequacyStatus.AthleteRangeUnknown && n.Target.AthleteRangeUnknown is not null).ToList();
        return unknown.Count == 0 ? []
            : [$"No body mass given: {string.Join(" and ", unknown.Select(n => n.Nutrient.Name.ToLowerInvariant()))} {(unknown.Count == 1 ? "is" : "are")} not judged, since the general EAR, far below an athlete's needs, does not apply ({string.Join("; ", unknown.Select(n => $"{n.Nutrient.Name.ToLowerInvariant()}: {n.Target.AthleteRangeUnknown}"))}). Give a body mass."];
    }

    /// <summary>True when no food is logged in the range and the analysis reads the supplements alone
    /// (<see cref="DietAnalyzer.NoFoodLogged"/>): <see cref="Days"/> is 0, yet each UL is checked on what they give a day,
    /// and every mean is a lower bound. No plan is made from it.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool SupplementsAlone { get; init; }

    /// <summary>With <see cref="SupplementsAlone"/>, the days supplements were logged on (0 for daily supplements from a
    /// supplements file or a stored plan); otherwise 0.</summary>
    public int SupplementDays { get; init; }

    /// <summary>What the log holds, in words for a report's header: "14 day(s)", or with no food logged "no food logged,
    /// supplements on 2 day(s)", never "0 day(s)" for a log that holds supplements.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Held => !SupplementsAlone ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Days} day(s)")
        : SupplementDays > 0 ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"no food logged, supplements on {SupplementDays} day(s)")
        : "no food logged, daily supplements only";
}

/// <summary>Turns intake items into usual intake per nutrient, compared with the person's targets.</summary>
/// <remarks>The items are read once, in order, and summed as they come: per day its totals and entries, per nutrient
/// how many entries report it, per food name what it supplied. Memory grows with the days and foods logged, never with
/// the entries, so a log read from a file again as it is enumerated is never held whole.</remarks>
public static class DietAnalyzer
{
    /// <summary>Coverage below this makes the mean a lower bound, and the report says so.</summary>
    public const double LowCoverage = 0.8;

    /// <summary>Analyses the food <paramref name="items"/> between <paramref name="from"/> and <paramref name="to"/>
    /// (inclusive, optional), adding <paramref name="supplements"/> on every logged day.</summary>
    /// <remarks>Where no food is logged in the range but supplements are (logged as items, such as a Cronometer servings
    /// export whose only rows are in its Supplements group, or given as <paramref name="supplements"/>), what they give
    /// a day is still checked against each UL, as <see cref="AnalyzeSupplements"/> does (<see cref="DietAnalysis.SupplementsAlone"/>):
    /// "no logged days" would leave 90 mg/d of zinc without a word. Supplements logged on days with no food beside food
    /// logged on other days are not counted, and a warning says so.</remarks>
    /// <param name="items">The logged items.</param>
    /// <param name="supplements">The supplements taken every day.</param>
    /// <param name="targets">The person's targets.</param>
    /// <param name="from">The first day analysed, or null.</param>
    /// <param name="to">The last day analysed, or null.</param>
    /// <param name="observe">Shown each item within the dates as the first reading comes to it, so a caller that needs
    /// the items for something else (the plan's usual diet) does not read a large export again; or null.</param>
    /// <exception cref="InputException">A day's total of a nutrient is above <see cref="InputLimits.DailyIntake"/>
    /// (each entry in range, their sum not): the problem names the largest entry's file and line.</exception>
    public static DietAnalysis Analyze(IEnumerable<IntakeItem> items, IReadOnlyList<Supplement> supplements, PersonalTargets targets, DateOnly? from = null, DateOnly? to = null, Action<IntakeItem>? observe = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(supplements);
        ArgumentNullException.ThrowIfNull(targets);
        return Analyze(items, supplements, targets, from, to, observe, null);
    }

    /// <summary>Why a mean of <see cref="AnalyzeSupplements"/> is a lower bound.</summary>
    public const string NoFoodLogged = "no food is logged in the range, only the supplements";

    /// <summary>The supplements taken every day where no food is logged between <paramref name="from"/> and
    /// <paramref name="to"/>: what they give a day, checked against each UL (a supplement-only UL, such as magnesium's,
    /// covers all there is to count; a total-intake UL that supplements alone pass is passed whatever the food). Every
    /// mean is a lower bound (<see cref="NoFoodLogged"/>): it can show adequacy, never inadequacy. <see cref="Analyze(IEnumerable{IntakeItem}, IReadOnlyList{Supplement}, PersonalTargets, DateOnly?, DateOnly?, Action{IntakeItem}?)"/>
    /// reads a range with supplements and no food the same way. Days is 0 and no day is listed: no day of food was logged.</summary>
    /// <param name="supplements">The supplements taken every day.</param>
    /// <param name="targets">The person's targets.</param>
    /// <param name="from">The first day of the range.</param>
    /// <param name="to">The last day of the range.</param>
    public static DietAnalysis AnalyzeSupplements(IReadOnlyList<Supplement> supplements, PersonalTargets targets, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(supplements);
        ArgumentNullException.ThrowIfNull(targets);
        return Analyze([], supplements, targets, from, to, null, to);
    }

    /// <summary>A reading of supplements with no food: Days 0, no day listed, every mean a lower bound; the range as given,
    /// or the days supplements were logged on.</summary>
    private static DietAnalysis Alone(DietAnalysis read, DateOnly? from, DateOnly? to, int supplementDays) => read with
    {
        SupplementDays = supplementDays,
        From = from,
        To = to,
        Days = 0,
        DayByDay = [],
        SupplementsAlone = true,
        Plausibility = [$"No food is logged in the range, only supplements: intake from food is unknown, every mean is a lower bound, and each upper limit is checked on what the supplements alone give a day.", .. read.Plausibility],
        Nutrients = [.. read.Nutrients.Select(n => n.MeanDaily is null ? n with { Days = 0, Notes = [NoFoodLogged + "."] }
            : n with { Days = 0, Notes = [$"From supplements alone: {NoFoodLogged}, so the mean is a lower bound."], Reading = AdequacyReading.For(n.Adequacy, n.MeanDaily, n.Target, NoFoodLogged), Adequacy = UpperLimitOfLowerBound(n.Adequacy, NoFoodLogged) })],
    };

    private static DietAnalysis Analyze(IEnumerable<IntakeItem> items, IReadOnlyList<Supplement> supplements, PersonalTargets targets, DateOnly? from, DateOnly? to, Action<IntakeItem>? observe, DateOnly? notional)
    {
        var tally = new Tally();
        foreach (var item in items)
        {
            if ((from is null || item.Date >= from) && (to is null || item.Date <= to))
            {
                tally.Add(item);
                observe?.Invoke(item);
            }
        }

        // No food in the range: the supplements are read alone, on each day one was logged, or on one notional day of
        // the daily ones (a stored plan, or a supplements file beside a food log with nothing counted).
        var alone = tally.Days.Count == 0 && (tally.SupplementDays.Count > 0 || supplements.Count > 0);
        if (alone)
        {
            IEnumerable<DateOnly> logged = tally.SupplementDays.Count > 0 ? tally.SupplementDays : [notional ?? to ?? from ?? DateOnly.MinValue];
            foreach (var date in logged)
            {
                tally.Days[date] = new Day();
            }
        }

        var dates = tally.Days.Keys.Order().ToList();
        var planned = supplements.Select(s => s.On(default)).ToList();
        var byDay = new Dictionary<DateOnly, Dictionary<string, double>>();
        var taken = new Taken(dates, planned, [.. supplements.Select(s => s.FolateTowardUl)]);
        foreach (var date in dates)
        {
            var day = tally.Days[date];
            var totals = new Dictionary<string, double>(day.Food);
            foreach (var supplement in planned)
            {
                foreach (var (nutrient, amount) in supplement.Nutrients)
                {
                    totals[nutrient] = totals.GetValueOrDefault(nutrient) + amount;
                }
            }

            byDay[date] = totals;
            taken.PreformedByDay[date] = planned.Aggregate(day.FoodPreformed, (sum, p) => sum + Preformed(p));
        }

        // Supplements logged as items are added after the daily ones, in the order they come, on logged days only: a
        // second reading, so that no list of them is kept.
        if (tally.HasSupplements)
        {
            foreach (var item in items)
            {
                if (item.IsSupplement && (from is null || item.Date >= from) && (to is null || item.Date <= to) && byDay.TryGetValue(item.Date, out var totals))
                {
                    foreach (var (nutrient, amount) in item.Nutrients)
                    {
                        totals[nutrient] = totals.GetValueOrDefault(nutrient) + amount;
                    }

                    taken.Add(item);
                }
            }
        }

        CheckTotals(items, supplements, byDay);
        var results = new List<NutrientIntake>();
        foreach (var target in targets.Targets)
        {
            results.Add(Assess(target, tally, taken, dates, byDay, targets, supplements));
        }

        var days = dates.Select(d => new DayIntake(d, tally.Days[d].Entries, byDay[d])).ToList();
        var (warnings, implausible) = Plausible(results, byDay, tally);
        if (implausible is not null)
        {
            var reason = $"not read: {implausible}, so the log is not a real intake and says nothing about adequacy";
            results = [.. results.Select(n => n.Reading.Status is AdequacyStatus.Probability or AdequacyStatus.AboveAi
                ? n with { Reading = new AdequacyReading(AdequacyStatus.Implausible, null, reason) }
                : n)];
        }

        var unread = tally.SupplementDays.Where(d => !alone && !tally.Days.ContainsKey(d)).Order().ToList();
        if (unread.Count > 0)
        {
            warnings.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"Supplements logged on {unread.Count} day(s) with no food logged (the first {unread[0]:yyyy-MM-dd}) are not counted, nor checked against the upper limits: a day with no food logged is not a day of known intake. Log the food of those days, or give the supplements in a supplements file."));
        }

        var analysis = new DietAnalysis(from ?? dates.FirstOrDefault(), to ?? dates.LastOrDefault(), dates.Count, tally.Entries, results, days)
        {
            Plausibility = warnings,
            Implausible = implausible,
        };
        return alone ? Alone(analysis, from ?? (tally.SupplementDays.Count > 0 ? dates[0] : null), to ?? (tally.SupplementDays.Count > 0 ? dates[^1] : null), tally.SupplementDays.Count) : analysis;
    }

    /// <summary>The most energy recorded eaten in one day, 43.4 MJ (about 10,370 kcal), in a 24-hour cycling race
    /// (Lindeman 1991, in Saris's cycling chapter, Table 43.1, IOC Encyclopaedia of Sports Medicine); the Tour de France
    /// peak was 32.4 MJ (Saris, van Erp-Baart, Brouns, Westerterp &amp; ten Hoor, Int J Sports Med 1989;10:S26). A logged
    /// day above it is a logging or unit slip, not an intake.</summary>
    public const double MostEnergyRecordedInADayKcal = 43_400 / 4.184;

    /// <summary>A usual intake this many times the UL is flagged as a likely slip (a unit, a decimal point, a repeated
    /// line). Replete's choice, not a nutrition number: it sits far above any UL finding a real diet gives, and far below
    /// the 1,000-fold of a mg-for-ug slip, which is the mistake it is there to catch. The UL check itself is unchanged.</summary>
    public const double ImplausibleUlMultiple = 10;

    /// <summary>The plausibility warnings, and why the log is not a real intake (null when it passes): a day's energy
    /// beyond <see cref="MostEnergyRecordedInADayKcal"/>, or a day whose food alone gives
    /// <see cref="ImplausibleUlMultiple"/> times a UL or more, whatever the UL covers (supplements are left out of that test: a
    /// label's unit slip is its own warning and says nothing about the food log).</summary>
    private static (List<string> Warnings, string? Implausible) Plausible(List<NutrientIntake> results, Dictionary<DateOnly, Dictionary<string, double>> byDay, Tally tally)
    {
        var warnings = new List<string>();
        string? implausible = null;
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var beyond = byDay.Where(d => d.Value.GetValueOrDefault("energy") > MostEnergyRecordedInADayKcal).OrderBy(d => d.Key).ToList();
        if (beyond.Count > 0)
        {
            var most = beyond.MaxBy(d => d.Value["energy"]);
            implausible = string.Create(inv, $"{most.Value["energy"]:N0} kcal on {most.Key:yyyy-MM-dd} is beyond the most energy ever recorded eaten in a day");
            warnings.Add(string.Create(inv,
                $"Energy on {beyond.Count} day(s) (the most {most.Value["energy"]:N0} kcal on {most.Key:yyyy-MM-dd}) is beyond the most energy ever recorded eaten in a day (43.4 MJ, about {MostEnergyRecordedInADayKcal:N0} kcal, a 24-hour cycling race; Lindeman 1991, Saris et al. 1989): the log is not a real intake. Check for repeated lines, amounts and units before reading anything from it."));
        }

        foreach (var n in results)
        {
            if (n.Target.Ul is not { } ul || ul <= 0 || n.MeanDaily is not { } mean)
            {
                continue;
            }

            var unit = n.Nutrient.Unit;
            if (n.MeanFromSupplements >= ImplausibleUlMultiple * ul)
            {
                warnings.Add(string.Create(inv,
                    $"{n.Nutrient.Name}: supplements give {n.MeanFromSupplements:N0} {unit} a day, {n.MeanFromSupplements / ul:N0} times the UL ({ul:0.##} {unit}): check the unit on the label (mg and ug differ 1,000-fold) before reading the UL finding."));
            }
            else if (mean >= ImplausibleUlMultiple * ul && n.Target.UlScope == References.UpperLimitScope.TotalIntake)
            {
                warnings.Add(string.Create(inv,
                    $"{n.Nutrient.Name}: {mean:N0} {unit} a day is {mean / ul:N0} times the UL ({ul:0.##} {unit}), beyond what a diet gives: check the logged amounts and units."));
            }

            // Food alone at 10x the UL is a slip whatever the UL covers: a UL on supplements (magnesium) or on supplements
            // and fortified food (folate) is then only the yardstick, not a limit food is held to. Without it a
            // "Magnesium (g)" header read 350,000 mg a day as P(adequate) 100 % (h76), where "Iron (g)" was refused.
            if (tally.Days.Where(d => d.Value.Food.GetValueOrDefault(n.Nutrient.Id) >= ImplausibleUlMultiple * ul).OrderBy(d => d.Key).ToList() is { Count: > 0 } slipped)
            {
                var most = slipped.MaxBy(d => d.Value.Food[n.Nutrient.Id]);
                var food = most.Value.Food[n.Nutrient.Id];
                var yardstick = n.Target.UlScope == References.UpperLimitScope.TotalIntake
                    ? string.Create(inv, $"the UL ({ul:0.##} {unit})")
                    : string.Create(inv, $"the UL ({ul:0.##} {unit}, which covers {n.Target.UlScope switch { References.UpperLimitScope.SupplementsOnly => "supplements, not food", References.UpperLimitScope.PreformedVitaminA => "preformed vitamin A (retinol) from food, fortified food and supplements, not carotenoids", _ => "supplements and fortified food, not all food" }}, and is used here only as a yardstick)");
                implausible ??= string.Create(inv, $"{n.Nutrient.Name}: {food:N0} {unit} from food on {most.Key:yyyy-MM-dd} is {food / ul:N0} times {yardstick}");
                if (mean < ImplausibleUlMultiple * ul || n.Target.UlScope != References.UpperLimitScope.TotalIntake)
                {
                    warnings.Add(string.Create(inv,
                        $"{n.Nutrient.Name}: food on {slipped.Count} day(s) (the most {food:N0} {unit} on {most.Key:yyyy-MM-dd}) gives {food / ul:N0} times {yardstick}, beyond what a diet gives: check the logged amounts and units."));
                }
            }
        }

        if (tally.VitaminAFormUnknown > 0)
        {
            warnings.Add(VitaminAFormUnknownNote(tally));
        }

        return (warnings, implausible);
    }

    /// <summary>Refuses a day whose total of a nutrient is beyond any diet: entries each in range can add up to an absurd
    /// day (thousands of servings), which would otherwise reach the adequacy model. Only then are the items read again,
    /// to name the largest entry of that day.</summary>
    private static void CheckTotals(IEnumerable<IntakeItem> items, IReadOnlyList<Supplement> supplements, Dictionary<DateOnly, Dictionary<string, double>> byDay)
    {
        foreach (var (date, totals) in byDay)
        {
            foreach (var (nutrient, total) in totals)
            {
                if (InputLimits.DailyIntake.Check(total) is not { } message)
                {
                    continue;
                }

                var largest = items.Where(i => !i.IsSupplement && i.Date == date)
                    .Concat(supplements.Select(s => s.On(date)))
                    .Concat(items.Where(i => i.IsSupplement && i.Date == date))
                    .MaxBy(i => i.Nutrients.GetValueOrDefault(nutrient))!;
                var colon = largest.Origin.LastIndexOf(':');
                var line = colon > 0 && int.TryParse(largest.Origin.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
                throw new InputException([new InputProblem(line is null ? largest.Origin : largest.Origin[..colon], line, nutrient, InputProblemCodes.OutOfRange,
                    $"the total for {date:yyyy-MM-dd}: {message}; the largest entry is '{DocumentReader.Shorten(largest.Name)}'")]);
            }
        }
    }

    private static NutrientIntake Assess(NutrientTarget target, Tally tally, Taken taken, List<DateOnly> dates,
        Dictionary<DateOnly, Dictionary<string, double>> byDay, PersonalTargets targets, IReadOnlyList<Supplement> supplements)
    {
        var id = target.Nutrient.Id;
        var notes = new List<string>();
        var food = tally.Nutrients.GetValueOrDefault(id);
        var reporting = food?.Reporting ?? 0;
        var coverage = tally.Entries == 0 ? 0 : (double)reporting / tally.Entries;
        // What supplements give: the daily ones on every logged day, then those logged as supplements on logged days.
        var fromSupplements = dates.Count == 0 ? 0 : taken.Sum(id) / dates.Count;
        if (id == "vitamin_a" && tally.VitaminAFormUnknown > 0)
        {
            notes.Add(VitaminAFormUnknownNote(tally));
        }

        if (dates.Count == 0 || (reporting == 0 && fromSupplements == 0))
        {
            notes.Add(dates.Count == 0 ? "No logged days in the range." : "No logged food reports it: intake unknown, not zero.");
            return new NutrientIntake(target.Nutrient, target, null, fromSupplements, dates.Count, coverage, null, [], notes);
        }

        var coverageUnknown = food is { FromDailyTotals: > 0 } && id != "energy";
        if (coverageUnknown)
        {
            notes.Add(FromDailyTotals + ": the mean is a lower bound.");
        }
        else if (coverage < LowCoverage)
        {
            notes.Add($"Only {coverage:P0} of logged foods report it: the mean is a lower bound.");
        }

        var estimated = (food?.Estimated ?? false) || taken.Estimated(id);
        if (estimated)
        {
            notes.Add("Part of the intake is estimated (a % Daily Value or vitamin A from IU).");
        }

        // A day on which nothing logged reports the nutrient is unknown, not a day of zero intake: it is left out.
        var counted = dates.Where(d => byDay[d].ContainsKey(id)).ToList();
        if (counted.Count < dates.Count)
        {
            notes.Add($"{dates.Count - counted.Count} of {dates.Count} day(s) have no logged food reporting it and are left out.");
        }

        var daily = counted.Select(d => byDay[d].GetValueOrDefault(id)).ToList();
        // Below an athlete range the reading says so (AdequacyReading.For), with the range and its source.
        // The folate UL is set in micrograms of folic acid, not DFE (IOM 1998 p.280): it counts each supplement's folic
        // acid or L-methylfolate as taken, and all the folate of one whose form is not stated (FolateForms), daily or logged.
        // Folic acid added to fortified food counts with the supplements' (FolicAcidFromFood): IOM 1998 (Dietary Reference
        // Intakes for Thiamin, Riboflavin, Niacin, Vitamin B6, Folate, Vitamin B12, Pantothenic Acid, Biotin, and
        // Choline, doi:10.17226/6015) ch.8, the UL section: the UL "applies to synthetic forms obtained from supplements,
        // fortified food, or a combination of the two".
        var folateUl = id == "folate" && target.UlScope == References.UpperLimitScope.SupplementsAndFortificants;
        var forUpperLimit = id == "folate"
            ? (taken.FolateTowardUl() + (folateUl ? tally.FoodFolicAcid : 0)) / dates.Count
            : fromSupplements;
        if (id == "folate")
        {
            notes.AddRange(FolateReadings(supplements, taken));
        }

        // The vitamin A UL covers preformed vitamin A (retinol) only (IOM 2001 ch.4): where the logged foods report
        // retinol it is what the UL sees, so carrots never raise a UL alarm; where too few do, total RAE is compared and
        // the note says it overstates.
        IntakeObservation? preformed = null;
        if (target.UlScope == References.UpperLimitScope.PreformedVitaminA
            && tally.ReportingRetinol >= LowCoverage * tally.Entries && tally.Entries > 0)
        {
            // Per item: its retinol where it gives one, else all its vitamin A (a form not known counts as preformed).
            var retinolDaily = counted.Select(d => taken.PreformedByDay[d]).ToList();
            var retinolFromSupplements = taken.PreformedSum() / dates.Count;
            preformed = IntakeObservation.FromDays("vitamin_a", retinolDaily, Math.Min(retinolFromSupplements, retinolDaily.Average()));
        }

        var adequacy = AdequacyAssessor.Assess(IntakeObservation.FromDays(id, daily, Math.Min(forUpperLimit, daily.Average())), target, targets.LifeStage, targets.Person.Sex, preformed);
        if (target.UlScope == References.UpperLimitScope.PreformedVitaminA && tally.VitaminAFormUnknown > 0 && adequacy.UpperLimit is { } ul)
        {
            // The UL covers retinol only, and the source does not give it: no finding either way.
            adequacy = adequacy with
            {
                UpperLimit = ul with { ProbabilityAbove = null, LikelyExcess = false, Judged = false, Note = "cannot be judged from this source: the UL covers preformed vitamin A (retinol) only, and a % Daily Value does not give the form" },
            };
        }
        if (target.UlScope == References.UpperLimitScope.PreformedVitaminA && preformed is null && adequacy.UpperLimit is { Judged: true, LikelyExcess: true } total)
        {
            // The vitamin A UL covers preformed vitamin A (retinol) from food, fortified food and supplements (IOM 2001,
            // doi:10.17226/10026, ch.4); the source gives too little retinol, and its vitamin A counts provitamin A
            // carotenoids too, which have no UL. Total vitamin A above the UL says nothing of retinol (h85 finding 3);
            // below it, retinol (a part of it) is below too, so "below" stands.
            adequacy = adequacy with
            {
                UpperLimit = total with { ProbabilityAbove = null, LikelyExcess = false, Judged = false, Note = "not judged: the UL covers preformed vitamin A (retinol) only, and this source's vitamin A mixes retinol with provitamin A carotenoids, which have no UL (IOM 2001 ch.4); total vitamin A above the UL does not show retinol above it" },
            };
        }

        if (target.UlScope is References.UpperLimitScope.SupplementsOnly or References.UpperLimitScope.SupplementsAndFortificants
            && tally.DailyTotals > 0 && adequacy.UpperLimit is { LikelyExcess: false } partial)
        {
            // A daily summary folds supplements into the day's total: "0 of 350 from supplements" would be a wrong
            // all-clear (h71 finding 4). Supplements given apart that already pass the UL are still said.
            adequacy = adequacy with
            {
                UpperLimit = partial with { ProbabilityAbove = null, Judged = false, Note = "cannot be judged from this source: the UL covers supplements" + (target.UlScope == References.UpperLimitScope.SupplementsOnly ? "" : " and fortified food") + ", and a daily summary does not separate them from food; export the servings file to check it" },
            };
        }

        if (target.UlScope == References.UpperLimitScope.SupplementsOnly && target.Ul is { } supplementLimit
            && adequacy.UpperLimit is { LikelyExcess: false } clear && food is { MaybeSupplement: > 0 } maybe
            && forUpperLimit + (maybe.MaybeSupplement / dates.Count) >= supplementLimit)
        {
            // Entries the export does not mark as food or supplement (a blank category) that, counted as supplements,
            // would reach the UL: "below" would be a wrong all-clear (h76: a tablet logged as a custom food), as for a
            // daily summary above.
            adequacy = adequacy with
            {
                UpperLimit = clear with { ProbabilityAbove = null, Judged = false, Note = "cannot be judged from this source: the UL covers supplements, and entries with no category (which a tablet logged as a custom food has) would reach it; file supplements under a Supplements group or category to check it" },
            };
        }

        if (folateUl && target.Ul is { } folateLimit && adequacy.UpperLimit is { } folateCheck)
        {
            var (fortified, unknown) = FolicAcidFromFood(tally, dates.Count, forUpperLimit, folateLimit, folateCheck.LikelyExcess);
            if (fortified is not null)
            {
                notes.Add(fortified);
            }

            if (unknown is not null)
            {
                notes.Add(unknown);
            }

            var inv = System.Globalization.CultureInfo.InvariantCulture;
            var parts = string.Join("; ", new[]
            {
                tally.FoodFolicAcid > 0 ? string.Create(inv, $"{(forUpperLimit - (tally.FoodFolicAcid / dates.Count)):#,0.#} from supplements, {tally.FoodFolicAcid / dates.Count:#,0.#} folic acid from fortified food") : null,
                unknown is not null ? "the fortified-food part is not known for some foods, see the notes" : null,
            }.Where(p => p is not null));
            if (parts.Length > 0)
            {
                adequacy = adequacy with { UpperLimit = folateCheck with { Note = $"{folateCheck.Note} ({parts})" } };
            }

            if (tally.FoodFolicAcid > 0)
            {
                adequacy = adequacy with { UpperLimit = adequacy.UpperLimit! with { FromFortifiedFood = tally.FoodFolicAcid / dates.Count } };
            }

            if (unknown is not null)
            {
                // Foods whose folic acid is not known could take the count over the UL: neither "below" nor "above", as a
                // daily summary that does not separate supplements is not (a wrong all-clear is the worse error).
                adequacy = adequacy with { UpperLimit = adequacy.UpperLimit! with { ProbabilityAbove = null, LikelyExcess = false, Judged = false } };
            }
        }

        var lowerBound = coverageUnknown ? FromDailyTotals : LowerBoundReason(target.Nutrient.Id, coverage);
        adequacy = UpperLimitOfLowerBound(adequacy, lowerBound);
        var foodTotal = food?.Total ?? 0;
        var top = (food?.ByFood.Values ?? Enumerable.Empty<FoodSum>())
            .Select(f => new FoodContribution(f.Name, f.Sum / dates.Count, foodTotal > 0 ? f.Sum / foodTotal : 0))
            .OrderByDescending(c => c.MeanDaily)
            .Take(3)
            .ToList();
        return new NutrientIntake(target.Nutrient, target, daily.Average(), fromSupplements, counted.Count, coverage, adequacy, top, notes)
        {
            HasEstimates = estimated,
            CoverageUnknown = coverageUnknown,
            Reading = AdequacyReading.For(adequacy, daily.Average(), target, lowerBound),
        };
    }

    /// <summary>The UL check of an intake that is only a lower bound (<paramref name="lowerBound"/> says why, as for
    /// <see cref="AdequacyReading.For"/>; null when it is not one). A UL on total intake (or on preformed vitamin A,
    /// which food gives too) is compared with all the intake there is (IOM 2000, DRIs: Applications in Dietary
    /// Assessment, p.65 and Table 3-4), so a lower bound can show intake above the UL, never below it: "below" becomes
    /// not judged, with the reason, while "above" stays. A UL on supplements (magnesium) or on synthetic forms (folic
    /// acid, vitamin E, niacin) compares what supplements and fortificants give, which food coverage does not bound, so
    /// it is left as it is. A wrong "below the UL" is the worse error: it reads as safe.</summary>
    internal static ProbabilityOfAdequacy? UpperLimitOfLowerBound(ProbabilityOfAdequacy? adequacy, string? lowerBound) =>
        lowerBound is not null
        && adequacy?.UpperLimit is { Judged: true, LikelyExcess: false, Scope: References.UpperLimitScope.TotalIntake or References.UpperLimitScope.PreformedVitaminA } ul
            ? adequacy with
            {
                UpperLimit = ul with
                {
                    ProbabilityAbove = null,
                    Judged = false,
                    LowerBound = true,
                    Note = $"not judged (lower bound): {lowerBound}, so the intake compared is a lower bound, which can show intake above the UL but never below it",
                },
            }
            : adequacy;

    /// <summary>Why a mean from daily totals (a Cronometer daily summary) is a lower bound. Cronometer sums a day's
    /// nutrient over the foods that report it and leaves the rest out (a blank in its servings export); the daily
    /// summary keeps no trace of how many did. The real servings exports show how far that share goes: magnesium and
    /// zinc in 28 % of one person's entries and in 77-88 % of two others' (../shared/fixtures/exports/cronometer,
    /// stackingrockss, dhjelmar, davidgma), while energy is in every entry of all three. So a daily total can show
    /// adequacy, never inadequacy, and never intake below a UL; energy alone is read as it stands. Replete's rule from
    /// those exports, not a published figure.</summary>
    public const string FromDailyTotals = "a daily summary does not say how many of the day's foods report it (Cronometer leaves out foods without a value, as few as 28 % of entries report some minerals in real servings exports)";

    /// <summary>Why <paramref name="intake"/>'s mean is a lower bound (<see cref="LowerBoundReason(string, double)"/>,
    /// or <see cref="FromDailyTotals"/>); null when it is not one.</summary>
    internal static string? LowerBoundReason(NutrientIntake intake) =>
        intake.CoverageUnknown ? FromDailyTotals : LowerBoundReason(intake.Nutrient.Id, intake.Coverage);

    /// <summary>Why a mean is a lower bound: its coverage (below <see cref="LowCoverage"/>), or what the food data
    /// measure (<see cref="MeasuredShort"/>); null when it is not one.</summary>
    internal static string? LowerBoundReason(string nutrientId, double coverage) => coverage < LowCoverage
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"only {coverage:P0} of logged foods report it")
        : MeasuredShort(nutrientId);

    /// <summary>Why the food data measure only part of what a nutrient's target counts, so that any intake of it is a
    /// lower bound; null for every other nutrient. Niacin: food composition tables (SR28 nutrient 406, FoodData Central
    /// 1167) give preformed niacin, while the DRIs are in niacin equivalents, which also count the tryptophan in protein
    /// (1 mg niacin equivalent = 1 mg niacin = 60 mg tryptophan; IOM 1998, <i>DRIs for Thiamin ... Choline</i>, ch. 6,
    /// doi:10.17226/6015). The SR28 abbreviated file gives no tryptophan, so the equivalents cannot be computed.</summary>
    /// <param name="nutrientId">A catalog nutrient id ("niacin").</param>
    public static string? MeasuredShort(string nutrientId) => nutrientId == "niacin"
        ? "food data give preformed niacin only, while the target is in niacin equivalents, which also count the tryptophan in protein (60 mg tryptophan = 1 mg; IOM 1998, ch. 6)"
        : null;

    /// <summary>What the folate UL's count says of fortified food, in words: the folic acid food gives a day where any
    /// does (counted with the supplements'), and where food entries give folate without saying how much is folic acid
    /// and the most they could give would take the count over the UL while it reads under it, that the fortified-food
    /// part is not known (an app export, an SR28 cereal with total folate only). Null for each where there is nothing
    /// to say.</summary>
    /// <param name="tally">The food entries.</param>
    /// <param name="days">Logged days.</param>
    /// <param name="counted">What the UL counts a day: supplements and known food folic acid, ug.</param>
    /// <param name="ul">The folate UL, ug of folic acid a day.</param>
    /// <param name="above">Whether the count is already judged likely above the UL.</param>
    private static (string? Fortified, string? Unknown) FolicAcidFromFood(Tally tally, int days, double counted, double ul, bool above)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        string? fortified = null;
        if (tally.FoodFolicAcid > 0)
        {
            var names = tally.FolicAcidFoods.OrderByDescending(f => f.Value).Take(3).Select(f => $"'{f.Key}'");
            fortified = string.Create(inv,
                $"Fortified food gives {tally.FoodFolicAcid / days:#,0.#} ug/d of folic acid (most from {string.Join(", ", names)}), counted toward the UL with the supplements': the UL covers synthetic folic acid from supplements and fortified food together (IOM 1998 ch.8).");
        }

        string? unknown = null;
        if (!above && tally.FolicAcidUnknown > 0 && (tally.FolicAcidUnbounded > 0 || counted + (tally.FolicAcidAtMost / days) > ul))
        {
            // The foods that could give the most folic acid first: a fortified cereal ahead of eggs.
            var names = string.Join(", ", tally.FolicAcidUnknownFoods.OrderByDescending(f => f.Value).Take(3).Select(f => $"'{f.Key}'"));
            var more = tally.FolicAcidUnknownFoods.Count > 3 ? " and others" : "";
            var bound = tally.FolicAcidUnbounded > 0 ? "" : string.Create(inv, $", up to {counted + (tally.FolicAcidAtMost / days):#,0} ug/d in all if all their folate were folic acid");
            unknown = string.Create(inv,
                $"The fortified-food part is not known: {tally.FolicAcidUnknown} food entries ({names}{more}) give folate without saying how much of it is folic acid added in fortification. If any is fortified (breakfast cereal, enriched bread, pasta, rice or flour), the folic acid toward the UL is more than the {counted:#,0.#} ug/d counted here{bound}; check the labels for folic acid.");
        }

        return (fortified, unknown);
    }

    /// <summary>How the folate of each supplement that gives some was read (<see cref="FolateForms.Reading"/>), one
    /// sentence per form: the daily ones by their unit, form or name, those logged in an export by their name.</summary>
    private static IEnumerable<string> FolateReadings(IReadOnlyList<Supplement> supplements, Taken taken)
    {
        var daily = supplements.Where(s => s.PerDose.GetValueOrDefault("folate") > 0).Select(s => (Form: s.FolateForm, s.Name, Logged: false));
        var logged = taken.FolateNames.Select(n => (Form: FolateForms.Of(n), Name: n, Logged: true));
        return daily.Concat(logged)
            .GroupBy(x => x.Form)
            .Where(g => g.Key != FolateForm.FoodFolate)
            .OrderBy(g => g.Key)
            .Select(g => FolateForms.Reading(g.Key, [.. g.Select(x => x.Name).Distinct(StringComparer.OrdinalIgnoreCase)], g.Any(x => x.Logged)));
    }

    /// <summary>What supplements give over the logged days, added as the report always has: the daily ones on every day,
    /// then each one logged, in the order they come (so every sum is the same to the last bit).</summary>
    /// <param name="dates">The logged days.</param>
    /// <param name="planned">The daily supplements, as taken on a day.</param>
    /// <param name="plannedFolate">What the folate UL counts of each daily supplement a day (<see cref="Supplement.FolateTowardUl"/>).</param>
    private sealed class Taken(List<DateOnly> dates, List<IntakeItem> planned, List<double> plannedFolate)
    {
        private readonly Dictionary<string, double> sums = new(StringComparer.Ordinal);
        private readonly HashSet<string> estimated = new(StringComparer.Ordinal);
        private double? preformed;
        private double? folateTowardUl;

        /// <summary>The names of the logged supplements that give folate, in the order first seen (a few hundred at most
        /// in a long export: the same product is logged day after day).</summary>
        public List<string> FolateNames { get; } = [];

        /// <summary>Preformed vitamin A per logged day: food, then the daily supplements, then those logged.</summary>
        public Dictionary<DateOnly, double> PreformedByDay { get; } = [];

        public void Add(IntakeItem item)
        {
            foreach (var (nutrient, amount) in item.Nutrients)
            {
                sums[nutrient] = (sums.TryGetValue(nutrient, out var sum) ? sum : Planned(i => i.Nutrients.GetValueOrDefault(nutrient))) + amount;
                if (item.Estimated.Contains(nutrient))
                {
                    estimated.Add(nutrient);
                }
            }

            PreformedByDay[item.Date] += Preformed(item);
            preformed = (preformed ?? Planned(Preformed)) + Preformed(item);
            if (item.Nutrients.GetValueOrDefault("folate") > 0)
            {
                folateTowardUl = FolateTowardUl() + FolateForms.TowardUl(item);
                if (FolateNames.Count < 100 && !FolateNames.Contains(item.Name, StringComparer.OrdinalIgnoreCase))
                {
                    FolateNames.Add(item.Name);
                }
            }
        }

        /// <summary>What the folate UL counts over the logged days: the daily supplements', then each logged one's.</summary>
        public double FolateTowardUl()
        {
            if (folateTowardUl is { } sum)
            {
                return sum;
            }

            var planned = 0.0;
            foreach (var _ in dates)
            {
                foreach (var amount in plannedFolate)
                {
                    planned += amount;
                }
            }

            return planned;
        }

        public double Sum(string nutrient) => sums.TryGetValue(nutrient, out var sum) ? sum : Planned(i => i.Nutrients.GetValueOrDefault(nutrient));

        public double PreformedSum() => preformed ?? Planned(Preformed);

        public bool Estimated(string nutrient) =>
            estimated.Contains(nutrient) || planned.Any(p => p.Estimated.Contains(nutrient) && p.Nutrients.ContainsKey(nutrient));

        private double Planned(Func<IntakeItem, double> amount)
        {
            var sum = 0.0;
            foreach (var _ in dates)
            {
                foreach (var supplement in planned)
                {
                    sum += amount(supplement);
                }
            }

            return sum;
        }
    }

    private static string VitaminAFormUnknownNote(Tally tally)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var iu = tally.VitaminAIuNotCounted;
        var entries = tally.VitaminAFormUnknown == 1 ? "1 logged entry gives" : string.Create(inv, $"{tally.VitaminAFormUnknown} logged entries give");
        var notCounted = iu > 0
            ? string.Create(inv, $"; {iu:N0} IU from labels before the 2016 rule could be {iu * PerIu("IU_beta_carotene_food"):N0}-{iu * PerIu("IU_retinol"):N0} ug RAE in all (0.05 ug RAE per IU as beta-carotene, 0.3 as retinol; IOM 2001 ch.4) and are not counted, so the vitamin A intake is not comparable with the RDA")
            : "";
        return $"Vitamin A: {entries} vitamin A as a % Daily Value, which does not say how much is retinol and how much carotenoid, so the upper limit (retinol only) cannot be judged from this source{notCounted}.";
    }

    /// <summary>ug RAE per IU of vitamin A in the given form (data/unit_conversions.csv, IOM 2001 ch.4).</summary>
    private static double PerIu(string form) => NutrientCatalog.Default.Convert(NutrientCatalog.Default.Get("vitamin_a"), 1, form)!.Value;

    /// <summary>An item's preformed vitamin A: its retinol where it gives one, else all its vitamin A.</summary>
    private static double Preformed(IntakeItem i) => i.Nutrients.TryGetValue("retinol", out var r) ? r : i.Nutrients.GetValueOrDefault("vitamin_a");

    /// <summary>What the analysis keeps of the items, summed in the order they come.</summary>
    private sealed class Tally
    {
        public Dictionary<DateOnly, Day> Days { get; } = [];

        public Dictionary<string, Nutrient> Nutrients { get; } = new(StringComparer.Ordinal);

        /// <summary>Food entries.</summary>
        public int Entries { get; private set; }

        /// <summary>Whether any item is a supplement (read in a second pass).</summary>
        public bool HasSupplements => SupplementDays.Count > 0;

        /// <summary>The days a supplement is logged on.</summary>
        public HashSet<DateOnly> SupplementDays { get; } = [];

        /// <summary>Food entries that report retinol.</summary>
        public int ReportingRetinol { get; private set; }

        /// <summary>Food entries whose vitamin A form is not known (<see cref="IntakeItem.VitaminAFormUnknown"/>).</summary>
        public int VitaminAFormUnknown { get; private set; }

        /// <summary>Vitamin A IU of unknown form not counted (<see cref="IntakeItem.VitaminAIuNotCounted"/>), summed.</summary>
        public double VitaminAIuNotCounted { get; private set; }

        /// <summary>Daily totals counted (<see cref="IntakeItem.IsDailyTotal"/>): they do not separate supplements from food.</summary>
        public int DailyTotals { get; private set; }

        /// <summary>Folic acid from fortified food over the entries that give it (<see cref="IntakeItem.FolicAcid"/>), ug.</summary>
        public double FoodFolicAcid { get; private set; }

        /// <summary>Folic acid by food name, for the note that names the fortified foods.</summary>
        public Dictionary<string, double> FolicAcidFoods { get; } = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>Food entries (not daily totals) that give folate but not their folic acid.</summary>
        public int FolicAcidUnknown { get; private set; }

        /// <summary>Of those, the entries with nothing to bound their folic acid (<see cref="FolateForms.FolicAcidAtMost"/>).</summary>
        public int FolicAcidUnbounded { get; private set; }

        /// <summary>The most folic acid those entries can give, summed (<see cref="FolateForms.FolicAcidAtMost"/>), ug.</summary>
        public double FolicAcidAtMost { get; private set; }

        /// <summary>Those entries by name (the first thousand names seen), with the most folic acid each could give.</summary>
        public Dictionary<string, double> FolicAcidUnknownFoods { get; } = new(StringComparer.OrdinalIgnoreCase);

        public void Add(IntakeItem item)
        {
            if (item.IsSupplement)
            {
                SupplementDays.Add(item.Date);
                return;
            }

            if (!Days.TryGetValue(item.Date, out var day))
            {
                Days[item.Date] = day = new Day();
            }

            Entries++;
            DailyTotals += item.IsDailyTotal ? 1 : 0;
            day.Entries++;
            day.FoodPreformed += Preformed(item);
            ReportingRetinol += item.Nutrients.ContainsKey("retinol") ? 1 : 0;
            VitaminAFormUnknown += item.VitaminAFormUnknown ? 1 : 0;
            VitaminAIuNotCounted += item.VitaminAIuNotCounted;
            CountFolicAcid(item);
            foreach (var (id, amount) in item.Nutrients)
            {
                day.Food[id] = day.Food.GetValueOrDefault(id) + amount;
                if (!Nutrients.TryGetValue(id, out var nutrient))
                {
                    Nutrients[id] = nutrient = new Nutrient();
                }

                nutrient.Reporting++;
                nutrient.FromDailyTotals += item.IsDailyTotal ? 1 : 0;
                nutrient.Total += amount;
                nutrient.MaybeSupplement += item.MaybeSupplement ? amount : 0;
                nutrient.Estimated |= item.Estimated.Contains(id);
                if (amount > 0)
                {
                    // Grouped by name as written first; ties in the top foods keep the order foods were first seen.
                    if (nutrient.ByFood.TryGetValue(item.Name, out var byFood))
                    {
                        byFood.Sum += amount;
                    }
                    else
                    {
                        nutrient.ByFood[item.Name] = new FoodSum(item.Name, amount);
                    }
                }
            }
        }

        /// <summary>Counts a food entry's folic acid: known, or not known but giving folate (a daily total, which does not
        /// separate supplements, is said apart).</summary>
        private void CountFolicAcid(IntakeItem item)
        {
            if (item.FolicAcid is { } folicAcid)
            {
                FoodFolicAcid += folicAcid;
                if (folicAcid > 0)
                {
                    FolicAcidFoods[item.Name] = FolicAcidFoods.GetValueOrDefault(item.Name) + folicAcid;
                }
            }
            else if (!item.IsDailyTotal && (item.Nutrients.GetValueOrDefault("folate") > 0 || item.FolicAcidAtMost > 0))
            {
                FolicAcidUnknown++;
                var most = FolateForms.FolicAcidAtMost(item);
                FolicAcidAtMost += most ?? 0;
                FolicAcidUnbounded += most is null ? 1 : 0;
                if (FolicAcidUnknownFoods.Count < 1000 || FolicAcidUnknownFoods.ContainsKey(item.Name))
                {
                    FolicAcidUnknownFoods[item.Name] = FolicAcidUnknownFoods.GetValueOrDefault(item.Name) + (most ?? double.PositiveInfinity);
                }
            }
        }
    }

    /// <summary>One day's food totals (in the order the nutrients first came), entries and preformed vitamin A.</summary>
    private sealed class Day
    {
        public Dictionary<string, double> Food { get; } = new(StringComparer.Ordinal);

        public int Entries { get; set; }

        public double FoodPreformed { get; set; }
    }

    /// <summary>A nutrient over the food entries: how many report it, their total, whether any is an estimate, and what
    /// each food (by name, any case) supplied.</summary>
    private sealed class Nutrient
    {
        public int Reporting { get; set; }

        /// <summary>Of <see cref="Reporting"/>, the daily totals (<see cref="IntakeItem.IsDailyTotal"/>).</summary>
        public int FromDailyTotals { get; set; }

        public double Total { get; set; }

        public bool Estimated { get; set; }

        /// <summary>What entries that could be supplements gave (<see cref="IntakeItem.MaybeSupplement"/>), summed.</summary>
        public double MaybeSupplement { get; set; }

        public Dictionary<string, FoodSum> ByFood { get; } = new(StringComparer.OrdinalIgnoreCase);
    }

    private sealed class FoodSum(string name, double sum)
    {
        public string Name { get; } = name;

        public double Sum { get; set; } = sum;
    }
}

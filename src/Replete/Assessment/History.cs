using System.Text.Json;
using Replete.Documents;
using Replete.Knowledge;

namespace Replete.Assessment;

/// <summary>What has happened to the person, with the numbers and dates the red-flag rules need: how long without a
/// period, how many falls, which medicines since when. The assessment document's <c>history</c> object.</summary>
/// <remarks>Fields: <c>months_without_period</c> (0-120), <c>falls_past_year</c> (0-100), <c>years_vegan</c> (0-100),
/// <c>session_hours</c> (the latest long race or session, 0-240 h; beyond <see cref="LongSessionHours"/> it counts as a
/// long event), <c>weekly_distance_km</c> and <c>previous_weekly_distance_km</c> (this week's distance and that of two
/// weeks before, 0-1,500 km; a rise of more than <see cref="SharpRisePercent"/> % counts as a new or much harder
/// programme),
/// <c>medications</c> (a list of <c>{"name", "started"}</c>: the name a medicine or its class, resolved through the
/// risk factors' aliases, so "atorvastatin" is a statin; <c>started</c> YYYY-MM-DD; a medicine Replete does not know is
/// given with <c>"class": "other"</c> and is listed but not interpreted).</remarks>
public sealed record History
{
    /// <summary>Nothing said.</summary>
    public static History None { get; } = new();

    /// <summary>The numeric fields, as the conditions of data/red_flag_rules.csv name them
    /// (<c>history_at_least:months_without_period:3</c>).</summary>
    public static IReadOnlyList<string> NumberFields { get; } = ["months_without_period", "falls_past_year", "years_vegan", "session_hours", "weekly_distance_km", "previous_weekly_distance_km"];

    /// <summary>A race or session of more than 4 hours is a long event (the risk factor <c>long_event</c>): exercise
    /// lasting more than 4 hours is the first risk factor for exercise-associated hyponatraemia in the table of Rosner &amp;
    /// Kirven 2007, Clin J Am Soc Nephrol 2:151 (Table 1, read in the journal's table view).</summary>
    public const double LongSessionHours = 4;

    /// <summary>A rise in weekly running distance of more than this, in per cent over about two weeks, is a sharp
    /// one: novice runners who raised it by more than 30 % had more distance-related injuries (Nielsen et al. 2014,
    /// J Orthop Sports Phys Ther 44:739-747; read through a summary, secondary). It counts as the vocabulary's
    /// new_programme ("mileage up sharply").</summary>
    public const double SharpRisePercent = 30;

    /// <summary>No period for this many months is amenorrhoea that needs evaluating: Gordon et al. 2017, J Clin
    /// Endocrinol Metab 102:1413 (Endocrine Society guideline on functional hypothalamic amenorrhoea, recommendation
    /// 1.2), as data/red_flag_rules.csv uses it.</summary>
    public const double MissedPeriodsMonths = 3;

    /// <summary>From this age, twelve months without a period mark the menopause rather than missed periods (NICE NG23,
    /// as data/red_flag_rules.csv uses it).</summary>
    public const double MenopauseCheckAge = 45;

    /// <summary>Months without a period that mark the menopause from <see cref="MenopauseCheckAge"/> (NICE NG23).</summary>
    public const double MenopauseMonths = 12;

    /// <summary>Risk factors that are medicines: a medication's name must resolve to one of these.</summary>
    public static IReadOnlyList<string> MedicationRiskIds { get; } =
        ["statin", "metformin", "ppi", "thiazide_diuretic", "loop_diuretic", "diuretic_unknown_class", "oral_contraceptives", "nsaid_use", "high_dose_b6_supplement", "high_dose_zinc_supplement",
         "levothyroxine", "tetracycline", "quinolone", "bisphosphonate", "ace_inhibitor"];

    private static readonly string[] Fields = ["months_without_period", "falls_past_year", "years_vegan", "session_hours", "weekly_distance_km", "previous_weekly_distance_km", "medications"];
    private static readonly string[] MedicationFields = ["name", "started", "class"];

    /// <summary>Months since the last period (0-120), or null when not said.</summary>
    public double? MonthsWithoutPeriod { get; init; }

    /// <summary>Falls in the past twelve months (0-100), or null when not said.</summary>
    public double? FallsPastYear { get; init; }

    /// <summary>Years on a vegan diet (0-100), or null when not said.</summary>
    public double? YearsVegan { get; init; }

    /// <summary>Hours of the latest long race or session (0-240), or null when not said.</summary>
    public double? SessionHours { get; init; }

    /// <summary>This week's distance, km (0-1,500), or null when not said.</summary>
    public double? WeeklyDistanceKm { get; init; }

    /// <summary>The weekly distance two weeks before, km (0-1,500), or null when not said.</summary>
    public double? PreviousWeeklyDistanceKm { get; init; }

    /// <summary>Whether the weekly distance rose by more than <see cref="SharpRisePercent"/> % on two weeks before
    /// (both given, the earlier above zero).</summary>
    public bool DistanceRoseSharply => WeeklyDistanceKm is { } now && PreviousWeeklyDistanceKm is { } before && before > 0
        && (now - before) / before * 100 > SharpRisePercent;

    /// <summary>Medicines taken, each with the risk factor it is (null for "other") and when it was started.</summary>
    public IReadOnlyList<Medication> Medications { get; init; } = [];

    /// <summary>The value of a numeric field by its name in <see cref="NumberFields"/>.</summary>
    /// <exception cref="ArgumentException">Not a numeric field: an error in a data file.</exception>
    public double? Number(string field) => field switch
    {
        "months_without_period" => MonthsWithoutPeriod,
        "falls_past_year" => FallsPastYear,
        "years_vegan" => YearsVegan,
        "session_hours" => SessionHours,
        "weekly_distance_km" => WeeklyDistanceKm,
        "previous_weekly_distance_km" => PreviousWeeklyDistanceKm,
        _ => throw new ArgumentException($"'{field}' is not a history number ({string.Join(", ", NumberFields)})", nameof(field)),
    };

    internal static History Read(DocumentReader reader, JsonElement root, KnowledgeBase kb)
    {
        if (!DocumentReader.Has(root, "history", out var element))
        {
            return None;
        }

        if (!reader.IsObject(element, "history", "must be an object, such as {\"months_without_period\": 4, \"medications\": [{\"name\": \"atorvastatin\", \"started\": \"2026-09-01\"}]}"))
        {
            return None;
        }

        reader.OnlyFields(element, "history", Fields);
        return new History
        {
            MonthsWithoutPeriod = reader.Number(element, "months_without_period", "history", InputLimits.MonthsWithoutPeriod),
            FallsPastYear = reader.Number(element, "falls_past_year", "history", InputLimits.FallsPerYear),
            YearsVegan = reader.Number(element, "years_vegan", "history", InputLimits.YearsVegan),
            SessionHours = reader.Number(element, "session_hours", "history", InputLimits.SessionHours),
            WeeklyDistanceKm = reader.Number(element, "weekly_distance_km", "history", InputLimits.WeeklyDistanceKm),
            PreviousWeeklyDistanceKm = reader.Number(element, "previous_weekly_distance_km", "history", InputLimits.WeeklyDistanceKm with { Name = "previous_weekly_distance_km" }),
            Medications = ReadMedications(reader, element, kb),
        };
    }

    private static List<Medication> ReadMedications(DocumentReader reader, JsonElement history, KnowledgeBase kb)
    {
        var medications = new List<Medication>();
        if (!DocumentReader.Has(history, "medications", out var list))
        {
            return medications;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            reader.Add(list, "history.medications", InputProblemCodes.WrongType, "must be a list of {\"name\", \"started\"} objects");
            return medications;
        }

        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var path = $"history.medications[{index++}]";
            if (!reader.IsObject(item, path, "is an object with \"name\" and, if known, \"started\" (YYYY-MM-DD)"))
            {
                continue;
            }

            reader.OnlyFields(item, path, MedicationFields);
            var name = reader.Text(item, "name", path);
            var started = reader.PastDate(item, "started", path, "the medicine was started");
            var kind = reader.Text(item, "class", path);
            if (name is null)
            {
                if (!DocumentReader.Has(item, "name", out _))
                {
                    reader.Add(item, path, InputProblemCodes.Required, "needs \"name\" (the medicine or its class, such as \"atorvastatin\" or \"statin\")");
                }

                continue;
            }

            if (kind is not null and not "other")
            {
                reader.AddAt(item, "class", path, InputProblemCodes.UnknownValue, $"'{DocumentReader.Shorten(kind)}' is not a class Replete takes here; give \"other\" for a medicine it does not know, or leave it out");
                continue;
            }

            // A name Replete knows counts as its class even when given as "other" (atorvastatin is a statin).
            var risk = kb.Resolve(name, KnowledgeIdKind.RiskFactor) is { } known && MedicationRiskIds.Contains(known) ? known : null;
            if (kind is null && risk is null)
            {
                reader.AddAt(item, "name", path, InputProblemCodes.UnknownValue,
                    $"'{DocumentReader.Shorten(name)}' is not a medicine Replete knows (it knows statins, metformin, proton pump inhibitors, thiazide and loop diuretics, \"diuretic\" when the class is unknown, oral contraceptives, NSAIDs, levothyroxine, tetracycline and quinolone antibiotics, bisphosphonates, ACE inhibitors and ARBs); add \"class\": \"other\" to list it anyway");
                continue;
            }

            medications.Add(new Medication(name, risk, started));
        }

        return medications;
    }
}

/// <summary>A medicine the person takes.</summary>
/// <param name="Name">As given ("atorvastatin").</param>
/// <param name="RiskId">The risk factor it is (statin), or null for a medicine Replete does not interpret.</param>
/// <param name="Started">When it was started, if said.</param>
public sealed record Medication(string Name, string? RiskId, DateOnly? Started);

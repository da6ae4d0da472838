using Replete.Targets;

namespace Replete.Training;

/// <summary>A week of planned sessions turned into daily targets.</summary>
/// <param name="Phase">The training phase.</param>
/// <param name="Days">Monday to Sunday.</param>
/// <param name="PhaseNote">What the phase means for fueling.</param>
public sealed record PeriodizedTargets(TrainingPhase Phase, IReadOnlyList<DayTarget> Days, string PhaseNote)
{
    /// <summary>Carbohydrate and protein for a week of sessions: each day's load band sets that day's carbohydrate
    /// (Thomas, Erdman &amp; Burke 2016 Table 2); protein stays 1.2-2.0 g/kg every day.</summary>
    public static PeriodizedTargets For(TrainingPhase phase, IReadOnlyList<PlannedSession> sessions, double bodyMassKg)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentOutOfRangeException.ThrowIfLessThan(bodyMassKg, 20);
        var protein = AthleteGuidance.Get("protein", "general");
        DayOfWeek[] week = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];
        var days = week.Select(day =>
        {
            var today = sessions.Where(s => s.Day == day).ToList();
            var minutes = today.Sum(s => s.Minutes);
            var load = DayLoad(today, minutes);
            var carbohydrate = AthleteGuidance.Get("carbohydrate", load.Key());
            return new DayTarget(day, minutes, load,
                new Range(carbohydrate.Low * bodyMassKg, carbohydrate.High!.Value * bodyMassKg, "g/d", carbohydrate.Source),
                new Range(protein.Low * bodyMassKg, protein.High!.Value * bodyMassKg, "g/d", protein.Source),
                carbohydrate.Source);
        }).ToList();
        return new PeriodizedTargets(phase, days, Note(phase));
    }

    /// <summary>The day's band from its hours (as <see cref="TrainingLoads"/>), except that a day of only easy
    /// sessions under 75 minutes is light ("low intensity or skill-based", Thomas et al. 2016 Table 2).</summary>
    private static TrainingLoad DayLoad(List<PlannedSession> today, double minutes)
    {
        if (today.Count == 0 || (minutes < 75 && today.All(s => s.Intensity == Intensity.Easy)))
        {
            return TrainingLoad.Light;
        }

        return TrainingLoads.FromWeeklyHours(minutes / 60 * 7);
    }

    private static string Note(TrainingPhase phase) => phase switch
    {
        TrainingPhase.Base => "Base: fuel the volume; carbohydrate follows each day's load, protein stays steady.",
        TrainingPhase.Build => "Build: harder days need the top of their carbohydrate band; practise race-day fueling in long sessions.",
        TrainingPhase.Peak => "Peak: fuel key sessions fully; this is not the time for an energy deficit.",
        TrainingPhase.Taper => "Taper: lighter days lower carbohydrate automatically; keep protein; carbohydrate loading is for long events only.",
        _ => "Off-season: lighter days, lower carbohydrate; a good time to test and correct micronutrient status.",
    };
}

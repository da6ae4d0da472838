namespace Replete.Training;

/// <summary>The training week's fuel: each day's carbohydrate and protein (<see cref="PeriodizedTargets"/>) and, for
/// each planned session, the fluid, sodium and carbohydrate before, during and after it (<see cref="SessionPlanner"/>),
/// from the athlete's own sweat test where they have one.</summary>
/// <param name="Days">The daily targets.</param>
/// <param name="Sessions">One plan per distinct session (sport, minutes, intensity), in the week's order.</param>
public sealed record WeekFuel(PeriodizedTargets Days, IReadOnlyList<SessionPlan> Sessions)
{
    /// <summary>The fuel for <paramref name="week"/>.</summary>
    /// <param name="week">The planned week.</param>
    /// <param name="bodyMassKg">Body mass (the week's own where it gives one, else the profile's), kg.</param>
    /// <param name="sweatRateLitresPerHour">A measured sweat rate, or null for the sport's typical range.</param>
    /// <param name="sweatSodiumMmolPerLitre">A measured sweat sodium, or null for the typical range.</param>
    public static WeekFuel For(TrainingWeek week, double bodyMassKg, double? sweatRateLitresPerHour, double? sweatSodiumMmolPerLitre)
    {
        ArgumentNullException.ThrowIfNull(week);
        var mass = week.BodyMassKg ?? bodyMassKg;
        var sessions = week.Sessions
            .DistinctBy(s => (s.SportId, s.Minutes, s.Intensity))
            .Select(s => SessionPlanner.Plan(new SessionRequest(s.SportId, s.Minutes, s.Intensity, BodyMassKg: mass,
                MeasuredSweatRateLitresPerHour: sweatRateLitresPerHour, SweatSodiumMmolPerLitre: sweatSodiumMmolPerLitre)))
            .ToList();
        return new WeekFuel(PeriodizedTargets.For(week.Phase, week.Sessions, mass), sessions);
    }
}

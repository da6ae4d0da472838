using System.Globalization;
using Replete.References;

namespace Replete.Targets;

/// <summary>Every nutrient's targets for one person.</summary>
public sealed record PersonalTargets(Person Person, LifeStage LifeStage, TrainingLoad? Load, IReadOnlyList<NutrientTarget> Targets)
{
    /// <summary>The target for one nutrient.</summary>
    public NutrientTarget For(string nutrientId) => Targets.First(t => t.Nutrient.Id == nutrientId);

    /// <summary>The targets for the week the person plans: carbohydrate follows each day's load (the mean of the
    /// week's daily ranges, <see cref="Training.PeriodizedTargets"/>; Thomas, Erdman &amp; Burke 2016 Table 2) instead
    /// of the weekly hours of the profile, and the energy floor follows it. Unchanged when no body mass is known.</summary>
    /// <param name="week">The planned week.</param>
    public PersonalTargets WithWeek(Training.TrainingWeek week)
    {
        ArgumentNullException.ThrowIfNull(week);
        if ((week.BodyMassKg ?? Person.BodyMassKg) is not { } mass)
        {
            return this;
        }

        var days = Training.PeriodizedTargets.For(week.Phase, week.Sessions, mass).Days;
        var (low, high) = (days.Average(d => d.CarbohydrateGrams.Low), days.Average(d => d.CarbohydrateGrams.High));
        var targets = Targets.Select(t => t.Nutrient.Id != "carbohydrate" ? t : t with
        {
            AthleteLow = low,
            AthleteHigh = high,
            AthleteSource = days[0].CarbohydrateGrams.Source,
            AthleteRangeUnknown = null,
            Adjustments =
            [
                new TargetAdjustment(
                    string.Create(CultureInfo.InvariantCulture, $"the training week's days ({week.Sessions.Count} session(s)): {low:0}-{high:0} g/d on average"),
                    EvidenceStrength.Moderate, days[0].CarbohydrateGrams.Source),
            ],
        }).ToList();
        return this with { Targets = TargetCalculator.WithEnergyFloor(targets) };
    }
}

using FsCheck;
using FsCheck.Xunit;
using Replete.Intake;
using Replete.Nutrients;
using Replete.References;
using Replete.Targets;

namespace Replete.Tests.Intake;

public class AdequacyPropertyTests
{
    // Retinol has no target: it is the part of vitamin A that the UL covers.
    private static readonly string[] Nutrients = NutrientCatalog.Default.All.Select(n => n.Id).Where(id => id is not ("energy" or "retinol")).ToArray();

    private static Person PersonFrom(int seed) => new(
        1 + (Math.Abs(seed) % 80), seed % 2 == 0 ? Sex.Female : Sex.Male, Vegetarian: seed % 3 == 0,
        Sport: seed % 5 == 0 ? "running" : null, TrainingHoursPerWeek: seed % 5 == 0 ? 10 : null);

    private static double P(Person person, string nutrient, double intake, int days)
    {
        var targets = TargetCalculator.For(person);
        return AdequacyAssessor.Assess(new IntakeObservation(nutrient, intake, days), targets.For(nutrient), targets.LifeStage, person.Sex)
            .Probability ?? 0;
    }

    [Property(MaxTest = 300)]
    public bool ProbabilityOfAdequacy_RisesWithIntake(int seed, PositiveInt a, PositiveInt b, PositiveInt days)
    {
        var person = PersonFrom(seed);
        var nutrient = Nutrients[Math.Abs(seed) % Nutrients.Length];
        var n = 1 + (days.Get % 30);
        var (low, high) = (Math.Min(a.Get, b.Get) / 10.0, Math.Max(a.Get, b.Get) / 10.0);
        return P(person, nutrient, low, n) <= P(person, nutrient, high, n) + 1e-12;
    }

    [Property(MaxTest = 300)]
    public bool ProbabilityOfAdequacy_AboveTheEar_RisesWithDays(int seed, PositiveInt extra, PositiveInt d1, PositiveInt d2)
    {
        var person = PersonFrom(seed);
        var targets = TargetCalculator.For(person);
        var withEar = targets.Targets.Where(t => t.Ear is not null && t.Nutrient.Id != "iron").ToList();
        var target = withEar[Math.Abs(seed) % withEar.Count];
        var intake = target.Ear!.Value * (1 + (extra.Get % 100 / 100.0));
        var (few, many) = (Math.Min(d1.Get, d2.Get), Math.Max(d1.Get, d2.Get));
        return P(person, target.Nutrient.Id, intake, few) <= P(person, target.Nutrient.Id, intake, many) + 1e-12;
    }

    [Property(MaxTest = 200)]
    public bool Targets_EarNeverAboveRda(int seed)
    {
        var targets = TargetCalculator.For(PersonFrom(seed) with { BodyMassKg = 40 + (Math.Abs(seed) % 60) });
        return targets.Targets.All(t => t.Ear is null || t.Rda is null || t.Ear <= t.Rda);
    }

}

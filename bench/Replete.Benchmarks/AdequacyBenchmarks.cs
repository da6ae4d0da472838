using BenchmarkDotNet.Attributes;
using Replete.Intake;
using Replete.References;
using Replete.Targets;

namespace Replete.Benchmarks;

/// <summary>Targets and the adequacy of every nutrient for one person: the engine's per-person core.</summary>
[MemoryDiagnoser]
public class AdequacyBenchmarks
{
    private readonly Person person = new(34, Sex.Female, BodyMassKg: 58, Sport: "running", TrainingHoursPerWeek: 8);
    private PersonalTargets targets = null!;

    [GlobalSetup]
    public void Setup() => targets = TargetCalculator.For(person);

    [Benchmark]
    public PersonalTargets Targets() => TargetCalculator.For(person);

    [Benchmark]
    public double AllNutrients()
    {
        var sum = 0.0;
        foreach (var target in targets.Targets)
        {
            var result = AdequacyAssessor.Assess(new IntakeObservation(target.Nutrient.Id, (target.Rda ?? target.Ai ?? 100) * 0.9, 7), target, targets.LifeStage, person.Sex);
            sum += result.Probability ?? 0;
        }

        return sum;
    }
}

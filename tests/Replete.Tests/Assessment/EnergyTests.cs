using Replete.Assessment;
using Replete.Diet;
using Replete.References;
using Replete.Targets;
using Replete.Training;

namespace Replete.Tests.Assessment;

/// <summary>Energy is judged against the athlete targets the profile yields, and the training week when given (issue
/// 12, item 6): an intake below the energy the carbohydrate and protein lows themselves hold counts for a shortfall;
/// above it nothing is claimed either way.</summary>
public class EnergyTests
{
    // 60 kg, 6 h/week: moderate load, carbohydrate 5-7 g/kg (300 g) and protein 1.2-2.0 g/kg (72 g): 4 x 372 = 1,488 kcal.
    private static readonly Person Runner = new(24, Sex.Female, BodyMassKg: 60, Sport: "running", TrainingHoursPerWeek: 6);

    private static DietAnalysis Week(PersonalTargets targets, double kcal) => DietAnalyzer.Analyze(
        [.. Enumerable.Range(2, 7).Select(d => new IntakeItem(new DateOnly(2026, 11, d), null, "lunch", "logged meals", new Dictionary<string, double> { ["energy"] = kcal }, "log.csv:" + d))], [], targets);

    private static TrainingWeek HardWeek => new(TrainingPhase.Build, null,
        [.. Enum.GetValues<DayOfWeek>().Select(d => new PlannedSession(d, "running", 150, Intensity.Hard))]);

    [Fact]
    public void TheEnergyFloor_IsTheCarbohydrateAndProteinLows_At4KcalPerGram()
    {
        var energy = TargetCalculator.For(Runner).For("energy");

        Assert.Equal(4 * (300 + 72), energy.AthleteFloor!.Value, 6);
        Assert.Contains("FAO 2003", energy.AthleteFloorBasis, StringComparison.Ordinal);
        Assert.Null(TargetCalculator.For(new Person(24, Sex.Female, BodyMassKg: 60)).For("energy").AthleteFloor); // no training: no athlete ranges
    }

    [Fact]
    public void ATrainingWeek_SetsCarbohydrateByEachDaysLoad_AndRaisesTheFloor()
    {
        var general = TargetCalculator.For(Runner);
        var week = general.WithWeek(HardWeek);

        // 150 min a day is 17.5 h/week: the high band, 6-10 g/kg, every day.
        Assert.Equal(360, week.For("carbohydrate").AthleteLow!.Value, 6);
        Assert.Equal(4 * (360 + 72), week.For("energy").AthleteFloor!.Value, 6);
        Assert.Contains(week.For("carbohydrate").Adjustments, a => a.Description.StartsWith("the training week's days", StringComparison.Ordinal));
    }

    [Fact]
    public void AnIntakeBelowTheFloor_CountsForEnergy_AndOneAboveItSaysNothing()
    {
        var targets = TargetCalculator.For(Runner);
        var input = new AssessmentInput(Runner, ["fatigue"], [], [], []);

        var low = RecoveryAssessor.Assess(input, diet: Week(targets, 1300)).Bottlenecks.Single(b => b.Nutrient == "energy");
        var high = RecoveryAssessor.Assess(input, diet: Week(targets, 2600)).Bottlenecks.Single(b => b.Nutrient == "energy");

        var shortfall = Assert.Single(low.For, e => e.Kind == EvidenceKind.Diet);
        Assert.Contains("below the 1488 kcal/d", shortfall.What, StringComparison.Ordinal);
        Assert.DoesNotContain(high.For.Concat(high.Against), e => e.Kind == EvidenceKind.Diet);
    }

    [Fact]
    public void TheSameIntake_IsShortAgainstAHardWeek_ButNotAgainstTheProfilesHours()
    {
        var input = new AssessmentInput(Runner, ["fatigue"], [], [], []);
        var general = TargetCalculator.For(Runner);

        var byHours = RecoveryAssessor.Assess(input, diet: Week(general, 1600)).Bottlenecks.Single(b => b.Nutrient == "energy");
        var byWeek = RecoveryAssessor.Assess(input, diet: Week(general.WithWeek(HardWeek), 1600)).Bottlenecks.Single(b => b.Nutrient == "energy");

        Assert.DoesNotContain(byHours.For, e => e.Kind == EvidenceKind.Diet);
        Assert.Contains(byWeek.For, e => e.Kind == EvidenceKind.Diet);
    }
}

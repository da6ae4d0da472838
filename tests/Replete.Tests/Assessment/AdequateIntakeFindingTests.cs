using Replete.Assessment;
using Replete.Diet;
using Replete.References;

namespace Replete.Tests.Assessment;

/// <summary>A nutrient with only an AI reads the same in an assessment as in the diet analysis: an AI is not a
/// requirement, so intake above it is likely adequate and intake below it cannot be judged (IOM 2000, DRIs:
/// Applications in Dietary Assessment, p.61). New-user finding: assess said a log "settles" water at P(adequate) 0 %
/// while analyze said "not known (below the AI)".</summary>
public class AdequateIntakeFindingTests
{
    private static readonly Person Runner = new(27, Sex.Female, BodyMassKg: 56, Sport: "running", TrainingHoursPerWeek: 9);

    private static DietAnalysis Week(Dictionary<string, double> perDay) => DietAnalyzer.Analyze(
        [.. Enumerable.Range(1, 7).Select(d => new IntakeItem(new DateOnly(2026, 11, d), null, "lunch", "mixed meals", perDay, "log.csv:" + d))],
        [], Replete.Targets.TargetCalculator.For(Runner));

    [Theory]
    [InlineData("water", 1400, "muscle_cramps")] // AI 2,700 g/d for women 19-30
    [InlineData("sodium", 950, "muscle_cramps")] // AI 1,500 mg/d
    [InlineData("potassium", 1500, "muscle_weakness")] // AI 2,600 mg/d
    [InlineData("fiber", 15, "constipation")] // AI 25 g/d
    public void BelowTheAi_IsNotKnown_NeverSettledAtZero(string nutrient, double perDay, string symptom)
    {
        var diet = Week(new() { [nutrient] = perDay });
        var intake = diet.Nutrients.Single(n => n.Nutrient.Id == nutrient);
        Assert.Equal(AdequacyStatus.BelowAi, intake.Reading.Status); // what analyze shows

        var finding = RecoveryAssessor.Assess(new AssessmentInput(Runner, [symptom], [], [], []), diet: diet)
            .Bottlenecks.Single(b => b.Nutrient == nutrient);

        Assert.DoesNotContain("settles", finding.SettleIt, StringComparison.Ordinal);
        Assert.DoesNotContain("P(adequate) 0", finding.SettleIt, StringComparison.Ordinal);
        Assert.Contains("not known: below the AI", finding.SettleIt, StringComparison.Ordinal);
        Assert.DoesNotContain(finding.For.Concat(finding.Against), e => e.Kind == EvidenceKind.Diet);
    }

    [Fact]
    public void WellAboveTheAi_CountsAgainst_AsTheAnalysisShowsItAdequate()
    {
        var diet = Week(new() { ["potassium"] = 3600 });
        Assert.Equal(AdequacyStatus.AboveAi, diet.Nutrients.Single(n => n.Nutrient.Id == "potassium").Reading.Status);

        var potassium = RecoveryAssessor.Assess(new AssessmentInput(Runner, ["muscle_weakness"], [], [], []), diet: diet)
            .Bottlenecks.Single(b => b.Nutrient == "potassium");

        Assert.Single(potassium.Against, e => e.Kind == EvidenceKind.Diet);
        Assert.Contains("already settles the intake", potassium.SettleIt, StringComparison.Ordinal);
    }
}

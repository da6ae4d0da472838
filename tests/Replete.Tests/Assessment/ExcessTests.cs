using Replete.Assessment;
using Replete.Diet;
using Replete.References;
using Replete.Targets;

namespace Replete.Tests.Assessment;

/// <summary>The assessment's "possible excess" section: an exposure, with the symptoms of excess that go with it.</summary>
public class ExcessTests
{
    private static readonly Person Cyclist = new(40, Sex.Female, BodyMassKg: 60, Sport: "cycling", TrainingHoursPerWeek: 8);

    [Fact]
    public void HighDoseB6_WithTingling_IsAnExcessWithItsSymptom_AndAdviceToSeeADoctor()
    {
        var result = RecoveryAssessor.Assess(new AssessmentInput(Cyclist, ["tingling_numbness"], ["high_dose_b6_supplement"], [], []));

        var b6 = Assert.Single(result.Excess);
        Assert.Equal("vitamin_b6", b6.Nutrient);
        Assert.Contains(b6.Evidence, e => e.What.StartsWith("Tingling or numbness: a sign of excess", StringComparison.Ordinal) && e.Source.Contains("EFSA", StringComparison.Ordinal));
        Assert.Contains("doctor", b6.Advice, StringComparison.Ordinal);
        Assert.Contains(b6.Advice, result.NextSteps);
    }

    [Fact]
    public void TinglingAlone_IsNoExcess()
    {
        var result = RecoveryAssessor.Assess(new AssessmentInput(Cyclist, ["tingling_numbness"], [], [], []));

        Assert.Empty(result.Excess);
    }

    [Fact]
    public void SupplementZincAboveTheUl_IsAnExcess_FromTheDiet()
    {
        var items = Enumerable.Range(1, 7).Select(day => new IntakeItem(new DateOnly(2026, 11, day), null, "lunch", "beef", new Dictionary<string, double> { ["zinc"] = 10 }, $"log.csv:{day}"));
        var zinc = new Supplement("Zinc picolinate", "picolinate", 1, new Dictionary<string, double> { ["zinc"] = 50 });
        var diet = DietAnalyzer.Analyze(items, [zinc], TargetCalculator.For(Cyclist));

        var result = RecoveryAssessor.Assess(new AssessmentInput(Cyclist, [], [], [], []), diet: diet);

        var excess = Assert.Single(result.Excess);
        Assert.Equal("zinc", excess.Nutrient);
        Assert.Contains("above the UL of 40", excess.Evidence[0].What, StringComparison.Ordinal);
    }

    [Fact]
    public void VitaminDAboveTheUpperCutOff_IsAnExcess_FromTheLab()
    {
        var result = RecoveryAssessor.Assess(new AssessmentInput(Cyclist, [], [], [], [new LabInput("vitamin_d_25oh", 60, "ng/mL")]));

        Assert.Equal("vitamin_d", Assert.Single(result.Excess).Nutrient);
    }
}

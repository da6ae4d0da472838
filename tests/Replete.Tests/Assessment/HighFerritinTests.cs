using Replete.Assessment;
using Replete.Knowledge;
using Replete.References;

namespace Replete.Tests.Assessment;

/// <summary>Tester's report h50, finding 3: a high ferritin left iron "likely" in the findings and the recovery systems
/// while the plan withheld iron.</summary>
public class HighFerritinTests
{
    private static readonly Person Runner = new(27, Sex.Female, BodyMassKg: 56, Sport: "running", TrainingHoursPerWeek: 9, Vegetarian: true);

    private static RecoveryAssessment Assess(params LabInput[] labs) => RecoveryAssessor.Assess(new AssessmentInput(
        Runner, ["fatigue", "low_stamina", "breathlessness_on_exertion", "poor_sleep"], ["endurance_running", "heavy_periods", "vegetarian"], [], labs));

    [Theory]
    [InlineData(250)]
    [InlineData(500)]
    public void AHighFerritin_WithoutInflammation_MakesIronDeficiencyNotIndicated_InFindingsAndSystems(double ferritin)
    {
        var result = Assess(new LabInput("ferritin", ferritin, "ug/L"), new LabInput("crp", 1, "mg/L"));

        var iron = result.Bottlenecks.Single(b => b.Nutrient == "iron");
        Assert.Equal(Likelihood.NotIndicated, iron.Likelihood);
        Assert.Contains(iron.Notes, n => n.Text.Contains("not indicated while it stays high", StringComparison.Ordinal) && n.Source is { Length: > 0 });
        Assert.DoesNotContain(result.Systems, s => s.Bottleneck == "iron");
    }

    [Fact]
    public void AHighFerritin_WithInflammation_IsNotReadAsProofAgainstIronDeficiency()
    {
        // CRP above 5 mg/L: ferritin is an acute-phase protein, so its high value does not settle the question.
        var result = Assess(new LabInput("ferritin", 250, "ug/L"), new LabInput("crp", 40, "mg/L"));

        Assert.DoesNotContain(result.Bottlenecks.Single(b => b.Nutrient == "iron").Notes, n => n.Text.Contains("not indicated while it stays high", StringComparison.Ordinal));
    }
}

using Replete.Assessment;
using Replete.Knowledge;
using Replete.References;

namespace Replete.Tests.Assessment;

/// <summary>Tester's report h50, finding 5: a low serum calcium (7.7 mg/dL) was ranked as a diet problem with
/// self-care. Serum calcium is held by the body, not by the diet: a low value goes to a doctor.</summary>
public class SerumCalciumTests
{
    private static readonly Person Runner = new(27, Sex.Female, BodyMassKg: 56, Sport: "running", TrainingHoursPerWeek: 9, Vegetarian: true);

    private static RecoveryAssessment Assess(params LabInput[] labs) => RecoveryAssessor.Assess(new AssessmentInput(
        Runner, ["fatigue", "low_stamina", "breathlessness_on_exertion", "poor_sleep"], ["endurance_running", "heavy_periods", "vegetarian"], [], labs));

    [Theory]
    [InlineData("calcium_total", 7.7, "mg/dL")]
    [InlineData("calcium_total", 8.2, "mg/dL")]
    [InlineData("calcium_corrected", 2.0, "mmol/L")]
    public void ALowSerumCalcium_GoesToADoctor_AndIsNotDietaryCalciumEvidence(string biomarker, double value, string unit)
    {
        var result = Assess(new LabInput(biomarker, value, unit));

        Assert.True(result.Triage >= TriageLevel.SeeDoctorSoon, $"triage {result.Triage}");
        Assert.Contains(result.RedFlags, f => f.FlagId == "lab_out_of_range" && f.Source.Length > 0);
        var lab = result.Labs.Single(l => l.Biomarker == biomarker);
        Assert.Equal(LabStatus.Low, lab.Status);
        Assert.False(lab.CountsForDeficiency);
        Assert.Contains("doctor", lab.Advice, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Bottlenecks.SelectMany(b => b.For), e => e.Kind == EvidenceKind.Lab && e.Code.StartsWith("calcium", StringComparison.Ordinal));
    }
}

using Replete.Assessment;
using Replete.Knowledge;
using Replete.References;

namespace Replete.Tests.Assessment;

/// <summary>The albumin-adjusted calcium (issue 12, item 3): computed from total calcium and albumin where the
/// laboratory gave none, read against the total-calcium range, raising its own flags, and counting neither way.</summary>
public class CorrectedCalciumTests
{
    private static RecoveryAssessment Assess(string[] symptoms, params LabInput[] labs) =>
        RecoveryAssessor.Assess(new AssessmentInput(new Person(41, Sex.Male), symptoms, [], [], labs));

    [Fact]
    public void TotalCalciumWithAlbumin_GivesTheAdjustedValue_WithBothCoefficients_CountedNeitherWay()
    {
        var result = Assess(["fatigue"], new LabInput("calcium_total", 8.2, "mg/dL"), new LabInput("albumin", 3.1, "g/dL"));

        var adjusted = result.Labs.Single(l => l.Biomarker == "calcium_corrected");
        Assert.Equal(8.92, adjusted.Value, 6); // 8.2 + 0.8 x (4.0 - 3.1)
        Assert.Equal(LabStatus.Normal, adjusted.Status);
        Assert.Contains("(computed)", adjusted.Label, StringComparison.Ordinal);
        var note = Assert.Single(adjusted.Caveats, c => c.Text.StartsWith("Computed by Replete", StringComparison.Ordinal));
        Assert.Contains("9.1", note.Text, StringComparison.Ordinal); // Payne's coefficient of 1.0
        Assert.Contains("ionised calcium settles it", note.Text, StringComparison.Ordinal);
        // The total calcium carries the evidence; the adjusted value adds none.
        var calcium = result.Bottlenecks.Single(b => b.Nutrient == "calcium");
        Assert.Single(calcium.For, e => e.Kind == EvidenceKind.Lab);
        Assert.DoesNotContain(calcium.Against, e => e.Code == "calcium_corrected");
    }

    [Fact]
    public void ANormalTotalCalciumWithLowAlbumin_ThatAdjustsHigh_IsFlagged()
    {
        var result = Assess([], new LabInput("calcium_total", 10.3, "mg/dL"), new LabInput("albumin", 3.0, "g/dL"));

        Assert.Equal(LabStatus.High, result.Labs.Single(l => l.Biomarker == "calcium_corrected").Status); // 11.1
        Assert.Contains(result.RedFlags, f => f.FlagId == "lab_out_of_range" && f.Message.Contains("albumin-adjusted", StringComparison.Ordinal));
    }

    [Fact]
    public void ACriticalAdjustedCalcium_WithSpasms_IsAnEmergency_ThoughTheTotalIsNotCritical()
    {
        // Albumin 5.2 g/dL (dehydration) lifts total calcium: 7.8 adjusts to 6.84 mg/dL.
        var result = Assess(["spasms_tetany"], new LabInput("calcium_total", 7.8, "mg/dL"), new LabInput("albumin", 5.2, "g/dL"));

        Assert.Contains(result.RedFlags, f => f.FlagId == "critical_lab_with_symptoms");
        Assert.Equal(TriageLevel.Emergency, result.Triage);
    }

    [Fact]
    public void AnAdjustedCalciumFromTheLaboratory_IsReadAndCounts_AndNothingIsComputed()
    {
        var result = Assess([], new LabInput("calcium_corrected", 2.0, "mmol/L"), new LabInput("calcium_total", 1.8, "mmol/L"), new LabInput("albumin", 30, "g/L"));

        var adjusted = Assert.Single(result.Labs, l => l.Biomarker == "calcium_corrected");
        Assert.Equal(LabStatus.Low, adjusted.Status); // 8.0 mg/dL
        Assert.DoesNotContain("(computed)", adjusted.Label, StringComparison.Ordinal);
        Assert.Contains(result.Bottlenecks.Single(b => b.Nutrient == "calcium").For, e => e.Code == "calcium_corrected");
    }

    [Fact]
    public void WithoutAlbumin_NothingIsComputed() =>
        Assert.DoesNotContain(Assess([], new LabInput("calcium_total", 8.2, "mg/dL")).Labs, l => l.Biomarker == "calcium_corrected");
}

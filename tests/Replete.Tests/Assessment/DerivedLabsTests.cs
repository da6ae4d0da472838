using Replete.Assessment;
using Replete.Knowledge;
using Replete.References;

namespace Replete.Tests.Assessment;

/// <summary>Results computed from others (issue 12, item 3): the albumin-adjusted calcium from total calcium and
/// albumin, read against the total-calcium range, raising its own flags and counting neither way; the transferrin
/// saturation from serum iron and TIBC, which counts like a reported one.</summary>
public class DerivedLabsTests
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
        // A low serum calcium is no dietary evidence (it does not reflect intake): neither value counts for calcium, and
        // the low total goes to a doctor.
        Assert.DoesNotContain(result.Bottlenecks.SelectMany(b => b.For.Concat(b.Against)), e => e.Code is "calcium_total" or "calcium_corrected");
        Assert.Contains(result.RedFlags, f => f.FlagId == "lab_out_of_range");
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
        Assert.False(adjusted.CountsForDeficiency); // a low serum calcium is for a doctor, not dietary evidence
        Assert.Contains(result.RedFlags, f => f.FlagId == "lab_out_of_range" && f.Message.Contains("albumin-adjusted", StringComparison.Ordinal));
    }

    [Fact]
    public void WithoutAlbumin_NothingIsComputed() =>
        Assert.DoesNotContain(Assess([], new LabInput("calcium_total", 8.2, "mg/dL")).Labs, l => l.Biomarker == "calcium_corrected");

    [Fact]
    public void SerumIronAndTibc_AreNotInterpretedAlone_ButGiveTheTransferrinSaturation_AndTheIronStage()
    {
        var result = Assess(["fatigue"], new LabInput("ferritin", 18, "ug/L"), new LabInput("serum_iron", 7.2, "umol/L"), new LabInput("tibc", 400, "ug/dL"));

        Assert.All(result.Labs.Where(l => l.Biomarker is "serum_iron" or "tibc"), l => Assert.Equal(LabStatus.NotInterpreted, l.Status));
        var tsat = result.Labs.Single(l => l.Biomarker == "transferrin_saturation");
        Assert.Equal(10.05, tsat.Value, 2); // 7.2 umol/L = 40.2 ug/dL; / 400 x 100
        Assert.Equal(LabStatus.Deficient, tsat.Status); // below 16 %
        var iron = result.Bottlenecks.Single(b => b.Nutrient == "iron");
        Assert.Contains(iron.For, e => e.Code == "transferrin_saturation");
        Assert.Contains(iron.Notes, n => n.Text.Contains("stage 2", StringComparison.Ordinal));
    }

    [Fact]
    public void ASaturationFromTheLaboratory_IsKept_AndNothingIsComputed() =>
        Assert.Single(Assess([], new LabInput("transferrin_saturation", 30, "%"), new LabInput("serum_iron", 40, "ug/dL"), new LabInput("tibc", 400, "ug/dL")).Labs,
            l => l.Biomarker == "transferrin_saturation" && l.Value == 30);
    /// <summary>h97: now that each result carries its own date, a value is computed only from results of one draw. A
    /// calcium of last week and an albumin of 2021 gave an "undated" adjusted calcium of 11.4 mg/dL and a see-a-doctor
    /// flag; a serum iron and a TIBC four years apart gave a transferrin saturation "of the same set".</summary>
    [Fact]
    public void ResultsOfDifferentDays_GiveNoComputedValue_AndOneDrawGivesItsDate()
    {
        var woman = new Person(30, Sex.Female);
        var asOf = new DateOnly(2026, 12, 2);
        var week = new DateOnly(2026, 11, 20);
        LabInput[] Labs(DateOnly albuminAndTibc) =>
        [
            new LabInput("calcium_total", 10.3, "mg/dL") { Drawn = week },
            new LabInput("albumin", 2.6, "g/dL") { Drawn = albuminAndTibc },
            new LabInput("serum_iron", 150, "ug/dL") { Drawn = week },
            new LabInput("tibc", 250, "ug/dL") { Drawn = albuminAndTibc },
        ];
        RecoveryAssessment On(DateOnly albuminAndTibc) => RecoveryAssessor.Assess(new AssessmentInput(woman, [], [], [], Labs(albuminAndTibc)) { AsOf = asOf });

        var apart = On(new DateOnly(2021, 1, 10));
        Assert.DoesNotContain(apart.Labs, l => l.Biomarker is "calcium_corrected" or "transferrin_saturation");
        Assert.DoesNotContain(apart.RedFlags, f => f.Message.Contains("albumin-adjusted", StringComparison.Ordinal));

        var together = On(week);
        Assert.All(together.Labs.Where(l => l.Biomarker is "calcium_corrected" or "transferrin_saturation"), l =>
        {
            Assert.Equal(week, l.Drawn);
            Assert.StartsWith("from 2026-11-20", l.Age!.Dated, StringComparison.Ordinal);
        });
        Assert.Equal(2, together.Labs.Count(l => l.Biomarker is "calcium_corrected" or "transferrin_saturation"));
    }
}

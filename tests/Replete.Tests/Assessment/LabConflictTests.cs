using Replete.Assessment;
using Replete.Knowledge;
using Replete.References;

namespace Replete.Tests.Assessment;

/// <summary>Tester's report h50, finding 16: ferritin 18 and 150 in one file (and 18 in the file with 30 from FHIR, and
/// two CRP values) were resolved silently.</summary>
public class LabConflictTests
{
    private static readonly Person Runner = new(27, Sex.Female, BodyMassKg: 56, Sport: "running", TrainingHoursPerWeek: 9);

    private static RecoveryAssessment Assess(LabSample sample, params LabInput[] labs)
    {
        var input = new AssessmentInput(Runner, ["fatigue"], ["endurance_running"], [], labs) { Sample = sample };
        return RecoveryAssessor.Assess(input);
    }

    [Fact]
    public void TwoFerritins_FromOneSample_TheLowerIsUsed_AndTheReportSaysSo()
    {
        var result = Assess(new LabSample(new DateOnly(2026, 10, 6)), new LabInput("ferritin", 18, "ug/L"), new LabInput("ferritin", 150, "ug/L"));

        Assert.Equal(18, Assert.Single(result.Labs, l => l.Biomarker == "ferritin").Value);
        var warning = Assert.Single(result.Warnings);
        Assert.Contains("the results differ", warning, StringComparison.Ordinal);
        Assert.Contains("used 18 ug/L", warning, StringComparison.Ordinal);
        Assert.Contains("150 ug/L", warning, StringComparison.Ordinal);
        Assert.Contains("safe side", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void AFerritinFromFhirWithALaterDate_IsUsed_AsTheMostRecent()
    {
        // The file's ferritin 18 is dated by lab_sample.date; the FHIR result carries its own, later, date.
        var result = Assess(new LabSample(new DateOnly(2026, 6, 1)), new LabInput("ferritin", 18, "ug/L"), new LabInput("ferritin", 30, "ug/L") { Drawn = new DateOnly(2026, 10, 6) });

        Assert.Equal(30, Assert.Single(result.Labs, l => l.Biomarker == "ferritin").Value);
        Assert.Contains(result.Warnings, w => w.Contains("used 30 ug/L on 2026-10-06", StringComparison.Ordinal) && w.Contains("the most recent", StringComparison.Ordinal));
    }

    [Fact]
    public void TwoUndatedCrps_TheHigherIsUsed_SoFerritinIsReadAgainstInflammation()
    {
        var result = Assess(LabSample.Unknown, new LabInput("crp", 1.2, "mg/L"), new LabInput("crp", 8, "mg/L"), new LabInput("ferritin", 40, "ug/L"));

        Assert.Equal(8, Assert.Single(result.Labs, l => l.Biomarker == "crp").Value);
        Assert.Contains(result.Warnings, w => w.StartsWith("C-reactive protein", StringComparison.Ordinal) && w.Contains("not all dated", StringComparison.Ordinal));
    }

    [Fact]
    public void TheSameResultGivenTwice_CountsOnce_WithNoNote()
    {
        var result = Assess(LabSample.Unknown, new LabInput("ferritin", 18, "ug/L"), new LabInput("ferritin", 18, "ug/L"));

        Assert.Single(result.Labs, l => l.Biomarker == "ferritin");
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void ACriticalResult_IsNeverSetAsideForANewerOne()
    {
        var result = Assess(new LabSample(new DateOnly(2026, 6, 1)), new LabInput("potassium", 6.5, "mmol/L"), new LabInput("potassium", 4.2, "mmol/L") { Drawn = new DateOnly(2026, 10, 6) });

        Assert.Equal(6.5, Assert.Single(result.Labs, l => l.Biomarker == "potassium").Value);
        Assert.NotEqual(TriageLevel.SelfCare, result.Triage);
    }

    /// <summary>Tester h60, finding 6: an old haemoglobin of 170 g/L (2005) beside a normal 126 g/L (2026) raised "see a
    /// doctor soon" while the report said it used 126, without saying which result raised the flag.</summary>
    [Fact]
    public void AnEarlierOutOfRangeResult_StillRaisesItsFlag_AndTheFlagSaysItIsTheEarlierOne()
    {
        var result = Assess(new LabSample(new DateOnly(2026, 11, 1)), new LabInput("hemoglobin", 126, "g/L"), new LabInput("hemoglobin", 170, "g/L") { Drawn = new DateOnly(2005, 7, 5) });

        Assert.Equal(126, Assert.Single(result.Labs, l => l.Biomarker.StartsWith("hemoglobin", StringComparison.Ordinal)).Value);
        Assert.Equal(TriageLevel.SeeDoctorSoon, result.Triage);
        var flag = Assert.Single(result.RedFlags, f => f.FlagId == "lab_out_of_range");
        Assert.Contains("170 g/L on 2005-07-05 (an earlier result", flag.Message, StringComparison.Ordinal);
    }
}

using Replete.Assessment;
using Replete.Knowledge;
using Replete.References;

namespace Replete.Tests.Assessment;

/// <summary>A high lab result is never read "normal" against a lower cut-off alone, and never leaves the triage at an
/// unqualified self-care (tester's report h50, finding 1): sodium 170 mmol/L read "normal (cut-off 135)" with "No red
/// flag: self-care is reasonable".</summary>
public class HighLabSafetyTests
{
    private static readonly Person Woman = new(30, Sex.Female);

    private static RecoveryAssessment Assess(Person person, params LabInput[] labs) => RecoveryAssessor.Assess(new AssessmentInput(person, [], [], [], labs));

    [Theory]
    [InlineData("sodium", 150, "mmol/L", TriageLevel.SeeDoctorSoon)]      // above 145: hypernatraemia
    [InlineData("sodium", 170, "mmol/L", TriageLevel.SeeDoctorToday)]     // above 155: severe hypernatraemia
    [InlineData("potassium", 5.4, "mmol/L", TriageLevel.SeeDoctorSoon)]   // above 5.0: hyperkalaemia (5.5 is critical)
    [InlineData("hemoglobin", 19.5, "g/dL", TriageLevel.SeeDoctorSoon)]   // above 160 g/L in a woman (WHO 2016)
    [InlineData("vitamin_b12", 5000, "pg/mL", TriageLevel.SeeDoctorSoon)] // above 900 pg/mL (664 pmol/L)
    [InlineData("magnesium_serum", 3, "mmol/L", TriageLevel.SeeDoctorSoon)] // above 0.95 (IOM 1997), no sourced critical value
    [InlineData("crp", 200, "mg/L", TriageLevel.SeeDoctorSoon)]           // above 5 (Suchdev 2017), no sourced critical value
    public void AHighResult_ReadsHigh_AndGoesToADoctor(string biomarker, double value, string unit, TriageLevel triage)
    {
        var result = Assess(Woman, new LabInput(biomarker, value, unit));

        var lab = Assert.Single(result.Labs);
        Assert.Equal(LabStatus.High, lab.Status);
        Assert.Equal(triage, result.Triage);
        var flag = Assert.Single(result.RedFlags);
        Assert.False(string.IsNullOrWhiteSpace(flag.Source));
    }

    [Theory]
    [InlineData(140)]
    [InlineData(145)]
    public void SodiumInsideItsInterval_IsNormal_AndRaisesNothing(double sodium)
    {
        var result = Assess(Woman, new LabInput("sodium", sodium, "mmol/L"));

        Assert.Equal(LabStatus.Normal, Assert.Single(result.Labs).Status);
        Assert.Equal(TriageLevel.SelfCare, result.Triage);
    }

    [Fact]
    public void AValueAboveALowerOnlyCutOff_IsNotInterpreted_AndTheSelfCareCarriesACaveat()
    {
        // Serum zinc has only a lower cut-off (Hotz et al. 2003): 300 ug/dL cannot be called normal.
        var result = Assess(Woman, new LabInput("zinc", 300, "ug/dL"));

        var lab = Assert.Single(result.Labs);
        Assert.Equal(LabStatus.NotInterpreted, lab.Status);
        Assert.StartsWith("not interpreted at or above 70", lab.StatusLabel, StringComparison.Ordinal);
        Assert.Contains(result.NextSteps, s => s.Contains("no sourced upper limit", StringComparison.Ordinal) && s.Contains("Zinc", StringComparison.Ordinal));
    }

    [Fact]
    public void AFerritinAboveItsLowCutOff_IsNormalBelowTheOverloadThreshold_AndStillCountsAgainstIronDeficiency()
    {
        // With a normal CRP: without one, a ferritin under 70 ug/L no longer counts against (lab_confounders.csv).
        var result = RecoveryAssessor.Assess(new AssessmentInput(Woman, ["fatigue"], [], [], [new LabInput("ferritin", 60, "ug/L"), new LabInput("crp", 0.8, "mg/L")]));

        var lab = Assert.Single(result.Labs, l => l.Biomarker == "ferritin");
        Assert.Equal(LabStatus.Normal, lab.Status);
        Assert.Equal(200, lab.High); // EASL 2022: above 200 ug/L in women
        Assert.Contains(result.Bottlenecks.Single(b => b.Nutrient == "iron").Against, e => e.Code == "ferritin");
    }

    [Fact]
    public void AFerritinReportedAsAtLeastABound_IsNotMadeNormal_SinceItCouldLieAboveTheOverloadThreshold()
    {
        var lab = Assert.Single(Assess(Woman, new LabInput("ferritin", 100, "ug/L") { Bound = LabBound.AtLeast }).Labs);

        Assert.NotEqual(LabStatus.Normal, lab.Status);
        Assert.True(lab.AboveLowOnly);
    }

    /// <summary>Every accepted test, swept from tiny to huge values through the whole assessment: a "normal" reading
    /// always has a sourced upper limit (a value can always rise), and a high one always reaches a doctor.</summary>
    [Fact]
    public void EveryAcceptedTest_ReadsNormalOnlyWithASourcedUpperLimit_AndAHighResultIsNeverSelfCare()
    {
        foreach (var (biomarker, _, units) in LabReading.Known)
        {
            foreach (var unit in units)
            {
                foreach (var person in new[] { Woman, new Person(30, Sex.Male, Sport: "running", TrainingHoursPerWeek: 8) })
                {
                    for (var value = 1e-3; value < 1e6; value *= 1.5)
                    {
                        var input = new LabInput(biomarker, value, unit) { Confirmed = true };
                        if (LabReading.Check(input, person.Sex, person.AgeYears) is not null)
                        {
                            continue;
                        }

                        var result = Assess(person, input);
                        foreach (var lab in result.Labs)
                        {
                            if (lab.Status == LabStatus.Normal)
                            {
                                Assert.True(lab.High is not null, $"{lab.Biomarker} {value} {unit} read normal with no upper limit");
                            }

                            if (lab.Status == LabStatus.High && !lab.HighIsExcess)
                            {
                                Assert.True(result.Triage >= TriageLevel.SeeDoctorSoon, $"{lab.Biomarker} {value} {unit} reads high, triage {result.Triage}");
                            }
                        }
                    }
                }
            }
        }
    }
}

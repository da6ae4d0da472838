using Replete.Assessment;
using Replete.Knowledge;
using Replete.References;

namespace Replete.Tests.Assessment;

/// <summary>Albumin, phosphate, PTH and creatine kinase: each is read against a sourced interval where one exists for
/// the person, and is "not interpreted" (never normal) where none does.</summary>
public class MineralPanelTests
{
    [Theory]
    [InlineData("phosphate", 2.1, "mg/dL", 30, LabStatus.Low)]                  // below 2.5 mg/dL (StatPearls)
    [InlineData("phosphate", 1.0, "mmol/L", 30, LabStatus.Normal)]              // 3.1 mg/dL
    [InlineData("phosphate", 5.2, "mg/dL", 30, LabStatus.High)]                 // above 4.5 mg/dL
    [InlineData("phosphate", 5.2, "mg/dL", 15, LabStatus.NotInterpreted)]       // growing: no single interval
    [InlineData("albumin", 31, "g/L", 30, LabStatus.Low)]                       // below 3.5 g/dL
    [InlineData("albumin", 4.2, "g/dL", 30, LabStatus.Normal)]
    [InlineData("pth", 95, "pg/mL", 30, LabStatus.NotInterpreted)]              // assay-specific
    [InlineData("pth", 3.2, "pmol/L", 30, LabStatus.NotInterpreted)]
    public void Read_MineralPanel_UsesTheAdultIntervalOrNone(string biomarker, double value, string unit, double age, LabStatus status)
    {
        var reading = LabReading.Read(new LabInput(biomarker, value, unit), Sex.Female, age);

        Assert.Equal(status, reading.Status);
        Assert.Equal(status == LabStatus.NotInterpreted, reading.StatusLabel.StartsWith("not interpreted", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Sex.Female, 30, true, 600, LabStatus.High)]      // above 513 U/L (Mougios 2007)
    [InlineData(Sex.Male, 30, true, 600, LabStatus.Normal)]      // below 1083 U/L
    [InlineData(Sex.Male, 30, true, 1500, LabStatus.High)]
    [InlineData(Sex.Male, 30, false, 300, LabStatus.NotInterpreted)] // no sport: the athletes' interval does not apply
    [InlineData(Sex.Male, 52, true, 300, LabStatus.NotInterpreted)]  // measured in athletes aged 7-44 only
    public void CreatineKinase_IsReadAgainstTheAthletesInterval_OnlyForAthletesItWasMeasuredIn(Sex sex, double age, bool athlete, double value, LabStatus status) =>
        Assert.Equal(status, LabReading.Read(new LabInput("creatine_kinase", value, "U/L"), sex, age, athlete: athlete).Status);

    [Fact]
    public void LowAlbumin_MakesALowTotalCalciumNeedIonisedCalcium_AndRaisesItsOwnFlag()
    {
        var result = Assess(new LabInput("calcium_total", 8.1, "mg/dL"), new LabInput("albumin", 2.9, "g/dL"));

        var calcium = result.Labs.Single(l => l.Biomarker == "calcium_total");
        Assert.Equal(LabStatus.Low, calcium.Status);
        Assert.True(calcium.RepeatAdvised);
        Assert.Contains("ionised calcium", calcium.RepeatAdvice, StringComparison.Ordinal);
        Assert.Contains(result.RedFlags, f => f.FlagId == "lab_out_of_range");
    }

    [Fact]
    public void LowAlbumin_WarnsThatANormalTotalCalciumMayBeHigh()
    {
        var result = Assess(new LabInput("calcium_total", 10.3, "mg/dL"), new LabInput("albumin", 3.0, "g/dL"));

        var calcium = result.Labs.Single(l => l.Biomarker == "calcium_total");
        Assert.Equal(LabStatus.Normal, calcium.Status);
        Assert.Contains(calcium.Caveats, c => c.Text.Contains("may be high", StringComparison.Ordinal));
    }

    [Fact]
    public void HighAlbumin_StopsANormalTotalCalciumRulingOutALowOne()
    {
        var calcium = Assess(new LabInput("calcium_total", 8.7, "mg/dL"), new LabInput("albumin", 5.4, "g/dL")).Labs.Single(l => l.Biomarker == "calcium_total");

        Assert.Equal(LabStatus.Normal, calcium.Status);
        Assert.False(calcium.NormalRulesOut);
    }

    [Fact]
    public void LowPhosphate_GoesToADoctor_AndNamesItsCauses()
    {
        var result = Assess(new LabInput("phosphate", 1.9, "mg/dL"));

        var phosphate = result.Labs.Single(l => l.Biomarker == "phosphate.adult");
        Assert.True(phosphate.Nonspecific);
        Assert.Contains("parathyroid", phosphate.Advice, StringComparison.Ordinal);
        Assert.Contains(result.RedFlags, f => f.FlagId == "lab_out_of_range");
    }

    [Fact]
    public void Pth_SaysItsIntervalBelongsToTheLaboratory_AndRaisesNothing()
    {
        var result = Assess(new LabInput("pth", 140, "pg/mL"));

        var pth = result.Labs.Single(l => l.Biomarker == "pth");
        Assert.Equal(LabStatus.NotInterpreted, pth.Status);
        Assert.Contains(pth.Caveats, c => c.Text.Contains("laboratory's own interval", StringComparison.Ordinal));
        Assert.Equal(TriageLevel.SelfCare, result.Triage);
    }

    private static RecoveryAssessment Assess(params LabInput[] labs) =>
        RecoveryAssessor.Assess(new AssessmentInput(new Person(30, Sex.Female, BodyMassKg: 60, Sport: "running", TrainingHoursPerWeek: 8), [], [], [], labs));
}

using Replete.Assessment;
using Replete.References;

namespace Replete.Tests.Assessment;

/// <summary>A lab is read only against a sourced interval, and in its direction: a high result is evidence against a
/// deficiency, never for it (issue: clinical safety).</summary>
public class LabDirectionTests
{
    private static RecoveryAssessment Assess(Person person, string[] symptoms, string[] risks, params LabInput[] labs) =>
        RecoveryAssessor.Assess(new AssessmentInput(person, symptoms, risks, [], labs));

    [Theory]
    [InlineData("tsh", 80, "mIU/L", LabStatus.High)] // NHANES III 0.45-4.12 mIU/L (Hollowell 2002)
    [InlineData("tsh", 2.1, "mIU/L", LabStatus.Normal)]
    [InlineData("calcium_ionised", 0.77, "mmol/L", LabStatus.Low)] // 1.15-1.33 mmol/L (lab norms, unverified)
    public void ATestWithASourcedInterval_IsReadAgainstIt(string biomarker, double value, string unit, LabStatus status)
    {
        var lab = Assert.Single(Assess(new Person(30, Sex.Male), [], [], new LabInput(biomarker, value, unit)).Labs);

        Assert.Equal(status, lab.Status);
        Assert.False(string.IsNullOrEmpty(lab.Source));
    }

    [Theory]
    [InlineData("creatine_kinase", 300, "U/L")] // its upper limit is lab-specific (Stroes 2015): no interval to read against
    [InlineData("creatine_kinase", 4900, "U/L")]
    public void ATestWithoutASourcedInterval_IsNotInterpreted_NeverNormal(string biomarker, double value, string unit)
    {
        var result = Assess(new Person(30, Sex.Male), [], [], new LabInput(biomarker, value, unit));

        var lab = Assert.Single(result.Labs);
        Assert.Equal(LabStatus.NotInterpreted, lab.Status);
        Assert.StartsWith("not interpreted", lab.StatusLabel, StringComparison.Ordinal);
    }

    /// <summary>The "done when": no biomarker reads normal without a sourced interval. Every accepted test, in
    /// every unit, for women and men, athlete or not, swept from tiny to huge values: a "normal" reading always has a
    /// cut-off on each side it was read against and names its source.</summary>
    [Fact]
    public void EveryAcceptedTest_ReadsNormalOnlyAgainstASourcedInterval()
    {
        var normal = 0;
        foreach (var (biomarker, _, units) in LabReading.Known)
        {
            foreach (var unit in units)
            {
                foreach (var (sex, athlete) in new[] { (Sex.Female, false), (Sex.Male, true) })
                {
                    for (var value = 1e-3; value < 1e6; value *= 1.5)
                    {
                        var input = new LabInput(biomarker, value, unit) { Confirmed = true };
                        if (LabReading.Check(input, sex, 30) is not null)
                        {
                            continue; // refused: outside the range seen in living people
                        }

                        var lab = LabReading.Read(input, sex, 30, athlete: athlete);
                        if (lab.Status != LabStatus.Normal)
                        {
                            continue;
                        }

                        normal++;
                        Assert.True(lab.Low is not null || lab.Deficient is not null || lab.High is not null, $"{biomarker} {value} {unit} read normal with no cut-off");
                        Assert.False(string.IsNullOrWhiteSpace(lab.Source), $"{biomarker} read normal without a source");
                        Assert.DoesNotContain("no sourced interval", lab.Source, StringComparison.Ordinal);
                    }
                }
            }
        }

        Assert.True(normal > 0);
    }

    [Theory]
    [InlineData(60)]
    [InlineData(100)]
    public void AHighVitaminD_CountsAgainstADeficiency_AndIsAPossibleExcess(double ngPerMl)
    {
        var result = Assess(new Person(40, Sex.Female), ["fatigue", "muscle_weakness"], [], new LabInput("vitamin_d_25oh", ngPerMl, "ng/mL"));

        var vitaminD = result.Bottlenecks.Single(b => b.Nutrient == "vitamin_d");
        Assert.Equal(Likelihood.NotIndicated, vitaminD.Likelihood);
        Assert.Contains(vitaminD.Against, e => e.Kind == EvidenceKind.Lab && e.Code == "vitamin_d_25oh");
        Assert.DoesNotContain(vitaminD.For, e => e.Kind == EvidenceKind.Lab);
        Assert.Contains(result.Excess, e => e.Nutrient == "vitamin_d");
    }

    [Fact]
    public void AHighFerritin_CountsAgainstIronDeficiency_WhateverTheRisks()
    {
        var result = Assess(new Person(28, Sex.Female), ["fatigue"], ["heavy_periods", "vegetarian", "endurance_running"], new LabInput("ferritin", 250, "ug/L"));

        var iron = result.Bottlenecks.Single(b => b.Nutrient == "iron");
        Assert.True(iron.Likelihood < Likelihood.Likely, $"iron read {iron.Likelihood} with ferritin 250");
        Assert.Contains(iron.Against, e => e.Code == "ferritin");
    }

    [Fact]
    public void AnEmergency_CarriesNoNutrientRankingSystemsOrTestingAdvice_InTheResultItself()
    {
        var result = RecoveryAssessor.Assess(new AssessmentInput(new Person(30, Sex.Male), ["fatigue"], ["vegan"], ["dark_urine_after_exercise"], [new LabInput("ferritin", 10, "ug/L")]));

        Assert.Equal(Replete.Knowledge.TriageLevel.Emergency, result.Triage);
        Assert.Empty(result.Bottlenecks);
        Assert.Empty(result.Systems);
        Assert.Empty(result.OtherCauses);
        Assert.Equal(["Get emergency care now. Do not start or change supplements for these symptoms."], result.NextSteps);
        Assert.NotEmpty(result.Labs);
    }

    [Theory]
    [InlineData(22, true)]
    [InlineData(29.9, true)]
    [InlineData(30, false)]
    [InlineData(45, false)]
    public void VitaminDBetween20And30_IsAGreyZone_WithBothSources_CountedNeitherWay(double ngPerMl, bool grey)
    {
        var result = Assess(new Person(40, Sex.Female), ["muscle_weakness", "bone_pain"], ["little_sun"], new LabInput("vitamin_d_25oh", ngPerMl, "ng/mL"));

        var lab = Assert.Single(result.Labs);
        Assert.Equal(grey, lab.GreyZone);
        var vitaminD = result.Bottlenecks.Single(b => b.Nutrient == "vitamin_d");
        Assert.Equal(!grey, vitaminD.Against.Any(e => e.Code == "vitamin_d_25oh"));
        if (grey)
        {
            Assert.Contains(lab.Caveats, c => c.Source!.StartsWith("Holick et al. 2011", StringComparison.Ordinal));
            Assert.StartsWith("grey zone", lab.StatusLabel, StringComparison.Ordinal);
        }
    }

    [Theory] // IOM 2011 sufficient from 20 ng/mL; Endocrine Society 2011 insufficient 21-29 (data/biomarkers.csv)
    [InlineData(25, "grey_zone", "grey zone (sources disagree)")]
    [InlineData(35, "normal", "normal")]
    [InlineData(15, "low", "low")]
    public void VitaminD_MachineReadableStatus_SaysWhatTheTextSays(double ngPerMl, string status, string label)
    {
        var lab = Assert.Single(Assess(new Person(40, Sex.Female), [], [], new LabInput("vitamin_d_25oh", ngPerMl, "ng/mL")).Labs);

        var json = System.Text.Json.JsonDocument.Parse(Replete.Data.WireJson.Serialize(lab)).RootElement;
        Assert.Equal(status, json.GetProperty("status").GetString());
        Assert.Equal(label, json.GetProperty("status_label").GetString());
    }
}

using Replete.Assessment;
using Replete.Knowledge;
using Replete.References;

namespace Replete.Tests.Assessment;

/// <summary>Lab results outside the range where self-care applies raise a red flag (data/critical_labs.csv), whatever
/// else the report finds.</summary>
public class LabRedFlagTests
{
    private static RecoveryAssessment Assess(Person person, params LabInput[] labs) => RecoveryAssessor.Assess(new AssessmentInput(person, [], [], [], labs));

    private static readonly Person Woman = new(30, Sex.Female);
    private static readonly Person Man = new(30, Sex.Male);

    [Theory]
    [InlineData("vitamin_d_25oh", 150, "ng/mL", "lab_out_of_range", TriageLevel.SeeDoctorSoon)]   // IOM 2011: toxicity mostly above 140
    [InlineData("calcium_total", 12, "mg/dL", "lab_out_of_range", TriageLevel.SeeDoctorSoon)]      // above the 10.5 reference top
    [InlineData("ferritin", 800, "ug/L", "lab_out_of_range", TriageLevel.SeeDoctorSoon)]           // EASL 2022: above 200 in women
    [InlineData("hemoglobin", 7.5, "g/dL", "severe_anaemia", TriageLevel.SeeDoctorToday)]         // WHO 2011: severe below 80 g/L
    [InlineData("potassium", 2.8, "mmol/L", "critical_lab_value", TriageLevel.SeeDoctorToday)]
    [InlineData("creatine_kinase", 50000, "U/L", "lab_out_of_range", TriageLevel.SeeDoctorSoon)]      // Veenstra 1994: severe rhabdomyolysis from 5,000
    [InlineData("creatine_kinase", 60000, "U/L", "critical_lab_value", TriageLevel.SeeDoctorToday)]   // above 50,000: severe (science.md CK row)
    public void OutOfRangeLab_RaisesItsFlag(string biomarker, double value, string unit, string flag, TriageLevel triage)
    {
        var result = Assess(Woman, new LabInput(biomarker, value, unit));

        Assert.Contains(result.RedFlags, f => f.FlagId == flag);
        Assert.Equal(triage, result.Triage);
        // A result that raises a flag is never read "normal" nor "not interpreted".
        Assert.True(result.Labs[0].Status is LabStatus.Low or LabStatus.Deficient or LabStatus.High, $"read {result.Labs[0].Status}");
    }

    [Theory]
    [InlineData(132, "lab_out_of_range", TriageLevel.SeeDoctorSoon)]     // hyponatraemia (EAH consensus): see a doctor
    [InlineData(128, "critical_lab_value", TriageLevel.SeeDoctorToday)]  // a critical value
    public void LowSodium_IsGradedBySeverity(double sodium, string flag, TriageLevel triage)
    {
        var result = Assess(Woman, new LabInput("sodium", sodium, "mmol/L"));

        Assert.Contains(result.RedFlags, f => f.FlagId == flag);
        Assert.Equal(triage, result.Triage);
    }

    [Fact]
    public void HighFerritin_IsExcusedByInflammation_OrANormalTransferrinSaturation()
    {
        Assert.Contains(Assess(Woman, new LabInput("ferritin", 800, "ug/L")).RedFlags, f => f.FlagId == "lab_out_of_range");
        // The raised CRP itself goes to a doctor (above its sourced range), but the ferritin raises no flag of its own.
        Assert.DoesNotContain(Assess(Woman, new LabInput("ferritin", 800, "ug/L"), new LabInput("crp", 40, "mg/L")).RedFlags, f => f.Message.Contains("Ferritin", StringComparison.Ordinal));
        Assert.Empty(Assess(Woman, new LabInput("ferritin", 800, "ug/L"), new LabInput("transferrin_saturation", 30, "%")).RedFlags);
        Assert.Contains(Assess(Woman, new LabInput("ferritin", 800, "ug/L"), new LabInput("transferrin_saturation", 60, "%")).RedFlags, f => f.FlagId == "lab_out_of_range");
    }

    [Fact]
    public void FerritinOverloadCutOff_DependsOnSex()
    {
        Assert.Contains(Assess(Woman, new LabInput("ferritin", 250, "ug/L")).RedFlags, f => f.FlagId == "lab_out_of_range");
        Assert.Empty(Assess(Man, new LabInput("ferritin", 250, "ug/L")).RedFlags);
        Assert.Contains(Assess(Man, new LabInput("ferritin", 320, "ug/L")).RedFlags, f => f.FlagId == "lab_out_of_range");
    }

    [Fact]
    public void Pregnancy_ReadsHaemoglobinAgainst110()
    {
        var pregnant = Woman with { Reproductive = ReproductiveStatus.Pregnant };

        var reading = Assert.Single(Assess(pregnant, new LabInput("hemoglobin", 115, "g/L")).Labs);
        Assert.Equal("hemoglobin.pregnant", reading.Biomarker);
        Assert.Equal(LabStatus.NotInterpreted, reading.Status); // not low; no sourced upper limit in pregnancy
        Assert.True(reading.AboveLowOnly);
        Assert.Equal(LabStatus.Low, Assert.Single(Assess(Woman, new LabInput("hemoglobin", 115, "g/L")).Labs).Status);
        Assert.DoesNotContain(Assess(pregnant, new LabInput("hemoglobin", 75, "g/L")).RedFlags, f => f.FlagId == "severe_anaemia"); // pregnancy: severe below 70
        Assert.Contains(Assess(pregnant, new LabInput("hemoglobin", 65, "g/L")).RedFlags, f => f.FlagId == "severe_anaemia");
    }

    [Fact]
    public void RaisedCrp_ReadsHigh()
    {
        Assert.Equal(LabStatus.High, Assert.Single(Assess(Woman, new LabInput("crp", 12, "mg/L")).Labs).Status);
    }

    [Fact]
    public void MagnesiumAboveTheReferenceRange_IsNotAnExcess()
    {
        Assert.Empty(Assess(Woman, new LabInput("magnesium_serum", 0.97, "mmol/L")).Excess);
    }

    [Fact]
    public void SymptomsOfExcess_RaiseAFlag()
    {
        var result = RecoveryAssessor.Assess(new AssessmentInput(Woman, ["tingling_numbness"], ["high_dose_b6_supplement"], [], []));

        Assert.Contains(result.RedFlags, f => f.FlagId == "symptoms_of_excess");
        Assert.Equal(TriageLevel.SeeDoctorSoon, result.Triage);
    }

    [Fact]
    public void BreathlessnessCountsStrongForIron_OnlyWithAnaemia()
    {
        var normalHb = RecoveryAssessor.Assess(new AssessmentInput(Woman, ["breathlessness_on_exertion"], [], [], [new LabInput("hemoglobin", 130, "g/L")]));
        var lowHb = RecoveryAssessor.Assess(new AssessmentInput(Woman, ["breathlessness_on_exertion"], [], [], [new LabInput("hemoglobin", 110, "g/L")]));

        Assert.Contains(normalHb.Bottlenecks.Single(b => b.Nutrient == "iron").For, e => e.What.StartsWith("Breathlessness on exertion (weak here: strong only with a low hemoglobin)", StringComparison.Ordinal));
        Assert.Contains(lowHb.Bottlenecks.Single(b => b.Nutrient == "iron").For, e => e.What == "Breathlessness on exertion (strong link)");
    }

    [Fact]
    public void LowPotassium_IsForADoctorToTreat()
    {
        var result = Assess(Woman, new LabInput("potassium", 3.2, "mmol/L"));

        Assert.Contains("do not take potassium supplements on your own", result.Bottlenecks.Single(b => b.Nutrient == "potassium").SettleIt, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("magnesium_serum", 0.4, "mmol/L", "critical_lab_value", TriageLevel.SeeDoctorToday)]   // severe hypomagnesaemia below 0.5
    [InlineData("calcium_total", 14.5, "mg/dL", "critical_lab_value", TriageLevel.SeeDoctorToday)]     // severe hypercalcaemia from 14
    [InlineData("hemoglobin", 60, "g/L", "life_threatening_anaemia", TriageLevel.Emergency)]           // below 6.5 g/dL
    [InlineData("vitamin_d_25oh", 8, "ng/mL", "lab_out_of_range", TriageLevel.SeeDoctorSoon)]          // below 12: repletion is prescribed
    public void SevereLab_RaisesTheMoreUrgentFlag(string biomarker, double value, string unit, string flag, TriageLevel triage)
    {
        var result = Assess(Woman, new LabInput(biomarker, value, unit));

        Assert.Equal(triage, result.Triage);
        var raised = Assert.Single(result.RedFlags, f => f.FlagId != "anaemia_or_very_low_ferritin" && f.FlagId != "severe_anaemia");
        Assert.Equal(flag, raised.FlagId);
    }

    [Theory]
    [InlineData("potassium", 2.8, "mmol/L", "potassium")]
    [InlineData("magnesium_serum", 0.4, "mmol/L", "magnesium")]
    public void ACriticalLowResult_ReadsCritical_AndCountsAsFullyAsADeficientOne(string biomarker, double value, string unit, string nutrient)
    {
        var result = Assess(Woman, new LabInput(biomarker, value, unit));

        Assert.Equal("low, critical", Assert.Single(result.Labs).StatusLabel);
        var finding = result.Bottlenecks.Single(b => b.Nutrient == nutrient);
        Assert.Equal(8, Assert.Single(finding.For, e => e.Kind == EvidenceKind.Lab).Points);
        Assert.Equal(Likelihood.Likely, finding.Likelihood);
    }

    [Fact]
    public void LabFlag_NamesTheResultAndItsSource_OncePerResult()
    {
        var flags = Assess(Woman, new LabInput("sodium", 128, "mmol/L")).RedFlags;

        var flag = Assert.Single(flags); // critical, not also "out of range"
        Assert.Contains("Sodium, serum 128 mmol/L, below 130", flag.Message, StringComparison.Ordinal);
        Assert.Contains("science.md §6", flag.Source, StringComparison.Ordinal);
        Assert.Contains("Hew-Butler", Assert.Single(Assess(Woman, new LabInput("sodium", 132, "mmol/L")).RedFlags).Source, StringComparison.Ordinal);
    }

    [Fact]
    public void VeryHighFerritin_IsFlaggedWhateverExcusesIt_AndReadsHigh()
    {
        var result = Assess(Woman, new LabInput("ferritin", 1500, "ug/L"), new LabInput("transferrin_saturation", 30, "%"));

        Assert.Contains(result.RedFlags, f => f.FlagId == "lab_out_of_range");
        var ferritin = result.Labs.Single(l => l.Biomarker == "ferritin");
        Assert.Equal(LabStatus.High, ferritin.Status);
        Assert.Equal(LabStatus.High, Assess(Woman, new LabInput("ferritin", 800, "ug/L"), new LabInput("crp", 40, "mg/L")).Labs.Single(l => l.Biomarker == "ferritin").Status);
    }

    [Fact]
    public void LowHaemoglobinAlone_AsksForItsCause()
    {
        var result = Assess(Woman, new LabInput("hemoglobin", 110, "g/L"));

        var iron = result.Bottlenecks.Single(b => b.Nutrient == "iron");
        Assert.Contains("ask for ferritin with CRP, transferrin saturation, B12 and folate", iron.SettleIt, StringComparison.Ordinal);
        Assert.Contains(iron.For, e => e.What.EndsWith("does not show its cause", StringComparison.Ordinal));
        var withFerritin = Assess(Woman, new LabInput("hemoglobin", 110, "g/L"), new LabInput("ferritin", 10, "ug/L"), new LabInput("crp", 0.8, "mg/L"));
        Assert.StartsWith("iron: the lab shows it", withFerritin.Bottlenecks.Single(b => b.Nutrient == "iron").SettleIt, StringComparison.Ordinal);
    }

    [Fact]
    public void VeganProfile_GetsTheB12SourceStep_AndPregnancyGetsNoRedSAdvice()
    {
        var vegan = RecoveryAssessor.Assess(new AssessmentInput(Woman, [], ["vegan"], [], []));
        Assert.Contains(vegan.NextSteps, s => s.StartsWith("Vegan: B12 occurs naturally only in animal foods", StringComparison.Ordinal));

        var pregnant = RecoveryAssessor.Assess(new AssessmentInput(Woman with { Reproductive = ReproductiveStatus.Pregnant }, ["fatigue", "hair_loss"], [], [], []));
        Assert.DoesNotContain(pregnant.OtherCauses, c => c.CauseId == "low_energy_availability");
        Assert.Contains(RecoveryAssessor.Assess(new AssessmentInput(Woman, ["fatigue", "hair_loss"], [], [], [])).OtherCauses, c => c.CauseId == "low_energy_availability");
    }
}

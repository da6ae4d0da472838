using Replete.Assessment;
using Replete.Knowledge;
using Replete.References;

namespace Replete.Tests.Knowledge;

/// <summary>Red flags recovered from what a person says, with no flag ticked (data/red_flag_rules.csv), each at the
/// level red_flags.csv gives it, and a control for each that must not fire.</summary>
public class RedFlagInferenceTests
{
    private static RecoveryAssessment Assess(string[] symptoms, string[] risks) =>
        RecoveryAssessor.Assess(new AssessmentInput(new Person(34, Sex.Female), symptoms, risks, [], []));

    [Theory]
    [InlineData("tingling_numbness,fatigue", "vegan", "persistent_tingling", TriageLevel.SeeDoctorSoon)]
    [InlineData("tingling_numbness", "metformin", "persistent_tingling", TriageLevel.SeeDoctorSoon)]
    [InlineData("palpitations", "", "palpitations", TriageLevel.SeeDoctorSoon)]
    [InlineData("prolonged_soreness,muscle_weakness", "statin", "statin_muscle_pain", TriageLevel.SeeDoctorSoon)]
    [InlineData("muscle_cramps", "statin", "statin_muscle_pain", TriageLevel.SeeDoctorSoon)]
    [InlineData("spasms_tetany", "", "possible_tetany", TriageLevel.SeeDoctorToday)]
    [InlineData("tingling_numbness,fatigue", "high_dose_zinc_supplement", "persistent_tingling", TriageLevel.SeeDoctorSoon)] // copper deficiency from excess zinc (IOM 2001 p.486)
    [InlineData("poor_coordination", "high_dose_zinc_supplement", "persistent_tingling", TriageLevel.SeeDoctorSoon)]
    [InlineData("tingling_numbness,poor_coordination", "", "persistent_tingling", TriageLevel.SeeDoctorSoon)] // tingling with balance loss (science.md §6)
    public void WhatAPersonSays_RaisesTheFlag_AtItsLevel(string symptoms, string risks, string flag, TriageLevel triage)
    {
        var result = Assess(symptoms.Split(',', StringSplitOptions.RemoveEmptyEntries), risks.Split(',', StringSplitOptions.RemoveEmptyEntries));

        var raised = Assert.Single(result.RedFlags, f => f.FlagId == flag);
        Assert.Contains("inferred: ", raised.Message, StringComparison.Ordinal);
        Assert.Equal(triage, result.Triage);
    }

    [Theory]
    [InlineData("tingling_numbness,fatigue", "")] // tingling without a vegan diet or metformin: not this flag
    [InlineData("fatigue", "vegan")]
    [InlineData("prolonged_soreness,muscle_weakness", "")] // soreness without a statin
    [InlineData("muscle_cramps", "")]
    [InlineData("muscle_twitches", "")] // a twitch is not tetany
    [InlineData("fatigue", "high_dose_zinc_supplement")] // zinc without a nerve sign
    public void Controls_RaiseNoFlag(string symptoms, string risks)
    {
        var result = Assess(symptoms.Split(',', StringSplitOptions.RemoveEmptyEntries), risks.Split(',', StringSplitOptions.RemoveEmptyEntries));

        Assert.Empty(result.RedFlags);
        Assert.Equal(TriageLevel.SelfCare, result.Triage);
    }

    [Fact]
    public void AVeganProfile_CountsForTheRule_AsTheFilesDietDoes()
    {
        using var source = Replete.Data.JsonSource.Parse("""{"profile": {"age": 40, "sex": "male", "diet": "vegan"}, "symptoms": ["tingling_numbness"]}""", "a.json");

        var result = RecoveryAssessor.Assess(AssessmentRequest.Read(source).OrThrow().ToInput());

        Assert.Contains(result.RedFlags, f => f.FlagId == "persistent_tingling");
    }

    [Theory]
    [InlineData("potassium", 2.8, "mmol/L", "palpitations,muscle_weakness", TriageLevel.Emergency)]
    [InlineData("potassium", 2.8, "mmol/L", "fatigue", TriageLevel.SeeDoctorToday)] // control: critical, without its symptoms
    [InlineData("calcium_total", 5.4, "mg/dL", "spasms_tetany", TriageLevel.Emergency)]
    [InlineData("calcium_total", 5.4, "mg/dL", "", TriageLevel.SeeDoctorToday)]
    [InlineData("potassium", 6.5, "mmol/L", "palpitations", TriageLevel.Emergency)]
    [InlineData("potassium", 6.5, "mmol/L", "", TriageLevel.SeeDoctorToday)]
    [InlineData("magnesium_serum", 0.45, "mmol/L", "spasms_tetany", TriageLevel.Emergency)]
    [InlineData("potassium", 3.2, "mmol/L", "muscle_weakness", TriageLevel.SelfCare)] // control: low, not critical
    [InlineData("creatine_kinase", 50000, "U/L", "prolonged_soreness", TriageLevel.Emergency)] // possible rhabdomyolysis
    [InlineData("creatine_kinase", 60000, "U/L", "", TriageLevel.SeeDoctorToday)]
    [InlineData("creatine_kinase", 800, "U/L", "prolonged_soreness", TriageLevel.SelfCare)] // control: raised after hard training
    [InlineData("calcium_ionised", 0.77, "mmol/L", "spasms_tetany", TriageLevel.Emergency)]
    [InlineData("calcium_ionised", 0.77, "mmol/L", "", TriageLevel.SeeDoctorToday)] // critical, without its symptoms
    [InlineData("calcium_ionised", 1.20, "mmol/L", "", TriageLevel.SelfCare)] // control: inside 1.15-1.33
    [InlineData("tsh", 80, "mIU/L", "fatigue", TriageLevel.SeeDoctorSoon)] // above 10: treated, so a doctor
    [InlineData("tsh", 2.0, "mIU/L", "fatigue", TriageLevel.SelfCare)]
    public void ACriticalLab_WithItsSymptoms_IsAnEmergency(string biomarker, double value, string unit, string symptoms, TriageLevel triage)
    {
        var result = RecoveryAssessor.Assess(new AssessmentInput(new Person(34, Sex.Female), symptoms.Split(',', StringSplitOptions.RemoveEmptyEntries), [], [], [new LabInput(biomarker, value, unit)]));

        Assert.Equal(triage, result.Triage);
        // Severity has three levels: a critical result says so, not only "low".
        Assert.Equal(result.RedFlags.Any(f => f.FlagId == "critical_lab_value"), Assert.Single(result.Labs).StatusLabel.EndsWith(", critical", StringComparison.Ordinal));
    }
}

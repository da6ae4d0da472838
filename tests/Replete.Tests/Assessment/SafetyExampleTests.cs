using Replete.Assessment;
using Replete.Data;
using Replete.Diet;
using Replete.Knowledge;
using Replete.References;
using Replete.Targets;

namespace Replete.Tests.Assessment;

/// <summary>Issue 12's own examples that no other test states whole: each is read as the person would write it
/// (through <see cref="AssessmentRequest.Read"/>), with a diet log where the example has one, and must give the safe
/// answer. The red-flag examples are cases of red_flag_cases.json; the lab examples are in LabDirectionTests and
/// LabRedFlagTests.</summary>
public class SafetyExampleTests
{
    private static AssessmentInput Read(string json)
    {
        using var source = JsonSource.Parse(json, "example.json");
        return AssessmentRequest.Read(source).OrThrow().ToInput();
    }

    /// <summary>A week of logged days, each with <paramref name="nutrients"/>.</summary>
    private static DietAnalysis Week(Person person, Dictionary<string, double> nutrients) => DietAnalyzer.Analyze(
        [.. Enumerable.Range(2, 7).Select(d => new IntakeItem(new DateOnly(2026, 11, d), null, "lunch", "logged meals", nutrients, "log.csv:" + d))], [], TargetCalculator.For(person));

    [Fact]
    public void PerioralTinglingWithSpasms_OnA409MgCalciumLog_WithVitaminD22_SeesADoctorToday_AndNothingReadsFine()
    {
        var input = Read("""{"profile": {"age": 34, "sex": "female", "diet": "omnivore"}, "symptoms": ["tingling around the mouth", "muscle spasms"], "risk_factors": ["dairy-free"], "labs": [{"biomarker": "vitamin_d_25oh", "value": 22, "unit": "ng/mL"}]}""");

        var result = RecoveryAssessor.Assess(input, diet: Week(input.Person, new() { ["calcium"] = 409, ["energy"] = 1900 }));

        Assert.Equal(TriageLevel.SeeDoctorToday, result.Triage); // not "self-care is reasonable"
        Assert.Contains(result.RedFlags, f => f.FlagId == "possible_tetany");
        // 22 ng/mL is a grey zone (IOM 2011 sufficient from 20, Endocrine Society insufficient below 30): not normal,
        // not counted against vitamin D.
        var vitaminD = result.Labs.Single(l => l.Biomarker == "vitamin_d_25oh");
        Assert.True(vitaminD.GreyZone);
        Assert.DoesNotContain(result.Bottlenecks.SelectMany(b => b.Against), e => e.Code == "vitamin_d_25oh");
        // The log shows a calcium shortfall, with the symptoms of a low calcium.
        var calcium = result.Bottlenecks.Single(b => b.Nutrient == "calcium");
        Assert.Contains(calcium.For, e => e.Kind == EvidenceKind.Diet);
        Assert.True(calcium.Likelihood >= Likelihood.Possible, $"calcium {calcium.Likelihood}");
    }

    [Fact]
    public void AmenorrhoeicRunnerWithAStressFracture_SeesADoctor_WithLowEnergyAvailabilityAheadOfIron()
    {
        var input = Read("""
            {"profile": {"age": 22, "sex": "female", "body_mass_kg": 47, "sport": "running", "training_hours_per_week": 9},
             "risk_factors": ["mileage up sharply", "stress fracture"], "history": {"months_without_period": 9}}
            """);

        var result = RecoveryAssessor.Assess(input);

        Assert.Equal(TriageLevel.SeeDoctorSoon, result.Triage);
        Assert.Contains(result.RedFlags, f => f.FlagId == "missed_periods_three_months");
        Assert.Contains(result.RedFlags, f => f.FlagId == "bone_stress_injury");
        // Nine months without a period counts as missed periods: energy is the top finding, and iron (no lab) is no
        // more than it and names it as the cause to fix first.
        Assert.Equal("energy", result.Bottlenecks[0].Nutrient);
        Assert.True(result.Bottlenecks[0].Likelihood >= Likelihood.Possible);
        var iron = result.Bottlenecks.Single(b => b.Nutrient == "iron");
        Assert.True(iron.Likelihood < Likelihood.Likely);
        Assert.Contains(iron.Notes, n => n.Text.StartsWith("Low energy availability can cause this shortfall", StringComparison.Ordinal));
        // Low energy availability leads the other causes; soreness was not reported, so DOMS is not named.
        Assert.Equal("low_energy_availability", result.OtherCauses[0].CauseId);
        Assert.DoesNotContain(result.OtherCauses, c => c.CauseId == "doms");
    }

    [Theory]
    [InlineData(3, 30, true)]
    [InlineData(2, 30, false)]  // under three months
    [InlineData(14, 50, false)] // twelve months from 45: the menopause
    public void MonthsWithoutAPeriod_CountAsMissedPeriods(double months, double age, bool counted) =>
        Assert.Equal(counted, Read($$"""{"profile": {"age": {{age}}, "sex": "female"}, "history": {"months_without_period": {{months}}} }""").Symptoms.Contains("missed_periods"));

    [Fact]
    public void SorenessAfterANewProgramme_NamesDoms_First()
    {
        var result = RecoveryAssessor.Assess(Read("""{"profile": {"age": 27, "sex": "male", "sport": "weightlifting"}, "symptoms": ["DOMS"], "risk_factors": ["new programme"]}"""));

        Assert.Equal("doms", result.OtherCauses[0].CauseId);
        Assert.Equal(TriageLevel.SelfCare, result.Triage);
        Assert.Null(result.Top);
    }
}

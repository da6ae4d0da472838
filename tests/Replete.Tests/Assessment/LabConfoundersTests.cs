using Replete.Assessment;
using Replete.References;

namespace Replete.Tests.Assessment;

/// <summary>Confounders (data/lab_confounders.csv) and plausible ranges (data/lab_plausible.csv) change how a lab
/// reads, and the assessment follows.</summary>
public class LabConfoundersTests
{
    private static readonly Person Runner = new(31, Sex.Female, BodyMassKg: 58, Sport: "running", TrainingHoursPerWeek: 8);

    private static IReadOnlyList<LabReading> Read(LabSample sample, IReadOnlyCollection<string> symptoms, params LabInput[] labs) =>
        LabConfounders.Apply([.. labs.Select(l => LabReading.Read(l, Sex.Female, 31, sample))], sample, symptoms, []);

    [Fact]
    public void RaisedCrp_ReadsFerritinAgainst70_AndStopsALowZincCounting()
    {
        var labs = Read(LabSample.Unknown, [], new LabInput("ferritin", 60, "ug/L"), new LabInput("crp", 28, "mg/L"), new LabInput("zinc.female.afternoon", 55, "ug/dL"));

        var ferritin = labs.Single(l => l.Biomarker == "ferritin");
        Assert.Equal(LabStatus.Low, ferritin.Status);
        Assert.True(ferritin.ConditionalCutoff);
        Assert.Equal(70, ferritin.Low);
        Assert.True(ferritin.RepeatAdvised);
        Assert.Contains(ferritin.Caveats, c => c.ToString().Contains("WHO 2020", StringComparison.Ordinal));
        var zinc = labs.Single(l => l.Biomarker.StartsWith("zinc", StringComparison.Ordinal));
        Assert.Equal(LabStatus.Low, zinc.Status);
        Assert.False(zinc.CountsForDeficiency);
    }

    /// <summary>Tester finding 2: ferritin 32 ug/L read "normal (cut-off 30)" and put iron at score 0, while the same
    /// report staged it as athlete stage 1, iron depletion (below 35), and no CRP was asked for.</summary>
    [Fact]
    public void AthleteFerritinInStageOne_IsNotNormal_IronAtLeastPossible_AndCrpAskedFor()
    {
        var result = RecoveryAssessor.Assess(new AssessmentInput(Runner with { AgeYears = 27 }, ["fatigue", "low_stamina"], ["heavy_periods"], [], [new LabInput("ferritin", 32, "ug/L")]));

        var ferritin = result.Labs.Single(l => l.Biomarker == "ferritin");
        Assert.NotEqual(LabStatus.Normal, ferritin.Status);
        Assert.Equal(LabStatus.Low, ferritin.Status);
        Assert.Equal(35, ferritin.Low);
        var iron = result.Bottlenecks.Single(b => b.Nutrient == "iron");
        Assert.True(iron.Likelihood >= Likelihood.Possible, $"iron {iron.Likelihood} (score {iron.Score})");
        Assert.DoesNotContain(iron.Against, e => e.Kind == EvidenceKind.Lab);
        Assert.Contains(iron.Notes, n => n.ToString().Contains("stage 1", StringComparison.Ordinal));
        Assert.Contains("CRP", iron.SettleIt, StringComparison.Ordinal);
    }

    [Fact] // Not an athlete: the general cut-off of 30 holds, and the staging's 35 does not apply.
    public void NonAthleteFerritinAt32_KeepsTheGeneralCutOff()
    {
        var ferritin = Read(LabSample.Unknown, [], new LabInput("ferritin", 32, "ug/L"), new LabInput("crp", 0.8, "mg/L")).Single(l => l.Biomarker == "ferritin");
        Assert.False(ferritin.ConditionalCutoff);
        Assert.NotEqual(LabStatus.Low, ferritin.Status);
    }

    [Theory] // Without CRP a ferritin under 70 ug/L (WHO 2020's cut-off with inflammation) cannot rule iron deficiency out.
    [InlineData(50, true)]
    [InlineData(69, true)]
    [InlineData(80, false)]
    public void FerritinWithoutCrp_BelowSeventy_IsNotReassuring_AndRepeatedWithCrp(double value, bool repeat)
    {
        var result = RecoveryAssessor.Assess(new AssessmentInput(Runner, ["fatigue"], ["heavy_periods"], [], [new LabInput("ferritin", value, "ug/L")]));
        var ferritin = result.Labs.Single(l => l.Biomarker == "ferritin");
        Assert.Equal(repeat, ferritin.RepeatAdvised);
        Assert.Equal(!repeat, ferritin.NormalRulesOut);
        if (repeat)
        {
            Assert.Contains("CRP", ferritin.RepeatAdvice, StringComparison.Ordinal);
        }
    }

    [Fact] // With a normal CRP the athlete's 32 ug/L is still stage 1, and no CRP is asked for.
    public void AthleteFerritinAt32_WithNormalCrp_IsLow_WithoutAskingForCrp()
    {
        var result = RecoveryAssessor.Assess(new AssessmentInput(Runner, ["fatigue"], ["heavy_periods"], [], [new LabInput("ferritin", 32, "ug/L"), new LabInput("crp", 0.8, "mg/L")]));
        var ferritin = result.Labs.Single(l => l.Biomarker == "ferritin");
        Assert.Equal(LabStatus.Low, ferritin.Status);
        Assert.Null(ferritin.Advice);
    }

    [Fact]
    public void NormalCrp_LeavesFerritinOnItsOwnCutOff()
    {
        var ferritin = Read(LabSample.Unknown, [], new LabInput("ferritin", 60, "ug/L"), new LabInput("crp", 0.8, "mg/L")).Single(l => l.Biomarker == "ferritin");

        // Read alone, ferritin has only its lower cut-off: not low, not "normal" (RecoveryAssessor adds EASL's 200 ug/L).
        Assert.True(ferritin.AboveLowOnly);
        Assert.True(ferritin.NormalRulesOut);
        Assert.Empty(ferritin.Caveats);
    }

    [Fact]
    public void FerritinAfterHardTraining_NoLongerRulesIronOut()
    {
        var rested = RecoveryAssessor.Assess(new AssessmentInput(Runner, ["fatigue"], ["endurance_running"], [], [new LabInput("ferritin", 45, "ug/L"), new LabInput("crp", 0.8, "mg/L")]));
        var afterRace = RecoveryAssessor.Assess(new AssessmentInput(Runner, ["fatigue"], ["endurance_running"], [], [new LabInput("ferritin", 45, "ug/L"), new LabInput("crp", 0.8, "mg/L")]) { Sample = new LabSample(AfterHardTraining: true) });

        Assert.NotEmpty(rested.Bottlenecks.Single(b => b.Nutrient == "iron").Against);
        var iron = afterRace.Bottlenecks.Single(b => b.Nutrient == "iron");
        Assert.Empty(iron.Against);
        Assert.Contains(iron.Notes, n => n.ToString().Contains("rested", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(8, 53.5, 14.4)]    // August, north: at the peak, the full 9.6 ng/mL swing lies ahead
    [InlineData(2, 53.5, 24.0)]    // February, north: already at the low
    [InlineData(2, -33.9, 14.4)]   // February, south (Sydney): at the peak
    [InlineData(5, 53.5, 19.2)]    // May, north: halfway
    public void ExpectedTrough_FollowsTheSeasonAndHemisphere(int month, double latitude, double trough) =>
        Assert.Equal(trough, LabConfounders.ExpectedTrough(24, 9.6, new DateOnly(2026, month, 15), latitude), 1);

    [Fact]
    public void SummerVitaminD_WhoseWinterLowFallsBelowTheCutOff_IsNotReassuring()
    {
        var august = Read(new LabSample(new DateOnly(2026, 8, 25), 53.5), [], new LabInput("vitamin_d_25oh", 24, "ng/mL")).Single();
        var february = Read(new LabSample(new DateOnly(2026, 2, 25), 53.5), [], new LabInput("vitamin_d_25oh", 24, "ng/mL")).Single();

        Assert.False(august.NormalRulesOut);
        Assert.Contains(august.Caveats, c => c.ToString().Contains("August", StringComparison.Ordinal) && c.ToString().Contains("Shoben", StringComparison.Ordinal));
        Assert.True(august.RepeatAdvised);
        // 24 ng/mL is in the 20-30 grey zone in any season: never reassuring, but no repeat is asked for in February.
        Assert.False(february.NormalRulesOut);
        Assert.True(february.GreyZone);
        Assert.False(february.RepeatAdvised);
    }

    /// <summary>A result's own draw date decides its season, not the sample's (a server report sets lab_sample.date to
    /// the newest stored result): 28 ng/mL drawn in August at 53.5 degrees north falls to about 18 at the late-winter low,
    /// below 20, so a repeat in late winter is advised, although the report's newest result is from February, when the
    /// same value asks for none.</summary>
    [Fact]
    public void SummerVitaminD_InAReportWhoseNewestResultIsFromWinter_IsReadInItsOwnSeason()
    {
        var sample = new LabSample(new DateOnly(2026, 2, 25), 53.5);
        var august = LabReading.Read(new LabInput("vitamin_d_25oh", 28, "ng/mL"), Sex.Female, 31, sample) with { Drawn = new DateOnly(2025, 8, 25) };
        var sameDay = LabReading.Read(new LabInput("vitamin_d_25oh", 28, "ng/mL"), Sex.Female, 31, sample) with { Drawn = sample.Drawn };

        var read = LabConfounders.Apply([august], sample, [], []).Single();
        var winter = LabConfounders.Apply([sameDay], sample, [], []).Single();

        Assert.True(read.RepeatAdvised);
        Assert.Contains(read.Caveats, c => c.ToString().Contains("Drawn in August", StringComparison.Ordinal));
        Assert.False(winter.RepeatAdvised);
        Assert.DoesNotContain(winter.Caveats, c => c.ToString().Contains("Drawn in", StringComparison.Ordinal));
    }

    [Fact]
    public void RestlessLegs_ReadsFerritinAgainst75()
    {
        var ferritin = Read(LabSample.Unknown, ["restless_legs"], new LabInput("ferritin", 60, "ug/L")).Single();

        Assert.Equal(LabStatus.Low, ferritin.Status);
        Assert.False(ferritin.RepeatAdvised);
    }

    [Theory]
    [InlineData(SampleTime.Afternoon, null, "zinc.female.afternoon", LabStatus.NotInterpreted)] // 62 >= 59: not low; no sourced upper limit, so not "normal"
    [InlineData(SampleTime.Morning, false, "zinc.female.morning_nonfasting", LabStatus.Low)]   // 62 < 66
    [InlineData(null, null, "zinc.female.morning_fasting", LabStatus.Low)]                    // 62 < 70, and said
    public void Zinc_TakesItsCutOffFromTheSample(SampleTime? time, bool? fasting, string stratum, LabStatus status)
    {
        var zinc = LabReading.Read(new LabInput("zinc", 62, "ug/dL"), Sex.Female, 30, new LabSample(Time: time, Fasting: fasting));

        Assert.Equal(stratum, zinc.Biomarker);
        Assert.Equal(status, zinc.Status);
        Assert.Equal(time is null, zinc.Caveats.Any(c => c.ToString().Contains("morning-fasting", StringComparison.Ordinal)));
        Assert.Equal(time is not null, zinc.CountsForDeficiency); // 62 lies above the afternoon cut-off (59): unreadable without the time
    }

    [Fact]
    public void ZincForAWomanOver70_SaysTheCutOffsStopAt70()
    {
        var zinc = LabReading.Read(new LabInput("zinc", 80, "ug/dL"), Sex.Female, 75, new LabSample(Time: SampleTime.Morning, Fasting: true));

        Assert.Contains(zinc.Caveats, c => c.Text.StartsWith("Hotz et al. 2003 give cut-offs for women of 10-70 years only", StringComparison.Ordinal));
        Assert.DoesNotContain(LabReading.Read(new LabInput("zinc", 80, "ug/dL"), Sex.Female, 60, new LabSample(Time: SampleTime.Morning, Fasting: true)).Caveats, c => c.Text.StartsWith("Hotz", StringComparison.Ordinal));
    }

    [Fact]
    public void LowFerritinWithRaisedCrp_StandsAndNeedsNoRepeat()
    {
        var ferritin = Read(LabSample.Unknown, [], new LabInput("ferritin", 25, "ug/L"), new LabInput("crp", 12, "mg/L")).Single(l => l.Biomarker == "ferritin");

        Assert.Equal(LabStatus.Low, ferritin.Status);
        Assert.False(ferritin.ConditionalCutoff);
        Assert.False(ferritin.RepeatAdvised);
        Assert.Contains(ferritin.Caveats, c => c.Text.StartsWith("Below the usual cut-off even before", StringComparison.Ordinal));
    }

    [Fact]
    public void RestlessLegs_CutOffIncludes75()
    {
        Assert.Equal(LabStatus.Low, Read(LabSample.Unknown, ["restless_legs"], new LabInput("ferritin", 75, "ug/L")).Single().Status);
        Assert.True(Read(LabSample.Unknown, ["restless_legs"], new LabInput("ferritin", 76, "ug/L")).Single().AboveLowOnly); // not low
    }

    [Fact]
    public void BorderlineB12_NeedsMethylmalonicAcid_BeforeItIsLikely()
    {
        var vegan = new Person(28, Sex.Male, Vegetarian: true);
        var alone = RecoveryAssessor.Assess(new AssessmentInput(vegan, ["tingling_numbness", "fatigue"], ["vegan"], [], [new LabInput("vitamin_b12", 180, "pmol/L")]));
        var confirmed = RecoveryAssessor.Assess(new AssessmentInput(vegan, ["tingling_numbness", "fatigue"], ["vegan"], [], [new LabInput("vitamin_b12", 180, "pmol/L"), new LabInput("methylmalonic_acid", 480, "nmol/L")]));

        var b12 = alone.Bottlenecks.Single(b => b.Nutrient == "vitamin_b12");
        Assert.Equal(Likelihood.Possible, b12.Likelihood);
        Assert.Contains("methylmalonic acid", b12.SettleIt, StringComparison.Ordinal);
        Assert.Equal(Likelihood.Likely, confirmed.Bottlenecks.Single(b => b.Nutrient == "vitamin_b12").Likelihood);
    }

    [Fact]
    public void BorderlineB12_WithANormalMethylmalonicAcid_IsNotConfirmed()
    {
        var vegan = new Person(28, Sex.Male, Vegetarian: true);
        var result = RecoveryAssessor.Assess(new AssessmentInput(vegan, ["tingling_numbness"], ["vegan"], [], [new LabInput("vitamin_b12", 200, "pmol/L"), new LabInput("methylmalonic_acid", 150, "nmol/L")]));

        var b12 = result.Bottlenecks.Single(b => b.Nutrient == "vitamin_b12");
        Assert.True(b12.Likelihood < Likelihood.Likely);
        Assert.Contains(b12.Against, e => e.What.StartsWith("Methylmalonic acid", StringComparison.Ordinal));
        Assert.Contains(b12.Notes, n => n.Text.StartsWith("Methylmalonic acid is normal", StringComparison.Ordinal));
    }

    [Fact]
    public void MorningZincWithoutTheFastingState_IsUnreadableAboveTheNonFastingCutOff()
    {
        var zinc = LabReading.Read(new LabInput("zinc", 68, "ug/dL"), Sex.Female, 30, new LabSample(Time: SampleTime.Morning));

        Assert.Equal(LabStatus.Low, zinc.Status);          // below the morning-fasting 70
        Assert.False(zinc.CountsForDeficiency);            // but not below the morning non-fasting 66
        Assert.True(LabReading.Read(new LabInput("zinc", 64, "ug/dL"), Sex.Female, 30, new LabSample(Time: SampleTime.Morning)).CountsForDeficiency);
    }

    [Fact]
    public void TwoFerritinRules_DoNotContradictEachOther()
    {
        var ferritin = Read(LabSample.Unknown, ["restless_legs"], new LabInput("ferritin", 50, "ug/L"), new LabInput("crp", 12, "mg/L")).Single(l => l.Biomarker == "ferritin");

        Assert.Equal(LabStatus.Low, ferritin.Status);
        Assert.DoesNotContain(ferritin.Caveats, c => c.Text.StartsWith("Below the usual cut-off", StringComparison.Ordinal));
    }

    [Fact]
    public void SeasonRule_AppliesOnlyWhereWinterMatters()
    {
        var singapore = Read(new LabSample(new DateOnly(2026, 8, 25), 1.3), [], new LabInput("vitamin_d_25oh", 22, "ng/mL")).Single();
        var london = Read(new LabSample(new DateOnly(2026, 8, 25), 51.5), [], new LabInput("vitamin_d_25oh", 22, "ng/mL")).Single();

        Assert.False(singapore.RepeatAdvised);
        Assert.True(singapore.GreyZone);
        Assert.False(london.NormalRulesOut);
        Assert.Equal("Repeat in late winter to see the low.", london.RepeatAdvice);
    }

    [Fact]
    public void HaemoglobinInTheWrongUnit_IsAskedAbout_UnlessConfirmed()
    {
        var question = LabReading.Check(new LabInput("hemoglobin", 13, "g/L"), Sex.Female);
        Assert.NotNull(question);
        Assert.True(question.IsUnitQuestion);
        Assert.Equal("question", question.Code);
        Assert.Contains("while 13 g/dL would be 130 g/L", question.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => LabReading.Read(new LabInput("hemoglobin", 13, "g/L"), Sex.Female));

        var confirmed = LabReading.Read(new LabInput("hemoglobin", 13, "g/L") { Confirmed = true }, Sex.Female);
        Assert.Equal(13, confirmed.Value);
        Assert.Equal(LabStatus.Low, confirmed.Status);
        Assert.Equal(LabStatus.Deficient, LabReading.Read(new LabInput("ferritin", 5, "ug/L"), Sex.Female).Status); // ug/L and ng/mL are one: nothing to ask
    }

    [Theory]
    [InlineData("ferritin", 250000, "ug/L", "191,000")]
    [InlineData("sodium", 14, "mmol/L", "98 to 255")]
    [InlineData("hemoglobin", 0.4, "g/dL", "6 to 255 g/L")]
    [InlineData("potassium", 45, "mmol/L", "0.9 to 14")]
    public void Check_ValueOutsideThePhysiologicalRange_IsRejectedWithTheRange(string biomarker, double value, string unit, string range)
    {
        var problem = LabReading.Check(new LabInput(biomarker, value, unit), Sex.Female);

        Assert.Equal("out_of_range", problem?.Code);
        Assert.Contains(range, problem!.Message, StringComparison.Ordinal);
        Assert.Contains("check the value and its unit", problem.Message, StringComparison.Ordinal);
    }
}

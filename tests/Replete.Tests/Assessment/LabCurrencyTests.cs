using Replete.Assessment;
using Replete.Knowledge;
using Replete.References;

namespace Replete.Tests.Assessment;

/// <summary>A result is read as now only within its sourced retest interval (data/retest_intervals.csv: ferritin 182
/// days, Clénin et al. 2015; 25(OH)D 112 days, IOC 2018); older, it is shown dated and gives a step to recheck, never a
/// "you are fine"; without a sourced interval or a date, an abnormal result still counts and a normal one does not
/// reassure (LabCurrency). New user: a 2005 result drove the triage as if it were today's.</summary>
public class LabCurrencyTests
{
    private static readonly Person Woman = new(30, Sex.Female);
    private static readonly DateOnly AsOf = new(2026, 12, 2);

    private static RecoveryAssessment Assess(params LabInput[] labs) =>
        RecoveryAssessor.Assess(new AssessmentInput(Woman, ["fatigue"], ["heavy_periods"], [], labs) { AsOf = AsOf });

    [Theory]
    [InlineData("ferritin", "2026-06-03", LabCurrency.Current)]        // 182 days: still within
    [InlineData("ferritin", "2026-06-02", LabCurrency.NotCurrent)]     // 183 days
    [InlineData("vitamin_d_25oh", "2026-08-12", LabCurrency.Current)]  // 112 days
    [InlineData("vitamin_d_25oh", "2026-08-11", LabCurrency.NotCurrent)]
    [InlineData("ferritin", "2026-12-03", LabCurrency.NotCurrent)]     // after the assessment day
    [InlineData("potassium", "2005-07-05", LabCurrency.NotJudged)]     // no sourced interval: none invented
    [InlineData("hemoglobin.female", "2026-12-01", LabCurrency.NotJudged)]
    [InlineData("ferritin", null, LabCurrency.Undated)]
    public void Of_ReadsTheDateAgainstTheSourcedInterval(string biomarker, string? drawn, LabCurrency expected)
    {
        var age = LabAge.Of(biomarker, drawn is null ? null : DateOnly.Parse(drawn, System.Globalization.CultureInfo.InvariantCulture), AsOf);

        Assert.Equal(expected, age.Currency);
    }

    [Fact]
    public void Of_AnOldResult_SaysItsDateAgeAndInterval()
    {
        Assert.Equal("from 2023-03-22, 3 years ago: not current (older than the 182-day retest interval, Clénin et al. 2015); retest",
            LabAge.Of("ferritin", new DateOnly(2023, 3, 22), AsOf).Dated);
        Assert.StartsWith("from 2005-07-05, 21 years ago; no sourced retest interval for this test", LabAge.Of("potassium", new DateOnly(2005, 7, 5), AsOf).Dated, StringComparison.Ordinal);
        Assert.StartsWith("undated", LabAge.Of("ferritin", null, AsOf).Dated, StringComparison.Ordinal);
    }

    /// <summary>The age counts whole calendar years: days / 365 had called 3 years and 364 days "4 years ago" whenever a
    /// 29 February fell between (h98).</summary>
    [Theory]
    [InlineData("2022-12-03", "3 years ago")]
    [InlineData("2022-12-02", "4 years ago")]
    [InlineData("2023-12-03", "2 years ago")]
    [InlineData("2024-12-03", "1 year ago")]
    [InlineData("2025-12-02", "1 year ago")]
    [InlineData("2025-12-03", "364 days ago")]
    [InlineData("1906-01-01", "120 years ago")]
    [InlineData("2024-02-29", "2 years ago")]
    public void Of_TheAge_IsInWholeCalendarYears(string drawn, string ago)
    {
        var age = LabAge.Of("ferritin", DateOnly.Parse(drawn, System.Globalization.CultureInfo.InvariantCulture), AsOf);

        Assert.StartsWith($"from {drawn}, {ago}: not current", age.Dated, StringComparison.Ordinal);
    }

    /// <summary>The worst bug: an old normal ferritin read as today's took 8 points from iron ("not indicated").</summary>
    [Fact]
    public void Assess_AnOldNormalFerritin_IsNotReassurance_AndIsShownDated()
    {
        var result = Assess(new LabInput("ferritin", 80, "ug/L") { Drawn = new DateOnly(2023, 3, 22) });

        Assert.Empty(result.Labs);
        var old = Assert.Single(result.NotCurrentLabs);
        Assert.Equal(LabCurrency.NotCurrent, old.Age!.Currency);
        Assert.False(old.NormalRulesOut);
        var iron = result.Bottlenecks.Single(b => b.Nutrient == "iron");
        Assert.DoesNotContain(iron.Against, e => e.What.Contains("erritin", StringComparison.Ordinal));
        Assert.Contains(result.NextSteps, s => s.Contains("Ferritin", StringComparison.Ordinal) && s.Contains("from 2023-03-22", StringComparison.Ordinal) && s.Contains("not read as now", StringComparison.Ordinal));
    }

    /// <summary>An old deficient ferritin is not dropped: it is shown, and it asks for a doctor to recheck it; but it no
    /// longer raises today's red flag nor makes iron "likely" from a test years ago.</summary>
    [Fact]
    public void Assess_AnOldDeficientFerritin_GivesARecheckStep_NotTodaysRedFlag()
    {
        var result = Assess(new LabInput("ferritin", 8, "ug/L") { Drawn = new DateOnly(2023, 3, 22) });

        Assert.Equal(LabStatus.Deficient, Assert.Single(result.NotCurrentLabs).Status);
        Assert.DoesNotContain(result.RedFlags, f => f.FlagId == "anaemia_or_very_low_ferritin");
        Assert.Contains(result.NextSteps, s => s.Contains("see a doctor to recheck it", StringComparison.Ordinal) && s.Contains("3 years ago", StringComparison.Ordinal));
        Assert.NotEqual(Likelihood.Likely, result.Bottlenecks.Single(b => b.Nutrient == "iron").Likelihood);
    }

    [Fact]
    public void Assess_ARecentFerritin_IsReadAsNow()
    {
        var result = Assess(new LabInput("ferritin", 8, "ug/L") { Drawn = new DateOnly(2026, 11, 20) });

        Assert.Empty(result.NotCurrentLabs);
        Assert.Equal(LabCurrency.Current, Assert.Single(result.Labs).Age!.Currency);
        Assert.Contains(result.RedFlags, f => f.FlagId == "anaemia_or_very_low_ferritin");
    }

    /// <summary>No source gives potassium a retest interval: its 2005 result is not dropped on a guess; its flag stays
    /// and names the date and age, so the reader sees it may be long past.</summary>
    [Fact]
    public void Assess_AnOldResultWithNoSourcedInterval_KeepsItsFlag_NamingItsAge()
    {
        var result = Assess(new LabInput("potassium", 5.4, "mmol/L") { Drawn = new DateOnly(2005, 7, 5) });

        var lab = Assert.Single(result.Labs);
        Assert.Equal(LabCurrency.NotJudged, lab.Age!.Currency);
        Assert.Contains(result.RedFlags, f => f.Message.Contains("from 2005-07-05, 21 years ago", StringComparison.Ordinal));
        Assert.NotEqual(TriageLevel.SelfCare, result.Triage);
    }

    /// <summary>"A normal result is no reassurance" is said beside a normal result only: beside a high potassium or a
    /// low undated haemoglobin, in the Labs table and in the red flag, it read as if the result were normal (new user:
    /// the US Core potassium 5.4 and calcium 7.7 of 2005).</summary>
    [Fact]
    public void Assess_AnAbnormalResultWhoseAgeCannotBeJudged_IsNotCalledNormal()
    {
        var result = Assess(
            new LabInput("potassium", 5.4, "mmol/L") { Drawn = new DateOnly(2005, 7, 5) },
            new LabInput("hemoglobin", 9, "g/dL"),
            new LabInput("vitamin_b12", 400, "pmol/L") { Drawn = new DateOnly(2026, 11, 1) });

        const string normal = "a normal result is no reassurance";
        var potassium = result.Labs.Single(l => l.Biomarker == "potassium");
        var hemoglobin = result.Labs.Single(l => l.Biomarker.StartsWith("hemoglobin", StringComparison.Ordinal));
        Assert.Equal("from 2005-07-05, 21 years ago; no sourced retest interval for this test: not known to be current", potassium.Age!.Dated);
        Assert.Equal("undated, and no sourced retest interval for this test: not known to be current", hemoglobin.Age!.Dated);
        Assert.Contains(normal, result.Labs.Single(l => l.Biomarker == "vitamin_b12").Age!.Dated, StringComparison.Ordinal);
        Assert.Contains(result.RedFlags, f => f.Message.Contains("5.4 mmol/L (from 2005-07-05, 21 years ago; no sourced retest interval for this test: not known to be current)", StringComparison.Ordinal));
        Assert.DoesNotContain(result.RedFlags, f => f.Message.Contains(normal, StringComparison.Ordinal));
    }

    /// <summary>The anaemia flag names the result that raised it and, where its age cannot be judged, its date and age,
    /// as a critical value's flag does: a haemoglobin of 2025 sent the person to a doctor without saying which result.</summary>
    [Fact]
    public void Assess_AnOldLowHaemoglobin_RaisesTheAnaemiaFlag_NamingTheResultAndItsAge()
    {
        var result = Assess(new LabInput("hemoglobin", 9, "g/dL") { Drawn = new DateOnly(2025, 1, 10) });

        var flag = Assert.Single(result.RedFlags, f => f.FlagId == "anaemia_or_very_low_ferritin");
        Assert.EndsWith("(Hemoglobin - non-pregnant women 90 g/L (from 2025-01-10, 1 year ago; no sourced retest interval for this test: not known to be current), low)", flag.Message, StringComparison.Ordinal);
        Assert.Equal(KnowledgeBase.Default.RedFlags.Single(f => f.FlagId == "anaemia_or_very_low_ferritin").Source, flag.Source);
    }

    /// <summary>Review h100: a rule that pairs a result with today's symptom (data/red_flag_rules.csv) read a potassium of
    /// 2019 with today's palpitations and raised the emergency row without saying how old the result was. The flag stands
    /// (no source gives a window) and names the result with its date and age.</summary>
    [Fact]
    public void Assess_AnOldResultWithTodaysSymptom_RaisesTheInferredFlag_NamingTheResultsAge()
    {
        var result = RecoveryAssessor.Assess(new AssessmentInput(Woman, ["palpitations"], [], [], [new LabInput("potassium", 2.9, "mmol/L") { Drawn = new DateOnly(2019, 3, 1) }]) { AsOf = AsOf });

        var flag = Assert.Single(result.RedFlags, f => f.FlagId == "critical_lab_with_symptoms");
        Assert.Contains("inferred: potassium below 3.0 mmol/L with palpitations: ", flag.Message, StringComparison.Ordinal);
        Assert.Contains("2.9 mmol/L (from 2019-03-01, 7 years ago", flag.Message, StringComparison.Ordinal);
    }

    /// <summary>A normal B12 with no sourced interval, or a normal ferritin with no date, is not proof of being fine now.</summary>
    [Fact]
    public void Assess_ANormalResultWhoseAgeCannotBeJudged_DoesNotCountAgainst()
    {
        var b12 = Assess(new LabInput("vitamin_b12", 400, "pmol/L") { Drawn = new DateOnly(2026, 11, 1) });
        var undated = Assess(new LabInput("ferritin", 80, "ug/L"));

        Assert.False(Assert.Single(b12.Labs).NormalRulesOut);
        Assert.False(Assert.Single(undated.Labs).NormalRulesOut);
        Assert.Equal(LabCurrency.Undated, undated.Labs[0].Age!.Currency);
        Assert.DoesNotContain(undated.Bottlenecks.Single(b => b.Nutrient == "iron").Against, e => e.What.Contains("erritin", StringComparison.Ordinal));
    }

    /// <summary>h97: a normal result that does not rule the nutrient out (a haemoglobin, which iron deficiency without
    /// anaemia leaves normal, data/biomarkers.csv; or a result whose age cannot be judged) is not "a lab result is in ...
    /// a repeat is for the clinician to time": with a ferritin of 2024 left out as not current and a haemoglobin of the
    /// same day beside it, iron's next step read as if a lab had settled it, and asked for no ferritin.</summary>
    [Theory]
    [InlineData("2024-03-01")] // as old as the ferritin: its age cannot be judged
    [InlineData("2026-11-30")] // two days ago: still no reassurance on iron stores
    public void Assess_ANormalHaemoglobinAlone_StillAsksForFerritin(string haemoglobinDrawn)
    {
        var result = Assess(
            new LabInput("ferritin", 60, "ug/L") { Drawn = new DateOnly(2024, 3, 1) },
            new LabInput("hemoglobin", 135, "g/L") { Drawn = DateOnly.Parse(haemoglobinDrawn, System.Globalization.CultureInfo.InvariantCulture) });

        var iron = result.Bottlenecks.Single(b => b.Nutrient == "iron");
        Assert.DoesNotContain("a lab result is in", iron.SettleIt, StringComparison.Ordinal);
        Assert.Contains("ask for ferritin", iron.SettleIt, StringComparison.Ordinal);
        Assert.Contains("Hemoglobin", iron.SettleIt, StringComparison.Ordinal);
    }

    /// <summary>Review h100: a result above a lower cut-off with no sourced upper limit ("not interpreted at or above")
    /// reads normal, as LabConfounders reads "not low": it does not rule the nutrient out, so it does not settle it. A
    /// folate of 2019 above its cut-off, read now that a report reads every stored result, had made the step "a lab
    /// result is in ... a repeat is for the clinician to time" in place of asking for the test.</summary>
    [Theory]
    [InlineData("folate_serum", 10, "ng/mL", "folate")]
    public void Assess_AResultAboveALowerCutOffOnly_DoesNotSettleItsNutrient(string biomarker, double value, string unit, string nutrient)
    {
        var result = Assess(new LabInput(biomarker, value, unit) { Drawn = new DateOnly(2019, 5, 1) });

        var finding = result.Bottlenecks.Single(b => b.Nutrient == nutrient);
        Assert.True(result.Labs.Single(l => l.Nutrient == nutrient).AboveLowOnly, result.Labs.Single(l => l.Nutrient == nutrient).Label);
        Assert.DoesNotContain("a lab result is in", finding.SettleIt, StringComparison.Ordinal);
        Assert.Contains("does not rule it out", finding.SettleIt, StringComparison.Ordinal);
        // Not interpreted above its cut-off, so never called normal (h104).
        Assert.Contains("above its low cut-off and otherwise not interpreted", finding.SettleIt, StringComparison.Ordinal);
        Assert.DoesNotContain("normal", finding.SettleIt, StringComparison.Ordinal);
    }

    /// <summary>h97: a confounder from the labs (data/lab_confounders.csv: CRP above 5 mg/L reads ferritin against 70 ug/L,
    /// WHO 2020) is read from the same draw only, as a red flag's companion is (h96): a CRP of 20 from 2023 read today's
    /// ferritin of 50 as low against 70 and asked to "repeat ferritin with CRP once well", for an inflammation three
    /// years gone.</summary>
    [Fact]
    public void Assess_AnOldCrp_DoesNotChangeTodaysFerritin_ButOneFromTheSameDrawDoes()
    {
        var today = new DateOnly(2026, 11, 20);
        LabReading Ferritin(DateOnly crpDrawn) => Assess(
            new LabInput("ferritin", 50, "ug/L") { Drawn = today },
            new LabInput("crp", 20, "mg/L") { Drawn = crpDrawn }).Labs.Single(l => l.Biomarker == "ferritin");

        var old = Ferritin(new DateOnly(2023, 1, 10));
        Assert.Equal(LabStatus.Normal, old.Status);
        Assert.False(old.ConditionalCutoff);
        Assert.DoesNotContain(old.Caveats, c => c.Text.StartsWith("CRP above 5", StringComparison.Ordinal));
        // With no CRP of its own draw, a normal ferritin under 70 is no reassurance (the no_lab:crp row), as without any.
        Assert.False(old.NormalRulesOut);
        Assert.Contains(old.Caveats, c => c.Text.StartsWith("No CRP with this ferritin", StringComparison.Ordinal));

        var same = Ferritin(today);
        Assert.Equal(LabStatus.Low, same.Status);
        Assert.True(same.RepeatAdvised);
    }

    /// <summary>Without an assessment day (a caller that judges no dates), nothing changes.</summary>
    [Fact]
    public void Assess_WithoutAsOf_JudgesNoAge()
    {
        var result = RecoveryAssessor.Assess(new AssessmentInput(Woman, [], [], [], [new LabInput("ferritin", 80, "ug/L") { Drawn = new DateOnly(2005, 7, 5) }]));

        Assert.Null(Assert.Single(result.Labs).Age);
    }

    /// <summary>h96: a companion test in a flag row's <c>unless</c> (data/critical_labs.csv) cancels the flag only from the
    /// same draw. An old CRP (no sourced retest interval, so still read) or transferrin saturation excused today's ferritin
    /// of 250 ug/L, above EASL 2022's 200 for women, as if the inflammation or the saturation were today's.</summary>
    [Theory]
    [InlineData("crp", 20, "mg/L")]
    [InlineData("transferrin_saturation", 30, "%")]
    public void Assess_ACompanionFromAnotherDay_DoesNotCancelTheRedFlag_ButOneFromTheSameDrawDoes(string companion, double value, string unit)
    {
        var today = new DateOnly(2026, 11, 30);
        var ferritin = new LabInput("ferritin", 250, "ug/L") { Drawn = today };

        var old = Assess(ferritin, new LabInput(companion, value, unit) { Drawn = new DateOnly(2024, 1, 10) });
        var same = Assess(ferritin, new LabInput(companion, value, unit) { Drawn = today });

        // A CRP of 20 raises its own flag (above its sourced top of 5): the ferritin's is the one above 200.
        static bool FerritinFlag(RedFlag f) => f.FlagId == "lab_out_of_range" && f.Message.Contains("Ferritin", StringComparison.OrdinalIgnoreCase) && f.Message.Contains("above 200", StringComparison.Ordinal);
        Assert.Contains(old.RedFlags, FerritinFlag);
        Assert.Contains(old.Labs, l => l.Biomarker == companion && l.Age!.Dated.StartsWith("from 2024-01-10", StringComparison.Ordinal));
        Assert.DoesNotContain(same.RedFlags, FerritinFlag);
    }
}

using Replete.Assessment;
using Replete.References;

namespace Replete.Tests.Assessment;

/// <summary>A request's one lab_sample describes one draw: its time of day, fasting and hard training count only for
/// results of that draw (the same day, or either undated), never for a stored result of another day (reviewer brief h102).</summary>
public class LabSampleTests
{
    private static readonly Person Runner = new(31, Sex.Female, BodyMassKg: 58, Sport: "running", TrainingHoursPerWeek: 8);
    private static readonly DateOnly Today = new(2026, 12, 1);
    private static readonly DateOnly DrawOfToday = new(2026, 11, 20);

    private static RecoveryAssessment Assess(LabSample sample, params LabInput[] labs) =>
        RecoveryAssessor.Assess(new AssessmentInput(Runner, ["fatigue"], ["endurance_running"], [], labs) { Sample = sample, AsOf = Today });

    /// <summary>Zinc 62 ug/dL in the afternoon is above the afternoon cut-off (59, Hotz et al. 2003). An afternoon,
    /// non-fasting lab_sample of 2026-11-20 no longer reads a zinc of 2024 under that cut-off: its time is unknown, so it
    /// is read against the morning-fasting 70, not counted (62 would pass the afternoon one), and the report says why.</summary>
    [Fact]
    public void Zinc_OfAnotherDraw_IsNotReadUnderTodaysSampleTime()
    {
        var sample = new LabSample(DrawOfToday, Fasting: false, Time: SampleTime.Afternoon);

        var old = Assess(sample, new LabInput("zinc", 62, "ug/dL") { Drawn = new DateOnly(2024, 3, 1) }).Labs.Single();
        var sameDay = Assess(sample, new LabInput("zinc", 62, "ug/dL") { Drawn = DrawOfToday }).Labs.Single();

        Assert.Equal("zinc.female.morning_fasting", old.Biomarker);
        Assert.Equal(LabStatus.Low, old.Status);
        Assert.False(old.CountsForDeficiency);
        Assert.Contains(old.Caveats, c => c.Text.StartsWith("Sampling time or fasting not given", StringComparison.Ordinal));
        Assert.Contains(old.Caveats, c => c.Text.StartsWith("lab_sample describes the draw of 2026-11-20; this result of 2024-03-01 is read without its sampling conditions", StringComparison.Ordinal));
        Assert.Equal("zinc.female.afternoon", sameDay.Biomarker);
        Assert.DoesNotContain(sameDay.Caveats, c => c.Text.StartsWith("lab_sample describes", StringComparison.Ordinal));
    }

    /// <summary>A ferritin of 45 ug/L with a normal CRP of the same draw rules iron out, unless the blood was taken soon
    /// after hard training (Clénin et al. 2017; data/lab_confounders.csv not_rested). after_hard_training of 2026-11-20
    /// says nothing of a ferritin drawn on 2026-09-01, still current (its retest interval is 182 days).</summary>
    [Fact]
    public void Ferritin_OfAnotherDraw_IsNotReadAsAfterHardTraining()
    {
        var sample = new LabSample(DrawOfToday, AfterHardTraining: true);
        LabInput[] Labs(DateOnly drawn) => [new LabInput("ferritin", 45, "ug/L") { Drawn = drawn }, new LabInput("crp", 0.8, "mg/L") { Drawn = drawn }];

        var september = Assess(sample, Labs(new DateOnly(2026, 9, 1)));
        var sameDay = Assess(sample, Labs(DrawOfToday));

        var ferritin = september.Labs.Single(l => l.Biomarker == "ferritin");
        Assert.False(ferritin.RepeatAdvised);
        Assert.True(ferritin.NormalRulesOut);
        Assert.NotEmpty(september.Bottlenecks.Single(b => b.Nutrient == "iron").Against);
        Assert.Contains(ferritin.Caveats, c => c.Text.StartsWith("lab_sample describes the draw of 2026-11-20; this result of 2026-09-01 is read without its sampling conditions", StringComparison.Ordinal));
        Assert.True(sameDay.Labs.Single(l => l.Biomarker == "ferritin").RepeatAdvised);
        Assert.Empty(sameDay.Bottlenecks.Single(b => b.Nutrient == "iron").Against);
    }

    [Theory]
    [InlineData(null, null, true)]
    [InlineData(null, "2024-03-01", true)]
    [InlineData("2026-11-20", null, true)]
    [InlineData("2026-11-20", "2026-11-20", true)]
    [InlineData("2026-11-20", "2024-03-01", false)]
    public void Describes_OnlyTheSameDay_OrAnUndatedSide(string? sampleDate, string? resultDate, bool describes)
    {
        static DateOnly? Day(string? text) => text is null ? null : DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        var sample = new LabSample(Day(sampleDate), 53.5, true, SampleTime.Morning, true);

        var read = sample.For(Day(resultDate));

        Assert.Equal(describes, sample.Describes(Day(resultDate)));
        Assert.Equal(describes ? sample with { Drawn = Day(resultDate) ?? sample.Drawn } : new LabSample(Day(resultDate), 53.5), read);
    }
}

using Replete.Assessment;

namespace Replete.Tests.Assessment;

/// <summary>A lab result given twice is counted once (h83): twice, it would pass as a confirming repeat test.</summary>
public class LabRepeatsTests
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    private static LabResult Ferritin(double value, string name, DateTimeOffset? taken = null, string? id = null, string unit = "ug/L") =>
        new(new LabInput("ferritin", value, unit) { Drawn = DateOnly.FromDateTime((taken ?? Morning).UtcDateTime) }, name) { Id = id, Taken = taken };

    [Fact]
    public void Find_TheSameObservationIdTwice_KeepsTheFirst_AndSaysWhy()
    {
        var found = LabRepeats.Find([Ferritin(18, "a", Morning, "f1"), Ferritin(18, "b", Morning, "f1")], []);

        Assert.Null(found[0]);
        Assert.Contains("the same Observation id 'f1' as a", found[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Find_TheSameTestTimeValueAndUnit_WithoutAnId_IsARepeat_AsIsOneAlreadyStoredThatDay()
    {
        var stored = new LabResult(new LabInput("ferritin", 18, "ug/L") { Drawn = new DateOnly(2026, 11, 2) }, "the stored result");

        var found = LabRepeats.Find([Ferritin(18, "b", Morning, unit: "µg/L")], [stored]);

        Assert.Contains("the same test, time, value and unit as the stored result", Assert.Single(found), StringComparison.Ordinal);
    }

    [Theory] // a real repeat test differs in time or value: kept
    [InlineData(18, 9)]
    [InlineData(19, 8)]
    public void Find_ADifferentTimeOrValue_IsKept(double value, int hour)
    {
        var found = LabRepeats.Find([Ferritin(18, "a", Morning), Ferritin(value, "b", Morning.AddHours(hour - 8))], []);

        Assert.All(found, Assert.Null);
    }
}

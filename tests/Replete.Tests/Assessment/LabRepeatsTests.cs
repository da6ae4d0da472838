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

    /// <summary>Attacker h94: the same ferritin posted as "ug/l" or "ng/mL" (one quantity, data/lab_units.csv) was stored
    /// again and read as a confirming repeat test; only the exact spelling was caught.</summary>
    [Theory]
    [InlineData(18, "ug/l")]
    [InlineData(18, "ng/mL")]
    [InlineData(18, "NG/ML")]
    public void Find_TheSameValueInAnotherSpellingOrAnIdenticalUnit_IsARepeat(double value, string unit)
    {
        var found = LabRepeats.Find([Ferritin(18, "a"), Ferritin(value, "b", unit: unit)], []);

        Assert.Contains("the same test, time, value and unit as a", found[1], StringComparison.Ordinal);
    }

    [Theory] // another value, or a unit that reads it differently (25(OH)D 30 ng/mL is 75 nmol/L, not 30): kept
    [InlineData("vitamin_d_25oh", 30, "ng/mL", 30, "nmol/L")]
    [InlineData("ferritin", 18, "ug/L", 18.5, "ng/mL")]
    public void Find_ADifferentQuantity_IsKept(string biomarker, double first, string firstUnit, double second, string secondUnit)
    {
        LabResult Lab(double value, string unit, string name) => new(new LabInput(biomarker, value, unit) { Drawn = new DateOnly(2026, 11, 2) }, name);

        Assert.All(LabRepeats.Find([Lab(first, firstUnit, "a"), Lab(second, secondUnit, "b")], []), Assert.Null);
    }
}

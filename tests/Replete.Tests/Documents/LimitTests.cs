using Replete.Documents;

namespace Replete.Tests.Documents;

public class LimitTests
{
    [Theory]
    [InlineData(2, true)]
    [InlineData(400, true)]
    [InlineData(1.99, false)]
    [InlineData(400.01, false)]
    [InlineData(double.NaN, false)]
    [InlineData(double.PositiveInfinity, false)]
    public void BodyMass_IncludesItsEnds_AndRefusesWhatIsNotANumber(double kg, bool inside) =>
        Assert.Equal(inside, InputLimits.BodyMassKg.Contains(kg));

    [Fact]
    public void ExclusiveMinimum_RefusesTheMinimumItself_AndSaysSo()
    {
        Assert.False(InputLimits.SessionMinutes.Contains(0));
        Assert.True(InputLimits.SessionMinutes.Contains(0.5));
        Assert.Equal("minutes must be more than 0 and at most 1440 (got 0)", InputLimits.SessionMinutes.Check(0));
        Assert.Equal("body mass must be between 20 and 300 kg (got 12)", InputLimits.AthleteBodyMassKg.Check(12));
    }

    [Fact]
    public void EveryLimit_SaysWhyItIsWhatItIs()
    {
        var limits = typeof(InputLimits).GetProperties().Where(p => p.PropertyType == typeof(Limit)).Select(p => (Limit)p.GetValue(null)!).ToList();

        Assert.True(limits.Count >= 10);
        Assert.All(limits, l => Assert.False(string.IsNullOrWhiteSpace(l.Basis), l.Name));
        Assert.All(limits, l => Assert.True(l.Minimum < l.Maximum, l.Name));
    }

    [Fact]
    public void Problem_PrintsFileLineAndPath_LeavingOutWhatIsEmpty()
    {
        Assert.Equal("a.json:3: labs[0].unit: unknown", new InputProblem("a.json", 3, "labs[0].unit", "unknown_value", "unknown").ToString());
        Assert.Equal("a.json: the file is empty", new InputProblem("a.json", null, "", "size", "the file is empty").ToString());
        Assert.Equal("age: too old", new InputProblem("", null, "age", "out_of_range", "too old").ToString());
    }
}

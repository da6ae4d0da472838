using Replete.Training;

namespace Replete.Tests.Training;

public class SweatRateTestTests
{
    [Theory] // published worked examples of the body-mass method (Sawka et al. 2007; AND Sports Nutrition Care Manual)
    [InlineData(75, 74.5, 0.4, 0, 60, 0.9, 0.667)]
    [InlineData(55, 53.5, 1.0, 0.5, 120, 1.0, 2.727)]
    public void SweatRate_PublishedExamples(double pre, double post, double drank, double urine, double minutes, double litresPerHour, double percentLost)
    {
        var test = new SweatRateTest(pre, post, drank, urine, minutes);
        Assert.Empty(test.Validate());
        Assert.Equal(litresPerHour, test.LitresPerHour, 6);
        Assert.Equal(percentLost, test.PercentBodyMassLost, 3);
    }

    [Fact]
    public void SweatRate_PoundsAndOunces_ConvertExactly()
    {
        // 165.35 lb -> 164.25 lb with 13.53 fl oz (400 mL) over 1 h is the first example in imperial units.
        var test = new SweatRateTest(165.347 * SweatRateTest.KilogramsPerPound, 164.245 * SweatRateTest.KilogramsPerPound,
            13.526 * SweatRateTest.LitresPerFluidOunce, 0, 60);
        Assert.Equal(0.9, test.LitresPerHour, 2);
    }

    [Theory]
    [InlineData(70, 71, 0, 0, 60, "negative sweat loss")]
    [InlineData(70, 69, 0, 0, 0, "duration must be more than 0")]
    [InlineData(-70, 69, 0, 0, 60, "pre-exercise mass must be between")]
    [InlineData(70, 60, 0, 0, 60, "beyond the highest measured")]
    [InlineData(70, 69, -1, 0, 60, "fluid drunk must be between")]
    public void Validate_RejectsImpossibleTests(double pre, double post, double drank, double urine, double minutes, string message) =>
        Assert.Contains(new SweatRateTest(pre, post, drank, urine, minutes).Validate(), p => p.Contains(message, StringComparison.Ordinal));

    [Fact]
    public void ElectrolyteLosses_MeasuredSodium_IsASingleFigure_TypicalIsARange()
    {
        var rate = new Replete.Training.Range(1.0, 1.0, "L/h", "test");
        var measured = ElectrolyteLosses.PerHour(rate, 50).Single(l => l.Electrolyte == "sodium");
        Assert.True(measured.Measured);
        Assert.Equal(50 * 22.99, measured.MilligramsPerHour.Low, 6); // 50 mmol/L x 1 L/h
        Assert.Equal(measured.MilligramsPerHour.Low, measured.MilligramsPerHour.High);
        var typical = ElectrolyteLosses.PerHour(rate).Single(l => l.Electrolyte == "sodium");
        Assert.Equal((35.9 - 10.4) * 22.99, typical.MilligramsPerHour.Low, 6); // Baker et al. 2016, mean - 1 SD
        Assert.Equal((35.9 + 10.4) * 22.99, typical.MilligramsPerHour.High, 6);
        Assert.Contains("Baker et al. 2016", typical.MilligramsPerHour.Source, StringComparison.Ordinal);
    }
}

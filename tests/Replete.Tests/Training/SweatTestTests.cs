using Replete.Training;
using static Replete.Tests.Documents.DocumentTestSource;

namespace Replete.Tests.Training;

public class SweatTestTests
{
    [Fact]
    public void ToRateTest_PoundsAndOunces_ConvertWithTheExactFactors()
    {
        // 1 lb = 0.45359237 kg and 1 US fl oz = 29.5735295625 mL, both exact by definition.
        var test = new SweatTest(PreLb: 165, PostLb: 164, DrankOz: 16, Minutes: 60).ToRateTest().OrThrow();

        Assert.Equal(165 * 0.45359237, test.PreMassKg, 9);
        Assert.Equal(16 * 0.0295735295625, test.FluidInLitres, 9);
        Assert.Equal(0.45359237 + (16 * 0.0295735295625), test.LitresPerHour, 9);
    }

    [Fact]
    public void ToRateTest_ReturnsEveryProblem()
    {
        var result = new SweatTest(PreKg: 75, PreLb: 165, DrankMl: 400, SweatSodiumMmolPerLitre: 300).ToRateTest();

        Assert.Equal(
            ["pre_kg conflict", "post_kg required", "minutes required", "sweat_sodium_mmol_l out_of_range"],
            result.Problems.Select(p => $"{p.Path} {p.Code}"));
    }

    [Fact]
    public void ToRateTest_ANegativeSweatLoss_IsAProblem()
    {
        var problem = Assert.Single(new SweatTest(PreKg: 74, PostKg: 75, Minutes: 60).ToRateTest().Problems);

        Assert.Contains("negative sweat loss", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TheDocument_AndUnknownFields()
    {
        using var good = Json("""{"pre_kg": 75, "post_kg": 74.5, "drank_ml": 400, "minutes": 60}""");
        Assert.Equal(0.9, SweatTest.Read(good).OrThrow().ToRateTest().OrThrow().LitresPerHour, 9);

        using var bad = Json("""{"pre_kg": 75, "post": 74.5}""");
        Assert.Equal("unknown_field", Assert.Single(SweatTest.Read(bad).Problems).Code);
    }
}

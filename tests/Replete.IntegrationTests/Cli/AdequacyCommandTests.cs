using System.Text.Json;

namespace Replete.IntegrationTests.Cli;

public class AdequacyCommandTests
{
    [Fact]
    public void Adequacy_MagnesiumExample_PrintsProbabilityAndMethod()
    {
        var result = CliRunner.Run("adequacy", "--nutrient", "magnesium", "--intake", "320", "--days", "3", "--age", "40", "--sex", "female");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("84 %", result.Output, StringComparison.Ordinal);
        Assert.Contains("Table B-1 reading: 85 %", result.Output, StringComparison.Ordinal);
        Assert.Contains("EAR probability approach", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Adequacy_Json_HasProbabilityMethodAndSd()
    {
        var result = CliRunner.Run("adequacy", "--nutrient", "magnesium", "--intake", "320", "--days", "3", "--age", "40", "--sex", "female", "--json");
        using var doc = JsonDocument.Parse(result.Output);
        var root = doc.RootElement;
        Assert.Equal(0.836, root.GetProperty("probability").GetDouble(), 3);
        Assert.Equal("ear_probability", root.GetProperty("method").GetString());
        Assert.Equal(86, root.GetProperty("sd_within").GetProperty("value").GetDouble());
        Assert.False(root.GetProperty("sd_within").GetProperty("fallback").GetBoolean());
    }

    [Fact]
    public void Adequacy_VitaminDWithSupplement_FlagsTheUl()
    {
        var result = CliRunner.Run("adequacy", "--nutrient", "vitamin_d", "--intake", "140", "--supplement", "125", "--days", "7", "--age", "30", "--sex", "male", "--json");
        using var doc = JsonDocument.Parse(result.Output);
        Assert.True(doc.RootElement.GetProperty("upper_limit").GetProperty("likely_excess").GetBoolean());
    }

    [Theory]
    [InlineData("unknown nutrient 'magnesum'; did you mean magnesium", "--nutrient", "magnesum", "--intake", "300")]
    [InlineData("--intake must be a non-negative number", "--nutrient", "zinc", "--intake", "-5")]
    [InlineData("--days must be at least 1", "--nutrient", "zinc", "--intake", "10", "--days", "0")]
    [InlineData("intake must be between 0 and 10000000", "--nutrient", "zinc", "--intake", "1e308")]
    public void Adequacy_BadInput_ExitsWith2(string message, params string[] args)
    {
        var result = CliRunner.Run(["adequacy", .. args, "--age", "40", "--sex", "female"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }
}

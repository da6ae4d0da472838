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

    /// <summary>adequacy ran no excess check: zinc at 60 mg/d, IOM's LOAEL (IOM 2001 p.486), read only "likely above the
    /// UL", where assess sends the person to a doctor. It now runs assess's check on the one intake, in both formats.</summary>
    [Fact]
    public void Adequacy_AnIntakeAtAHarmLevel_GivesAssessTriageAndAdvice()
    {
        string[] zinc = ["adequacy", "--nutrient", "zinc", "--intake", "60", "--supplement", "50", "--days", "7", "--age", "30", "--sex", "male"];

        var table = CliRunner.Run(zinc);
        using var doc = JsonDocument.Parse(CliRunner.Run([.. zinc, "--json"]).Output);

        var safety = doc.RootElement.GetProperty("safety");
        Assert.Equal("see_doctor_soon", safety.GetProperty("triage").GetString());
        Assert.Equal("intake_at_harm_level", Assert.Single(safety.GetProperty("red_flags").EnumerateArray()).GetProperty("flag_id").GetString());
        Assert.StartsWith("60 mg/d is at or above 60 mg/d, the lowest intake at which harm was seen (IOM's LOAEL)", Assert.Single(safety.GetProperty("excess").EnumerateArray()).GetProperty("advice").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("See a doctor soon, before acting on this analysis.", table.Output, StringComparison.Ordinal);
        Assert.Contains("Possible excess of zinc", table.Output, StringComparison.Ordinal);
    }

    /// <summary>Above the UL with no harm level reached, adequacy gives assess's advice (lower the supplement) and no red
    /// flag; below the UL it lists no excess.</summary>
    [Theory]
    [InlineData("55", "self_care", "Likely above the UL")]
    [InlineData("20", "self_care", null)]
    public void Adequacy_AboveTheUl_GivesAssessAdvice(string intake, string triage, string? advice)
    {
        using var doc = JsonDocument.Parse(CliRunner.Run("adequacy", "--nutrient", "zinc", "--intake", intake, "--supplement", "10", "--days", "7", "--age", "30", "--sex", "male", "--json").Output);

        var safety = doc.RootElement.GetProperty("safety");
        Assert.Equal(triage, safety.GetProperty("triage").GetString());
        Assert.Equal(0, safety.GetProperty("red_flags").GetArrayLength());
        var excess = safety.GetProperty("excess").EnumerateArray().Select(e => e.GetProperty("advice").GetString()!).ToList();
        if (advice is null)
        {
            Assert.Empty(excess);
        }
        else
        {
            Assert.StartsWith(advice, Assert.Single(excess), StringComparison.Ordinal);
        }
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

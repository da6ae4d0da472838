using System.Text.Json;

namespace Replete.IntegrationTests.Cli;

public class TrainingCommandTests
{
    private static string Example(string name) => Path.Combine(SharedFiles.RepositoryRoot, "examples", name);

    [Fact]
    public void SweatTest_Json_ReproducesThePublishedExample()
    {
        var result = CliRunner.Run("sweat-test", "--pre-kg", "75", "--post-kg", "74.5", "--drank-ml", "400", "--minutes", "60", "--json");
        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Output);
        Assert.Equal(900, doc.RootElement.GetProperty("sweat_rate_ml_per_h").GetDouble());
        Assert.Equal(4, doc.RootElement.GetProperty("losses").GetArrayLength());
    }

    [Fact]
    public void SweatTest_PoundsAndOunces_Work()
    {
        var result = CliRunner.Run("sweat-test", "--pre-lb", "121.2542", "--post-lb", "117.9473", "--drank-oz", "33.814", "--urine-oz", "16.907", "--minutes", "120", "--json");
        using var doc = JsonDocument.Parse(result.Output);
        Assert.InRange(doc.RootElement.GetProperty("sweat_rate_ml_per_h").GetDouble(), 999, 1001);
    }

    [Theory]
    [InlineData("negative sweat loss", "sweat-test", "--pre-kg", "70", "--post-kg", "71", "--minutes", "60")]
    [InlineData("duration must be more than 0", "sweat-test", "--pre-kg", "70", "--post-kg", "69", "--minutes", "0")]
    [InlineData("not both", "sweat-test", "--pre-kg", "70", "--pre-lb", "150", "--post-kg", "69", "--minutes", "60")]
    [InlineData("temperature must be between", "session", "plan", "--sport", "running", "--minutes", "60", "--temp-c", "90")]
    [InlineData("minutes must be more than 0", "session", "plan", "--sport", "running", "--minutes", "0")]
    [InlineData("unknown sport", "session", "plan", "--sport", "quidditch", "--minutes", "60")]
    [InlineData("intensity must be", "session", "plan", "--sport", "running", "--minutes", "60", "--intensity", "brutal")]
    [InlineData("give --ffm-kg", "energy-availability", "--intake-kcal", "2000", "--exercise-kcal", "500")]
    [InlineData("fat-free mass must be between", "energy-availability", "--intake-kcal", "2000", "--exercise-kcal", "500", "--ffm-kg", "5")]
    public void BadInput_ExitsWith2(string message, params string[] args)
    {
        var result = CliRunner.Run(args);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void SessionPlan_WithProfile_UsesTheMeasuredSweat()
    {
        var result = CliRunner.Run("session", "plan", "--sport", "running", "--minutes", "150", "--intensity", "hard", "--temp-c", "28",
            "--profile", Example("runner-profile.json"), "--json");
        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Output);
        Assert.True(doc.RootElement.GetProperty("sweat_rate_measured").GetBoolean());
        var sodium = doc.RootElement.GetProperty("losses").EnumerateArray().Single(l => l.GetProperty("electrolyte").GetString() == "sodium");
        Assert.Equal(1.1 * 48 * 22.99, sodium.GetProperty("milligrams_per_hour").GetProperty("low").GetDouble(), 6);
    }

    [Fact]
    public void SessionPlan_Table_LeadsWithTheHyponatremiaWarning()
    {
        var result = CliRunner.Run("session", "plan", "--sport", "running", "--minutes", "150", "--intensity", "hard", "--temp-c", "28");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("hyponatremia", result.Output, StringComparison.Ordinal);
        Assert.Contains("30-60 g/h", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void TrainingWeek_ExampleFile_GivesSevenDays()
    {
        var result = CliRunner.Run("training", "week", Example("runner-week.json"), "--json");
        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Output);
        Assert.Equal(7, doc.RootElement.GetProperty("days").GetArrayLength());
        Assert.Equal("build", doc.RootElement.GetProperty("phase").GetString());
    }

    [Fact]
    public void TrainingWeek_BadFile_NamesFileAndField()
    {
        var path = Path.Combine(Path.GetTempPath(), $"replete-week-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{"phase": "build", "body_mass_kg": 58, "sessions": [{"day": "mon", "sport": "running", "minutes": "lots"}]}""");
        try
        {
            var result = CliRunner.Run("training", "week", path);
            Assert.Equal(2, result.ExitCode);
            Assert.Contains($"{Path.GetFileName(path)}:1: sessions[0].minutes: must be a number", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("[]", "a training week is an object")]
    [InlineData("""{"phase": "build", "body_mass_kg": 58, "sessions": [1]}""", "each session is an object")]
    [InlineData("""{"phase": "build", "sessions": [""", "not valid JSON")]
    public void TrainingWeek_MalformedFile_ExitsWith2WithoutAStackTrace(string content, string message)
    {
        var path = Path.Combine(Path.GetTempPath(), $"replete-week-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, content);
        try
        {
            var result = CliRunner.Run("training", "week", path);
            Assert.Equal(2, result.ExitCode);
            Assert.Contains(message, result.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void SessionPlan_ProfileThatIsADirectory_ExitsWith2()
    {
        var result = CliRunner.Run("session", "plan", "--sport", "running", "--minutes", "60", "--profile", Path.GetTempPath());
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cannot read the file", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void EnergyAvailability_Json_FlagsLow()
    {
        var result = CliRunner.Run("energy-availability", "--intake-kcal", "1800", "--exercise-kcal", "700", "--weight-kg", "58", "--body-fat-percent", "20", "--json");
        using var doc = JsonDocument.Parse(result.Output);
        Assert.True(doc.RootElement.GetProperty("is_low").GetBoolean());
    }
}

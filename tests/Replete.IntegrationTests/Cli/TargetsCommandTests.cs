using System.Text.Json;

namespace Replete.IntegrationTests.Cli;

public class TargetsCommandTests
{
    [Fact]
    public void Targets_Table_ShowsEveryNutrientWithSource()
    {
        var result = CliRunner.Run("targets", "--age", "34", "--sex", "female", "--weight-kg", "58", "--sport", "running", "--training-hours-per-week", "8");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Females 31-50 years", result.Output, StringComparison.Ordinal);
        Assert.Contains("Magnesium", result.Output, StringComparison.Ordinal);
        Assert.Contains("IOM 2011", result.Output, StringComparison.Ordinal);
        Assert.Contains("limited evidence", result.Output, StringComparison.Ordinal);
        Assert.Contains("not a diagnosis", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Targets_Json_IsAnArrayWithTheDocumentedFields()
    {
        var result = CliRunner.Run("targets", "--age", "34", "--sex", "female", "--json");
        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Output);
        Assert.Equal(JsonValueKind.Array, doc.RootElement.ValueKind);
        var iron = doc.RootElement.EnumerateArray().Single(e => e.GetProperty("nutrient").GetString() == "iron");
        Assert.Equal("mg", iron.GetProperty("unit").GetString());
        Assert.Equal(8.1, iron.GetProperty("ear").GetDouble());
        Assert.Equal(18, iron.GetProperty("rda").GetDouble());
        Assert.Equal(JsonValueKind.Null, iron.GetProperty("ai").ValueKind);
        Assert.Equal(45, iron.GetProperty("ul").GetDouble());
        Assert.Contains("10026", iron.GetProperty("source").GetString(), StringComparison.Ordinal);
        var energy = doc.RootElement.EnumerateArray().Single(e => e.GetProperty("nutrient").GetString() == "energy");
        Assert.Equal(JsonValueKind.Null, energy.GetProperty("ul").ValueKind);
    }

    [Fact]
    public void Targets_Pregnant_UsesThePregnancyGroup()
    {
        var result = CliRunner.Run("targets", "--age", "29", "--sex", "female", "--pregnant", "--json");
        using var doc = JsonDocument.Parse(result.Output);
        var iron = doc.RootElement.EnumerateArray().Single(e => e.GetProperty("nutrient").GetString() == "iron");
        Assert.Equal("pregnancy_19_30", iron.GetProperty("life_stage").GetString());
        Assert.Equal(27, iron.GetProperty("rda").GetDouble());
    }

    [Theory]
    [InlineData("age must be between", "targets", "--age", "150", "--sex", "female")]
    [InlineData("age must be between", "targets", "--age", "-3", "--sex", "female")]
    [InlineData("a male cannot be pregnant", "targets", "--age", "30", "--sex", "male", "--pregnant")]
    [InlineData("--sex must be", "targets", "--age", "30", "--sex", "x")]
    [InlineData("cannot be used together", "targets", "--age", "30", "--sex", "female", "--pregnant", "--lactating")]
    [InlineData("unknown sport", "targets", "--age", "30", "--sex", "female", "--sport", "quidditch")]
    [InlineData("--age", "targets", "--sex", "female")]
    [InlineData("--age", "targets", "--age", "abc", "--sex", "female")]
    public void Targets_BadInput_ExitsWith2AndNamesTheProblem(string message, params string[] args)
    {
        var result = CliRunner.Run(args);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }
}

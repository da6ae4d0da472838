using System.Text.Json;

namespace Replete.Tests.Cli;

public sealed class AssessCommandTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "replete-assess-" + Guid.NewGuid().ToString("N"));
    private readonly string example = Path.Combine(SharedFiles.RepositoryRoot, "examples", "runner-assessment.json");

    public AssessCommandTests() => Directory.CreateDirectory(directory);

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void Example_LeadsWithTriage_AndRanksIronFirst()
    {
        var table = CliRunner.Run("assess", example);
        Assert.Equal(0, table.ExitCode);
        Assert.True(table.Output.IndexOf("Triage", StringComparison.Ordinal) < table.Output.IndexOf("bottlenecks", StringComparison.Ordinal));
        Assert.Contains("Decision support, not a diagnosis", table.Output, StringComparison.Ordinal);

        var json = JsonDocument.Parse(CliRunner.Run("assess", example, "--format", "json").Output).RootElement;
        Assert.Equal("self_care", json.GetProperty("triage").GetString());
        Assert.Equal("iron", json.GetProperty("top").GetProperty("nutrient").GetString());

        var markdown = CliRunner.Run("assess", example, "--format", "markdown").Output;
        Assert.StartsWith("# Recovery assessment", markdown, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void FhirBundle_AddsItsLabs_AndNotesWhatItLeftOut()
    {
        var bundle = SharedFiles.Require("fixtures/fhir/hl7austria/DERIVED_from_fsh__iron-panel-and-potassium.bundle.json");
        var path = Write("""{"profile": {"age": 30, "sex": "female"}, "symptoms": ["fatigue"], "risk_factors": ["heavy_periods"]}""");

        var result = CliRunner.Run("assess", path, "--fhir", bundle, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var labs = JsonDocument.Parse(result.Output).RootElement.GetProperty("labs");
        Assert.Contains(labs.EnumerateArray(), l => l.GetProperty("biomarker").GetString() == "ferritin");
        Assert.Contains("2498-4", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void DarkUrine_IsAnEmergency_AndStopsNutritionClaims()
    {
        var path = Write("""{"profile": {"age": 30, "sex": "male"}, "symptoms": ["muscle_weakness"], "red_flags": ["dark_urine_after_exercise"], "labs": []}""");

        var json = JsonDocument.Parse(CliRunner.Run("assess", path, "--format", "json").Output).RootElement;

        Assert.Equal("emergency", json.GetProperty("triage").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("top").ValueKind);
        Assert.True(json.GetProperty("self_treatment_stopped").GetBoolean());
    }

    [Theory]
    [InlineData("""{"profile": {"age": 30, "sex": "male"}, "symptoms": ["cramps_legs"]}""", "unknown symptom 'cramps_legs' (did you mean")]
    [InlineData("""{"profile": {"age": 30, "sex": "male"}, "labs": [{"biomarker": "vitamin_d_25oh", "value": 75}]}""", "which unit? It could be 75 ng/mL or 75 nmol/L")]
    [InlineData("""{"symptoms": []}""", "needs a \"profile\" object")]
    public void BadInput_ExitsTwo_WithSuggestions(string json, string expected)
    {
        var result = CliRunner.Run("assess", Write(json));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    private string Write(string json)
    {
        var path = Path.Combine(directory, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, json);
        return path;
    }
}

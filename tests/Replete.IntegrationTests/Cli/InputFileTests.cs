using System.Text.Json;
using Replete.Cli;

namespace Replete.IntegrationTests.Cli;

/// <summary>JSON and YAML input files: one document, and every error names the file, the line and the field.</summary>
public sealed class InputFileTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("replete-input-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Yaml_TypesScalarsLikeYaml12Core_AndKeepsEachValueOnItsLine()
    {
        var path = Write("a.yaml", """
            # comment
            profile:
              age: 30
              sex: "30"
            flags: [true, ~, 1e2]
            date: 2026-10-06
            list:
              - a: 1

                b: -2.5
            """);
        using var file = InputFile.Read(path);

        var root = file.Source.Root;
        Assert.Equal(30, root.GetProperty("profile").GetProperty("age").GetDouble());
        Assert.Equal(JsonValueKind.String, root.GetProperty("profile").GetProperty("sex").ValueKind);
        Assert.Equal(JsonValueKind.True, root.GetProperty("flags")[0].ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("flags")[1].ValueKind);
        Assert.Equal(100, root.GetProperty("flags")[2].GetDouble());
        Assert.Equal("2026-10-06", root.GetProperty("date").GetString());
        Assert.Equal(3, file.Source.LineOf(root.GetProperty("profile").GetProperty("age")));
        Assert.Equal(10, file.Source.LineOf(root.GetProperty("list")[0].GetProperty("b")));
    }

    [Fact]
    public void Json_KnowsTheLineOfEveryValue()
    {
        var path = Write("a.json", "{\n  \"labs\": [\n    {\"value\": 1},\n\n    {\"value\": 2}\n  ]\n}\n");
        using var file = InputFile.Read(path);

        Assert.Equal(5, file.Source.LineOf(file.Source.Root.GetProperty("labs")[1].GetProperty("value")));
        Assert.Equal(2, file.Source.LineOf(file.Source.Root, "labs"));
    }

    [Theory]
    [InlineData("a.yaml", "a: &x 1\nb: *x\n", "a.yaml:1: YAML anchors and aliases are not supported")]
    [InlineData("a.yaml", "a: 1\n---\nb: 2\n", "a.yaml:2: one YAML document per file")]
    [InlineData("a.yml", "a: [1, 2\nb: 3\n", "a.yml:")]
    [InlineData("a.json", "{\"a\": 1,,}", "a.json:1: not valid JSON")]
    [InlineData("a.yaml", "# nothing\n", "a.yaml: the file is empty")]
    [InlineData("a.yaml", "profile:\n  age: !!str 34\n", "a.yaml:2: YAML tags (tag:yaml.org,2002:str) are not supported")]
    [InlineData("a.yaml", "? [a]\n: b\n", "a.yaml:1: a YAML key must be plain text")]
    public void Malformed_IsAnInputProblem_WithTheLine(string name, string text, string expected)
    {
        var error = Assert.ThrowsAny<Replete.Documents.InputException>(() => InputFile.Read(Write(name, text)));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bad.json", "{\n  \"profile\": {\"age\": 30, \"sex\": \"male\"},\n  \"labs\": [\n    {\"biomarker\": \"ferritin\", \"value\": 18, \"unit\": \"ug/L\"},\n    {\"biomarker\": \"ferritin\", \"value\": \"18\"}\n  ]\n}\n",
        "bad.json:5: labs[1].value: must be a number")]
    [InlineData("bad.yaml", "profile:\n  age: 30\n  sex: male\nsymptoms:\n  - fatigue\n  - cramps_legs\n", "bad.yaml:6: symptoms[1]: unknown symptom 'cramps_legs'")]
    [InlineData("bad.yaml", "profile:\n  age: 30\n  sex: male\nlabs:\n  - {biomarker: ferritin, value: 250000, unit: ug/L}\n", "bad.yaml:5: labs[0].value: ferritin 250000 ug/L is outside the range")]
    [InlineData("bad.yaml", "profile:\n  age: 30\n  sex: male\n  weight: 70\n", "bad.yaml:4: profile: unknown field 'weight'")]
    [InlineData("bad.yaml", "profile: {age: 30, sex: male}\nlabs:\n  - {biomarker: hemoglobin, value: 13, unit: g/L}\n", "bad.yaml:3: labs[0]: hemoglobin 13 g/L is far below its cut-off (130 g/L), while 13 g/dL would be 130 g/L")]
    [InlineData("bad.yaml", "profile: {age: 30, sex: male}\nlabs:\n  - {biomarker: ferritin, value: 20, units: ug/L}\n", "bad.yaml:3: labs[0]: unknown field 'units'")]
    [InlineData("bad.yaml", "profile: {age: 30, sex: male}\nred_flags: [severe_anaemia]\nsymptoms: [glowing]\n", "See a doctor today (Severe anaemia:")]
    [InlineData("bad.yaml", "profile: {age: 30, sex: male}\nsymptoms:\n  - dark_urine_after_exercise\n  - glowing\n", "EMERGENCY: get medical care now (Dark (cola- or tea-coloured) urine after hard exercise: Possible exertional rhabdomyolysis.")]
    [InlineData("bad.yaml", "profile:\n  age: 30\n  sex: male\nlab_sample:\n  time: noon\n", "bad.yaml:5: lab_sample.time: 'noon' is not morning or afternoon")]
    public void Assess_BadField_NamesFileLineAndField(string name, string text, string expected)
    {
        var result = CliRunner.Run("assess", Write(name, text));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_YamlAndJson_GiveTheSameReport()
    {
        var yaml = Write("a.yaml", "profile: {age: 27, sex: female, sport: running}\nsymptoms: [fatigue, restless_legs]\nlabs:\n  - {biomarker: ferritin, value: 60, unit: ug/L}\n");
        var json = Write("a.json", """{"profile": {"age": 27, "sex": "female", "sport": "running"}, "symptoms": ["fatigue", "restless_legs"], "labs": [{"biomarker": "ferritin", "value": 60, "unit": "ug/L"}]}""");

        var fromYaml = CliRunner.Run("assess", yaml, "--format", "json");
        Assert.Equal(0, fromYaml.ExitCode);
        Assert.Equal(CliRunner.Run("assess", json, "--format", "json").Output, fromYaml.Output);
        Assert.Equal("iron", JsonDocument.Parse(fromYaml.Output).RootElement.GetProperty("top").GetProperty("nutrient").GetString());
    }
}

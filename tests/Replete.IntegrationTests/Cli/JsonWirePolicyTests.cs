using System.CommandLine;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Replete.Cli;
using Replete.IntegrationTests.Storage;
using Spectre.Console;

namespace Replete.IntegrationTests.Cli;

/// <summary>Every command's JSON follows the one wire policy (<see cref="Data.WireJson"/>): snake_case property names,
/// and enum values in snake_case, never as C# writes them ("SupplementsOnly"). Every leaf command of the tree must be
/// listed here, so a new command cannot skip the check.</summary>
[Collection(Sr28Group.Name)]
public sealed partial class JsonWirePolicyTests(Sr28Database sr28) : CommandTestDirectory(sr28, "replete-wire-")
{
    private static readonly string Examples = Path.Combine(SharedFiles.RepositoryRoot, "examples");

    /// <summary>A command line for each leaf command that writes JSON ("{examples}", "{data}", "{package}" and
    /// "{fdc}" are filled in).</summary>
    private static readonly Dictionary<string, string[]> Commands = new()
    {
        ["targets"] = ["targets", "--age", "28", "--sex", "female", "--weight-kg", "58", "--sport", "running", "--training-hours-per-week", "9", "--vegetarian", "--json"],
        ["adequacy"] = ["adequacy", "--nutrient", "magnesium", "--intake", "500", "--supplement", "350", "--days", "3", "--age", "40", "--sex", "female", "--json"],
        ["sweat-test"] = ["sweat-test", "--pre-kg", "75", "--post-kg", "74.5", "--drank-ml", "400", "--minutes", "60", "--json"],
        ["session plan"] = ["session", "plan", "--sport", "running", "--minutes", "150", "--intensity", "hard", "--temp-c", "28", "--profile", "{examples}/runner-profile.json", "--json"],
        ["training week"] = ["training", "week", "{examples}/runner-week.json", "--json"],
        ["energy-availability"] = ["energy-availability", "--intake-kcal", "1800", "--exercise-kcal", "900", "--ffm-kg", "46", "--json"],
        ["foods search"] = ["foods", "search", "milk", "--json", "--data-dir", "{data}"],
        ["foods show"] = ["foods", "show", "1077", "--json", "--data-dir", "{data}"],
        ["foods stats"] = ["foods", "stats", "--json", "--data-dir", "{data}"],
        ["foods init"] = ["foods", "init", "--package", "{package}", "--json", "--data-dir", "{data}"],
        ["foods import fdc"] = ["foods", "import", "fdc", "{fdc}", "--json", "--data-dir", "{data}"],
        ["analyze"] = ["analyze", "{examples}/runner-food-log.csv", "--profile", "{examples}/runner-profile.json", "--supplements", "{examples}/runner-supplements.json", "--format", "json", "--data-dir", "{data}"],
        ["assess"] = ["assess", "{examples}/runner-assessment.json", "--format", "json", "--data-dir", "{data}"],
        ["plan"] = ["plan", "{examples}/runner-assessment.json", "--format", "json", "--data-dir", "{data}"],
        ["resident stop"] = ["resident", "stop", "--json"],
    };

    [Fact]
    public void EveryLeafCommand_HasAJsonCheckHere()
    {
        var context = new CliContext(AnsiConsole.Create(new AnsiConsoleSettings()), TextWriter.Null, TextWriter.Null, AnsiConsole.Create(new AnsiConsoleSettings()));
        var leaves = Leaves(RepleteApp.CreateRoot(context), "").ToList();

        Assert.Equal(leaves.Order(), Commands.Keys.Order());
    }

    [SkippableFact]
    public void EveryCommandsJson_UsesSnakeCaseNamesAndEnumValues()
    {
        _ = Sr28.Database;
        var fdc = SharedFiles.Require("data/fdc-sr-legacy");
        Assert.Equal(0, CliRunner.Run("foods", "init", "--package", Sr28.Tarball, "--data-dir", DataDir).ExitCode);
        var enumNames = typeof(Data.WireJson).Assembly.GetExportedTypes().Concat(typeof(Replete.Planning.DayPlanner).Assembly.GetExportedTypes()).Where(t => t.IsEnum)
            .SelectMany(t => Enum.GetNames(t)).Where(n => Regex.IsMatch(n, "^[A-Z][a-z]+[A-Z]")).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("SupplementsOnly", enumNames);
        Assert.Contains("FoodOnly", enumNames);

        foreach (var (name, command) in Commands)
        {
            string[] args = [.. command.Select(a => a.Replace("{examples}", Examples, StringComparison.Ordinal).Replace("{data}", DataDir, StringComparison.Ordinal)
                .Replace("{package}", Sr28.Tarball, StringComparison.Ordinal).Replace("{fdc}", fdc, StringComparison.Ordinal))];
            var result = CliRunner.Run(args);
            Assert.True(result.ExitCode == 0, $"{name}: exit {result.ExitCode}: {result.Error}");
            using var json = JsonDocument.Parse(result.Output);
            var bad = Walk(json.RootElement, "$").Where(v => v.IsName ? !SnakeCase().IsMatch(v.Text) : enumNames.Contains(v.Text)).ToList();
            Assert.True(bad.Count == 0, $"{name}: not in the wire style: {string.Join(", ", bad.Take(5).Select(b => $"{b.Path} '{b.Text}'"))}");
        }
    }

    private static IEnumerable<string> Leaves(Command command, string prefix)
    {
        var name = prefix.Length == 0 ? "" : prefix;
        if (command.Subcommands.Count == 0)
        {
            yield return name;
            yield break;
        }

        foreach (var sub in command.Subcommands)
        {
            foreach (var leaf in Leaves(sub, name.Length == 0 ? sub.Name : $"{name} {sub.Name}"))
            {
                yield return leaf;
            }
        }
    }

    /// <summary>Every property name (IsName) and string value in the document, with its path. Dictionary keys that
    /// are data (nutrient ids, food ids) are snake_case or numbers too.</summary>
    private static IEnumerable<(bool IsName, string Text, string Path)> Walk(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    yield return (true, property.Name, path);
                    foreach (var inner in Walk(property.Value, $"{path}.{property.Name}"))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var inner in Walk(item, $"{path}[{index++}]"))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonValueKind.String:
                yield return (false, element.GetString()!, path);
                break;
        }
    }

    [GeneratedRegex("^([a-z0-9]+(_[a-z0-9]+)*|[0-9]+)$")]
    private static partial Regex SnakeCase();
}

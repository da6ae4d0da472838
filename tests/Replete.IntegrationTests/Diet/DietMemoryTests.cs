using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Replete.IntegrationTests.Cli;
using Replete.IntegrationTests.Storage;
using Replete.Tests;
using Xunit.Abstractions;

namespace Replete.IntegrationTests.Diet;

/// <summary>Memory of an analysis is flat in file size (issue 13), for app exports and Replete's own food logs, and of
/// a FoodData Central import: a 100 MB
/// export made of a real export's rows peaks
/// within 1.3 times (plus <see cref="AllowanceBytes"/>) of a 10 MB one, measured on the built command in a child process
/// (the kernel's high-water mark of its resident memory, VmHWM). Both files cover the same days, each day repeated more
/// often in the larger one, because the report lists every day: what must not grow is the cost of an entry.</summary>
[Collection(Sr28Group.Name)]
public sealed class DietMemoryTests(Sr28Database sr28, ITestOutputHelper output)
{
    /// <summary>Room for the runtime's own variation between two runs (heap sizing, JIT, thread stacks).</summary>
    private const long AllowanceBytes = 30L << 20;

    private const long Small = 10L << 20;
    private const long Large = 100L << 20;

    [SkippableTheory]
    [Trait("Category", "Slow")]
    [InlineData("myfitnesspal/marcus-furius-health-intel__Nutrition-Summary-2024-07-02-to-2026-03-02.csv", 8, false)]
    [InlineData("cronometer/davidgma-cron-csv__servings.csv", 60, true)]
    public void PeakMemory_OfA100MbExport_IsThatOfA10MbOne(string fixture, int repeats, bool assess)
    {
        var source = SharedFiles.Require("fixtures/exports/" + fixture);
        var folder = Directory.CreateTempSubdirectory("replete-memory-").FullName;
        try
        {
            var profile = Path.Combine(SharedFiles.RepositoryRoot, "examples", "runner-profile.json");
            var data = assess ? DataDirectory(Path.Combine(folder, "data")) : null;
            var peaks = new Dictionary<long, long>();
            var entries = new Dictionary<long, int>();
            foreach (var size in new[] { Small, Large })
            {
                var export = Path.Combine(folder, $"{size >> 20}mb-{Path.GetFileName(fixture)}");
                Generate(source, export, size, repeats);
                var (peak, json) = Run(["analyze", export, "--profile", profile, "--format", "json"]);
                entries[size] = json.RootElement.GetProperty("analysis").GetProperty("entries").GetInt32();
                peaks[size] = peak;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"analyze {new FileInfo(export).Length / 1048576.0:0.0} MB, {entries[size]} entries: peak {peak / 1048576.0:0.0} MB"));
                if (data is not null)
                {
                    var assessment = Path.Combine(folder, $"assessment-{size >> 20}mb.json");
                    File.WriteAllText(assessment, $$"""{"profile": {"age": 27, "sex": "female", "body_mass_kg": 56, "sport": "running", "training_hours_per_week": 9}, "symptoms": ["fatigue"], "diet_log": "{{Path.GetFileName(export)}}"}""");
                    var (assessPeak, report) = Run(["assess", assessment, "--format", "json", "--data-dir", data]);
                    Assert.True(report.RootElement.TryGetProperty("plan", out _), "assess with a diet_log makes a plan");
                    peaks[-size] = assessPeak;
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"assess (with its plan) {size >> 20} MB: peak {assessPeak / 1048576.0:0.0} MB"));
                }
            }

            // The large file was read whole: about ten times the entries.
            Assert.InRange(entries[Large], 9 * entries[Small], 11 * entries[Small]);
            Assert.True(peaks[Large] < (1.3 * peaks[Small]) + AllowanceBytes,
                string.Create(CultureInfo.InvariantCulture, $"analyze: {peaks[Large] >> 20} MB for 100 MB against {peaks[Small] >> 20} MB for 10 MB"));
            if (data is not null)
            {
                Assert.True(peaks[-Large] < (1.3 * peaks[-Small]) + AllowanceBytes,
                    string.Create(CultureInfo.InvariantCulture, $"assess: {peaks[-Large] >> 20} MB for 100 MB against {peaks[-Small] >> 20} MB for 10 MB"));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Replete's own food logs, CSV and JSON (issue 13): a 100 MB log made of the README runner's week peaks
    /// within the same bound of a 10 MB one. Each copy of the week moves on by a week, 20 weeks in turn, so both logs
    /// cover the same 140 days (each day's total stays within the daily limits) and hold the same 18 foods and amounts.</summary>
    [SkippableTheory]
    [Trait("Category", "Slow")]
    [InlineData("csv")]
    [InlineData("json")]
    public void PeakMemory_OfA100MbFoodLog_IsThatOfA10MbOne(string format)
    {
        var folder = Directory.CreateTempSubdirectory("replete-memory-").FullName;
        try
        {
            var profile = Path.Combine(SharedFiles.RepositoryRoot, "examples", "runner-profile.json");
            var data = DataDirectory(Path.Combine(folder, "data"));
            var peaks = new Dictionary<long, long>();
            var entries = new Dictionary<long, int>();
            foreach (var size in new[] { Small, Large })
            {
                var log = Path.Combine(folder, $"{size >> 20}mb-log.{format}");
                GenerateFoodLog(Path.Combine(SharedFiles.RepositoryRoot, "examples", "runner-food-log.csv"), log, size, 20, json: format == "json");
                var (peak, report) = Run(["analyze", log, "--profile", profile, "--format", "json", "--data-dir", data]);
                var analysis = report.RootElement.GetProperty("analysis");
                entries[size] = analysis.GetProperty("entries").GetInt32();
                Assert.Equal(140, analysis.GetProperty("days").GetInt32());
                Assert.Equal(18, report.RootElement.GetProperty("matches").GetArrayLength()); // one per food and amount, not per line
                peaks[size] = peak;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"analyze {format} food log {new FileInfo(log).Length / 1048576.0:0.0} MB, {entries[size]} entries: peak {peak / 1048576.0:0.0} MB"));
            }

            Assert.InRange(entries[Large], 9 * entries[Small], 11 * entries[Small]);
            Assert.True(peaks[Large] < (1.3 * peaks[Small]) + AllowanceBytes,
                string.Create(CultureInfo.InvariantCulture, $"{format} food log: {peaks[Large] >> 20} MB for 100 MB against {peaks[Small] >> 20} MB for 10 MB"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A food log at the limit of different foods and amounts
    /// (<see cref="Documents.InputLimits.MaximumDistinctFoodLogEntries"/>), each one line, is analysed within
    /// <see cref="DistinctLimitPeakBytes"/> and 30 s, every match in the JSON. Before the limit, 800,000 different names
    /// (33 MB) took 77 s and 2.27 GB; what an analysis keeps grows with the foods, not the lines, so the limit bounds it.</summary>
    [SkippableFact]
    [Trait("Category", "Slow")]
    public void PeakMemory_OfAFoodLogAtTheLimitOfDifferentFoods_IsBounded()
    {
        var folder = Directory.CreateTempSubdirectory("replete-memory-").FullName;
        try
        {
            var profile = Path.Combine(SharedFiles.RepositoryRoot, "examples", "runner-profile.json");
            var data = DataDirectory(Path.Combine(folder, "data"));
            var limit = Documents.InputLimits.MaximumDistinctFoodLogEntries;
            string[] foods = ["apple", "banana", "oatmeal", "whole milk", "rice", "bread", "cheese", "chicken", "spinach", "yogurt"];
            var log = Path.Combine(folder, "distinct.csv");
            using (var writer = new StreamWriter(log, false, new UTF8Encoding(false), 1 << 16))
            {
                writer.Write("date,time,meal,food,amount\n");
                for (var i = 0; i < limit; i++)
                {
                    writer.Write(string.Create(CultureInfo.InvariantCulture, $"{new DateOnly(2025, 1, 1).AddDays(i % 600):yyyy-MM-dd},,,{foods[i % foods.Length]} brand{i},80 g\n"));
                }
            }

            var clock = Stopwatch.StartNew();
            var (peak, report) = Run(["analyze", log, "--profile", profile, "--format", "json", "--data-dir", data]);
            clock.Stop();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"analyze {limit} different foods: peak {peak / 1048576.0:0.0} MB, {clock.Elapsed.TotalSeconds:0.0} s"));
            Assert.Equal(limit, report.RootElement.GetProperty("matches").GetArrayLength());
            Assert.True(peak < DistinctLimitPeakBytes, string.Create(CultureInfo.InvariantCulture, $"{peak >> 20} MB at the limit of different foods"));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"{clock.Elapsed} at the limit of different foods");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The most an analysis at the limit of different foods may hold: 300 MB (measured: about 180 MB).</summary>
    private const long DistinctLimitPeakBytes = 300L << 20;

    /// <summary>A FoodData Central import (issue 13: every import): a 100 MB download made of the SR Legacy download's
    /// own rows peaks within the same bound of a 10 MB one. Each copy of the foods moves on by 10,000,000 in its fdc_id,
    /// so the large download holds three times the foods and ten times the values, every value a real one.</summary>
    [SkippableFact]
    [Trait("Category", "Slow")]
    public void PeakMemory_OfA100MbFoodDataCentralImport_IsThatOfA10MbOne()
    {
        var source = SharedFiles.Require("data/fdc-sr-legacy");
        var folder = Directory.CreateTempSubdirectory("replete-memory-").FullName;
        try
        {
            var data = DataDirectory(Path.Combine(folder, "data"));
            var peaks = new Dictionary<long, long>();
            var values = new Dictionary<long, long>();
            foreach (var size in new[] { Small, Large })
            {
                var download = Path.Combine(folder, $"{size >> 20}mb-fdc");
                GenerateFdc(source, download, size);
                var (peak, report) = Run(["foods", "import", "fdc", download, "--json", "--data-dir", data]);
                values[size] = report.RootElement.GetProperty("nutrient_values").GetInt64();
                peaks[size] = peak;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"foods import fdc {size >> 20} MB, {report.RootElement.GetProperty("foods").GetInt32()} foods, {values[size]} values: peak {peak / 1048576.0:0.0} MB"));
            }

            Assert.InRange(values[Large], 9 * values[Small], 11 * values[Small]);
            Assert.True(peaks[Large] < (1.3 * peaks[Small]) + AllowanceBytes,
                string.Create(CultureInfo.InvariantCulture, $"foods import fdc: {peaks[Large] >> 20} MB for 100 MB against {peaks[Small] >> 20} MB for 10 MB"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Writes a FoodData Central download (food.csv, food_nutrient.csv, nutrient.csv) from
    /// <paramref name="source"/>'s rows until its values reach <paramref name="bytes"/>: every food of each copy, its
    /// fdc_id moved on by 10,000,000 a copy, and the values of those foods in the source's order.</summary>
    private static void GenerateFdc(string source, string target, long bytes)
    {
        Directory.CreateDirectory(target);
        File.Copy(Path.Combine(source, "nutrient.csv"), Path.Combine(target, "nutrient.csv"));
        var foods = File.ReadAllLines(Path.Combine(source, "food.csv")).Where(l => l.Length > 0).ToList();
        var values = File.ReadAllLines(Path.Combine(source, "food_nutrient.csv")).Where(l => l.Length > 0).ToList();
        // The first field (a quoted whole number) and the rest of the line after its comma.
        static (long Id, string Tail) Split(string line)
        {
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            return (long.Parse(line[..comma].Trim('"'), CultureInfo.InvariantCulture), line[(comma + 1)..]);
        }

        using var food = new StreamWriter(Path.Combine(target, "food.csv"), false, new UTF8Encoding(false), 1 << 16);
        using var value = new StreamWriter(Path.Combine(target, "food_nutrient.csv"), false, new UTF8Encoding(false), 1 << 16);
        food.Write(foods[0] + "\n");
        value.Write(values[0] + "\n");
        long written = 0;
        var row = 1L;
        for (var copy = 0L; written < bytes; copy++)
        {
            var offset = copy * 10_000_000;
            foreach (var (id, tail) in foods.Skip(1).Select(Split))
            {
                food.Write(string.Create(CultureInfo.InvariantCulture, $"\"{id + offset}\",{tail}\n"));
            }

            foreach (var line in values.Skip(1))
            {
                var (id, tail) = Split(Split(line).Tail);
                var text = string.Create(CultureInfo.InvariantCulture, $"\"{row++}\",\"{id + offset}\",{tail}\n");
                value.Write(text);
                written += text.Length;
                if (written >= bytes)
                {
                    break;
                }
            }
        }
    }

    /// <summary>Writes the food log's entries again and again until the file reaches <paramref name="bytes"/>, each copy
    /// moved on by the log's span of days, <paramref name="spans"/> spans in turn; as CSV or as Replete's JSON.</summary>
    private static void GenerateFoodLog(string source, string target, long bytes, int spans, bool json)
    {
        var lines = File.ReadAllLines(source).Where(l => l.Length > 0).ToList();
        var rows = lines.Skip(1).Select(l => (Date: DateOnly.ParseExact(l[..l.IndexOf(',', StringComparison.Ordinal)], "yyyy-MM-dd", CultureInfo.InvariantCulture), Fields: l.Split(','))).ToList();
        var span = rows.Max(r => r.Date).DayNumber - rows.Min(r => r.Date).DayNumber + 1;
        using var writer = new StreamWriter(target, false, new UTF8Encoding(false), 1 << 16);
        writer.Write(json ? "{\"entries\": [\n" : lines[0] + "\n");
        long written = json ? 14 : lines[0].Length + 1;
        var first = true;
        for (var copy = 0; written < bytes; copy++)
        {
            foreach (var (date, fields) in rows)
            {
                var day = date.AddDays(-(copy % spans) * span).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                var line = json
                    ? (first ? "" : ",\n") + JsonSerializer.Serialize(new Dictionary<string, string> { ["date"] = day, ["time"] = fields[1], ["meal"] = fields[2], ["food"] = fields[3], ["amount"] = fields[4] })
                    : $"{day},{string.Join(',', fields.Skip(1))}\n";
                first = false;
                writer.Write(line);
                written += Encoding.UTF8.GetByteCount(line);
            }
        }

        writer.Write(json ? "\n]}\n" : "");
    }

    /// <summary>Writes the export's header and then its rows again and again until the file reaches
    /// <paramref name="bytes"/>, each copy moved on by the export's span of days, <paramref name="spans"/> spans in turn
    /// (so a file of any size covers the same days). Line endings, quoting and every value stay as the export has them.</summary>
    private static void Generate(string source, string target, long bytes, int spans)
    {
        var text = File.ReadAllText(source, Encoding.UTF8);
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = text.Split(newline).Where(l => l.Length > 0).ToList();
        var rows = lines.Skip(1).Select(l => (Date: DateOnly.ParseExact(l[..l.IndexOf(',', StringComparison.Ordinal)], "yyyy-MM-dd", CultureInfo.InvariantCulture), Tail: l[l.IndexOf(',', StringComparison.Ordinal)..])).ToList();
        var span = rows.Max(r => r.Date).DayNumber - rows.Min(r => r.Date).DayNumber + 1;
        // A MyFitnessPal Nutrition Summary without times holds one row per meal and day, and a meal given twice is refused:
        // each repeat of a day gets a Time column (rows with a time are single entries), the minute telling repeats apart.
        var timed = lines[0].StartsWith("Date,Meal,", StringComparison.Ordinal) && !lines[0].Contains(",Time,", StringComparison.Ordinal);
        string WithTime(string tail, int copy) => !timed ? tail : string.Create(CultureInfo.InvariantCulture,
            $"{tail[..tail.IndexOf(',', 1)]},{TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(copy / spans % 1440)):HH\\:mm}{tail[tail.IndexOf(',', 1)..]}");
        var header = timed ? lines[0].Replace("Date,Meal,", "Date,Meal,Time,", StringComparison.Ordinal) : lines[0];
        using var writer = new StreamWriter(target, false, new UTF8Encoding(false), 1 << 16);
        writer.Write(header + newline);
        var written = (long)Encoding.UTF8.GetByteCount(header + newline);
        for (var copy = 0; written < bytes; copy++)
        {
            foreach (var (date, tail) in rows)
            {
                var line = date.AddDays(-(copy % spans) * span).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + WithTime(tail, copy) + newline;
                writer.Write(line);
                written += Encoding.UTF8.GetByteCount(line);
            }
        }
    }

    /// <summary>A food database for the plan, built from the SR28 package the other tests fetched.</summary>
    private string DataDirectory(string directory)
    {
        _ = sr28.Database;
        var init = CliRunner.Run("foods", "init", "--package", sr28.Tarball, "--data-dir", directory);
        Assert.True(init.ExitCode == 0, init.Error);
        return directory;
    }

    /// <summary>Runs the built command in a child process and samples its VmHWM (the peak resident set the kernel keeps)
    /// until it exits; returns the last sample, in bytes, and what it printed.</summary>
    private static (long PeakBytes, JsonDocument Output) Run(string[] args)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "Replete.Cli.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // The command's own memory is measured: it must do the work itself, not hand it to a resident replete.
        start.Environment["REPLETE_RESIDENT"] = "off";
        start.ArgumentList.Add(cli);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long peak = 0;
        var status = $"/proc/{process.Id}/status";
        while (!process.WaitForExit(10))
        {
            try
            {
                var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
                if (line is not null)
                {
                    peak = Math.Max(peak, long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024);
                }
            }
            catch (IOException)
            {
                // The process ended between the check and the read.
            }
        }

        Assert.True(process.ExitCode == 0, $"replete {string.Join(' ', args)}: exit {process.ExitCode}\n{stderr.Result}");
        Assert.True(peak > 0, "no VmHWM sample (is /proc mounted?)");
        return (peak, JsonDocument.Parse(stdout.Result));
    }
}

using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Replete.Sr28;
using Replete.Storage.Foods;

namespace Replete.Benchmarks;

/// <summary>FoodData Central import: Replete's transactional, validating import of the SR Legacy download (food.csv,
/// food_nutrient.csv with 641,056 values, portions) against the sqlite3 command line's <c>.import</c> of the same
/// food_nutrient.csv into a plain table. Needs ../shared/data/fdc-sr-legacy beside the clone.</summary>
[MemoryDiagnoser]
public class FoodImportBenchmarks
{
    private string download = null!;
    private string database = null!;

    [GlobalSetup]
    public void Setup()
    {
        download = LocateDownload();
        database = Path.Combine(Path.GetTempPath(), $"replete-import-bench-{Environment.ProcessId}.db");
    }

    [IterationSetup]
    public void Clean()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            File.Delete(database + suffix);
        }
    }

    [Benchmark(Baseline = true)]
    public int Sqlite3CliImport()
    {
        var start = new ProcessStartInfo("sqlite3") { RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(database);
        start.ArgumentList.Add($".import --csv {Path.Combine(download, "food_nutrient.csv")} food_nutrient");
        using var process = Process.Start(start)!;
        process.WaitForExit();
        return process.ExitCode == 0 ? 641_056 : throw new InvalidOperationException(process.StandardError.ReadToEnd());
    }

    [Benchmark]
    public long RepleteFdcImport()
    {
        using var foods = FoodDatabase.Open(database);
        using var fdc = FdcDownload.Open(download);
        return foods.ImportFdc(fdc).NutrientValues;
    }

    private static string LocateDownload()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Replete.slnx")))
        {
            directory = directory.Parent;
        }

        var path = Path.Combine(directory?.FullName ?? ".", "..", "shared", "data", "fdc-sr-legacy");
        return Directory.Exists(path) ? Path.GetFullPath(path) : throw new DirectoryNotFoundException($"The import benchmark needs {path}.");
    }
}

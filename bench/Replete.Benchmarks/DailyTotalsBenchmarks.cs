using BenchmarkDotNet.Attributes;
using DuckDB.NET.Data;
using Replete.Diet;
using Replete.Foods;

namespace Replete.Benchmarks;

/// <summary>Per-day nutrient totals for 1,000,000 person-days of about 15 entries each (foods drawn from SR28, 40
/// nutrients): Replete's dense kernel against DuckDB computing the same totals with a join and group-by over the
/// same data, side by side. REPLETE_BENCH_SMOKE=1 shrinks it to 10,000 person-days for the CI smoke run.</summary>
[MemoryDiagnoser]
#pragma warning disable CA1063 // BenchmarkDotNet needs an unsealed class; GlobalCleanup disposes.
public class DailyTotalsBenchmarks : IDisposable
#pragma warning restore CA1063
{
    private const int EntriesPerDay = 15;
    private const int NutrientCount = 40;

    private int[] day = [];
    private int[] food = [];
    private float[] grams = [];
    private DailyTotals kernel = null!;
    private double[] totals = [];
    private int[] reporting = [];
    private DuckDBConnection duck = null!;

    public static int PersonDays { get; } = Environment.GetEnvironmentVariable("REPLETE_BENCH_SMOKE") == "1" ? 10_000 : 1_000_000;

    [GlobalSetup(Target = nameof(RepleteDailyTotals))]
    public void SetupReplete()
    {
        Generate();
        totals = new double[PersonDays * NutrientCount];
        reporting = new int[PersonDays * NutrientCount];
    }

    [GlobalSetup(Target = nameof(DuckDbJoinGroupBy))]
    public void SetupDuckDb()
    {
        var table = Generate();
        duck = new DuckDBConnection("Data Source=:memory:");
        duck.Open();
        Execute("CREATE TABLE entries (day INTEGER, food INTEGER, grams FLOAT); CREATE TABLE food_nutrient (food INTEGER, nutrient INTEGER, per_gram DOUBLE)");
        using (var appender = duck.CreateAppender("entries"))
        {
            for (var e = 0; e < day.Length; e++)
            {
                appender.CreateRow().AppendValue(day[e]).AppendValue(food[e]).AppendValue(grams[e]).EndRow();
            }
        }

        using (var appender = duck.CreateAppender("food_nutrient"))
        {
            for (var f = 0; f < table.Length; f++)
            {
                for (var n = 0; n < NutrientCount; n++)
                {
                    if (!double.IsNaN(table[f][n]))
                    {
                        appender.CreateRow().AppendValue(f).AppendValue(n).AppendValue(table[f][n] / 100).EndRow();
                    }
                }
            }
        }

        // The data now lives in DuckDB; keep only what the query needs.
        (day, food, grams) = ([], [], []);
        GC.Collect();
    }

    private double[][] Generate()
    {
        var foods = FoodCorpus.Sr28;
        var nutrientIds = Sr28Abbreviated.Nutrients.Take(NutrientCount).Select(n => n.Id).ToArray();
        var table = foods.Select(f => nutrientIds.Select(id => f.AmountPer100Grams(id) ?? double.NaN).ToArray()).ToArray();
        kernel = new DailyTotals(table, NutrientCount);

        var random = new Random(7);
        var entries = PersonDays * EntriesPerDay;
        day = new int[entries];
        food = new int[entries];
        grams = new float[entries];
        for (var e = 0; e < entries; e++)
        {
            day[e] = e / EntriesPerDay;
            food[e] = random.Next(foods.Count);
            grams[e] = 20 + (float)(random.NextDouble() * 280);
        }

        return table;
    }

    [Benchmark(Baseline = true)]
    public long DuckDbJoinGroupBy()
    {
        Execute("""
            CREATE OR REPLACE TEMP TABLE totals AS
            SELECT e.day, f.nutrient, SUM(e.grams * f.per_gram) AS total, COUNT(*) AS reporting
            FROM entries e JOIN food_nutrient f ON e.food = f.food
            GROUP BY e.day, f.nutrient
            """);
        using var count = duck.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM totals";
        return Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Benchmark]
    public double RepleteDailyTotals()
    {
        Array.Clear(totals);
        Array.Clear(reporting);
        kernel.Sum(day, food, grams, totals, reporting);
        return totals[^1];
    }

    [GlobalCleanup]
    public void Dispose()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        Console.WriteLine($"// peak working set of this benchmark process: {process.PeakWorkingSet64 / 1048576} MiB ({PersonDays:N0} person-days)");
        duck?.Dispose();
        GC.SuppressFinalize(this);
    }

    private void Execute(string sql)
    {
        using var command = duck.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

using System.Diagnostics;
using System.Globalization;
using Replete.Foods;

namespace Replete.Benchmarks;

/// <summary>Per-query search latency, p50 and p99, Replete against SQLite FTS5 and Lucene.NET side by side in one run
/// (<c>dotnet run -c Release -- latency</c>). BenchmarkDotNet reports means per operation; a person feels the slow
/// queries, so every call is timed on its own here, after a warm-up. With <c>REPLETE_LATENCY_DETAIL=1</c> it first
/// prints each query's time on 400,000 foods (or <c>REPLETE_LATENCY_SIZE</c>): the fastest of five batches of 20, the
/// least disturbed figure on a shared machine; <c>REPLETE_LATENCY_QUERY</c> ("a;b") times only those queries and stops.</summary>
internal static class SearchLatency
{
    public static void Run(int rounds)
    {
        if (Environment.GetEnvironmentVariable("REPLETE_LATENCY_DETAIL") is "1")
        {
            var big = FoodSearchIndex.Build(FoodCorpus.Names(int.TryParse(Environment.GetEnvironmentVariable("REPLETE_LATENCY_SIZE"), out var size) ? size : 400_000));
            var only = Environment.GetEnvironmentVariable("REPLETE_LATENCY_QUERY");
            foreach (var query in only is { Length: > 0 } ? only.Split(';') : FoodCorpus.Queries)
            {
                for (var i = 0; i < 20; i++)
                {
                    big.Search(query, 10);
                }

                // The fastest of five batches: on a shared machine the least disturbed figure.
                var best = double.PositiveInfinity;
                for (var batch = 0; batch < 5; batch++)
                {
                    var watch = Stopwatch.StartNew();
                    for (var i = 0; i < 20; i++)
                    {
                        big.Search(query, 10);
                    }

                    best = Math.Min(best, watch.Elapsed.TotalMicroseconds / 20);
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{best,9:0} {query}"));
            }

            if (only is { Length: > 0 })
            {
                return;
            }
        }

        Console.WriteLine($"{"foods",9} {"engine",-8} {"p50 us",9} {"p99 us",9} {"max us",9}");
        foreach (var size in new[] { 8_789, 400_000 })
        {
            var names = FoodCorpus.Names(size);
            var index = FoodSearchIndex.Build(names);
            using var fts5 = new Fts5Search(names);
            using var lucene = new LuceneSearch(names);
            var replete = Measure(rounds, query => index.Search(query, 10).Count);
            var sqlite = Measure(rounds, query => fts5.Search(query, 10).Count);
            var luceneTimes = Measure(rounds, query => lucene.Search(query, 10).Count);
            Print(size, "Replete", replete);
            Print(size, "FTS5", sqlite);
            Print(size, "Lucene", luceneTimes);
            foreach (var (name, other) in new[] { ("FTS5", sqlite), ("Lucene", luceneTimes) })
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{size,9} {"ratio",-8} {Percentile(replete, 0.5) / Percentile(other, 0.5),9:0.00} {Percentile(replete, 0.99) / Percentile(other, 0.99),9:0.00}   (Replete / {name}; below 1 is faster)"));
            }
        }
    }

    /// <summary>Every query timed on its own, <paramref name="rounds"/> times, after a warm-up that lets the runtime
    /// finish compiling: the steady state a person meets in the resident process (a search in a fresh process pays for
    /// loading and compiling, which <c>bench/startup.sh</c> measures). .NET compiles a method quickly first and again
    /// with full optimisation after about 30 calls, in the background (tiered compilation); one call per query left most
    /// of the timed calls on the quick code. The same warm-up is given to every engine.</summary>
    private static double[] Measure(int rounds, Func<string, int> search)
    {
        var warm = Stopwatch.StartNew();
        for (var pass = 0; pass < 50 || warm.Elapsed < TimeSpan.FromSeconds(1); pass++)
        {
            foreach (var query in FoodCorpus.Queries)
            {
                search(query);
            }
        }

        // The optimised code is compiled on a background thread after its call count is reached.
        Thread.Sleep(500);

        var times = new List<double>(rounds * FoodCorpus.Queries.Count);
        var clock = new Stopwatch();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var query in FoodCorpus.Queries)
            {
                clock.Restart();
                search(query);
                times.Add(clock.Elapsed.TotalMicroseconds);
            }
        }

        times.Sort();
        return [.. times];
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private static void Print(int size, string engine, double[] sorted) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{size,9} {engine,-8} {Percentile(sorted, 0.5),9:0.0} {Percentile(sorted, 0.99),9:0.0} {sorted[^1],9:0.0}"));
}

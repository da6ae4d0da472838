using System.Collections.Concurrent;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Microsoft.VisualBasic.FileIO;
using Replete.Foods;

namespace Replete.Benchmarks;

/// <summary>The relevance test set of the integration tests (search_relevance.csv, copied beside the benchmark): what
/// people type and the SR28 foods a dietitian accepts for it; every third row is held out from tuning.</summary>
internal static class RelevanceSet
{
    public sealed record Case(string Query, int[] Expected, bool HeldOut);

    public static IReadOnlyList<Case> Cases { get; } = Read(Path.Combine(AppContext.BaseDirectory, "search_relevance.csv"));

    /// <summary>The three engines, each over <paramref name="foods"/>: a search gives food ids, best first.</summary>
    public static IReadOnlyDictionary<string, Func<string, int, IReadOnlyList<int>>> Engines(IReadOnlyList<FoodSearchEntry> foods)
    {
        var index = FoodSearchIndex.Build(foods);
        var fts5 = new Fts5Search(foods);
        var lucene = new LuceneSearch(foods);
        return new Dictionary<string, Func<string, int, IReadOnlyList<int>>>
        {
            ["Replete"] = (q, n) => [.. index.Search(q, n).Select(m => m.FoodId)],
            ["SqliteFts5"] = fts5.Search,
            ["LuceneNet"] = lucene.Search,
        };
    }

    /// <summary>Top-1 and top-3 hit rates of <paramref name="search"/> on the tune or the held-out rows, and the queries
    /// it missed at top-1 (for the tune rows only: held-out misses are never shown, so they cannot be tuned against).</summary>
    public static (double TopOne, double TopThree, List<string> Misses) Measure(Func<string, int, IReadOnlyList<int>> search, bool heldOut)
    {
        var cases = Cases.Where(c => c.HeldOut == heldOut).ToList();
        var (one, three) = (0, 0);
        var misses = new List<string>();
        foreach (var (query, expected, _) in cases)
        {
            var found = search(query, 3);
            var rank = found.Select((id, i) => expected.Contains(id) ? i : -1).FirstOrDefault(i => i >= 0, -1);
            one += rank == 0 ? 1 : 0;
            three += rank >= 0 ? 1 : 0;
            if (rank != 0 && !heldOut)
            {
                misses.Add($"{query} -> {string.Join(" | ", found)} (expected {string.Join("|", expected)})");
            }
        }

        return ((double)one / cases.Count, (double)three / cases.Count, misses);
    }

    /// <summary><c>relevance</c>: the table of the three engines on SR28, and with <c>--misses</c> Replete's tune misses.</summary>
    public static void Run(bool misses)
    {
        var engines = Engines(FoodCorpus.Names(FoodCorpus.Sr28.Count));
        Console.WriteLine($"{"engine",-11} {"tune top-1",11} {"tune top-3",11} {"held top-1",11} {"held top-3",11}   ({Cases.Count(c => !c.HeldOut)} tune, {Cases.Count(c => c.HeldOut)} held-out queries, SR28)");
        foreach (var (name, search) in engines)
        {
            var tune = Measure(search, heldOut: false);
            var held = Measure(search, heldOut: true);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-11} {tune.TopOne,11:P1} {tune.TopThree,11:P1} {held.TopOne,11:P1} {held.TopThree,11:P1}"));
            if (misses && name == "Replete")
            {
                tune.Misses.ForEach(m => Console.WriteLine("  " + m));
            }
        }

        // Confidence you can act on: a food log counts a match without asking unless it is uncertain
        // (FoodLogResolver.Uncertain), so a wrong first food that is not uncertain is counted silently.
        var index = FoodSearchIndex.Build(FoodCorpus.Names(FoodCorpus.Sr28.Count));
        Console.WriteLine($"{"Replete",-11} {"wrong, counted silently",24} {"right, asked anyway",20}   (by confidence alone: silent, asked)");
        foreach (var heldOut in new[] { false, true })
        {
            var (silent, asked) = Calibration(index, heldOut, Replete.Diet.FoodLogResolver.Uncertain);
            var (silentByConfidence, askedByConfidence) = Calibration(index, heldOut, m => m.Confidence < Replete.Diet.FoodLogResolver.ConfirmBelow);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(heldOut ? "held-out" : "tune"),-11} {silent,24:P1} {asked,20:P1}   ({silentByConfidence:P1}, {askedByConfidence:P1})"));
        }

        // A first food below FoodLogResolver.CountFloor, or for text with no food word, is not counted at all.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"Replete",-11} {"right, not counted",24} {"wrong, not counted",20}   (floor {Replete.Diet.FoodLogResolver.CountFloor:P0})"));
        foreach (var heldOut in new[] { false, true })
        {
            var (rightDropped, wrongDropped) = Floor(index, heldOut);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(heldOut ? "held-out" : "tune"),-11} {rightDropped,24:P1} {wrongDropped,20:P1}"));
        }
    }

    /// <summary>On the tune or held-out rows: the share of queries whose first food is right yet not counted at all
    /// (<see cref="Replete.Diet.FoodLogResolver.NotAFood"/>), and the share whose first food is wrong and not counted.
    /// With REPLETE_RELEVANCE_FLOOR=1 the tune rows' first-food confidences are listed, right and wrong, lowest first,
    /// to choose <see cref="Replete.Diet.FoodLogResolver.CountFloor"/> (never the held-out rows).</summary>
    public static (double RightDropped, double WrongDropped) Floor(FoodSearchIndex index, bool heldOut)
    {
        var cases = Cases.Where(c => c.HeldOut == heldOut).ToList();
        var (right, wrong) = (new List<double>(), new List<double>());
        var (rightDropped, wrongDropped) = (0, 0);
        foreach (var (query, expected, _) in cases)
        {
            var found = index.Search(query, 4);
            if (found.Count == 0)
            {
                continue;
            }

            var isRight = expected.Contains(found[0].FoodId);
            (isRight ? right : wrong).Add(found[0].Confidence);
            var dropped = Replete.Diet.FoodLogResolver.NotAFood(query, found[0]);
            rightDropped += isRight && dropped ? 1 : 0;
            wrongDropped += !isRight && dropped ? 1 : 0;
        }

        if (!heldOut && Environment.GetEnvironmentVariable("REPLETE_RELEVANCE_FLOOR") == "1")
        {
            Console.WriteLine("  right first food, lowest confidences: " + string.Join(" ", right.Order().Take(15).Select(c => c.ToString("0.000", CultureInfo.InvariantCulture))));
            Console.WriteLine("  wrong first food, confidences:        " + string.Join(" ", wrong.Order().Select(c => c.ToString("0.000", CultureInfo.InvariantCulture))));
        }

        return ((double)rightDropped / cases.Count, (double)wrongDropped / cases.Count);
    }

    /// <summary>On the tune or held-out rows: the share of queries whose first food is wrong yet would be counted
    /// without asking, and the share whose first food is right yet would be listed for confirmation.</summary>
    public static (double WrongSilent, double RightAsked) Calibration(FoodSearchIndex index, bool heldOut, Func<FoodMatch, bool> uncertain)
    {
        var cases = Cases.Where(c => c.HeldOut == heldOut).ToList();
        var (silent, asked) = (0, 0);
        foreach (var (query, expected, _) in cases)
        {
            var found = index.Search(query, 4);
            if (found.Count == 0)
            {
                continue;
            }

            var ask = uncertain(found[0]);
            if (!heldOut && Environment.GetEnvironmentVariable("REPLETE_RELEVANCE_ASKED") == "1" && ask && expected.Contains(found[0].FoodId))
            {
                Console.WriteLine($"  asked: {query} -> {string.Join(" | ", found.Select(f => $"{f.Description} {f.Score:0.000}{(f.Tied ? " tied" : "")} {f.Confidence:P0}"))}");
            }

            silent += !expected.Contains(found[0].FoodId) && !ask ? 1 : 0;
            asked += expected.Contains(found[0].FoodId) && ask ? 1 : 0;
        }

        return ((double)silent / cases.Count, (double)asked / cases.Count);
    }

    /// <summary><c>relevance --query TEXT</c>: Replete's first ten foods on SR28 for one query, with score, confidence
    /// and food group, to see why a food ranks where it does.</summary>
    public static void Explain(string query)
    {
        var foods = FoodCorpus.Names(FoodCorpus.Sr28.Count);
        var groups = foods.ToDictionary(f => f.FoodId, f => f.Category);
        foreach (var match in FoodSearchIndex.Build(foods).Search(query, 10))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{match.FoodId,6} {match.Score,7:0.000} {match.Confidence,5:P0}  {match.Label}  [{groups[match.FoodId]}]"));
        }
    }

    private static List<Case> Read(string path)
    {
        using var parser = new TextFieldParser(path) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields() ?? throw new InvalidDataException($"{path}: empty");
        var (query, expected, set) = (Array.IndexOf(header, "query"), Array.IndexOf(header, "expected"), Array.IndexOf(header, "set"));
        var cases = new List<Case>();
        while (parser.ReadFields() is { } row)
        {
            cases.Add(new Case(row[query], [.. row[expected].Split('|').Select(id => int.Parse(id, CultureInfo.InvariantCulture))], row[set] == "held_out"));
        }

        return cases;
    }
}

/// <summary>Adds the relevance set's top-1 and top-3 hit rates (tune and held-out) of each benchmarked engine, on the
/// benchmark's own foods, to the BenchmarkDotNet summary.</summary>
internal sealed class RelevanceColumns : ManualConfig
{
    private static readonly ConcurrentDictionary<int, IReadOnlyDictionary<string, Func<string, int, IReadOnlyList<int>>>> BySize = new();

    public RelevanceColumns() => AddColumn(
        new Column("Tune top-1", false, r => r.TopOne), new Column("Tune top-3", false, r => r.TopThree),
        new Column("Held-out top-1", true, r => r.TopOne), new Column("Held-out top-3", true, r => r.TopThree));

    private sealed class Column(string name, bool heldOut, Func<(double TopOne, double TopThree, List<string> Misses), double> pick) : IColumn
    {
        public string Id => nameof(RelevanceColumns) + name;

        public string ColumnName => name;

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => $"Share of the {(heldOut ? "held-out" : "tune")} relevance queries whose accepted food is {(name.EndsWith('1') ? "first" : "in the first three")}";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
        {
            var foods = (int)benchmarkCase.Parameters["Foods"];
            if (foods > FoodCorpus.Sr28.Count && Environment.GetEnvironmentVariable("REPLETE_BENCH_SMOKE") == "1")
            {
                // The CI smoke run checks the columns on SR28 and spares itself three indexes of 400,000 foods.
                return "-";
            }

            var engines = BySize.GetOrAdd(foods, size => RelevanceSet.Engines(FoodCorpus.Names(size)));
            return engines.TryGetValue(benchmarkCase.Descriptor.WorkloadMethod.Name, out var search)
                ? pick(RelevanceSet.Measure(search, heldOut)).ToString("P1", CultureInfo.InvariantCulture)
                : "-";
        }

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}

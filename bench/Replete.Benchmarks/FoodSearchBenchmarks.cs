using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Replete.Foods;

namespace Replete.Benchmarks;

/// <summary>Food search per query: Replete's index against SQLite FTS5 (bm25 ranking, prefix terms) and Lucene.NET (BM25,
/// fuzzy, prefix and phrase queries) over the same names, on SR28 (8,789 foods) and a branded-scale set of 400,000. Each
/// operation runs every query of the workload once; times are per query. The relevance columns run the relevance test
/// set (tests/Replete.IntegrationTests/Foods/search_relevance.csv) through the same engine on the same foods, so one run
/// gives both speed and quality.</summary>
[MemoryDiagnoser]
[Config(typeof(RelevanceColumns))]
#pragma warning disable CA1063 // BenchmarkDotNet needs an unsealed class; GlobalCleanup disposes.
public class FoodSearchBenchmarks : IDisposable
#pragma warning restore CA1063
{
    private FoodSearchIndex index = null!;
    private Fts5Search fts5 = null!;
    private LuceneSearch lucene = null!;

    [Params(8_789, 400_000)]
    public int Foods { get; set; }

    // Each engine is built only for its own benchmark: at 400,000 foods building all three would triple the setup.
    [GlobalSetup(Target = nameof(Replete))]
    public void SetupReplete() => index = FoodSearchIndex.Build(FoodCorpus.Names(Foods));

    [GlobalSetup(Target = nameof(SqliteFts5))]
    public void SetupFts5() => fts5 = new Fts5Search(FoodCorpus.Names(Foods));

    [GlobalSetup(Target = nameof(LuceneNet))]
    public void SetupLucene() => lucene = new LuceneSearch(FoodCorpus.Names(Foods));

    [GlobalCleanup]
    public void Dispose()
    {
        fts5?.Dispose();
        lucene?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 70)]
    public int SqliteFts5() => EveryQuery(query => fts5.Search(query, 10).Count);

    [Benchmark(OperationsPerInvoke = 70)]
    public int LuceneNet() => EveryQuery(query => lucene.Search(query, 10).Count);

    [Benchmark(OperationsPerInvoke = 70)]
    public int Replete() => EveryQuery(query => index.Search(query, 10).Count);

    /// <summary>Runs every query of the workload once; the number of foods found, so nothing is optimised away.</summary>
    private static int EveryQuery(Func<string, int> search) => FoodCorpus.Queries.Sum(search);
}

/// <summary>What a developer would use instead: an FTS5 table over the same names, queried with each word as a
/// prefix term and ranked by bm25.</summary>
internal sealed class Fts5Search : IDisposable
{
    private readonly SqliteConnection connection = new("Data Source=:memory:");
    private readonly SqliteCommand query;

    public Fts5Search(IReadOnlyList<FoodSearchEntry> names)
    {
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE VIRTUAL TABLE names USING fts5(description, tokenize = 'porter unicode61')";
            create.ExecuteNonQuery();
        }

        using (var transaction = connection.BeginTransaction())
        using (var insert = connection.CreateCommand())
        {
            insert.CommandText = "INSERT INTO names(rowid, description) VALUES ($id, $name)";
            var id = insert.Parameters.Add("$id", SqliteType.Integer);
            var name = insert.Parameters.Add("$name", SqliteType.Text);
            foreach (var entry in names)
            {
                id.Value = entry.FoodId;
                name.Value = entry.Description;
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        query = connection.CreateCommand();
        query.CommandText = "SELECT rowid FROM names WHERE names MATCH $q ORDER BY rank LIMIT $limit";
        query.Parameters.Add("$q", SqliteType.Text);
        query.Parameters.Add("$limit", SqliteType.Integer);
    }

    /// <summary>The ids of the best <paramref name="limit"/> foods, best first: every word required, or when no name
    /// has them all, any of them (bm25 then favours names with more of them).</summary>
    public IReadOnlyList<int> Search(string text, int limit)
    {
        var words = text.Split([' ', ',', '.', '-', '(', ')', '\'', '%', '/'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return [];
        }

        var terms = words.Select(w => "\"" + w.Replace("\"", "", StringComparison.Ordinal) + "\"*").ToArray();
        var found = Run(string.Join(" AND ", terms), limit);
        return found.Count > 0 || terms.Length == 1 ? found : Run(string.Join(" OR ", terms), limit);
    }

    private List<int> Run(string match, int limit)
    {
        query.Parameters[0].Value = match;
        query.Parameters[1].Value = limit;
        var found = new List<int>(limit);
        using var reader = query.ExecuteReader();
        while (reader.Read())
        {
            found.Add(reader.GetInt32(0));
        }

        return found;
    }

    public void Dispose()
    {
        query.Dispose();
        connection.Dispose();
    }
}

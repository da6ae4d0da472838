using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Replete.Foods;

namespace Replete.Benchmarks;

/// <summary>Food search per query: Replete's index against SQLite FTS5 (bm25 ranking, prefix terms) over the same
/// names, on SR28 (8,789 foods) and a branded-scale set of 400,000. Each operation runs every query of the workload
/// once; times are per query.</summary>
[MemoryDiagnoser]
#pragma warning disable CA1063 // BenchmarkDotNet needs an unsealed class; GlobalCleanup disposes.
public class FoodSearchBenchmarks : IDisposable
#pragma warning restore CA1063
{
    private FoodSearchIndex index = null!;
    private Fts5Search fts5 = null!;

    [Params(8_789, 400_000)]
    public int Foods { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var names = FoodCorpus.Names(Foods);
        index = FoodSearchIndex.Build(names);
        fts5 = new Fts5Search(names);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        fts5?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 70)]
    public int SqliteFts5()
    {
        var found = 0;
        foreach (var query in FoodCorpus.Queries)
        {
            found += fts5.Search(query, 10);
        }

        return found;
    }

    [Benchmark(OperationsPerInvoke = 70)]
    public int Replete()
    {
        var found = 0;
        foreach (var query in FoodCorpus.Queries)
        {
            found += index.Search(query, 10).Count;
        }

        return found;
    }
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

    public int Search(string text, int limit)
    {
        var words = text.Split([' ', ',', '.', '-', '(', ')', '\'', '%', '/'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return 0;
        }

        query.Parameters[0].Value = string.Join(" AND ", words.Select(w => "\"" + w.Replace("\"", "", StringComparison.Ordinal) + "\"*"));
        query.Parameters[1].Value = limit;
        var found = 0;
        using var reader = query.ExecuteReader();
        while (reader.Read())
        {
            found++;
        }

        return found;
    }

    public void Dispose()
    {
        query.Dispose();
        connection.Dispose();
    }
}

using Microsoft.Data.Sqlite;
using Replete.Foods;

namespace Replete.Storage.Foods;

/// <summary>The read side of the food database: what a server shares between requests. Every call opens its own
/// read-only connection from SQLite's pool, so any number of threads may call at once; the search index is built once,
/// on first use, and shared.</summary>
/// <remarks>A catalog does not see foods imported after its index was built: <see cref="FoodDatabase"/> hands out a
/// new one after each import (<see cref="FoodDatabase.Catalog"/>), and a server replaces its singleton the same way.</remarks>
public sealed class FoodCatalog
{
    private readonly string connectionString;
    private readonly Lazy<FoodSearchIndex> index;

    /// <summary>A catalog over the database file at <paramref name="path"/>, which must exist.</summary>
    public FoodCatalog(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = path;
        connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = true }.ToString();
        index = new Lazy<FoodSearchIndex>(LoadOrBuildIndex, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>The search index over every food a person can pick, made on first use and shared by every caller. It is
    /// saved beside the database (<c>foods.db.index</c>) and loaded from there while the database and this build of
    /// Replete are the ones it was made from, so a command does not rebuild it at every start.</summary>
    public FoodSearchIndex SearchIndex => index.Value;

    /// <summary>True when the database holds at least one food.</summary>
    public bool HasFoods => Scalar("SELECT EXISTS (SELECT 1 FROM food)") is 1L;

    /// <summary>True when the database holds at least one food from <paramref name="source"/> (a quick look, where
    /// <see cref="CountFoods"/> reads every food).</summary>
    public bool HasFoodsFrom(FoodSource source)
    {
        using var connection = Open();
        using var command = Command(connection, "SELECT EXISTS (SELECT 1 FROM food WHERE source = $source)");
        command.Parameters.AddWithValue("$source", FoodDatabase.SourceName(source));
        return command.ExecuteScalar() is 1L;
    }

    /// <summary>The number of foods stored, by source.</summary>
    public IReadOnlyDictionary<FoodSource, int> CountFoods()
    {
        using var connection = Open();
        using var command = Command(connection, "SELECT source, COUNT(*) FROM food GROUP BY source");
        using var reader = command.ExecuteReader();
        var counts = new Dictionary<FoodSource, int>();
        while (reader.Read())
        {
            counts[FoodDatabase.ParseSource(reader.GetString(0))] = reader.GetInt32(1);
        }

        return counts;
    }

    /// <summary>Builds a new search index over every food a person can pick. SR28 foods that a FoodData Central SR
    /// Legacy import supersedes (same NDB number) are left out, so a food does not appear twice.</summary>
    public FoodSearchIndex BuildSearchIndex(FoodSynonyms? synonyms = null)
    {
        using var connection = Open();
        using var command = Command(connection, """
            SELECT f.id, f.description, f.common_names, f.tracked_nutrients, f.category, f.brand, f.in_survey FROM food f
            WHERE NOT (f.source = 'sr28' AND EXISTS (SELECT 1 FROM food l WHERE l.ndb_number = f.id AND l.source = 'sr_legacy'))
            """);
        return FoodSearchIndex.Build(Entries(command), synonyms);

        static IEnumerable<FoodSearchEntry> Entries(SqliteCommand command)
        {
            double tracked = Replete.Nutrients.NutrientCatalog.Default.All.Count;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                yield return new FoodSearchEntry(
                    reader.GetInt32(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetInt32(3) / tracked,
                    reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5))
                {
                    InSurvey = !reader.IsDBNull(6) && reader.GetInt64(6) != 0,
                };
            }
        }
    }

    /// <summary>The food with <paramref name="id"/>, its reported nutrients per 100 g and its portions; null when absent.</summary>
    public FoodComposition? Find(int id)
    {
        using var connection = Open();
        Food food;
        using (var command = Command(connection, $"SELECT {FoodColumns} FROM food WHERE id = $id"))
        {
            command.Parameters.AddWithValue("$id", id);
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                return null;
            }

            food = FoodAt(reader);
        }

        var amounts = new Dictionary<int, double>();
        using (var command = Command(connection, "SELECT nutrient_id, amount FROM food_nutrient WHERE food_id = $id"))
        {
            command.Parameters.AddWithValue("$id", id);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                amounts[reader.GetInt32(0)] = reader.GetDouble(1);
            }
        }

        var portions = new List<FoodPortion>();
        using (var command = Command(connection, "SELECT amount, measure, gram_weight FROM food_portion WHERE food_id = $id ORDER BY seq"))
        {
            command.Parameters.AddWithValue("$id", id);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                portions.Add(new FoodPortion(reader.GetDouble(0), reader.GetString(1), reader.GetDouble(2)));
            }
        }

        return new FoodComposition(food, amounts, portions);
    }

    /// <summary>Every food in the food groups <paramref name="categories"/> (SR food group names, data/food_groups.csv),
    /// with its nutrients and portions, in id order: the pool a plan draws new foods from. SR28 foods that an SR Legacy
    /// import supersedes are left out, as in the search.</summary>
    public IReadOnlyList<FoodComposition> InCategories(IReadOnlyCollection<string> categories) => FindMany(FoodsIn(categories).Select(f => f.Id));

    /// <summary>The foods (without nutrients) in the food groups <paramref name="categories"/>, in id order, so that a
    /// caller can choose by name before reading nutrients; SR28 foods an SR Legacy import supersedes are left out.</summary>
    public IReadOnlyList<Food> FoodsIn(IReadOnlyCollection<string> categories)
    {
        ArgumentNullException.ThrowIfNull(categories);
        using var connection = Open();
        using var command = Command(connection, """
            SELECT f.id, f.description, f.source, f.category, f.brand, f.common_names, f.source_code, f.in_survey FROM food f
            WHERE f.category IN ($values)
              AND NOT (f.source = 'sr28' AND EXISTS (SELECT 1 FROM food l WHERE l.ndb_number = f.id AND l.source = 'sr_legacy'))
            ORDER BY f.id
            """);
        In(command, categories);
        using var reader = command.ExecuteReader();
        var foods = new List<Food>();
        while (reader.Read())
        {
            foods.Add(FoodAt(reader));
        }

        return foods;
    }

    /// <summary>The foods with <paramref name="ids"/>, with their nutrients and portions, in id order; ids not in the
    /// database are left out. Reads in batches of <see cref="Batch"/> ids.</summary>
    public IReadOnlyList<FoodComposition> FindMany(IEnumerable<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        using var connection = Open();
        var result = new List<FoodComposition>();
        foreach (var batch in ids.Distinct().Order().Chunk(Batch))
        {
            var names = batch.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
            var foods = new SortedDictionary<int, Food>();
            using (var command = Command(connection, $"SELECT {FoodColumns} FROM food WHERE id IN ($values)"))
            {
                In(command, names);
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    foods[reader.GetInt32(0)] = FoodAt(reader);
                }
            }

            var amounts = foods.Keys.ToDictionary(id => id, _ => new Dictionary<int, double>());
            using (var command = Command(connection, "SELECT food_id, nutrient_id, amount FROM food_nutrient WHERE food_id IN ($values)"))
            {
                In(command, names);
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    if (amounts.TryGetValue(reader.GetInt32(0), out var food))
                    {
                        food[reader.GetInt32(1)] = reader.GetDouble(2);
                    }
                }
            }

            var portions = foods.Keys.ToDictionary(id => id, _ => new List<FoodPortion>());
            using (var command = Command(connection, "SELECT food_id, amount, measure, gram_weight FROM food_portion WHERE food_id IN ($values) ORDER BY food_id, seq"))
            {
                In(command, names);
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    if (portions.TryGetValue(reader.GetInt32(0), out var list))
                    {
                        list.Add(new FoodPortion(reader.GetDouble(1), reader.GetString(2), reader.GetDouble(3)));
                    }
                }
            }

            result.AddRange(foods.Values.Select(f => new FoodComposition(f, amounts[f.Id], portions[f.Id])));
        }

        return result;
    }

    /// <summary>Ids per query in <see cref="FindMany"/>: under SQLite's default limit of 32,766 bound parameters.</summary>
    private const int Batch = 500;

    /// <summary>The columns <see cref="FoodAt"/> reads, in its order.</summary>
    private const string FoodColumns = "id, description, source, category, brand, common_names, source_code, in_survey";

    private static Food FoodAt(SqliteDataReader reader) =>
        new(reader.GetInt32(0), reader.GetString(1), FoodDatabase.ParseSource(reader.GetString(2)))
        {
            Category = NullableString(reader, 3),
            Brand = NullableString(reader, 4),
            CommonNames = NullableString(reader, 5),
            SourceCode = NullableString(reader, 6),
            InSurvey = reader.IsDBNull(7) ? null : reader.GetInt64(7) != 0,
        };

    /// <summary>The source of each food of <paramref name="ids"/> that the database holds: what a list of search results
    /// shows beside each food, so that with two tables loaded a person sees which one each comes from.</summary>
    public IReadOnlyDictionary<int, FoodSource> SourcesOf(IEnumerable<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        using var connection = Open();
        var sources = new Dictionary<int, FoodSource>();
        foreach (var batch in ids.Distinct().Chunk(Batch))
        {
            using var command = Command(connection, "SELECT id, source FROM food WHERE id IN ($values)");
            In(command, [.. batch.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                sources[reader.GetInt32(0)] = FoodDatabase.ParseSource(reader.GetString(1));
            }
        }

        return sources;
    }

    /// <summary>Binds <paramref name="values"/> to the <c>$values</c> list of <paramref name="command"/>'s IN clause,
    /// one parameter each.</summary>
    private static void In(SqliteCommand command, IReadOnlyCollection<string> values)
    {
        var names = values.Select((_, i) => $"$c{i}").ToList();
        command.CommandText = command.CommandText.Replace("$values", names.Count == 0 ? "NULL" : string.Join(", ", names), StringComparison.Ordinal);
        foreach (var (name, value) in names.Zip(values))
        {
            command.Parameters.AddWithValue(name, value);
        }
    }

    /// <summary>Every nutrient the database knows, with the unit its values are in.</summary>
    public IReadOnlyDictionary<int, FoodNutrient> Nutrients()
    {
        using var connection = Open();
        using var command = Command(connection, "SELECT id, name, unit FROM nutrient");
        using var reader = command.ExecuteReader();
        var nutrients = new Dictionary<int, FoodNutrient>();
        while (reader.Read())
        {
            nutrients[reader.GetInt32(0)] = new FoodNutrient(reader.GetInt32(0), reader.GetString(1), reader.GetString(2));
        }

        return nutrients;
    }

    /// <summary>How many foods report each nutrient, kept up to date by every import.</summary>
    public IReadOnlyList<NutrientCoverage> Coverage()
    {
        using var connection = Open();
        using var count = Command(connection, "SELECT COUNT(*) FROM food");
        var foods = Convert.ToInt32(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        using var command = Command(connection, """
            SELECT n.id, n.name, n.unit, c.foods FROM nutrient_coverage c JOIN nutrient n ON n.id = c.nutrient_id
            ORDER BY c.foods DESC, n.id
            """);
        using var reader = command.ExecuteReader();
        var coverage = new List<NutrientCoverage>();
        while (reader.Read())
        {
            coverage.Add(new NutrientCoverage(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), foods));
        }

        return coverage;
    }

    private FoodSearchIndex LoadOrBuildIndex() =>
        Saved("index", [typeof(FoodSearchIndex).Assembly, typeof(FoodCatalog).Assembly], () => BuildSearchIndex(), file => FoodSearchIndex.Load(file), (built, file) => built.Save(file));

    /// <summary>Something made from this catalog alone (its foods and the build of the code that makes it), such as the
    /// foods a plan may offer anyone: made on first use and shared by every caller of this catalog, and saved beside
    /// the database (<c>foods.db.NAME</c>) so that the next process loads it instead of making it again, while the
    /// database (as of its latest import) and the builds of <paramref name="makers"/> are the ones it was made from.</summary>
    /// <typeparam name="T">What is made.</typeparam>
    /// <param name="name">A file-name-safe name, unique per kind of thing.</param>
    /// <param name="makers">The assemblies whose code makes it (and the code it calls): a saved copy from another build of
    /// any of them is made again.</param>
    /// <param name="make">Makes it from this catalog.</param>
    /// <param name="read">Reads a saved copy; throws <see cref="InvalidDataException"/> or <see cref="IOException"/>
    /// for a damaged one, which is then made again.</param>
    /// <param name="write">Writes it.</param>
    /// <remarks>A read-only data directory only means it is made in every process.</remarks>
    public T Derived<T>(string name, IReadOnlyList<System.Reflection.Assembly> makers, Func<T> make, Func<Stream, T> read, Action<T, Stream> write)
        where T : class
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(makers);
        return (T)derived.GetOrAdd(name, _ => new Lazy<object>(() => Saved(name, makers, make, read, write), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<object>> derived = new(StringComparer.Ordinal);

    /// <summary>What this process has already loaded or made from a database file, by its saved copy's path, with the
    /// stamp it was made for: a long-lived process (the resident replete, a server) then reads the saved copy once while
    /// the database and the build are unchanged, rather than at every command. At most <see cref="LoadedKept"/> are
    /// kept, the least recently used going first (a test run opens hundreds of databases).</summary>
    private static readonly Dictionary<string, (string Stamp, object Value, long Used)> Loaded = new(StringComparer.Ordinal);

    private static readonly Lock LoadedGate = new();

    private static long loadedClock;

    /// <summary>How many loaded things a process keeps (Replete's choice: an index and a plan pool for each of a few
    /// databases; each is a few MB).</summary>
    private const int LoadedKept = 8;

    /// <summary>Forgets what this process has loaded, as a new process would start (for tests).</summary>
    internal static void ForgetLoaded()
    {
        lock (LoadedGate)
        {
            Loaded.Clear();
        }
    }

    private T Saved<T>(string name, IReadOnlyList<System.Reflection.Assembly> makers, Func<T> make, Func<Stream, T> read, Action<T, Stream> write)
        where T : class
    {
        var cache = System.IO.Path.GetFullPath($"{Path}.{name}");
        var stamp = Stamp(makers);
        lock (LoadedGate)
        {
            if (Loaded.TryGetValue(cache, out var kept) && kept.Stamp == stamp && kept.Value is T value)
            {
                Loaded[cache] = kept with { Used = ++loadedClock };
                return value;
            }
        }

        var result = SavedOrMade(cache, stamp, make, read, write);
        lock (LoadedGate)
        {
            Loaded[cache] = (stamp, result, ++loadedClock);
            while (Loaded.Count > LoadedKept)
            {
                Loaded.Remove(Loaded.MinBy(e => e.Value.Used).Key);
            }
        }

        return result;
    }

    private static T SavedOrMade<T>(string cache, string stamp, Func<T> make, Func<Stream, T> read, Action<T, Stream> write)
    {
        try
        {
            using var file = File.OpenRead(cache);
            using var reader = new BinaryReader(file, System.Text.Encoding.UTF8, leaveOpen: true);
            if (reader.ReadString() == stamp)
            {
                return read(file);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            // Nothing saved, or not a readable copy: make it.
        }

        var made = make();
        var temporary = $"{cache}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp";
        try
        {
            using (var file = File.Create(temporary))
            using (var writer = new BinaryWriter(file, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                writer.Write(stamp);
                writer.Flush();
                write(made, file);
            }

            File.Move(temporary, cache, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A read-only data directory: it is only made again next time.
            try
            {
                File.Delete(temporary);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
            }
        }

        return made;
    }

    /// <summary>What a saved copy must have been made from: the builds of <paramref name="makers"/> (for the index, the
    /// engine's word roles, synonyms and scoring), and the database as of its schema version and its latest import. A
    /// migration can change values without an import (version 4 took IFCT's vitamin D to D3 only and recounted each
    /// food's tracked nutrients), so a copy made before it is made again.</summary>
    private string Stamp(IReadOnlyList<System.Reflection.Assembly> makers)
    {
        using var connection = Open();
        using var command = Command(connection, """
            SELECT COALESCE((SELECT value FROM meta WHERE key = 'schema_version'), '') || '|' || (SELECT COUNT(*) FROM food) || '|'
                || COALESCE((SELECT id || '@' || imported_at FROM import_log ORDER BY id DESC LIMIT 1), '')
            """);
        return $"{string.Join(',', makers.Select(m => m.ManifestModule.ModuleVersionId))}|{command.ExecuteScalar()}";
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private object? Scalar(string sql)
    {
        using var connection = Open();
        using var command = Command(connection, sql);
        return command.ExecuteScalar();
    }

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}


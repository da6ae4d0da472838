using System.IO.Compression;
using Replete.Data;

namespace Replete.Storage.Foods;

/// <summary>An official FoodData Central CSV download: the folder it unpacks to, or the zip itself.</summary>
/// <remarks>Files are found by name anywhere inside (USDA zips hold one dated folder). food.csv, food_nutrient.csv and
/// nutrient.csv are required; portions, categories, SR numbers and brands are read when present.</remarks>
public sealed class FdcDownload : IDisposable
{
    internal const string FoodFile = "food.csv";
    internal const string ValueFile = "food_nutrient.csv";
    internal const string NutrientFile = "nutrient.csv";
    internal const string PortionFile = "food_portion.csv";
    internal const string MeasureUnitFile = "measure_unit.csv";
    internal const string CategoryFile = "food_category.csv";
    internal const string LegacyFile = "sr_legacy_food.csv";
    internal const string BrandedFile = "branded_food.csv";

    private static readonly string[] Required = [FoodFile, ValueFile, NutrientFile];

    private readonly ZipArchive? zip;
    private readonly Dictionary<string, string> files;

    private FdcDownload(string name, ZipArchive? zip, Dictionary<string, string> files)
    {
        Name = name;
        this.zip = zip;
        this.files = files;
    }

    /// <summary>The path as given.</summary>
    public string Name { get; }

    /// <summary>Opens a download folder or zip and checks that it holds the required files.</summary>
    /// <exception cref="CsvDataException">The path does not exist or lacks a required file.</exception>
    public static FdcDownload Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Dictionary<string, string> files = new(StringComparer.OrdinalIgnoreCase);
        ZipArchive? zip = null;
        if (Directory.Exists(path))
        {
            foreach (var file in Directory.EnumerateFiles(path, "*.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                files.TryAdd(Path.GetFileName(file), file);
            }
        }
        else if (File.Exists(path))
        {
            try
            {
                zip = ZipFile.OpenRead(path);
            }
            catch (InvalidDataException ex)
            {
                throw new CsvDataException(path, 1, null, $"is neither a folder nor a zip of a FoodData Central CSV download ({ex.Message})");
            }

            foreach (var entry in zip.Entries.Where(e => e.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)))
            {
                files.TryAdd(entry.Name, entry.FullName);
            }
        }
        else
        {
            throw new CsvDataException(path, 0, null, "no such file or folder");
        }

        var missing = Required.Where(name => !files.ContainsKey(name)).ToArray();
        if (missing.Length > 0)
        {
            zip?.Dispose();
            var found = files.Count == 0 ? "no CSV files" : string.Join(", ", files.Keys.Order(StringComparer.Ordinal).Take(12));
            throw new CsvDataException(path, 0, null,
                $"is not a FoodData Central CSV download: missing {string.Join(", ", missing)} (found {found}). Download the CSV version of SR Legacy, Foundation, FNDDS or Branded foods");
        }

        return new FdcDownload(path, zip, files);
    }

    internal bool Has(string file) => files.ContainsKey(file);

    internal CsvReader Open(string file, IProgress<FoodImportProgress>? progress)
    {
        var location = files[file];
        Stream stream;
        long length;
        string name;
        if (zip is null)
        {
            // A named pipe or a device reports no length, and opening a pipe would wait for a writer for ever.
            if (new FileInfo(location).Length == 0)
            {
                throw new CsvDataException(file, 1, null, "is empty (or it is a pipe or a device, which Replete does not read): a FoodData Central file starts with a header row");
            }

            stream = new FileStream(location, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            length = stream.Length;
            name = file;
        }
        else
        {
            var entry = zip.GetEntry(location)!;
            name = $"{Path.GetFileName(Name)}/{entry.FullName}";
            try
            {
                stream = CheckedZipEntry.Open(entry, Path.GetFileName(Name));
            }
            catch (InvalidDataException ex)
            {
                throw new CsvDataException(name, 1, null, ex.Message);
            }

            length = entry.Length;
        }

        var counting = new ProgressStream(stream, length, progress is null ? null : done => progress.Report(new FoodImportProgress(file, done, length)));
        var csv = new CsvReader(new StreamReader(counting, System.Text.Encoding.UTF8, true, 1 << 16), name);
        if (!csv.ReadHeader())
        {
            csv.Dispose();
            throw new CsvDataException(name, 1, null, "is empty: a FoodData Central file starts with a header row");
        }

        return csv;
    }

    /// <inheritdoc />
    public void Dispose() => zip?.Dispose();
}

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
            foreach (var file in CsvFiles(path).Order(StringComparer.Ordinal))
            {
                files.TryAdd(Path.GetFileName(file), file);
            }
        }
        else if (new DirectoryInfo(path).LinkTarget is { } target && !File.Exists(path))
        {
            throw new CsvDataException(path, 0, null, $"no such folder: it is a link to a missing folder ({target})");
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

    /// <summary>The CSV files in <paramref name="folder"/> and the folders below it, walked without following a link.</summary>
    /// <remarks>A download is unpacked from USDA's zip, which holds no links. A link inside it (to a file, or to a folder
    /// that would be walked) leads to a file the person did not name, such as /etc/passwd, whose first line an error
    /// about its header would then print; it is refused, without being opened. The folder named on the command line
    /// may itself be a link: the person named it. Hard links are not told apart from files, as with an assessment's
    /// diet_log.</remarks>
    /// <exception cref="CsvDataException">A link inside the folder, named with its path.</exception>
    private static List<string> CsvFiles(string folder)
    {
        var found = new List<string>();
        var pending = new Stack<DirectoryInfo>([new DirectoryInfo(folder)]);
        while (pending.TryPop(out var directory))
        {
            foreach (var entry in directory.EnumerateFileSystemInfos())
            {
                var isCsv = entry.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
                if (entry.LinkTarget is not null && (isCsv || entry.Attributes.HasFlag(FileAttributes.Directory) || Directory.Exists(entry.FullName)))
                {
                    throw new CsvDataException(Path.Combine(folder, Path.GetRelativePath(folder, entry.FullName)), 0, null,
                        "is a symbolic link; a FoodData Central download holds its files themselves, and Replete reads no file through a link inside it: copy the file into the folder");
                }

                if (entry is DirectoryInfo below)
                {
                    pending.Push(below);
                }
                else if (isCsv)
                {
                    found.Add(entry.FullName);
                }
            }
        }

        return found;
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
            // A named pipe or a device reports no length, and opening a pipe would wait for a writer for ever. A file
            // replaced by a link since the folder was read is refused as the walk refuses one (CsvFiles).
            var info = new FileInfo(location);
            if (info.LinkTarget is not null)
            {
                throw new CsvDataException(file, 0, null, "is a symbolic link; Replete reads no file through a link inside a FoodData Central download: copy the file into the folder");
            }

            if (info.Length == 0)
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

using System.IO.Compression;
using System.Text;

namespace Replete.IntegrationTests.Cli;

public static partial class HostileCorpus
{
    private const string FdcNutrients = "\"id\",\"name\",\"unit_name\",\"nutrient_nbr\",\"rank\"\n\"1003\",\"Protein\",\"G\",\"203\",\"600\"\n\"1008\",\"Energy\",\"KCAL\",\"208\",\"300\"\n\"1089\",\"Iron, Fe\",\"MG\",\"303\",\"5400\"\n";

    private const string FdcFoods = "\"fdc_id\",\"data_type\",\"description\",\"food_category_id\",\"publication_date\"\n\"2000001\",\"foundation_food\",\"Hostile test food, raw\",\"\",\"2019-04-01\"\n\"2000002\",\"foundation_food\",\"Second hostile food\",\"\",\"2019-04-01\"\n";

    private const string FdcValues = "\"id\",\"fdc_id\",\"nutrient_id\",\"amount\",\"data_points\",\"derivation_id\",\"min\",\"max\",\"median\",\"footnote\",\"min_year_acquired\"\n\"9000001\",\"2000001\",\"1003\",\"5.5\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"\n\"9000002\",\"2000001\",\"1089\",\"2.1\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"\n\"9000003\",\"2000002\",\"1008\",\"120\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"\n";

    private const string FdcPortions = "\"id\",\"fdc_id\",\"seq_num\",\"amount\",\"measure_unit_id\",\"portion_description\",\"modifier\",\"gram_weight\",\"data_points\",\"footnote\",\"min_year_acquired\"\n\"1\",\"2000001\",\"1\",\"1\",\"9999\",\"\",\"medium\",\"118\",\"\",\"\",\"\"\n";

    private static readonly Dictionary<string, string> FdcFiles = new(StringComparer.Ordinal)
    {
        ["nutrient.csv"] = FdcNutrients,
        ["food.csv"] = FdcFoods,
        ["food_nutrient.csv"] = FdcValues,
        ["food_portion.csv"] = FdcPortions,
    };

    /// <summary>The food database's commands: imports of FoodData Central downloads (folders and zips) that lie, text
    /// stored from an import that must never break rendering, a rebuild from a bad package, and damaged data
    /// directories.</summary>
    private static IEnumerable<HostileCase> Foods()
    {
        yield return Import("fdc good download", HostileOutcome.Accepted, [], FdcFiles);

        // Numbers in every number field of the download: (file, line, column).
        (string File, int Line, int Column, string Label, HostileOutcome Otherwise)[] fields =
        [
            ("food_nutrient.csv", 2, 3, "amount", HostileOutcome.Refused), ("food_nutrient.csv", 2, 1, "fdc_id", HostileOutcome.Refused),
            ("food_nutrient.csv", 2, 2, "nutrient_id", HostileOutcome.Either), ("food.csv", 2, 0, "fdc_id", HostileOutcome.Refused),
            ("food_portion.csv", 2, 7, "gram_weight", HostileOutcome.Either), ("food_portion.csv", 2, 3, "portion amount", HostileOutcome.Either),
            ("nutrient.csv", 2, 0, "nutrient id", HostileOutcome.Refused),
        ];
        foreach (var (file, line, column, label, otherwise) in fields)
        {
            foreach (var value in Pick(["NaN", "Infinity", "-Infinity", "1e308", "1e309", "-1", "99999999999999999999", "0x10", "1,5"], line * 7 + column, 5))
            {
                var expect = value is "NaN" or "Infinity" or "-Infinity" or "1e309" ? HostileOutcome.Refused : otherwise == HostileOutcome.Refused ? HostileOutcome.Refused : HostileOutcome.Either;
                if (label == "amount" && value is "1e308" or "99999999999999999999")
                {
                    expect = HostileOutcome.Refused; // more than 100 g in 100 g of food, by many orders
                }

                yield return Import($"fdc {file} {label} {value}", expect, [file], With(file, ReplaceField(FdcFiles[file], line, column, $"\"{value}\"")));
            }
        }

        // Text stored by an import is shown by every later command: escapes and markup never reach the terminal.
        (string File, int Line, int Column, string Label)[] texts =
        [
            ("food.csv", 2, 2, "description"), ("nutrient.csv", 2, 1, "nutrient name"), ("nutrient.csv", 2, 2, "unit"), ("food_portion.csv", 2, 6, "portion modifier"),
        ];
        foreach (var (file, line, column, label) in texts)
        {
            foreach (var (textLabel, text) in Pick(Controls.Where(c => c.Label is not "nul").Append(("markup", "[bold")).Append(("markup-close", "[/]")).Append(("markup-link", "[link=file:///etc/passwd]x[/]")).ToList(), column * 2, 4))
            {
                var content = ReplaceField(FdcFiles[file], line, column, "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"");
                yield return new HostileCase($"fdc {label} {textLabel} then show, stats and search", "foods show", HostileOutcome.Either, [], f => WriteDownload(f, With(file, content)),
                    f => ["foods", "import", "fdc", f["fdc"]], _ => ["foods", "show", "2000001", "--all"], _ => ["foods", "stats"], _ => ["foods", "search", "hostile"])
                { OwnDataDirectory = true };
            }
        }

        foreach (var file in new[] { "food.csv", "food_nutrient.csv", "nutrient.csv" })
        {
            var good = FdcFiles[file];
            var lines = good.Split('\n');
            var utf8 = new UTF8Encoding(false);
            (string Label, HostileOutcome Expect, byte[] Bytes)[] broken =
            [
                ("truncated row", HostileOutcome.Refused, utf8.GetBytes(good + string.Join(',', lines[1].Split(',').Take(3)) + "\n")),
                ("extra fields", HostileOutcome.Refused, utf8.GetBytes(good + lines[1].Replace("\"2000001\"", "\"2000009\"", StringComparison.Ordinal) + ",\"x\",\"y\"\n")),
                ("unclosed quote", HostileOutcome.Refused, utf8.GetBytes(good + "\"2000003\",\"foundation_food\",\"never closed\n")),
                ("empty", HostileOutcome.Refused, []),
                ("header only", HostileOutcome.Either, utf8.GetBytes(lines[0] + "\n")),
                ("binary junk", HostileOutcome.Refused, Junk(8_192, 17)),
                ("bom", HostileOutcome.Accepted, [0xEF, 0xBB, 0xBF, .. utf8.GetBytes(good)]),
                ("utf16 without bom", HostileOutcome.Refused, Encoding.Unicode.GetBytes(good)),
                ("nul bytes", HostileOutcome.Refused, [.. utf8.GetBytes(lines[0] + "\n"), 0, 0, 0, .. utf8.GetBytes(string.Join('\n', lines[1..]))]),
                ("duplicate header column", HostileOutcome.Refused, utf8.GetBytes(lines[0] + "," + lines[0].Split(',')[1] + "\n" + string.Join('\n', lines[1..].Select(l => l.Length == 0 ? l : l + ",\"1\"")))),
                ("duplicate row", HostileOutcome.Either, utf8.GetBytes(good + lines[1] + "\n")),
                ("missing required column", HostileOutcome.Refused, utf8.GetBytes(string.Join('\n', lines.Select(l => string.Join(',', l.Split(',').Where((_, i) => i != (file == "food_nutrient.csv" ? 1 : 0))))))),
            ];
            foreach (var (label, expect, bytes) in broken)
            {
                yield return new HostileCase($"fdc {file} {label}", "foods import", expect, [file], f => WriteDownload(f, FdcFiles, (file, bytes)), f => ["foods", "import", "fdc", f["fdc"]]) { OwnDataDirectory = true };
            }
        }

        // The download as a zip that lies.
        var others = FdcFiles.Where(p => p.Key != "food_nutrient.csv").Select(p => ($"FoodData_Central/{p.Key}", Encoding.UTF8.GetBytes(p.Value))).ToArray();
        foreach (var (label, expect, bytes, slow) in ZipAttacks("FoodData_Central/food_nutrient.csv", Encoding.UTF8.GetBytes(FdcValues), others))
        {
            var content = bytes;
            yield return new HostileCase($"fdc.zip {label}", "foods import", expect, ["fdc.zip"], f => f.Bytes("fdc.zip", content()), f => ["foods", "import", "fdc", f["fdc.zip"]])
            { OwnDataDirectory = true, Slow = slow };
        }

        yield return new HostileCase("fdc.zip duplicate entries", "foods import", HostileOutcome.Either, ["fdc.zip"],
            f => f.Bytes("fdc.zip", Zip([.. FdcFiles.Select(p => (p.Key, Encoding.UTF8.GetBytes(p.Value), CompressionLevel.Optimal)), ("food_nutrient.csv", Encoding.UTF8.GetBytes(FdcValues.Replace("5.5", "55", StringComparison.Ordinal)), CompressionLevel.Optimal)])),
            f => ["foods", "import", "fdc", f["fdc.zip"]])
        { OwnDataDirectory = true };
        yield return new HostileCase("fdc folder without csv files", "foods import", HostileOutcome.Refused, ["empty"], f => Directory.CreateDirectory(f["empty"]), f => ["foods", "import", "fdc", f["empty"]]) { OwnDataDirectory = true };
        yield return new HostileCase("fdc folder with a symlink loop", "foods import", HostileOutcome.Either, ["fdc"], f =>
        {
            WriteDownload(f, FdcFiles);
            Directory.CreateSymbolicLink(f["fdc/loop"], f["fdc"]);
        }, f => ["foods", "import", "fdc", f["fdc"]])
        { OwnDataDirectory = true };
        yield return new HostileCase("fdc food.csv is a folder", "foods import", HostileOutcome.Refused, ["food.csv"], f =>
        {
            WriteDownload(f, FdcFiles.Where(p => p.Key != "food.csv").ToDictionary());
            Directory.CreateDirectory(f["fdc/food.csv"]);
        }, f => ["foods", "import", "fdc", f["fdc"]])
        { OwnDataDirectory = true };
        yield return new HostileCase("fdc food.csv is a dangling symlink", "foods import", HostileOutcome.Refused, ["food.csv"], f =>
        {
            WriteDownload(f, FdcFiles.Where(p => p.Key != "food.csv").ToDictionary());
            File.CreateSymbolicLink(f["fdc/food.csv"], f["nowhere.csv"]);
        }, f => ["foods", "import", "fdc", f["fdc"]])
        { OwnDataDirectory = true };
        yield return new HostileCase("fdc food.csv is a fifo", "foods import", HostileOutcome.Refused, ["food.csv"], f =>
        {
            WriteDownload(f, FdcFiles.Where(p => p.Key != "food.csv").ToDictionary());
            Fifo(f, "fdc/food.csv");
        }, f => ["foods", "import", "fdc", f["fdc"]])
        { OwnDataDirectory = true };
        yield return new HostileCase("fdc food.csv unreadable", "foods import", HostileOutcome.Refused, ["food.csv"], f =>
        {
            WriteDownload(f, FdcFiles);
            Unreadable(f["fdc/food.csv"]);
        }, f => ["foods", "import", "fdc", f["fdc"]])
        { OwnDataDirectory = true, SkipAsRoot = "permissions do not bite" };
        yield return new HostileCase("fdc food_nutrient.csv 2 MB line", "foods import", HostileOutcome.Refused, ["food_nutrient.csv"],
            f => WriteDownload(f, With("food_nutrient.csv", FdcValues + "\"9000009\",\"2000001\",\"1003\",\"" + new string('9', 2_000_000) + "\"\n")), f => ["foods", "import", "fdc", f["fdc"]])
        { OwnDataDirectory = true, Slow = true };
        yield return new HostileCase("fdc food.csv 100,000 foods with 1e308 values", "foods import", HostileOutcome.Refused, ["food_nutrient.csv"],
            f => WriteDownload(f, new Dictionary<string, string>(FdcFiles)
            {
                ["food.csv"] = FdcFoods + string.Concat(Enumerable.Range(3_000_000, 100_000).Select(i => $"\"{i}\",\"branded_food\",\"Bulk {i}\",\"\",\"2019-04-01\"\n")),
                ["food_nutrient.csv"] = FdcValues + string.Concat(Enumerable.Range(3_000_000, 100_000).Select(i => $"\"{i + 10_000_000}\",\"{i}\",\"1089\",\"1e308\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"\n")),
            }), f => ["foods", "import", "fdc", f["fdc"]])
        { OwnDataDirectory = true, Slow = true };

        foreach (var hostile in Packages().Concat(DataDirectories()))
        {
            yield return hostile;
        }
    }

    /// <summary><c>foods init --package</c> with what is not the package: nothing may be lost from the database.</summary>
    private static IEnumerable<HostileCase> Packages()
    {
        (string Label, Action<HostileFolder> Write)[] packages =
        [
            ("junk", f => f.Bytes("p.tgz", Junk(50_000, 21))),
            ("empty", f => f.Bytes("p.tgz", [])),
            ("folder", f => Directory.CreateDirectory(f["p.tgz"])),
            ("dangling symlink", f => File.CreateSymbolicLink(f["p.tgz"], f["nowhere.tgz"])),
            ("fifo", f => Fifo(f, "p.tgz")),
            ("gzip of junk", f => f.Bytes("p.tgz", Gzip(Junk(50_000, 22)))),
            ("gzip of an empty tar", f => f.Bytes("p.tgz", Gzip(new byte[10_240]))),
            ("truncated real package", f => { var real = File.ReadAllBytes(f.Sr28Tarball); f.Bytes("p.tgz", real[..(real.Length / 2)]); }),
            ("real package with a flipped byte", f => { var real = File.ReadAllBytes(f.Sr28Tarball); real[real.Length / 2] ^= 0xFF; f.Bytes("p.tgz", real); }),
            ("gzip bomb", f => f.Bytes("p.tgz", Gzip(new byte[300_000_000]))),
        ];
        foreach (var (label, write) in packages)
        {
            yield return new HostileCase($"foods init --package {label}", "foods init", HostileOutcome.Refused, ["p.tgz"], write, f => ["foods", "init", "--package", f["p.tgz"]])
            { OwnDataDirectory = true, Slow = label is "gzip bomb" or "real package with a flipped byte" or "truncated real package" };
        }
    }

    /// <summary>Data directories that are not what they should be.</summary>
    private static IEnumerable<HostileCase> DataDirectories()
    {
        (string Label, HostileOutcome Expect, string Names, Action<HostileFolder> Write)[] broken =
        [
            ("a file", HostileOutcome.Refused, "data", f => f.Text("data", "not a folder")),
            ("under a file", HostileOutcome.Refused, "data", f => f.Text("blocker", "x")),
            ("foods.db junk", HostileOutcome.Refused, "foods.db", f => f.Bytes("data/foods.db", Junk(100_000, 31))),
            ("foods.db sqlite header then junk", HostileOutcome.Refused, "foods.db", f => f.Bytes("data/foods.db", [.. "SQLite format 3\0"u8.ToArray(), .. Junk(100_000, 32)])),
            ("foods.db a folder", HostileOutcome.Refused, "foods.db", f => Directory.CreateDirectory(f["data/foods.db"])),
            ("foods.db truncated", HostileOutcome.Either, "foods.db", f => { var real = File.ReadAllBytes(Path.Combine(f.DataDirectory, "foods.db")); f.Bytes("data/foods.db", real[..(real.Length / 3)]); }),
            ("foods.db schema version junk", HostileOutcome.Refused, "foods.db", f => CopyWithSql(f, "UPDATE meta SET value = 'junk' WHERE key = 'schema_version'")),
            ("foods.db schema version too large", HostileOutcome.Refused, "foods.db", f => CopyWithSql(f, "UPDATE meta SET value = '99999999999999999999' WHERE key = 'schema_version'")),
            ("foods.db schema version from the future", HostileOutcome.Refused, "foods.db", f => CopyWithSql(f, "UPDATE meta SET value = '999' WHERE key = 'schema_version'")),
            ("foods.db food with an amount of 1e308", HostileOutcome.Either, "foods.db", f => CopyWithSql(f, "UPDATE food_nutrient SET amount = 1e308 WHERE food_id = 9040")),
            ("foods.db food with an escape in its name", HostileOutcome.Either, "foods.db", f => CopyWithSql(f, "UPDATE food SET description = 'Bananas, ' || char(27) || '[2J' || char(155) || 'raw [bold' WHERE id = 9040")),
            ("foods.db nutrient unit as markup", HostileOutcome.Either, "foods.db", f => CopyWithSql(f, "UPDATE nutrient SET unit = '[bold' WHERE id = 1089")),
        ];
        foreach (var (label, expect, names, write) in broken)
        {
            var dataDir = label == "under a file" ? "blocker/data" : "data";
            foreach (var command in new[] { "stats", "search", "show" })
            {
                string[] words = command switch { "stats" => ["foods", "stats"], "search" => ["foods", "search", "banana"], _ => ["foods", "show", "9040"] };
                yield return new HostileCase($"data dir {label} foods {command}", "foods " + command, expect, [names], write, f => [.. words, "--data-dir", f[dataDir]]);
            }
        }

        yield return new HostileCase("data dir foods.db junk analyze", "analyze", HostileOutcome.Refused, ["foods.db"], f =>
        {
            f.Bytes("data/foods.db", Junk(100_000, 33));
            f.Text("log.csv", FoodLog);
        }, f => ["analyze", f["log.csv"], "--profile", Profile, "--data-dir", f["data"]]);
    }

    private static HostileCase Import(string name, HostileOutcome expect, string[] names, IReadOnlyDictionary<string, string> files) =>
        new(name, "foods import", expect, names, f => WriteDownload(f, files), f => ["foods", "import", "fdc", f["fdc"]]) { OwnDataDirectory = true };

    private static Dictionary<string, string> With(string file, string content) => new(FdcFiles, StringComparer.Ordinal) { [file] = content };

    private static void WriteDownload(HostileFolder folder, IReadOnlyDictionary<string, string> files, (string File, byte[] Bytes)? replaced = null)
    {
        Directory.CreateDirectory(folder["fdc"]);
        foreach (var (file, content) in files)
        {
            if (file != replaced?.File)
            {
                folder.Text($"fdc/{file}", content);
            }
        }

        if (replaced is { } bytes)
        {
            folder.Bytes($"fdc/{bytes.File}", bytes.Bytes);
        }
    }

    private static byte[] Gzip(byte[] data)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return memory.ToArray();
    }

    /// <summary>A copy of the food database in the case's own <c>data</c> folder, changed by <paramref name="sql"/>.</summary>
    private static void CopyWithSql(HostileFolder folder, string sql)
    {
        Directory.CreateDirectory(folder["data"]);
        File.Copy(Path.Combine(folder.DataDirectory, "foods.db"), folder["data/foods.db"]);
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={folder["data/foods.db"]};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Takes every permission away (which does not bite for root: such cases skip there).</summary>
    private static void Unreadable(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.None);
        }
    }

    /// <summary>A named pipe: opening it to read blocks until a writer comes, which must never hang a command.</summary>
    internal static void Fifo(HostileFolder folder, string name)
    {
        var path = folder[name];
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var mkfifo = System.Diagnostics.Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        folder.Specials.Add(name.Replace('/', Path.DirectorySeparatorChar));
    }
}

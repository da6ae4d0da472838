using System.Diagnostics;
using System.Text.RegularExpressions;
using Replete.IntegrationTests.Storage;

namespace Replete.IntegrationTests.Cli;

/// <summary>The hostile-input suite (issue 13): every case of <see cref="HostileCorpus"/> across every command ends in
/// exit 0 or 2 within its time bound, never a stack trace, never a raw control character on either stream, and a
/// refusal is one <c>error:</c> line per problem naming the file (and field), with nothing written. The slow cases
/// (large and endless inputs) carry the <c>Slow</c> category and run in their own bounded step of <c>./test</c>.</summary>
[Collection(Sr28Group.Name)]
public sealed partial class HostileInputSuiteTests(Sr28Database sr28)
{
    private static readonly TimeSpan FastBound = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan SlowBound = TimeSpan.FromSeconds(60);
    private static readonly Lock Building = new();
    private static string? sharedDataDirectory;

    public static TheoryData<string> FastCases => Names(slow: false);

    public static TheoryData<string> SlowCases => Names(slow: true);

    [SkippableTheory]
    [MemberData(nameof(FastCases))]
    public void Case_EndsCleanly(string name) => Check(HostileCorpus.All[name], FastBound);

    [SkippableTheory]
    [Trait("Category", "Slow")]
    [MemberData(nameof(SlowCases))]
    public void SlowCase_EndsCleanly(string name) => Check(HostileCorpus.All[name], SlowBound);

    [Fact]
    public void Corpus_HasAtLeast250Cases_AcrossEveryCommand()
    {
        Assert.True(HostileCorpus.All.Count >= 250, $"{HostileCorpus.All.Count} cases");
        var commands = HostileCorpus.All.Values.Select(c => c.Command).ToHashSet(StringComparer.Ordinal);
        string[] every = ["targets", "adequacy", "sweat-test", "session plan", "training week", "energy-availability", "foods search", "foods show", "foods import", "foods init", "foods stats", "analyze", "assess", "plan"];
        Assert.Empty(every.Except(commands));
    }

    private static TheoryData<string> Names(bool slow)
    {
        var data = new TheoryData<string>();
        foreach (var hostile in HostileCorpus.All.Values.Where(c => c.Slow == slow))
        {
            data.Add(hostile.Name);
        }

        return data;
    }

    private void Check(HostileCase hostile, TimeSpan bound)
    {
        Skip.If(hostile.SkipAsRoot is not null && Environment.UserName == "root", $"Skipped as root, where {hostile.SkipAsRoot}");
        var root = Directory.CreateTempSubdirectory("replete-hostile-case-").FullName;
        try
        {
            var dataDirectory = hostile.OwnDataDirectory ? CopyOfDataDirectory(Path.Combine(root, "data")) : SharedDataDirectory();
            var folder = new HostileFolder(Directory.CreateDirectory(Path.Combine(root, "case")).FullName, dataDirectory, sr28.Tarball);
            hostile.Write(folder);
            for (var i = 0; i < hostile.Runs.Length; i++)
            {
                var last = i == hostile.Runs.Length - 1;
                var args = WithDataDirectory(hostile.Runs[i](folder), dataDirectory);
                var filesBefore = Snapshot(folder);
                var dataBefore = DataSnapshot(dataDirectory, rows: hostile.OwnDataDirectory);
                var result = RunBounded(args, bound, hostile.Name);

                var context = $"{hostile.Name}: replete {string.Join(' ', args.Select(a => a.Length > 80 ? a[..80] + "..." : a))}\nexit {result.ExitCode}\nstderr: {Shorten(result.Error)}\nstdout: {Shorten(result.Output)}";
                Assert.True(result.ExitCode is 0 or 2, context);
                AssertNoStackTrace(result, context);
                AssertNoControlCharacters(result, context);
                var expect = last ? hostile.Expect : HostileOutcome.Either;
                if (expect == HostileOutcome.Refused)
                {
                    Assert.True(result.ExitCode == 2, "expected a refusal. " + context);
                }
                else if (expect == HostileOutcome.Accepted)
                {
                    Assert.True(result.ExitCode == 0, "expected the input to be read. " + context);
                }

                if (result.ExitCode == 2)
                {
                    AssertClearRefusal(result, hostile.Names, context);
                    Assert.True(filesBefore.SetEquals(Snapshot(folder)), "a refused run changed its folder. " + context);
                    Assert.True(dataBefore.SetEquals(DataSnapshot(dataDirectory, rows: hostile.OwnDataDirectory)), "a refused run changed the data directory. " + context);
                    break;
                }
                else
                {
                    var after = Snapshot(folder);
                    var changed = after.Except(filesBefore).Select(f => f.Split('|')[0]).Where(f => !hostile.Outputs.Contains(f, StringComparer.Ordinal));
                    Assert.True(!changed.Any(), $"a run wrote {string.Join(", ", changed)}. " + context);
                }
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            RemoveTree(root);
        }
    }

    private static CliResult RunBounded(string[] args, TimeSpan bound, string name)
    {
        var clock = Stopwatch.StartNew();
        var run = Task.Factory.StartNew(() => CliRunner.Run(args), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        if (!run.Wait(bound))
        {
            // The run is left on its own thread (an in-process command cannot be aborted); the case fails here instead
            // of blocking the suite, and --blame-hang-timeout bounds the step as a whole.
            Assert.Fail($"{name}: did not finish within {bound.TotalSeconds} s (hang or unbounded work)");
        }

        _ = clock;
        return run.Result;
    }

    private static void AssertNoStackTrace(CliResult result, string context)
    {
        foreach (var text in new[] { result.Error, result.Output })
        {
            Assert.False(StackFrame().IsMatch(text), "a stack trace escaped. " + context);
            Assert.DoesNotContain("Unhandled exception", text, StringComparison.Ordinal);
            Assert.False(ExceptionName().IsMatch(text), "an exception type name reached the person. " + context);
        }
    }

    private static void AssertNoControlCharacters(CliResult result, string context)
    {
        foreach (var (stream, text) in new[] { ("stderr", result.Error), ("stdout", result.Output) })
        {
            var bad = text.FirstOrDefault(c => c is not ('\n' or '\t') && (char.IsControl(c) || c is '\u202E' or '\u2066' or '\u2067' or '\u2068'));
            Assert.True(bad == default, $"raw U+{(int)bad:X4} on {stream}. " + context);
        }
    }

    private static void AssertClearRefusal(CliResult result, string[] names, string context)
    {
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var errors = lines.Where(l => l.StartsWith("error: ", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count > 0, "a refusal without an 'error:' line. " + context);
        Assert.True(errors.Count <= 200, $"{errors.Count} error lines. " + context);
        Assert.True(lines.All(l => l.Length <= 2_000), "an error line longer than 2,000 characters (input echoed?). " + context);
        foreach (var name in names)
        {
            Assert.True(errors.Any(l => name.Split('|').Any(n => l.Contains(n, StringComparison.OrdinalIgnoreCase))), $"no error line names '{name}'. " + context);
        }
    }

    private static string[] WithDataDirectory(string[] args, string dataDirectory) =>
        args.Length > 0 && args[0] is "foods" or "analyze" or "assess" or "plan" && !args.Contains("--data-dir") ? [.. args, "--data-dir", dataDirectory] : args;

    private string SharedDataDirectory()
    {
        lock (Building)
        {
            if (sharedDataDirectory is null || !File.Exists(Path.Combine(sharedDataDirectory, "foods.db")))
            {
                _ = sr28.Database;
                var directory = Path.Combine(sr28.Directory, "hostile-data");
                var init = CliRunner.Run("foods", "init", "--package", sr28.Tarball, "--data-dir", directory);
                Assert.True(init.ExitCode == 0, init.Error);
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                sharedDataDirectory = directory;
            }

            return sharedDataDirectory;
        }
    }

    private string CopyOfDataDirectory(string directory)
    {
        var shared = SharedDataDirectory();
        Directory.CreateDirectory(directory);
        File.Copy(Path.Combine(shared, "foods.db"), Path.Combine(directory, "foods.db"));
        return directory;
    }

    /// <summary>Every file under the folder with its length and content hash (inputs are small); special files (a FIFO,
    /// which would block a reader) by name only.</summary>
    private static HashSet<string> Snapshot(HostileFolder folder)
    {
        var files = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Walk(new DirectoryInfo(folder.Path)).Where(f => !IsArtefact(f.Name)))
        {
            var relative = Path.GetRelativePath(folder.Path, file.FullName);
            files.Add($"{relative}|{file.LinkTarget}|{(file as FileInfo)?.Length}|{(file is FileInfo { LinkTarget: null, Length: < 4_000_000 } regular && !folder.Specials.Contains(relative) ? Hash(regular) : "")}");
        }

        return files;
    }

    /// <summary>Every entry below <paramref name="directory"/>, without following links (a case may hold a loop).</summary>
    private static IEnumerable<FileSystemInfo> Walk(DirectoryInfo directory)
    {
        foreach (var entry in directory.EnumerateFileSystemInfos("*", new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = true }))
        {
            yield return entry;
            if (entry is DirectoryInfo { LinkTarget: null } child)
            {
                foreach (var below in Walk(child))
                {
                    yield return below;
                }
            }
        }
    }

    private static string Hash(FileInfo file)
    {
        try
        {
            return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file.FullName)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "unreadable";
        }
    }

    /// <summary>SQLite's write-ahead log and shared memory, and what the catalog derives from the foods and saves beside
    /// them (the search index, the plan's food pool): written by any reader, not data.</summary>
    private static bool IsArtefact(string name) =>
        name.EndsWith("-shm", StringComparison.Ordinal) || name.EndsWith("-wal", StringComparison.Ordinal) || name.EndsWith(".index", StringComparison.Ordinal)
        || name.EndsWith(".plan-pool", StringComparison.Ordinal);

    /// <summary>What the food database holds, by its rows (or, for the shared one, its file's length and time): a
    /// refused command must leave it as it was.</summary>
    private static HashSet<string> DataSnapshot(string dataDirectory, bool rows)
    {
        var database = Path.Combine(dataDirectory, "foods.db");
        var files = Directory.Exists(dataDirectory)
            ? Directory.EnumerateFileSystemEntries(dataDirectory).Select(Path.GetFileName).Where(f => f is not null && !IsArtefact(f)).Select(f => "entry|" + f).ToHashSet(StringComparer.Ordinal)
            : [];
        if (!rows && File.Exists(database))
        {
            files.Add($"file|{new FileInfo(database).Length}|{File.GetLastWriteTimeUtc(database).Ticks}");
        }
        else if (File.Exists(database))
        {
            try
            {
                files.Add(Rows(database));
            }
            catch (Microsoft.Data.Sqlite.SqliteException)
            {
                // Not a database (a case damaged it on purpose): its bytes must stay as they were.
                files.Add("bytes|" + Hash(new FileInfo(database)));
            }
        }

        return files;
    }

    private static string Rows(string database)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM food), (SELECT COUNT(*) FROM food_nutrient), (SELECT COUNT(*) FROM food_portion), (SELECT TOTAL(amount) FROM food_nutrient), (SELECT COUNT(*) FROM nutrient), (SELECT group_concat(description, '|') FROM (SELECT description FROM food ORDER BY id DESC LIMIT 20))";
        using var reader = command.ExecuteReader();
        reader.Read();
        return $"rows|{reader.GetInt64(0)}|{reader.GetInt64(1)}|{reader.GetInt64(2)}|{reader.GetDouble(3)}|{reader.GetInt64(4)}|{(reader.IsDBNull(5) ? "" : reader.GetString(5))}";
    }

    private static void RemoveTree(string root)
    {
        foreach (var entry in Walk(new DirectoryInfo(root)).Where(e => e.LinkTarget is null))
        {
            if (OperatingSystem.IsWindows())
            {
                break;
            }

            try
            {
                File.SetUnixFileMode(entry.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A link or a special file: removed below with its folder.
            }
        }

        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A case's leftover (a FIFO a hung run still holds) must not fail the next case.
        }
    }

    private static string Shorten(string text) => text.Length > 1_500 ? text[..1_500] + $"... ({text.Length} characters)" : text;

    [GeneratedRegex(@"^\s+at \S+\(.*\)", RegexOptions.Multiline)]
    private static partial Regex StackFrame();

    [GeneratedRegex(@"\bSystem\.[A-Za-z.]*Exception\b|\b[A-Z][A-Za-z]+Exception:")]
    private static partial Regex ExceptionName();
}

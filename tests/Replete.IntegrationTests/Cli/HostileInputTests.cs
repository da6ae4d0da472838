using Replete.IntegrationTests.Storage;

namespace Replete.IntegrationTests.Cli;

/// <summary>Hostile input found by an attack on the command line (issue 13): each gets one line naming the file and the
/// problem, exit code 2, and no stack trace; nothing from a file reaches the terminal raw.</summary>
[Collection(Sr28Group.Name)]
public sealed class HostileInputTests(Sr28Database sr28) : CommandTestDirectory(sr28, "replete-hostile-")
{
    private static readonly string Examples = Path.Combine(SharedFiles.RepositoryRoot, "examples");

    private static void AssertCleanRefusal(CliResult result, string mentions)
    {
        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.Error, StringComparison.Ordinal);
        Assert.Contains(mentions, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ADirectoryGivenAsAFile_IsRefused()
    {
        var folder = Directory.CreateDirectory(Path.Combine(TempDirectory, "folder.csv")).FullName;

        AssertCleanRefusal(CliRunner.Run("analyze", folder, "--profile", Path.Combine(Examples, "runner-profile.json"), "--data-dir", DataDir), "folder.csv");
    }

    [Fact]
    public void ADanglingSymlink_IsRefused()
    {
        var link = Path.Combine(TempDirectory, "dangling.json");
        File.CreateSymbolicLink(link, Path.Combine(TempDirectory, "nowhere.json"));

        AssertCleanRefusal(CliRunner.Run("assess", Path.Combine(Examples, "runner-assessment.json"), "--fhir", link, "--data-dir", DataDir), "dangling.json");
        AssertCleanRefusal(CliRunner.Run("analyze", link, "--profile", Path.Combine(Examples, "runner-profile.json"), "--data-dir", DataDir), "dangling.json");
    }

    [Fact] // A link to a folder is a folder, not "a link to a missing file".
    public void ASymlinkToAFolder_IsRefusedAsAFolder()
    {
        var folder = Directory.CreateDirectory(Path.Combine(TempDirectory, "real-folder")).FullName;
        var link = Path.Combine(TempDirectory, "folder-link.json");
        Directory.CreateSymbolicLink(link, folder);

        foreach (var result in new[]
        {
            CliRunner.Run("assess", Path.Combine(Examples, "runner-assessment.json"), "--fhir", link, "--data-dir", DataDir),
            CliRunner.Run("analyze", link, "--profile", Path.Combine(Examples, "runner-profile.json"), "--data-dir", DataDir),
            CliRunner.Run("assess", link),
        })
        {
            AssertCleanRefusal(result, $"folder-link.json: cannot read the file: it is a link to a folder ({folder})");
            Assert.DoesNotContain("missing file", result.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AChartInAMissingFolder_IsRefused()
    {
        var log = Path.Combine(TempDirectory, "day.csv");
        File.WriteAllText(log, "Date,Energy (kcal),Iron (mg)\n2026-11-03,2100,14\n");

        AssertCleanRefusal(CliRunner.Run("analyze", log, "--profile", Path.Combine(Examples, "runner-profile.json"), "--chart", Path.Combine(TempDirectory, "missing", "x.svg"), "--data-dir", DataDir), "missing");
    }

    [Fact]
    public void AHugeDocument_StopsAtTheLimit()
    {
        var file = Path.Combine(TempDirectory, "huge.json");
        File.WriteAllText(file, "[" + new string(' ', 6_000_000) + "]");

        AssertCleanRefusal(CliRunner.Run("assess", file), "longer than");
        AssertCleanRefusal(CliRunner.Run("plan", file, "--data-dir", DataDir), "longer than");
    }

    [SkippableTheory] // A pipe, a device or a /proc file has no length; opening a pipe waits for a writer for ever (issue 13).
    [InlineData("assess", "/dev/zero")]
    [InlineData("analyze", "/dev/urandom")]
    [InlineData("analyze", "fifo")]
    [InlineData("assess", "fifo")]
    [InlineData("plan", "/dev/zero")]
    [InlineData("plan", "fifo")]
    public async Task APipeOrADevice_IsRefusedWithoutBeingOpened(string command, string path)
    {
        if (path == "fifo")
        {
            path = Path.Combine(TempDirectory, "pipe.json");
            using var mkfifo = System.Diagnostics.Process.Start("mkfifo", [path]);
            mkfifo.WaitForExit();
        }

        Skip.IfNot(Path.Exists(path), $"needs {path}");
        var run = Task.Run(() => command is "assess" or "plan"
            ? CliRunner.Run(command, path, "--data-dir", DataDir)
            : CliRunner.Run("analyze", path, "--profile", Path.Combine(Examples, "runner-profile.json"), "--data-dir", DataDir));

        // Named as what it is where the path says so (h50 finding 20), not "the file is empty".
        AssertCleanRefusal(await run.WaitAsync(TimeSpan.FromSeconds(10)), path.StartsWith("/dev/", StringComparison.Ordinal) ? $"{path}: is a device, not a file" : "a named pipe");
    }

    [Theory] // The chart never overwrites an input, writes through a link, or leaves a file behind (issue 13).
    [InlineData("day.svg", "is one of the input files")]
    [InlineData("link.svg", "is a symbolic link")]
    public void AChartOverAnInputOrThroughALink_IsRefused_AndNothingIsWritten(string chart, string mentions)
    {
        var log = Path.Combine(TempDirectory, "day.svg"); // a daily summary, whatever its name says
        File.WriteAllText(log, "Date,Energy (kcal),Iron (mg)\n2026-11-03,2100,14\n");
        File.CreateSymbolicLink(Path.Combine(TempDirectory, "link.svg"), Path.Combine(TempDirectory, "elsewhere.svg"));

        var result = CliRunner.Run("analyze", log, "--profile", Path.Combine(Examples, "runner-profile.json"), "--chart", Path.Combine(TempDirectory, chart), "--data-dir", DataDir);

        AssertCleanRefusal(result, mentions);
        Assert.Equal("Date,Energy (kcal),Iron (mg)\n2026-11-03,2100,14\n", File.ReadAllText(log));
        Assert.False(File.Exists(Path.Combine(TempDirectory, "elsewhere.svg")));
    }

    [Fact] // A linked folder beside the assessment leads outside it as surely as '..' (issue 13).
    public void ADietLogThroughALinkedFolder_LeavingTheAssessmentFolder_IsRefused()
    {
        var folder = Directory.CreateDirectory(Path.Combine(TempDirectory, "person")).FullName;
        File.WriteAllText(Path.Combine(TempDirectory, "secret.csv"), "date,time,meal,food,amount\n2026-11-02,,lunch,banana,1 g\n");
        Directory.CreateSymbolicLink(Path.Combine(folder, "out"), TempDirectory);
        var file = Path.Combine(folder, "a.json");
        File.WriteAllText(file, """{"profile": {"age": 30, "sex": "female"}, "symptoms": ["fatigue"], "diet_log": "out/secret.csv"}""");

        AssertCleanRefusal(CliRunner.Run("assess", file, "--data-dir", DataDir), "leaves the assessment file's folder");
    }

    [Theory]
    [InlineData("{\"age\": 34, \"age\": 35, \"sex\": \"female\"}")]
    [InlineData("{\"age\": 34, \"sex\": \"female\", \"sex\": \"male\"}")]
    public void AProfileKeyGivenTwice_IsAProblem_NotACrash(string profile)
    {
        var file = Path.Combine(TempDirectory, "p.json");
        File.WriteAllText(file, profile);
        var log = Path.Combine(TempDirectory, "day.csv");
        File.WriteAllText(log, "Date,Energy (kcal),Iron (mg)\n2026-11-03,2100,14\n");

        AssertCleanRefusal(CliRunner.Run("analyze", log, "--profile", file, "--data-dir", DataDir), "given twice");
    }

    [Fact]
    public void AVeryLongWord_IsRefusedWithoutEchoingIt()
    {
        var file = Path.Combine(TempDirectory, "long.json");
        File.WriteAllText(file, $$"""{"profile": {"age": 30, "sex": "female"}, "symptoms": ["{{new string('a', 100_000)}}"]}""");

        var result = CliRunner.Run("assess", file);

        AssertCleanRefusal(result, "at most 200");
        Assert.True(result.Error.Length < 2_000, $"{result.Error.Length} characters of error");
    }

    [Fact]
    public void ACarriageReturnOrBidiOverride_IsShown_NotObeyed()
    {
        var file = Path.Combine(TempDirectory, "cr.json");
        File.WriteAllText(file, "{\"profile\": {\"age\": 30, \"sex\": \"female\"}, \"symptoms\": [\"fatigue\\rOK: no problems found\", \"x\\u202Ey\"]}");

        var result = CliRunner.Run("assess", file);

        AssertCleanRefusal(result, "\\u000D");
        Assert.Contains("\\u202E", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', result.Error);
        Assert.DoesNotContain('\u202E', result.Error);
    }

    [SkippableFact]
    public void ACorruptFoodDatabase_IsNamed_WithHowToRebuildIt()
    {
        _ = Sr28.Database;
        Assert.Equal(0, CliRunner.Run("foods", "init", "--package", Sr28.Tarball, "--data-dir", DataDir).ExitCode);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var db = Path.Combine(DataDir, "foods.db");
        using (var stream = File.OpenWrite(db))
        {
            stream.Position = Math.Min(2_000_000, stream.Length / 2);
            stream.Write(Enumerable.Repeat((byte)0xde, 100_000).ToArray());
        }

        var result = CliRunner.Run("foods", "stats", "--data-dir", DataDir);

        // Either the damage is found (exit 2, how to rebuild) or the damaged pages are not read (exit 0): never a crash.
        Assert.True(result.ExitCode is 0 or 2, result.Error);
        Assert.DoesNotContain("Unhandled exception", result.Error, StringComparison.Ordinal);
        if (result.ExitCode == 2)
        {
            Assert.Contains("foods init", result.Error, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public void AnEscapeSequenceInASearch_IsDropped_NotSentToTheTerminal()
    {
        _ = Sr28.Database;
        Assert.Equal(0, CliRunner.Run("foods", "init", "--package", Sr28.Tarball, "--data-dir", DataDir).ExitCode);

        var result = CliRunner.Run("foods", "search", "\u001b]0;pwned\u0007banana", "--data-dir", DataDir);

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain('\u001b', result.Output);
        Assert.DoesNotContain('\u0007', result.Output);
        Assert.DoesNotContain("pwned", result.Output, StringComparison.Ordinal);
        Assert.Contains("Foods matching \"banana\"", result.Output, StringComparison.Ordinal);
    }

    /// <summary>Tester h83: a FoodData Central folder whose food_portion.csv was a link to /etc/passwd was read, and the
    /// header error printed its first line ("found: root:x:0:0..."). A link inside the folder, to a file or to a folder,
    /// is refused without being opened.</summary>
    [Theory]
    [InlineData("food.csv", false)]
    [InlineData("food_portion.csv", false)]
    [InlineData("sub", true)]
    public void AFoodDataCentralFileThatIsALink_IsRefused_WithoutBeingRead(string link, bool folder)
    {
        var outside = Directory.CreateDirectory(Path.Combine(TempDirectory, "outside")).FullName;
        var secret = Path.Combine(outside, folder ? "food_portion.csv" : "secret.txt");
        File.WriteAllText(secret, "root:x:0:0:secret-first-line\n");
        var download = Directory.CreateDirectory(Path.Combine(TempDirectory, "fdc")).FullName;
        File.WriteAllText(Path.Combine(download, "nutrient.csv"), "\"id\",\"name\",\"unit_name\",\"nutrient_nbr\"\n\"1003\",\"Protein\",\"G\",\"203\"\n");
        File.WriteAllText(Path.Combine(download, "food_nutrient.csv"), "\"id\",\"fdc_id\",\"nutrient_id\",\"amount\"\n\"1\",\"2000001\",\"1003\",\"5\"\n");
        if (link != "food.csv")
        {
            File.WriteAllText(Path.Combine(download, "food.csv"), "\"fdc_id\",\"data_type\",\"description\"\n\"2000001\",\"foundation_food\",\"Test food\"\n");
        }

        if (folder)
        {
            Directory.CreateSymbolicLink(Path.Combine(download, link), outside);
        }
        else
        {
            File.CreateSymbolicLink(Path.Combine(download, link), secret);
        }

        var result = CliRunner.Run("foods", "import", "fdc", download, "--data-dir", DataDir);

        AssertCleanRefusal(result, $"{Path.Combine(download, link)}:0: is a symbolic link");
        Assert.DoesNotContain("root:x", result.Error + result.Output, StringComparison.Ordinal);
    }

    /// <summary>Tester h83: characters that show nothing (zero-width space, joiners, word joiner, byte order mark,
    /// Mongolian vowel separator, soft hyphen) and the Arabic letter mark reached the terminal raw in analyze's notes, so
    /// "zzqq\u200Bfood" read as another name. They are shown as \uXXXX, as control and direction characters are.</summary>
    [SkippableFact]
    public void InvisibleCharactersInAFoodName_AreShown_NotPassedToTheTerminal()
    {
        _ = Sr28.Database;
        Assert.Equal(0, CliRunner.Run("foods", "init", "--package", Sr28.Tarball, "--data-dir", DataDir).ExitCode);
        var log = Path.Combine(TempDirectory, "log.csv");
        File.WriteAllText(log, $"date,time,meal,food,amount\n2026-11-02,,lunch,banana,120 g\n2026-11-02,,lunch,zzqq{Invisible}food,1 g\n");

        var result = CliRunner.Run("analyze", log, "--profile", Path.Combine(Examples, "runner-profile.json"), "--data-dir", DataDir);

        AssertShownNotPassed(result);
    }

    /// <summary>The same characters in a FHIR Observation's code.text reached the terminal raw in assess --fhir's notes.</summary>
    [Fact]
    public void InvisibleCharactersInAFhirCodeText_AreShown_NotPassedToTheTerminal()
    {
        var observation = Path.Combine(TempDirectory, "lab.json");
        File.WriteAllText(observation, $$$"""
            {"resourceType": "Observation", "status": "final", "code": {"coding": [{"system": "http://loinc.org", "code": "9999-9"}], "text": "X{{{Invisible}}}Y"},
             "effectiveDateTime": "2026-10-05", "valueQuantity": {"value": 5.4, "unit": "mmol/L", "system": "http://unitsofmeasure.org", "code": "mmol/L"}}
            """);

        var result = CliRunner.Run("assess", Path.Combine(Examples, "runner-assessment.json"), "--fhir", observation, "--data-dir", DataDir);

        AssertShownNotPassed(result);
    }

    private const string Invisible = "\u200B\u200C\u200D\u2060\uFEFF\u180E\u00AD\u061C";

    private static void AssertShownNotPassed(CliResult result)
    {
        Assert.True(result.ExitCode is 0 or 2, result.Error);
        foreach (var c in Invisible)
        {
            Assert.DoesNotContain(c, result.Output + result.Error);
            Assert.Contains(FormattableString.Invariant($"\\u{(int)c:X4}"), result.Output + result.Error, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public void ALogWhoseEveryEntryIsUnusable_SaysWhich_AndWhy()
    {
        _ = Sr28.Database;
        Assert.Equal(0, CliRunner.Run("foods", "init", "--package", Sr28.Tarball, "--data-dir", DataDir).ExitCode);
        var log = Path.Combine(TempDirectory, "log.csv");
        File.WriteAllText(log, "date,time,meal,food,amount\n2026-11-02,,lunch,zzqqxxyy,1 g\n");

        var result = CliRunner.Run("analyze", log, "--profile", Path.Combine(Examples, "runner-profile.json"), "--data-dir", DataDir);

        AssertCleanRefusal(result, "no entry could be counted");
        Assert.Contains("log.csv:2", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AnImpossibleValueInAProfile_NamesTheProfile()
    {
        var file = Path.Combine(TempDirectory, "athlete.json");
        File.WriteAllText(file, """{"age": 30, "sex": "male", "body_mass_kg": 1e308}""");

        var result = CliRunner.Run("session", "plan", "--sport", "running", "--minutes", "60", "--profile", file);

        AssertCleanRefusal(result, "athlete.json");
    }
}

namespace Replete.IntegrationTests.Cli;

public static partial class HostileCorpus
{
    private const string ShortLog = "date,time,meal,food,amount\n2026-11-02,07:00,breakfast,banana,118 g\n";

    /// <summary>Paths that are not what they seem: inside an assessment file (they must stay in its folder), and on the
    /// command line of every command that reads a file (folders, dangling links, named pipes, devices, unreadable
    /// files, and outputs that would overwrite an input).</summary>
    private static IEnumerable<HostileCase> Paths()
    {
        (string Label, string Path, Action<HostileFolder> Write)[] outside =
        [
            ("parent", "../outside.csv", f => File.WriteAllText(System.IO.Path.Combine(f.Path, "..", "outside.csv"), ShortLog)),
            ("etc passwd", "/etc/passwd", Nothing),
            ("etc shadow", "../../../../../../../../etc/shadow", Nothing),
            ("down and up", "sub/../../outside.csv", f => { Directory.CreateDirectory(f["sub"]); File.WriteAllText(System.IO.Path.Combine(f.Path, "..", "outside.csv"), ShortLog); }),
            ("symlink outside", "link.csv", f => { File.WriteAllText(System.IO.Path.Combine(f.Path, "..", "outside.csv"), ShortLog); File.CreateSymbolicLink(f["link.csv"], System.IO.Path.Combine(f.Path, "..", "outside.csv")); }),
            ("symlink to etc passwd", "link.csv", f => File.CreateSymbolicLink(f["link.csv"], "/etc/passwd")),
            ("folder symlinked outside", "out/outside.csv", f => { File.WriteAllText(System.IO.Path.Combine(f.Path, "..", "outside.csv"), ShortLog); Directory.CreateSymbolicLink(f["out"], System.IO.Path.Combine(f.Path, "..")); }),
            ("home", "~/outside.csv", Nothing),
            ("file url", "file:///etc/passwd", Nothing),
            ("windows absolute", "C:\\Windows\\win.ini", Nothing),
            ("windows parent", "..\\..\\outside.csv", Nothing),
            ("proc", "/proc/self/environ", Nothing),
        ];
        foreach (var (label, path, write) in outside)
        {
            yield return AssessmentWith($"assess diet_log {label}", HostileOutcome.Refused, ["assessment.json", "diet_log"], $"\"diet_log\": {JsonString(path)}", write);
            yield return AssessmentWith($"assess supplements {label}", HostileOutcome.Refused, ["assessment.json", "supplements"], $"\"diet_log\": \"log.csv\", \"supplements\": {JsonString(path.Replace(".csv", ".json", StringComparison.Ordinal))}", f =>
            {
                write(f);
                f.Text("log.csv", ShortLog);
                if (File.Exists(System.IO.Path.Combine(f.Path, "..", "outside.csv")))
                {
                    File.WriteAllText(System.IO.Path.Combine(f.Path, "..", "outside.json"), "{\"supplements\": []}");
                }
            });
        }

        (string Label, string Value, HostileOutcome Expect, Action<HostileFolder> Write)[] odd =
        [
            ("empty", "\"\"", HostileOutcome.Refused, Nothing),
            ("spaces", "\"   \"", HostileOutcome.Refused, Nothing),
            ("nul", "\"log\\u0000.csv\"", HostileOutcome.Refused, Nothing),
            ("escape", "\"\\u001b]0;x\\u0007.csv\"", HostileOutcome.Refused, Nothing),
            ("5,000 characters", JsonString(new string('a', 5_000) + ".csv"), HostileOutcome.Refused, Nothing),
            ("itself", "\"assessment.json\"", HostileOutcome.Refused, Nothing),
            ("a folder", "\"logs\"", HostileOutcome.Refused, f => Directory.CreateDirectory(f["logs"])),
            ("dangling symlink", "\"gone.csv\"", HostileOutcome.Refused, f => File.CreateSymbolicLink(f["gone.csv"], f["nowhere.csv"])),
            ("symlink loop", "\"a.csv\"", HostileOutcome.Refused, f => { File.CreateSymbolicLink(f["a.csv"], f["b.csv"]); File.CreateSymbolicLink(f["b.csv"], f["a.csv"]); }),
            ("fifo", "\"pipe.csv\"", HostileOutcome.Refused, f => Fifo(f, "pipe.csv")),
            ("missing", "\"missing.csv\"", HostileOutcome.Refused, Nothing),
            ("the same log twice", "[\"log.csv\", \"log.csv\"]", HostileOutcome.Refused, f => f.Text("log.csv", ShortLog)),
            ("the same log by two names", "[\"log.csv\", \"./log.csv\"]", HostileOutcome.Refused, f => f.Text("log.csv", ShortLog)),
            ("10,000 names", "[" + string.Join(", ", Enumerable.Repeat("\"log.csv\"", 10_000)) + "]", HostileOutcome.Refused, f => f.Text("log.csv", ShortLog)),
            ("a number", "5", HostileOutcome.Refused, Nothing),
            ("an object", "{\"path\": \"log.csv\"}", HostileOutcome.Refused, Nothing),
            ("a list of lists", "[[\"log.csv\"]]", HostileOutcome.Refused, Nothing),
            ("inside a linked folder", "\"log.csv\"", HostileOutcome.Accepted, f => f.Text("log.csv", ShortLog)),
            ("unreadable", "\"locked.csv\"", HostileOutcome.Refused, f => { f.Text("locked.csv", ShortLog); Unreadable(f["locked.csv"]); }),
        ];
        foreach (var (label, value, expect, write) in odd)
        {
            var hostile = AssessmentWith($"assess diet_log {label}", expect, ["assessment.json|log|csv"], $"\"diet_log\": {value}", write);
            yield return label switch
            {
                "unreadable" => hostile with { SkipAsRoot = "permissions do not bite" },
                "inside a linked folder" => hostile with
                {
                    Write = f =>
                    {
                        write(f);
                        f.Text("assessment.json", AssessmentFile("\"diet_log\": \"log.csv\""));
                        Directory.CreateSymbolicLink(f["linked"], f.Path);
                    },
                    Runs = [f => ["assess", f["linked/assessment.json"]]],
                },
                _ => hostile,
            };
        }

        // Paths on the command line, for every command that reads a file.
        (string Command, string File, Func<HostileFolder, string, string[]> Run)[] readers =
        [
            ("analyze", "log.csv", (f, p) => ["analyze", p, "--profile", Profile]),
            ("analyze", "profile.json", (f, p) => ["analyze", f["day.csv"], "--profile", p]),
            ("analyze", "supplements.json", (f, p) => ["analyze", f["day.csv"], "--profile", Profile, "--supplements", p]),
            ("assess", "assessment.json", (f, p) => ["assess", p]),
            ("assess", "labs.json", (f, p) => ["assess", System.IO.Path.Combine(Examples, "runner-assessment.json"), "--fhir", p]),
            ("training week", "week.json", (f, p) => ["training", "week", p]),
            ("session plan", "athlete.json", (f, p) => ["session", "plan", "--sport", "running", "--minutes", "60", "--profile", p]),
            ("foods import", "fdc", (f, p) => ["foods", "import", "fdc", p]),
        ];
        (string Label, bool Slow, string? Root, Func<HostileFolder, string, string> Make)[] kinds =
        [
            ("a folder", false, null, (f, name) => Directory.CreateDirectory(f[name + ".d"]).FullName),
            ("missing", false, null, (f, name) => f["missing-" + name]),
            ("dangling symlink", false, null, (f, name) => { File.CreateSymbolicLink(f["dangling-" + name], f["nowhere"]); return f["dangling-" + name]; }),
            ("symlink loop", false, null, (f, name) => { File.CreateSymbolicLink(f["loop-a"], f["loop-b"]); File.CreateSymbolicLink(f["loop-b"], f["loop-a"]); return f["loop-a"]; }),
            ("fifo", false, null, (f, name) => { Fifo(f, "fifo-" + name); return f["fifo-" + name]; }),
            ("dev null", false, null, (_, _) => "/dev/null"),
            ("dev zero", false, null, (_, _) => "/dev/zero"),
            ("dev urandom", false, null, (_, _) => "/dev/urandom"),
            ("unreadable", false, "permissions do not bite", (f, name) => { f.Text("locked-" + name, "{}"); Unreadable(f["locked-" + name]); return f["locked-" + name]; }),
            ("a path with an escape", false, null, (f, name) => f["\u001b]0;pwned\u0007" + name]),
            ("a path with a newline", false, null, (f, name) => f["a\nerror: fake " + name]),
            ("a 5,000-character path", false, null, (f, name) => f[string.Join('/', Enumerable.Repeat(new string('d', 200), 25)) + name]),
        ];
        foreach (var (command, file, run) in readers)
        {
            // Every reader gets the kinds that could hang or crash it; the rest rotate over the readers.
            var always = kinds.Where(k => k.Label is "fifo" or "dev zero" or "a folder" or "dangling symlink").ToList();
            var rotating = kinds.Except(always).ToList();
            foreach (var (label, slow, root, make) in always.Concat(Pick(rotating, Array.FindIndex(readers, r => r.File == file) * 3, 4)))
            {
                if (file == "fdc" && label is "dev zero" or "dev urandom")
                {
                    continue; // a device is no zip and no folder: refused before it is read, covered by 'dev null'
                }

                yield return new HostileCase($"{command} {file} is {label}", command, HostileOutcome.Refused, [],
                    f => f.Text("day.csv", DailySummary), f => run(f, make(f, file)))
                {
                    Slow = slow,
                    SkipAsRoot = root,
                    OwnDataDirectory = command == "foods import",
                };
            }
        }

        // Outputs: the chart must never overwrite an input, write through a pipe, or leave half a file.
        (string Label, HostileOutcome Expect, Func<HostileFolder, string> Chart)[] charts =
        [
            ("a folder", HostileOutcome.Refused, f => Directory.CreateDirectory(f["chart.svg"]).FullName),
            ("in a missing folder", HostileOutcome.Refused, f => f["missing/chart.svg"]),
            ("the log itself", HostileOutcome.Refused, f => f["day.csv"]),
            ("the profile", HostileOutcome.Refused, f => { File.Copy(Profile, f["profile.json"]); return f["profile.json"]; }),
            ("a fifo", HostileOutcome.Refused, f => { Fifo(f, "chart.svg"); return f["chart.svg"]; }),
            ("dev full", HostileOutcome.Refused, _ => "/dev/full"),
            ("a dangling symlink", HostileOutcome.Refused, f => { File.CreateSymbolicLink(f["chart.svg"], f["elsewhere.svg"]); return f["chart.svg"]; }),
            ("an escape in its name", HostileOutcome.Either, f => f["\u001b[2Jchart.svg"]),
            ("a good path", HostileOutcome.Accepted, f => f["chart.svg"]),
        ];
        foreach (var (label, expect, chart) in charts)
        {
            yield return new HostileCase($"analyze --chart {label}", "analyze", expect, ["chart|svg|day.csv|profile.json|full"], f => f.Text("day.csv", DailySummary),
                f => ["analyze", f["day.csv"], "--profile", File.Exists(f["profile.json"]) ? f["profile.json"] : Profile, "--chart", chart(f)])
            { Outputs = ["chart.svg", "chart.svg.txt", "\u001b[2Jchart.svg", "\u001b[2Jchart.svg.txt"] };
        }

        yield return new HostileCase("analyze the same log twice", "analyze", HostileOutcome.Refused, ["day.csv"], f => f.Text("day.csv", DailySummary), f => ["analyze", f["day.csv"], f["day.csv"], "--profile", Profile]);
        yield return new HostileCase("analyze the same log through a link", "analyze", HostileOutcome.Refused, ["day.csv|again.csv"], f =>
        {
            f.Text("day.csv", DailySummary);
            File.CreateSymbolicLink(f["again.csv"], f["day.csv"]);
        }, f => ["analyze", f["day.csv"], f["again.csv"], "--profile", Profile]);
        yield return new HostileCase("assess a dash for stdin", "assess", HostileOutcome.Refused, [], Nothing, _ => ["assess", "-"]);
        yield return new HostileCase("assess --interactive without a terminal", "assess", HostileOutcome.Refused, [], Nothing, _ => ["assess", "--interactive"]);
        yield return new HostileCase("assess --interactive with a file", "assess", HostileOutcome.Refused, [], Nothing, _ => ["assess", System.IO.Path.Combine(Examples, "runner-assessment.json"), "--interactive"]);
        yield return new HostileCase("analyze --interactive without a terminal", "analyze", HostileOutcome.Either, [], f => f.Text("log.csv", ShortLog), f => ["analyze", f["log.csv"], "--profile", Profile, "--interactive"]);
        yield return new HostileCase("analyze --from after --to", "analyze", HostileOutcome.Refused, [], f => f.Text("day.csv", DailySummary), f => ["analyze", f["day.csv"], "--profile", Profile, "--from", "2026-12-01", "--to", "2026-01-01"]);
        yield return new HostileCase("analyze --from year 0", "analyze", HostileOutcome.Refused, [], f => f.Text("day.csv", DailySummary), f => ["analyze", f["day.csv"], "--profile", Profile, "--from", "0000-01-01"]);
        yield return new HostileCase("analyze --to 9999-12-31", "analyze", HostileOutcome.Either, [], f => f.Text("day.csv", DailySummary), f => ["analyze", f["day.csv"], "--profile", Profile, "--to", "9999-12-31"]);
    }

    private static HostileCase AssessmentWith(string name, HostileOutcome expect, string[] names, string member, Action<HostileFolder> write) =>
        new(name, "assess", expect, names, f =>
        {
            write(f);
            f.Text("assessment.json", AssessmentFile(member));
        }, f => ["assess", f["assessment.json"]]);

    private static string AssessmentFile(string member) => $$"""{"profile": {"age": 27, "sex": "female"}, "symptoms": ["fatigue"], {{member}}}""";
}

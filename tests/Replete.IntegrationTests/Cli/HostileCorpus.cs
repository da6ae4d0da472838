using System.Text;

namespace Replete.IntegrationTests.Cli;

/// <summary>The generated hostile-input corpus (issue 13): numbers that are not finite or not plausible in every option
/// and every kind of file, broken structure, encodings, control characters and terminal escapes in every text field,
/// paths that leave their folder or are not files, and zips that lie. Split by where the input enters.</summary>
public static partial class HostileCorpus
{
    public const string Esc = "\u001b[31mred\u001b[0m";

    // Lazy: the case lists below (in several files) are initialised before the first case is built.
    private static readonly Lazy<Dictionary<string, HostileCase>> Cases = new(Build);

    /// <summary>Every case by name.</summary>
    public static IReadOnlyDictionary<string, HostileCase> All => Cases.Value;

    /// <summary>Numbers no option may take: each is refused.</summary>
    private static readonly string[] ImpossibleOptionNumbers = ["NaN", "Infinity", "-Infinity", "1e308", "-1e308", "1e400"];

    /// <summary>Numbers an option may or may not take, but must never crash on.</summary>
    private static readonly string[] OddOptionNumbers = ["-1", "4.9e-324", "0x10", "", "99999999999999999999999"];

    /// <summary>Numbers with a comma, which the invariant culture read as a thousands separator ("1,5" as 15, where a
    /// decimal comma meant 1.5): every numeric option refuses them, naming the option.</summary>
    private static readonly string[] CommaOptionNumbers = ["1,5", "75,5", "1,500"];

    /// <summary>Raw JSON values where a number belongs; every one is refused. The bool says whether the document is
    /// still valid JSON, so the error can name the field.</summary>
    private static readonly (string Label, string Raw, bool ValidJson)[] JsonNumbers =
    [
        ("NaN", "NaN", false), ("Infinity", "Infinity", false), ("1e309", "1e309", true), ("-1e309", "-1e309", true),
        ("1e308", "1e308", true), ("-1e308", "-1e308", true), ("string-NaN", "\"NaN\"", true), ("30-digits", "123456789012345678901234567890", true),
        ("array", "[]", true), ("string-12", "\"12\"", true),
    ];

    /// <summary>YAML scalars where a number belongs; every one is refused.</summary>
    private static readonly (string Label, string Raw)[] YamlNumbers =
    [
        ("nan", ".nan"), ("inf", ".inf"), ("minus-inf", "-.inf"), ("1e309", "1e309"), ("1e308", "1e308"), ("hex-huge", "0x7FFFFFFFFFFFFFFFFFFF"),
        ("NaN-word", "NaN"), ("sequence", "[]"), ("mapping", "{}"), ("quoted", "'12'"),
    ];

    /// <summary>Text that must never reach the terminal raw: CSI and OSC escapes, a carriage return, NUL, a C1 control,
    /// a bidi override.</summary>
    private static readonly (string Label, string Text)[] Controls =
    [
        ("csi", Esc), ("osc-title", "\u001b]0;pwned\u0007x"), ("carriage-return", "fatigue\rOK: nothing found"), ("nul", "a\u0000b"),
        ("c1-csi", "\u009b31mx"), ("bidi", "x\u202Eevil"),
    ];

    private static Dictionary<string, HostileCase> Build()
    {
        var cases = new Dictionary<string, HostileCase>(StringComparer.Ordinal);
        foreach (var hostile in Options().Concat(Documents()).Concat(DietFiles()).Concat(Zips()).Concat(Foods()).Concat(Fhir()).Concat(Paths()))
        {
            cases.Add(hostile.Name, hostile);
            if (ForPlan(hostile) is { } plan)
            {
                cases.Add(plan.Name, plan);
            }
        }

        // The diet-file and zip cases name their file in a run that only builds a path, so it may be asked for it.
        foreach (var hostile in DietFiles().Concat(Zips()))
        {
            if (DietLogForPlan(hostile) is { } plan)
            {
                cases.Add(plan.Name, plan);
            }
        }

        return cases;
    }

    /// <summary>A hostile diet file of <c>analyze</c> as the <c>diet_log</c> of an assessment given to <c>replete plan</c>:
    /// the plan reads it through the same import, so it must end the same way (what analyze refuses, plan refuses naming
    /// the diet file).</summary>
    /// <remarks>Only for cases whose run builds a path and touches nothing (it is called on a folder that does not exist).</remarks>
    private static HostileCase? DietLogForPlan(HostileCase hostile)
    {
        const string Probe = "/hostile-probe-never-written";
        if (hostile.Command != "analyze" || hostile.Runs.Length != 1
            || hostile.Runs[0](new HostileFolder(Probe, "", "")) is not ["analyze", var log, "--profile", var profile]
            || profile != Profile || !log.StartsWith(Probe + "/", StringComparison.Ordinal))
        {
            return null;
        }

        var name = log[(Probe.Length + 1)..];
        return hostile with
        {
            Name = "plan: diet_log " + hostile.Name,
            Command = "plan",
            Names = hostile.Expect == HostileOutcome.Either ? [.. hostile.Names.Select(n => n + "|assessment")] : hostile.Names,
            Write = folder =>
            {
                hostile.Write(folder);
                folder.Text("assessment.json", AssessmentFile($"\"diet_log\": {JsonString(name)}"));
            },
            Runs = [folder => ["plan", folder["assessment.json"]]],
        };
    }

    /// <summary>The same attack on <c>replete plan FILE</c>, which reads an assessment file (its diet log, supplements,
    /// training week and <c>--fhir</c> files) as <c>assess</c> does: every assess case but the questionnaire's. What
    /// assess refuses, plan refuses; what assess reads, plan reads or refuses naming the assessment file (a plan also
    /// needs a <c>diet_log</c>), and where assess may refuse, plan's refusal names the same file or the assessment.</summary>
    private static HostileCase? ForPlan(HostileCase hostile)
    {
        if (hostile.Command != "assess" || hostile.Name.Contains("--interactive", StringComparison.Ordinal))
        {
            return null;
        }

        return hostile with
        {
            Name = "plan: " + hostile.Name,
            Command = "plan",
            Expect = hostile.Expect == HostileOutcome.Refused ? HostileOutcome.Refused : HostileOutcome.Either,
            Names = hostile.Expect switch
            {
                HostileOutcome.Refused => hostile.Names,
                _ when hostile.Names.Length == 0 => ["assessment"],
                _ => [.. hostile.Names.Select(name => name + "|assessment")],
            },
            Runs = [.. hostile.Runs.Select(run => (Func<HostileFolder, string[]>)(folder => run(folder) is ["assess", .. var rest] ? ["plan", .. rest] : run(folder)))],
        };
    }

    private static readonly string Examples = Path.Combine(SharedFiles.RepositoryRoot, "examples");

    internal static string Profile => Path.Combine(Examples, "runner-profile.json");

    /// <summary>A Cronometer daily summary: a diet file that needs no food database.</summary>
    internal const string DailySummary = "Date,Energy (kcal),Iron (mg),Magnesium (mg),Sodium (mg),Vitamin D (IU),Completed\n2026-11-02,2100,14,320,2300,200,true\n2026-11-03,2300,12,300,2500,150,true\n";

    private static void Nothing(HostileFolder folder)
    {
    }

    /// <summary><paramref name="template"/> with each <c>{{key}}</c> filled from <paramref name="defaults"/>, except
    /// <paramref name="key"/>, which gets <paramref name="raw"/>.</summary>
    private static string Fill(string template, IReadOnlyDictionary<string, string> defaults, string? key = null, string? raw = null)
    {
        var text = template;
        foreach (var (name, value) in defaults)
        {
            text = text.Replace("{{" + name + "}}", name == key ? raw : value, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>A JSON string literal of <paramref name="text"/>, control characters escaped as JSON requires.</summary>
    private static string JsonString(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    private static string Label(string text) => new(text.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());

    /// <summary>The structural attacks on any document: the same for every JSON reader.</summary>
    private static IEnumerable<(string Label, HostileOutcome Expect, Func<string, byte[]> Bytes)> Structure()
    {
        var utf8 = new UTF8Encoding(false);
        yield return ("empty", HostileOutcome.Refused, _ => []);
        yield return ("whitespace", HostileOutcome.Refused, _ => utf8.GetBytes("  \n\t \n"));
        yield return ("null", HostileOutcome.Refused, _ => utf8.GetBytes("null"));
        yield return ("top-level-array", HostileOutcome.Refused, _ => utf8.GetBytes("[1, 2]"));
        yield return ("top-level-number", HostileOutcome.Refused, _ => utf8.GetBytes("1e308"));
        yield return ("truncated", HostileOutcome.Refused, good => utf8.GetBytes(good[..(good.Length / 2)]));
        yield return ("trailing-document", HostileOutcome.Refused, good => utf8.GetBytes(good + "\n{\"x\": 1}"));
        yield return ("comments-and-trailing-comma", HostileOutcome.Either, good => utf8.GetBytes("// note\n" + good.TrimEnd()[..^1] + ",}"));
        yield return ("bom", HostileOutcome.Accepted, good => [0xEF, 0xBB, 0xBF, .. utf8.GetBytes(good)]);
        yield return ("utf16-with-bom", HostileOutcome.Either, good => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(good)]);
        yield return ("utf16-without-bom", HostileOutcome.Refused, good => Encoding.Unicode.GetBytes(good));
        yield return ("utf16be-without-bom", HostileOutcome.Refused, good => Encoding.BigEndianUnicode.GetBytes(good));
        yield return ("binary-junk", HostileOutcome.Refused, _ => Junk(4_096, 13));
        yield return ("nul-bytes", HostileOutcome.Refused, good => [.. utf8.GetBytes(good[..(good.Length / 2)]), 0, 0, 0, .. utf8.GetBytes(good[(good.Length / 2)..])]);
        yield return ("raw-escape-in-string", HostileOutcome.Refused, good => utf8.GetBytes(good[..(good.IndexOf(": \"", StringComparison.Ordinal) + 3)] + "\u001b[2J" + good[(good.IndexOf(": \"", StringComparison.Ordinal) + 3)..]));
        yield return ("deep-nesting", HostileOutcome.Refused, _ => utf8.GetBytes(new string('[', 100_000) + new string(']', 100_000)));
        yield return ("deep-object-nesting", HostileOutcome.Refused, _ => utf8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 5_000)) + "1" + new string('}', 5_000)));
        yield return ("duplicate-top-key", HostileOutcome.Refused, good => utf8.GetBytes(DuplicateFirstKey(good)));
    }

    /// <summary>Strings that are valid JSON but no text, and a file saved in another encoding: each crashed (the parser
    /// checks neither; a string is decoded only when a reader asks for it) and is refused naming the file.</summary>
    private static IEnumerable<(string Label, Func<string, byte[]> Bytes)> NotText()
    {
        var utf8 = new UTF8Encoding(false);
        static int FirstString(string good) => good.IndexOf(": \"", StringComparison.Ordinal) + 3;
        yield return ("lone-surrogate-in-string", good => utf8.GetBytes(good[..FirstString(good)] + "\\ud800" + good[FirstString(good)..]));
        yield return ("lone-surrogate-in-key", good => utf8.GetBytes(good[..(good.IndexOf('"', StringComparison.Ordinal) + 1)] + "\\udc00" + good[(good.IndexOf('"', StringComparison.Ordinal) + 1)..]));
        yield return ("latin1", good => Encoding.Latin1.GetBytes(good[..FirstString(good)] + "crème brûlée " + good[FirstString(good)..]));
    }

    /// <summary>The document with its first member given twice (a later value silently winning would be a lie).</summary>
    private static string DuplicateFirstKey(string json)
    {
        var open = json.IndexOf('{', StringComparison.Ordinal);
        var colon = json.IndexOf(':', open);
        var key = json[(open + 1)..colon].Trim();
        return json[..(open + 1)] + $" {key}: null," + json[(open + 1)..];
    }

    /// <summary><paramref name="count"/> of <paramref name="values"/>, starting at <paramref name="seed"/> and wrapping:
    /// each field gets a few of the values, and across the fields every value is used.</summary>
    private static IEnumerable<T> Pick<T>(IReadOnlyList<T> values, int seed, int count) =>
        Enumerable.Range(0, Math.Min(count, values.Count)).Select(k => values[(seed + k) % values.Count]);

    /// <summary>Deterministic junk bytes (a seeded generator, so a failure reproduces).</summary>
    internal static byte[] Junk(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}

using System.Text;

namespace Replete.IntegrationTests.Cli;

public static partial class HostileCorpus
{
    private const string FoodLog = "date,time,meal,food,amount\n2026-11-02,07:00,breakfast,banana,118 g\n2026-11-02,13:00,lunch,whole milk,1 cup\n2026-11-03,07:00,breakfast,banana,1 medium\n";

    private const string Servings = "Day,Group,Food Name,Amount,Energy (kcal),Iron (mg),Magnesium (mg),Category\n2026-11-02,Breakfast,Oatmeal,1.00 cup,150,2.1,60,Cereals\n2026-11-03,Supplements,Magnesium,1.00 capsule,0,0,200,Supplements\n";

    private const string Mfp = "Date,Meal,Calories,Fat (g),Sodium (mg),Potassium,Carbohydrates (g),Fiber,Protein (g),Vitamin A,Vitamin C,Calcium,Iron,Note\n2025-03-06,Breakfast,214.5,14.9,193.5,198.0,1.4,0.0,18.6,10,0.0,7.2,13.9,\n2025-03-07,Dinner,285.0,2.0,210.0,0.0,14.0,4.0,8.0,0.0,0.0,0.0,0.0,\n";

    /// <summary>A diet file kind: its name, a good file, and which line and column the attacks replace.</summary>
    private sealed record DietKind(string File, string Good, int Line, int Column);

    private static readonly DietKind[] DietKinds =
    [
        new("log.csv", FoodLog, 2, 4),
        new("dailysummary.csv", DailySummary, 2, 2),
        new("servings.csv", Servings, 2, 5),
        new("Nutrition-Summary.csv", Mfp, 2, 4),
    ];

    /// <summary>Food logs, Cronometer and MyFitnessPal files for <c>analyze</c>: numbers that are not finite in every
    /// number column, broken rows and quotes, encodings, escapes in every text column.</summary>
    private static IEnumerable<HostileCase> DietFiles()
    {
        foreach (var kind in DietKinds)
        {
            var isLog = kind.File == "log.csv";
            var values = isLog
                ? new[] { "1e308 g", "NaN g", "Infinity g", "-5 g", "1e309 g", "99999999999999999999 kg", "1/0 cup", "0/0 cup", "1e-320 g", "5 furlongs", "-Infinity g", "1e3000 g" }
                : ["NaN", "Infinity", "-Infinity", "1e308", "1e309", "-1", "0x10", "1e-400", "99999999999999999999999", "-0", "1_000", "+5"];
            foreach (var value in Pick(values, DietKinds.ToList().IndexOf(kind) * 6, 6))
            {
                // An amount in a unit the food has no portion for is a note, not counted (README): "5 furlongs".
                var expect = value is "-0" or "+5" or "1e-320 g" or "1e-400" or "5 furlongs" ? HostileOutcome.Either : HostileOutcome.Refused;
                yield return Diet(kind, $"{kind.File} number {Label(value)}", expect, [kind.File], ReplaceField(kind.Good, kind.Line, kind.Column, value));
            }

            foreach (var date in Pick(["2026-13-45", "0000-01-01", "9999-99-99", "2026-02-30", "26-11-02", "99999-01-01", "2026-11-02T25:99"], DietKinds.ToList().IndexOf(kind) * 2, 3))
            {
                yield return Diet(kind, $"{kind.File} date {date}", HostileOutcome.Refused, [kind.File], ReplaceField(kind.Good, kind.Line, 0, date));
            }

            // Escapes in every text column: a food name, a meal, a note, a date.
            var texts = kind.File switch
            {
                "log.csv" => new[] { 0, 1, 2, 3, 4 },
                "servings.csv" => [0, 1, 2, 3, 7],
                "Nutrition-Summary.csv" => [0, 1, 13],
                _ => [0, 6],
            };
            foreach (var column in texts)
            {
                foreach (var (label, text) in Pick(Controls.Where(c => c.Label is "csi" or "osc-title" or "c1-csi" or "carriage-return").ToList(), column, 2))
                {
                    yield return Diet(kind, $"{kind.File} column {column} {label}", HostileOutcome.Either, [kind.File], ReplaceField(kind.Good, kind.Line, column, "\"" + text + "\""));
                }
            }

            foreach (var (label, expect, bytes) in CsvStructure(kind))
            {
                var content = bytes;
                yield return new HostileCase($"{kind.File} {label}", "analyze", expect, [kind.File], f => f.Bytes(kind.File, content), f => ["analyze", f[kind.File], "--profile", Profile]);
            }
        }

        // The food log as JSON.
        const string JsonLog = """{"entries": [{"date": "2026-11-02", "time": "07:00", "meal": "breakfast", "food": "banana", "amount": "118 g"}]}""";
        (string Label, HostileOutcome Expect, string Text)[] jsonLogs =
        [
            ("amount NaN", HostileOutcome.Refused, JsonLog.Replace("118 g", "NaN g", StringComparison.Ordinal)),
            ("amount 1e309", HostileOutcome.Refused, JsonLog.Replace("118 g", "1e309 g", StringComparison.Ordinal)),
            ("amount number", HostileOutcome.Refused, JsonLog.Replace("\"118 g\"", "1e308", StringComparison.Ordinal)),
            ("entries object", HostileOutcome.Refused, """{"entries": {"date": "2026-11-02"}}"""),
            ("entries null", HostileOutcome.Refused, """{"entries": null}"""),
            ("entry string", HostileOutcome.Refused, """{"entries": ["banana"]}"""),
            ("duplicate food", HostileOutcome.Refused, JsonLog.Replace("\"food\": \"banana\",", "\"food\": \"banana\", \"food\": \"lard\",", StringComparison.Ordinal)),
            ("duplicate entries", HostileOutcome.Refused, JsonLog.TrimEnd('}') + ", \"entries\": []}"),
            ("food escape", HostileOutcome.Either, JsonLog.Replace("\"banana\"", JsonString("ban\u001b[2Jana\u009b"), StringComparison.Ordinal)),
            ("deep nesting", HostileOutcome.Refused, "{\"entries\": " + new string('[', 50_000) + new string(']', 50_000) + "}"),
            ("truncated", HostileOutcome.Refused, JsonLog[..40]),
            ("no entries", HostileOutcome.Refused, "{}"),
        ];
        foreach (var (label, expect, text) in jsonLogs)
        {
            yield return new HostileCase($"log.json {label}", "analyze", expect, ["log.json"], f => f.Text("log.json", text), f => ["analyze", f["log.json"], "--profile", Profile]);
        }

        foreach (var (label, bytes) in NotText())
        {
            var content = bytes(JsonLog);
            yield return new HostileCase($"log.json {label}", "analyze", HostileOutcome.Refused, ["log.json"], f => f.Bytes("log.json", content), f => ["analyze", f["log.json"], "--profile", Profile]);
        }

        // Large inputs: bounded, but too slow for every run.
        yield return SlowDiet("log.csv 2 MB line", HostileOutcome.Refused, "log.csv", () => Encoding.UTF8.GetBytes(FoodLog + "2026-11-04,07:00,breakfast," + new string('a', 2_000_000) + ",1 g\n"));
        yield return SlowDiet("log.csv unclosed quote in 3 MB", HostileOutcome.Refused, "log.csv", () => Encoding.UTF8.GetBytes("date,time,meal,food,amount\n2026-11-02,07:00,breakfast,\"banana,118 g\n" + string.Concat(Enumerable.Repeat("2026-11-02,07:00,breakfast,banana,118 g\n", 75_000))));
        yield return SlowDiet("dailysummary.csv 100,000 days", HostileOutcome.Either, "dailysummary.csv", () => Encoding.UTF8.GetBytes("Date,Energy (kcal),Iron (mg)\n" + string.Concat(Enumerable.Range(0, 100_000).Select(i => $"{new DateOnly(1800, 1, 1).AddDays(i):yyyy-MM-dd},2000,12\n"))));
        yield return SlowDiet("dailysummary.csv 20,000 columns", HostileOutcome.Either, "dailysummary.csv", () => Encoding.UTF8.GetBytes("Date,Energy (kcal)," + string.Join(',', Enumerable.Range(0, 20_000).Select(i => $"X{i} (mg)")) + "\n2026-11-02,2000," + string.Join(',', Enumerable.Repeat("1", 20_000)) + "\n"));
        yield return SlowDiet("Nutrition-Summary.csv 210 MB", HostileOutcome.Refused, "Nutrition-Summary.csv", () => new byte[210_000_000]);
        yield return SlowDiet("log.csv 150 MB of one quoted field", HostileOutcome.Refused, "log.csv", () => [.. Encoding.UTF8.GetBytes("date,time,meal,food,amount\n2026-11-02,07:00,breakfast,\""), .. Enumerable.Repeat((byte)'a', 150_000_000)]);
    }

    private static HostileCase Diet(DietKind kind, string name, HostileOutcome expect, string[] names, string text) =>
        new(name, "analyze", expect, names, f => f.Text(kind.File, text), f => ["analyze", f[kind.File], "--profile", Profile]);

    private static HostileCase SlowDiet(string name, HostileOutcome expect, string file, Func<byte[]> bytes) =>
        new(name, "analyze", expect, [file], f => f.Bytes(file, bytes()), f => ["analyze", f[file], "--profile", Profile]) { Slow = true };

    /// <summary>The structural attacks on a CSV diet file.</summary>
    private static IEnumerable<(string Label, HostileOutcome Expect, byte[] Bytes)> CsvStructure(DietKind kind)
    {
        var utf8 = new UTF8Encoding(false);
        var lines = kind.Good.Split('\n');
        var header = lines[0];
        var row = lines[kind.Line - 1];
        var fields = row.Split(',');
        yield return ("truncated row", HostileOutcome.Refused, utf8.GetBytes(kind.Good + string.Join(',', fields.Take(fields.Length / 2)) + "\n"));
        yield return ("extra fields", HostileOutcome.Refused, utf8.GetBytes(kind.Good + row + ",1,2,3\n"));
        yield return ("unclosed quote at the end", HostileOutcome.Refused, utf8.GetBytes(kind.Good + "\"" + row + "\n"));
        yield return ("unclosed quote early", HostileOutcome.Refused, utf8.GetBytes(header + "\n\"" + row + "\n" + string.Concat(Enumerable.Repeat(row + "\n", 500))));
        yield return ("quote inside a field", HostileOutcome.Refused, utf8.GetBytes(header + "\n" + row.Replace(",", ",x\"y", StringComparison.Ordinal) + "\n"));
        yield return ("header only", HostileOutcome.Refused, utf8.GetBytes(header + "\n"));
        yield return ("empty", HostileOutcome.Refused, []);
        yield return ("only a bom", HostileOutcome.Refused, [0xEF, 0xBB, 0xBF]);
        yield return ("bom", HostileOutcome.Accepted, [0xEF, 0xBB, 0xBF, .. utf8.GetBytes(kind.Good)]);
        yield return ("crlf", HostileOutcome.Accepted, utf8.GetBytes(kind.Good.Replace("\n", "\r\n", StringComparison.Ordinal)));
        yield return ("cr only", HostileOutcome.Either, utf8.GetBytes(kind.Good.Replace('\n', '\r')));
        yield return ("utf16 with bom", HostileOutcome.Either, [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(kind.Good)]);
        yield return ("utf16 without bom", HostileOutcome.Refused, Encoding.Unicode.GetBytes(kind.Good));
        yield return ("utf16be without bom", HostileOutcome.Refused, Encoding.BigEndianUnicode.GetBytes(kind.Good));
        yield return ("latin1", HostileOutcome.Either, Encoding.Latin1.GetBytes(kind.Good.Replace("banana", "café", StringComparison.Ordinal).Replace("Oatmeal", "Café", StringComparison.Ordinal)));
        yield return ("nul bytes", HostileOutcome.Refused, [.. utf8.GetBytes(header + "\n"), 0, 0, 0, 0, .. utf8.GetBytes(row + "\n")]);
        yield return ("binary junk", HostileOutcome.Refused, Junk(8_192, 7));
        yield return ("junk after the header", HostileOutcome.Refused, [.. utf8.GetBytes(header + "\n"), .. Junk(2_048, 11)]);
        yield return ("duplicate header column", HostileOutcome.Refused, utf8.GetBytes(header + "," + header.Split(',')[^2] + "\n" + row + ",1\n"));
        yield return ("escape in the header", HostileOutcome.Either, utf8.GetBytes(header.Replace(header.Split(',')[1], "\u001b[31m" + header.Split(',')[1], StringComparison.Ordinal) + "\n" + row + "\n"));
        yield return ("semicolons and decimal commas", HostileOutcome.Either, utf8.GetBytes(kind.Good.Replace(',', ';').Replace('.', ',')));
        yield return ("blank lines", HostileOutcome.Either, utf8.GetBytes(kind.Good.Replace("\n", "\n\n\n", StringComparison.Ordinal)));
    }

    /// <summary><paramref name="text"/> with field <paramref name="column"/> of line <paramref name="line"/> replaced.</summary>
    private static string ReplaceField(string text, int line, int column, string value)
    {
        var lines = text.Split('\n');
        var fields = lines[line - 1].Split(',');
        fields[column] = value;
        lines[line - 1] = string.Join(',', fields);
        return string.Join('\n', lines);
    }
}

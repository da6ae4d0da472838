namespace Replete.IntegrationTests.Cli;

public static partial class HostileCorpus
{
    private const string ProfileTemplate = """
        {"age": {{age}}, "sex": "female", "body_mass_kg": {{body_mass_kg}}, "sport": "running", "training_hours_per_week": {{training_hours_per_week}}, "diet": "omnivore", "sweat_rate_l_per_h": {{sweat_rate_l_per_h}}, "sweat_sodium_mmol_l": {{sweat_sodium_mmol_l}}}
        """;

    private static readonly Dictionary<string, string> ProfileValues = new(StringComparer.Ordinal)
    {
        ["age"] = "34",
        ["body_mass_kg"] = "58",
        ["training_hours_per_week"] = "8",
        ["sweat_rate_l_per_h"] = "1.1",
        ["sweat_sodium_mmol_l"] = "48",
    };

    private const string AssessmentTemplate = """
        {
          "profile": {"age": {{profile.age}}, "sex": "female", "body_mass_kg": {{profile.body_mass_kg}}, "sport": "running", "training_hours_per_week": 9, "diet": "vegetarian"},
          "symptoms": ["fatigue"],
          "risk_factors": ["heavy_periods"],
          "red_flags": [],
          "labs": [{"biomarker": "ferritin", "value": {{labs.value}}, "unit": "ug/L"}],
          "lab_sample": {"date": "2026-10-06", "latitude": {{lab_sample.latitude}}, "time": "morning", "fasting": true, "after_hard_training": false},
          "history": {"months_without_period": {{history.months_without_period}}, "falls_past_year": {{history.falls_past_year}}, "years_vegan": {{history.years_vegan}}}
        }
        """;

    private static readonly Dictionary<string, string> AssessmentValues = new(StringComparer.Ordinal)
    {
        ["profile.age"] = "27",
        ["profile.body_mass_kg"] = "56",
        ["labs.value"] = "18",
        ["lab_sample.latitude"] = "51.5",
        ["history.months_without_period"] = "0",
        ["history.falls_past_year"] = "0",
        ["history.years_vegan"] = "0",
    };

    private const string AssessmentYamlTemplate = """
        profile:
          age: {{profile.age}}
          sex: female
          body_mass_kg: 56
        symptoms: [fatigue]
        labs:
          - {biomarker: ferritin, value: {{labs.value}}, unit: ug/L}
        lab_sample:
          date: 2026-10-06
          latitude: {{lab_sample.latitude}}
          time: morning

        """;

    private const string WeekTemplate = """
        {"phase": "build", "body_mass_kg": {{body_mass_kg}}, "sessions": [{"day": "tue", "sport": "running", "minutes": {{minutes}}, "intensity": "hard"}]}
        """;

    private static readonly Dictionary<string, string> WeekValues = new(StringComparer.Ordinal) { ["body_mass_kg"] = "58", ["minutes"] = "75" };

    private const string WeekYamlTemplate = """
        phase: build
        body_mass_kg: {{body_mass_kg}}
        sessions:
          - {day: tue, sport: running, minutes: {{minutes}}, intensity: hard}

        """;

    private const string SupplementsTemplate = """
        {"supplements": [{"name": "Magnesium", "form": "bisglycinate", "doses_per_day": {{doses_per_day}}, "per_dose": {"magnesium": {{per_dose}}}}]}
        """;

    private static readonly Dictionary<string, string> SupplementValues = new(StringComparer.Ordinal) { ["doses_per_day"] = "1", ["per_dose"] = "\"200 mg\"" };

    /// <summary>How each document kind is run: the file it is written to and the command line that reads it.</summary>
    private sealed record DocumentKind(string Command, string File, string Template, IReadOnlyDictionary<string, string> Values, Func<HostileFolder, string[]> Run);

    private static readonly DocumentKind[] JsonDocuments =
    [
        new("analyze", "profile.json", ProfileTemplate, ProfileValues, f => ["analyze", f["day.csv"], "--profile", f["profile.json"]]),
        new("session plan", "athlete.json", ProfileTemplate, ProfileValues, f => ["session", "plan", "--sport", "running", "--minutes", "90", "--profile", f["athlete.json"]]),
        new("assess", "assessment.json", AssessmentTemplate, AssessmentValues, f => ["assess", f["assessment.json"]]),
        new("training week", "week.json", WeekTemplate, WeekValues, f => ["training", "week", f["week.json"]]),
        new("analyze", "supplements.json", SupplementsTemplate, SupplementValues, f => ["analyze", f["day.csv"], "--profile", Profile, "--supplements", f["supplements.json"]]),
    ];

    private static readonly DocumentKind[] YamlDocuments =
    [
        new("assess", "assessment.yaml", AssessmentYamlTemplate, AssessmentValues, f => ["assess", f["assessment.yaml"]]),
        new("training week", "week.yaml", WeekYamlTemplate, WeekValues, f => ["training", "week", f["week.yaml"]]),
    ];

    /// <summary>Profiles, assessments, training weeks and supplement plans in JSON and YAML: every numeric field with
    /// values that are not finite or not plausible, every document with broken structure and encodings, and escapes
    /// in the text fields.</summary>
    private static IEnumerable<HostileCase> Documents()
    {
        var seed = 0;
        foreach (var kind in JsonDocuments)
        {
            var good = Fill(kind.Template, kind.Values);
            foreach (var field in kind.Values.Keys)
            {
                var shortField = field.Split('.')[^1];
                var numbers = JsonNumbers.Where(n => kind.File != "supplements.json" || field != "per_dose" || n.Label is "1e309" or "1e308" or "array").ToList();
                foreach (var (label, raw, valid) in Pick(numbers, seed += 3, 4))
                {
                    var text = Fill(kind.Template, kind.Values, field, raw);
                    yield return Document(kind, $"{kind.File} {field} {label}", HostileOutcome.Refused, valid ? [kind.File, shortField] : [kind.File], text);
                }
            }

            var structure = Structure().ToList();
            foreach (var (label, expect, bytes) in kind.File is "assessment.json" or "profile.json" ? structure : Pick(structure, seed, 9))
            {
                var content = bytes(good);
                yield return new HostileCase($"{kind.File} {label}", kind.Command, expect, [kind.File], f => WriteDocument(f, kind.File, content), kind.Run);
            }

            foreach (var (label, bytes) in NotText())
            {
                var content = bytes(good);
                yield return new HostileCase($"{kind.File} {label}", kind.Command, HostileOutcome.Refused, [kind.File], f => WriteDocument(f, kind.File, content), kind.Run);
            }
        }

        // Supplement amounts are text with a unit: the number inside must be held to the same rules.
        foreach (var amount in new[] { "NaN mg", "Infinity mg", "-Infinity mg", "1e308 mg", "1e309 mg", "-5 mg", "1e-400 mg", "200 furlongs", "200 \u001b[31mmg", "0x10 mg", "1/0 mg", "200 mg mg" })
        {
            var kind = JsonDocuments[^1];
            yield return Document(kind, $"supplements.json per_dose '{Label(amount)}'", amount == "1e-400 mg" ? HostileOutcome.Either : HostileOutcome.Refused, ["supplements.json", "magnesium"], Fill(kind.Template, kind.Values, "per_dose", JsonString(amount)));
        }

        foreach (var kind in YamlDocuments)
        {
            foreach (var field in kind.Values.Keys.Where(k => kind.Template.Contains("{{" + k + "}}", StringComparison.Ordinal)))
            {
                foreach (var (label, raw) in Pick(YamlNumbers, seed += 4, 5))
                {
                    yield return Document(kind, $"{kind.File} {field} {label}", HostileOutcome.Refused, [kind.File], Fill(kind.Template, kind.Values, field, raw));
                }
            }
        }

        foreach (var hostile in YamlStructure().Concat(TextFields()))
        {
            yield return hostile;
        }
    }

    private static IEnumerable<HostileCase> YamlStructure()
    {
        var kind = YamlDocuments[0];
        var good = Fill(kind.Template, kind.Values);
        var laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + string.Concat(Enumerable.Range(0, 9).Select(i => $"{(char)('b' + i)}: &{(char)('b' + i)} [*{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}]\n"));
        (string Label, HostileOutcome Expect, string Text)[] yaml =
        [
            ("duplicate-key", HostileOutcome.Refused, good.Replace("  sex: female\n", "  sex: female\n  sex: male\n", StringComparison.Ordinal)),
            ("duplicate-top-key", HostileOutcome.Refused, good + "symptoms: [cramps]\n"),
            ("billion-laughs", HostileOutcome.Refused, laughs),
            ("alias", HostileOutcome.Refused, good.Replace("symptoms: [fatigue]", "symptoms: &s [fatigue]\nrisk_factors: *s", StringComparison.Ordinal)),
            ("merge-key", HostileOutcome.Refused, "base: &b {age: 30}\nprofile:\n  <<: *b\n  sex: female\n"),
            ("two-documents", HostileOutcome.Refused, good + "---\n" + good),
            ("tag", HostileOutcome.Refused, good.Replace("age: 27", "age: !!binary aGVsbG8=", StringComparison.Ordinal)),
            ("custom-tag", HostileOutcome.Refused, good.Replace("sex: female", "sex: !!python/object:os.system female", StringComparison.Ordinal)),
            ("tab-indent", HostileOutcome.Refused, good.Replace("  age:", "\tage:", StringComparison.Ordinal)),
            ("unclosed-flow", HostileOutcome.Refused, good.Replace("[fatigue]", "[fatigue", StringComparison.Ordinal)),
            ("unclosed-quote", HostileOutcome.Refused, good.Replace("sex: female", "sex: \"female", StringComparison.Ordinal)),
            ("complex-key", HostileOutcome.Refused, "? [a, b]\n: 1\n"),
            ("raw-escape", HostileOutcome.Refused, good.Replace("sex: female", "sex: fe\u001b[2Jmale", StringComparison.Ordinal)),
            ("escaped-escape", HostileOutcome.Refused, good.Replace("sex: female", "sex: \"fe\\e[2Jmale\"", StringComparison.Ordinal)),
            ("deep-flow-nesting", HostileOutcome.Refused, "profile: " + new string('[', 20_000) + new string(']', 20_000) + "\n"),
            ("binary-junk", HostileOutcome.Refused, System.Text.Encoding.Latin1.GetString(Junk(2_048, 5))),
            ("empty", HostileOutcome.Refused, ""),
            ("only-comment", HostileOutcome.Refused, "# nothing\n"),
            ("scalar-document", HostileOutcome.Refused, "just text\n"),
        ];
        foreach (var (label, expect, text) in yaml)
        {
            yield return Document(kind, $"{kind.File} {label}", expect, [kind.File], text);
        }

        yield return new HostileCase("assessment.yaml bom", "assess", HostileOutcome.Accepted, [kind.File], f => f.Bytes(kind.File, [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(good)]), kind.Run);
        yield return new HostileCase("assessment.yaml utf16-without-bom", "assess", HostileOutcome.Refused, [kind.File], f => f.Bytes(kind.File, System.Text.Encoding.Unicode.GetBytes(good)), kind.Run);
        yield return new HostileCase("assessment.yaml latin1", "assess", HostileOutcome.Refused, [kind.File], f => f.Bytes(kind.File, System.Text.Encoding.Latin1.GetBytes(good.Replace("symptoms: [fatigue]", "symptoms: [fatigué]", StringComparison.Ordinal))), kind.Run);
    }

    /// <summary>Escapes and control characters in every text field of the documents: ids are refused (and shown
    /// escaped), free text (a supplement's name) may be read, but never printed raw.</summary>
    private static IEnumerable<HostileCase> TextFields()
    {
        var assessment = JsonDocuments[2];
        var good = Fill(assessment.Template, assessment.Values);
        (string Field, string From)[] assessmentFields =
        [
            ("profile.sex", "\"female\""), ("profile.sport", "\"running\""), ("profile.diet", "\"vegetarian\""), ("symptoms", "\"fatigue\""),
            ("risk_factors", "\"heavy_periods\""), ("labs.biomarker", "\"ferritin\""), ("labs.unit", "\"ug/L\""), ("lab_sample.time", "\"morning\""), ("lab_sample.date", "\"2026-10-06\""),
        ];
        var seed = 0;
        foreach (var (field, from) in assessmentFields)
        {
            foreach (var (label, text) in Pick(Controls, seed += 2, 2))
            {
                yield return Document(assessment, $"assessment.json {field} {label}", HostileOutcome.Refused, ["assessment.json"], good.Replace(from, JsonString(text), StringComparison.Ordinal));
            }
        }

        foreach (var (label, text) in Controls)
        {
            yield return Document(assessment, $"assessment.json red_flags {label}", HostileOutcome.Refused, ["assessment.json"], good.Replace("\"red_flags\": []", $"\"red_flags\": [{JsonString(text)}]", StringComparison.Ordinal));
            yield return Document(assessment, $"assessment.json medication name {label}", HostileOutcome.Either, ["assessment.json"], good.Replace("\"years_vegan\": 0}", $"\"years_vegan\": 0, \"medications\": [{{\"name\": {JsonString(text)}, \"started\": \"2026-01-01\"}}]}}", StringComparison.Ordinal));
            yield return Document(assessment, $"assessment.json key {label}", HostileOutcome.Refused, ["assessment.json"], good.Replace("\"symptoms\"", JsonString(text), StringComparison.Ordinal));
            var week = JsonDocuments[3];
            yield return Document(week, $"week.json day {label}", HostileOutcome.Refused, ["week.json"], Fill(week.Template, week.Values).Replace("\"tue\"", JsonString(text), StringComparison.Ordinal));
            yield return Document(week, $"week.json phase {label}", HostileOutcome.Refused, ["week.json"], Fill(week.Template, week.Values).Replace("\"build\"", JsonString(text), StringComparison.Ordinal));
            var supplements = JsonDocuments[4];
            yield return Document(supplements, $"supplements.json name {label}", HostileOutcome.Either, ["supplements.json"], Fill(supplements.Template, supplements.Values).Replace("\"Magnesium\"", JsonString(text), StringComparison.Ordinal));
            yield return Document(supplements, $"supplements.json nutrient {label}", HostileOutcome.Refused, ["supplements.json"], Fill(supplements.Template, supplements.Values).Replace("\"magnesium\"", JsonString(text), StringComparison.Ordinal));
        }

        // Duplicate keys below the top level, in every document kind.
        yield return Document(assessment, "assessment.json duplicate lab value", HostileOutcome.Refused, ["assessment.json", "value"], good.Replace("\"value\": 18,", "\"value\": 18, \"value\": 1800,", StringComparison.Ordinal));
        yield return Document(assessment, "assessment.json duplicate profile age", HostileOutcome.Refused, ["assessment.json", "age"], good.Replace("\"age\": 27,", "\"age\": 27, \"age\": 72,", StringComparison.Ordinal));
        yield return Document(assessment, "assessment.json duplicate lab_sample date", HostileOutcome.Refused, ["assessment.json", "date"], good.Replace("\"date\": \"2026-10-06\",", "\"date\": \"2026-10-06\", \"date\": \"2026-01-06\",", StringComparison.Ordinal));
        yield return Document(JsonDocuments[3], "week.json duplicate session minutes", HostileOutcome.Refused, ["week.json", "minutes"], Fill(WeekTemplate, WeekValues).Replace("\"minutes\": 75,", "\"minutes\": 75, \"minutes\": 750,", StringComparison.Ordinal));
        yield return Document(JsonDocuments[4], "supplements.json duplicate dose", HostileOutcome.Refused, ["supplements.json", "magnesium"], Fill(SupplementsTemplate, SupplementValues).Replace("\"magnesium\": \"200 mg\"", "\"magnesium\": \"200 mg\", \"magnesium\": \"2000 mg\"", StringComparison.Ordinal));
        yield return Document(JsonDocuments[4], "supplements.json 100k supplements", HostileOutcome.Either, ["supplements.json"], "{\"supplements\": [" + string.Join(',', Enumerable.Repeat("{\"name\": \"Mg\", \"per_dose\": {\"magnesium\": \"200 mg\"}}", 100_000)) + "]}");
        yield return Document(JsonDocuments[4], "supplements.json 2,000 plans at 20 doses of 999,999 mg", HostileOutcome.Either, ["supplements.json"], Fill(SupplementsTemplate, SupplementValues, "doses_per_day", "20").Replace("\"200 mg\"", "\"999999 mg\"", StringComparison.Ordinal).Replace("}}]}", "}}" + string.Concat(Enumerable.Repeat(", {\"name\": \"Mg\", \"doses_per_day\": 20, \"per_dose\": {\"magnesium\": \"999999 mg\"}}", 2_000)) + "]}", StringComparison.Ordinal));
    }

    private static HostileCase Document(DocumentKind kind, string name, HostileOutcome expect, string[] names, string text) =>
        new(name, kind.Command, expect, names, f => WriteDocument(f, kind.File, new System.Text.UTF8Encoding(false).GetBytes(text)), kind.Run);

    /// <summary>Writes the document and what its command line also reads (a one-day Cronometer summary).</summary>
    private static void WriteDocument(HostileFolder folder, string file, byte[] content)
    {
        folder.Bytes(file, content);
        folder.Text("day.csv", DailySummary);
    }
}

using System.Text.Json;
using Replete.Data;
using Replete.Documents;
using Replete.Knowledge;
using Replete.References;

namespace Replete.Assessment;

/// <summary>An assessment document (JSON, or YAML turned into JSON by the caller): who the person is, what they report,
/// their labs, and the diet files to analyse.</summary>
/// <remarks>Fields: <c>profile</c> (a <see cref="References.Profile"/>; age and sex required), <c>symptoms</c>,
/// <c>risk_factors</c> and <c>red_flags</c> (ids from data/symptoms.csv, risk_factors.csv, red_flags.csv),
/// <c>labs</c> (each <c>{"biomarker", "value", "unit", "confirmed", "comparator", "date"}</c>, units from data/lab_units.csv;
/// <c>comparator</c> &lt;, &lt;=, &gt; or &gt;= where the laboratory reported a bound such as "&lt;8"; <c>date</c>
/// YYYY-MM-DD, the day that result was drawn, where it differs from <c>lab_sample.date</c>: each result is read against
/// its own retest interval from its own date),
/// <c>lab_sample</c> (<c>date</c> YYYY-MM-DD, <c>latitude</c> -90..90, <c>time</c> morning or afternoon,
/// <c>fasting</c>, <c>after_hard_training</c>: these three count only for results of its date, <see cref="LabSample.For"/>), <c>history</c> (a <see cref="Assessment.History"/>), <c>diet_log</c> (a path or a list of paths, relative to the document),
/// <c>supplements</c> (a path) and <c>training_week</c> (a path to a training week file). Unknown fields are problems.</remarks>
/// <param name="Profile">The profile as given.</param>
/// <param name="Person">The person the profile describes.</param>
/// <param name="Symptoms">Symptom ids.</param>
/// <param name="RiskFactors">Risk factor ids as given (the profile's diet is added by <see cref="ToInput"/>).</param>
/// <param name="RedFlags">Red flag ids the person reported.</param>
/// <param name="Labs">Lab results, each checked against its units and plausible range.</param>
/// <param name="Sample">How and when the labs were drawn.</param>
/// <param name="DietLogs">Diet files to analyse, as written in the document (relative to it).</param>
/// <param name="Supplements">A supplements file, as written in the document, or null.</param>
public sealed record AssessmentRequest(
    Profile Profile, Person Person, IReadOnlyList<string> Symptoms, IReadOnlyList<string> RiskFactors, IReadOnlyList<string> RedFlags,
    IReadOnlyList<LabInput> Labs, LabSample Sample, IReadOnlyList<string> DietLogs, string? Supplements)
{
    /// <summary>What has happened to the person (months without a period, falls, medicines with their start dates).</summary>
    public History History { get; init; } = History.None;

    /// <summary>The fields an assessment document may have.</summary>
    public static IReadOnlyList<string> Fields { get; } = ["profile", "symptoms", "risk_factors", "red_flags", "labs", "lab_sample", "history", "diet_log", "supplements", "training_week"];

    /// <summary>A training week file (<see cref="Training.TrainingWeek"/>), as written in the document (relative to it), or
    /// null: the plan then adds the week's fuel.</summary>
    public string? TrainingWeek { get; init; }

    /// <summary>Where the document names each file: the field path of each of <see cref="DietLogs"/> in order
    /// ("diet_log", or "diet_log[1]" in a list), then "supplements" and "training_week" where given, each with the
    /// line it is on, so that a file that cannot be read is reported at the document's line and field.</summary>
    public IReadOnlyList<(string Field, int? Line)> FileFields { get; init; } = [];

    private static readonly string[] LabFields = ["biomarker", "value", "unit", "confirmed", "comparator", "date"];

    private static readonly string[] SampleFields = ["date", "latitude", "fasting", "time", "after_hard_training"];

    private static readonly (string Field, KnowledgeIdKind Kind)[] IdLists =
        [("symptoms", KnowledgeIdKind.Symptom), ("risk_factors", KnowledgeIdKind.RiskFactor), ("red_flags", KnowledgeIdKind.RedFlag)];

    /// <summary>Reads an assessment document.</summary>
    /// <returns>The request, or every problem found. When the document reports a red flag (under any of its id lists)
    /// the first problem is that flag with its triage, so a mistake elsewhere never hides "get medical care".</returns>
    public static InputResult<AssessmentRequest> Read(JsonSource source, KnowledgeBase? knowledge = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var kb = knowledge ?? KnowledgeBase.Default;
        var reader = new DocumentReader(source);
        var request = Read(reader, source.Root, kb, out var person);
        return InputResult.From(request, LeadWithReportedFlags(ReportedRedFlags(source.Root, kb, person), reader.Problems));
    }

    private static AssessmentRequest? Read(DocumentReader reader, JsonElement root, KnowledgeBase kb, out Person? person)
    {
        person = null;
        if (!reader.IsObject(root, "", "an assessment is an object with \"profile\" (age, sex, ...), \"symptoms\", \"labs\" ..."))
        {
            return null;
        }

        reader.OnlyFields(root, null, Fields);
        Profile? profile = null;
        if (!DocumentReader.Has(root, "profile", out var profileElement))
        {
            reader.Add(root, "profile", InputProblemCodes.Required, "needs a \"profile\" object (age, sex, ...)");
        }
        else
        {
            var before = reader.Count;
            profile = Profile.Read(reader, profileElement, "profile");
            if (profile is not null && reader.Count > before)
            {
                profile = null;
            }
        }

        if (profile?.ToPerson() is { } personResult)
        {
            foreach (var problem in personResult.Problems)
            {
                reader.Add(problem);
            }

            person = personResult.Value;
        }

        // A phrase in the person's own words that raises a red flag ("black tarry stool", "passed out at practice") is
        // read as what it names, not rejected as an unknown word: the flag leads the report instead of an error.
        var named = new Named([], [], []);
        var reading = person;
        var ids = IdLists.ToDictionary(l => l.Field, l => Ids(reader, root, l.Field, l.Kind, kb, reading, named));
        ids["symptoms"] = [.. ids["symptoms"].Concat(named.Symptoms).Distinct()];
        ids["risk_factors"] = [.. ids["risk_factors"].Concat(named.Risks).Distinct()];
        ids["red_flags"] = [.. ids["red_flags"].Concat(named.Flags).Distinct()];

        // A menstrual risk factor or symptom with a male profile: one of the two is a slip, and heavy periods would raise
        // iron on evidence that cannot apply. Refused, naming both, rather than read silently.
        if (person?.Sex == Sex.Male)
        {
            foreach (var field in new[] { "risk_factors", "symptoms" })
            {
                foreach (var id in ids[field].Where(i => i is "heavy_periods" or "missed_periods"))
                {
                    reader.AddAt(root, field, null, InputProblemCodes.Invalid, $"'{id}' is given, but profile.sex is male: correct the sex or remove '{id}'");
                }
            }
        }
        var sample = ReadSample(reader, root);
        var history = History.Read(reader, root, kb);
        var labs = ReadLabs(reader, root, person, sample);
        var dietLogs = new List<string>();
        var fileFields = new List<(string Field, int? Line)>();
        var index = 0;
        var single = DocumentReader.Has(root, "diet_log", out var logElement) && logElement.ValueKind == JsonValueKind.String;
        foreach (var (text, at) in reader.TextList(root, "diet_log", null, "must be a file path or a list of them", single: true))
        {
            var path = single ? "diet_log" : $"diet_log[{index}]";
            index++;
            if (Outside(text) is { } why)
            {
                reader.Add(at, path, InputProblemCodes.Invalid, why);
                continue;
            }

            dietLogs.Add(text);
            fileFields.Add((path, reader.LineOf(at)));
        }

        var supplements = reader.Text(root, "supplements", null);
        if (supplements is not null && Outside(supplements) is { } whySupplements)
        {
            reader.AddAt(root, "supplements", null, InputProblemCodes.Invalid, whySupplements);
            supplements = null;
        }

        if (supplements is not null && dietLogs.Count == 0)
        {
            // Supplements count through the diet analysis (UL checks, excess): without a log they would be silently
            // left out, so say so instead.
            reader.AddAt(root, "supplements", null, InputProblemCodes.Required, "supplements are counted with a diet_log; add the food log they go with (a short one will do)");
        }
        var week = reader.Text(root, "training_week", null);
        if (week is not null && Outside(week) is { } whyWeek)
        {
            reader.AddAt(root, "training_week", null, InputProblemCodes.Invalid, whyWeek);
            week = null;
        }

        fileFields.AddRange(new[] { (Field: "supplements", Path: supplements), (Field: "training_week", Path: week) }.Where(f => f.Path is not null).Select(f => (f.Field, (int?)reader.Source.LineOf(root, f.Field))));
        return person is null || profile is null ? null
            : new AssessmentRequest(profile, person, ids["symptoms"], ids["risk_factors"], ids["red_flags"], labs, sample, dietLogs, supplements) { History = history, TrainingWeek = week, FileFields = fileFields };
    }

    /// <summary>What the assessor needs. A vegan profile counts as the risk factor "vegan" (the person's own fact, like a
    /// listed risk factor; <see cref="Person"/> knows only vegetarian for iron), as do years on a vegan diet, and each medicine of the history as the
    /// risk factor it is (atorvastatin as statin).</summary>
    public AssessmentInput ToInput()
    {
        var risks = RiskFactors.ToList();
        if (Profile.Diet == DietPattern.Vegan || History.YearsVegan > 0)
        {
            risks.Add("vegan");
        }

        // A race or session of more than 4 hours is a long event (History.LongSessionHours, with its source).
        if (History.SessionHours > History.LongSessionHours)
        {
            risks.Add("long_event");
        }

        // Weekly distance up by more than 30 % is a new or much harder programme (History.SharpRisePercent).
        if (History.DistanceRoseSharply)
        {
            risks.Add("new_programme");
        }

        risks.AddRange(History.Medications.Select(m => m.RiskId).OfType<string>());

        // What the history says counts as said: no period for three months or more (History.MissedPeriodsMonths, before
        // the menopause and outside pregnancy and lactation) is missed periods, and a fall in the past year is falls.
        var symptoms = Symptoms.ToList();
        if (History.MonthsWithoutPeriod >= History.MissedPeriodsMonths && Person.Sex == Sex.Female && Person.Reproductive == ReproductiveStatus.None
            && (Person.AgeYears < History.MenopauseCheckAge || History.MonthsWithoutPeriod < History.MenopauseMonths))
        {
            symptoms.Add("missed_periods");
        }

        if (History.FallsPastYear >= 1)
        {
            symptoms.Add("falls");
        }

        return new AssessmentInput(Person, [.. symptoms.Distinct()], [.. risks.Distinct()], RedFlags, Labs)
        {
            Sample = Sample,
            History = History,
            TakesSupplements = Supplements is not null,
            SweatSodium = Training.SweatSodium.For(Person.Sport, Profile.SweatRateLitresPerHour, Profile.SweatSodiumMmolPerLitre, Person.TrainingHoursPerWeek),
        };
    }

    /// <summary>The red flags the request reports: those ticked (under any of its id lists), and those its symptoms,
    /// risk factors, profile and history raise by data/red_flag_rules.csv without labs ("chest pain" alone is
    /// chest_pain_or_fainting), so they can lead before anything else (a diet log, a FHIR file) fails.</summary>
    public IReadOnlyList<RedFlag> ReportedRedFlags(KnowledgeBase? knowledge = null) =>
        Said(knowledge ?? KnowledgeBase.Default, [.. RedFlags, .. Symptoms, .. RiskFactors], Circumstances.Of(ToInput(), []));

    /// <summary>Adds lab results from another source (a FHIR upload), each checked as the document's own are.</summary>
    /// <param name="labs">The results.</param>
    /// <param name="source">The upload's name, for problems ("labs.json").</param>
    public InputResult<AssessmentRequest> WithLabs(IReadOnlyList<LabInput> labs, string source) =>
        InputResult.From(this with { Labs = [.. Labs, .. labs] }, LeadWithReportedFlags(ReportedRedFlags(), CheckLabs(labs, Person, Sample, source)));

    /// <summary>Why any of <paramref name="labs"/> (from <paramref name="source"/>) cannot be read for
    /// <paramref name="person"/>: unknown tests or units, implausible values, a unit to confirm.</summary>
    public static IReadOnlyList<InputProblem> CheckLabs(IReadOnlyList<LabInput> labs, Person person, LabSample sample, string source)
    {
        ArgumentNullException.ThrowIfNull(labs);
        ArgumentNullException.ThrowIfNull(person);
        var problems = new List<InputProblem>();
        for (var i = 0; i < labs.Count; i++)
        {
            if (LabReading.Check(labs[i], person.Sex, person.AgeYears, sample, person.Reproductive == ReproductiveStatus.Pregnant) is { } problem)
            {
                problems.Add(new InputProblem(source, null, problem.Field is { } field ? $"labs[{i}].{field}" : $"labs[{i}]", problem.Code, problem.Message));
            }
        }

        return problems;
    }

    /// <summary>Puts the most urgent reported red flag first when there are problems: "EMERGENCY: get medical care now
    /// (label: message). The rest of the report could not be made:", then the problems. Unchanged when either list is
    /// empty.</summary>
    public static IReadOnlyList<InputProblem> LeadWithReportedFlags(IReadOnlyList<RedFlag> flags, IReadOnlyList<InputProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(flags);
        ArgumentNullException.ThrowIfNull(problems);
        if (flags.Count == 0 || problems.Count == 0 || problems[0].Code == InputProblemCodes.RedFlagReported)
        {
            return problems;
        }

        var worst = flags.MaxBy(f => f.Triage)!;
        var lead = new InputProblem("", null, "", InputProblemCodes.RedFlagReported,
            $"{TriageWording.Headline(worst.Triage)} ({worst.Label}: {worst.Message}). The rest of the report could not be made:");
        return [lead, .. problems];
    }

    /// <summary>The red flags a document reports, read before anything else can fail: a flag listed under symptoms or
    /// risk factors by mistake counts, a flag the rules raise from its symptoms and risk factors without labs counts,
    /// and so does one named inside a phrase that is not a known word ("chest pain when running", "passed out during
    /// training": <see cref="KnowledgeBase.NamedIn"/>), though that phrase is still a problem.</summary>
    private static List<RedFlag> ReportedRedFlags(JsonElement root, KnowledgeBase kb, Person? person)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        // Every occurrence of each list, so a list given twice cannot hide a flag; a flag's alias ("collapsed") counts.
        var texts = root.EnumerateObject()
            .Where(p => IdLists.Any(l => l.Field == p.Name) && p.Value.ValueKind == JsonValueKind.Array)
            .SelectMany(p => p.Value.EnumerateArray())
            .Where(e => e.ValueKind == JsonValueKind.String)
            .Select(e => e.GetString()!);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        var symptoms = new HashSet<string>(StringComparer.Ordinal);
        var risks = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            if (kb.Resolve(text, KnowledgeIdKind.RedFlag) is { } flag)
            {
                flags.Add(flag);
            }
            else if (kb.Resolve(text, KnowledgeIdKind.Symptom) is { } symptom)
            {
                symptoms.Add(symptom);
            }
            else if (kb.Resolve(text, KnowledgeIdKind.RiskFactor) is { } risk)
            {
                risks.Add(risk);
            }
            else
            {
                // A phrase in the person's own words: only its first words are read (a red flag is said early, and a
                // hostile megabyte of text costs nothing).
                var said = text.Length > PhraseScanChars ? text[..PhraseScanChars] : text;
                flags.UnionWith(kb.NamedIn(said, KnowledgeIdKind.RedFlag));
                symptoms.UnionWith(kb.NamedIn(said, KnowledgeIdKind.Symptom));
                risks.UnionWith(kb.NamedIn(said, KnowledgeIdKind.RiskFactor));
            }
        }

        return Said(kb, flags, new Circumstances([], symptoms, risks, LabSample.Unknown) { Person = person });
    }

    // How much of an unknown phrase is searched for a red flag's words: five times the longest id or word
    // (InputLimits.MaximumWordChars); Replete's choice.
    private const int PhraseScanChars = 5 * InputLimits.MaximumWordChars;

    /// <summary>The flags among <paramref name="ids"/>, with those the rules of data/red_flag_rules.csv raise in
    /// <paramref name="circumstances"/> (no labs: a rule that needs one does not hold), in the knowledge base's order.</summary>
    private static List<RedFlag> Said(KnowledgeBase kb, IEnumerable<string> ids, Circumstances circumstances)
    {
        var raised = ids.Concat(kb.RedFlagRules.Where(r => r.When.All(circumstances.Hold)).Select(r => r.FlagId)).ToHashSet(StringComparer.Ordinal);
        return [.. kb.RedFlags.Where(f => raised.Contains(f.FlagId))];
    }

    /// <summary>What phrases in a person's own words named: red flags, symptoms and risk factors.</summary>
    private sealed record Named(List<string> Flags, List<string> Symptoms, List<string> Risks);

    /// <summary>Reads <paramref name="text"/>, a phrase that is no known word, as the red flags, symptoms and risk
    /// factors it names (<see cref="KnowledgeBase.NamedIn"/>) when they raise a red flag for
    /// <paramref name="person"/>: true and added to <paramref name="named"/> then, false (nothing added) otherwise.</summary>
    private static bool ReadAsRedFlag(string text, KnowledgeBase kb, Person? person, Named named)
    {
        var flags = kb.NamedIn(text, KnowledgeIdKind.RedFlag);
        var symptoms = kb.NamedIn(text, KnowledgeIdKind.Symptom);
        var risks = kb.NamedIn(text, KnowledgeIdKind.RiskFactor);
        if (Said(kb, flags, new Circumstances([], [.. symptoms], [.. risks], LabSample.Unknown) { Person = person }).Count == 0)
        {
            return false;
        }

        named.Flags.AddRange(flags);
        named.Symptoms.AddRange(symptoms);
        named.Risks.AddRange(risks);
        return true;
    }

    private static List<string> Ids(DocumentReader reader, JsonElement root, string field, KnowledgeIdKind kind, KnowledgeBase kb, Person? person, Named named)
    {
        var ids = new List<string>();
        if (!DocumentReader.Has(root, field, out var list))
        {
            return ids;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            reader.Add(list, field, InputProblemCodes.WrongType, $"must be a list, such as [\"{field}_id\"]");
            return ids;
        }

        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var path = $"{field}[{index++}]";
            if (item.ValueKind != JsonValueKind.String)
            {
                reader.Add(item, path, InputProblemCodes.WrongType, $"must be an id as text (got {DocumentReader.Shorten(item.GetRawText())})");
            }
            else if (item.GetString()!.Length > InputLimits.MaximumWordChars)
            {
                reader.Add(item, path, InputProblemCodes.Size, $"is {item.GetString()!.Length:N0} characters long; an id or word is at most {InputLimits.MaximumWordChars}");
            }
            else if (kb.Resolve(item.GetString()!, kind) is { } id)
            {
                ids.Add(id);
            }
            else if (ReadAsRedFlag(item.GetString()!, kb, person, named))
            {
                continue;
            }
            else
            {
                reader.Add(item, path, InputProblemCodes.UnknownValue, reader.Full ? "unknown" : kb.Unknown(item.GetString()!, kind)!);
            }
        }

        return ids;
    }

    private static List<LabInput> ReadLabs(DocumentReader reader, JsonElement root, Person? person, LabSample sample)
    {
        var labs = new List<LabInput>();
        if (!DocumentReader.Has(root, "labs", out var list))
        {
            return labs;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            reader.Add(list, "labs", InputProblemCodes.WrongType, "must be a list of {\"biomarker\", \"value\", \"unit\"} objects");
            return labs;
        }

        var index = 0;
        foreach (var lab in list.EnumerateArray())
        {
            var path = $"labs[{index++}]";
            if (!reader.IsObject(lab, path, "is an object with \"biomarker\", \"value\" and \"unit\""))
            {
                continue;
            }

            reader.OnlyFields(lab, path, LabFields);
            var before = reader.Count;
            var biomarker = reader.Text(lab, "biomarker", path);
            var value = reader.Number(lab, "value", path);
            var unit = reader.Text(lab, "unit", path);
            if (unit is not null && string.IsNullOrWhiteSpace(unit))
            {
                // An empty unit is a unit left blank, not a unit left out: Replete does not guess it.
                reader.AddAt(lab, "unit", path, InputProblemCodes.Invalid, "is empty: write the unit as printed on the lab report, or leave out \"unit\" only where the test has one unit");
            }

            var confirmed = reader.Flag(lab, "confirmed", path) ?? false;
            var drawn = reader.PastDate(lab, "date", path, "the blood was drawn");
            LabBound? bound = null;
            switch (reader.Text(lab, "comparator", path))
            {
                case null:
                    break;
                case "<" or "<=":
                    bound = LabBound.AtMost;
                    break;
                case ">" or ">=":
                    bound = LabBound.AtLeast;
                    break;
                case var other:
                    reader.AddAt(lab, "comparator", path, InputProblemCodes.UnknownValue, $"'{DocumentReader.Shorten(other)}' is not <, <=, > or >=");
                    break;
            }

            if (biomarker is null && !DocumentReader.Has(lab, "biomarker", out _))
            {
                reader.AddAt(lab, "biomarker", path, InputProblemCodes.Required, "needs \"biomarker\"");
            }

            if (value is null && !DocumentReader.Has(lab, "value", out _))
            {
                reader.AddAt(lab, "value", path, InputProblemCodes.Required, $"({biomarker}) needs a numeric \"value\"");
            }

            if (reader.Count > before || biomarker is null || value is null)
            {
                continue;
            }

            var input = new LabInput(biomarker, value.Value, unit) { Confirmed = confirmed, Bound = bound, Drawn = drawn };
            // Without a valid profile the lab is still checked (name, unit, range), read as for a woman.
            if (LabReading.Check(input, person?.Sex ?? Sex.Female, person?.AgeYears, sample, person?.Reproductive == ReproductiveStatus.Pregnant) is { } problem)
            {
                if (problem.Field is { } field)
                {
                    reader.AddAt(lab, field, path, problem.Code, problem.Message);
                }
                else
                {
                    reader.Add(lab, path, problem.Code, problem.Message);
                }

                continue;
            }

            labs.Add(input);
        }

        return labs;
    }

    /// <summary>The document's <c>lab_sample</c>: when and how the blood was drawn.</summary>
    private static LabSample ReadSample(DocumentReader reader, JsonElement root)
    {
        if (!DocumentReader.Has(root, "lab_sample", out var sample))
        {
            return LabSample.Unknown;
        }

        if (!reader.IsObject(sample, "lab_sample", "must be an object, such as {\"date\": \"2026-02-10\", \"time\": \"morning\", \"fasting\": true}"))
        {
            return LabSample.Unknown;
        }

        reader.OnlyFields(sample, "lab_sample", SampleFields);
        var latitude = reader.Number(sample, "latitude", "lab_sample");
        if (latitude is < -90 or > 90)
        {
            reader.AddAt(sample, "latitude", "lab_sample", InputProblemCodes.OutOfRange, $"{latitude} is not a latitude (-90 to 90, negative south)");
            latitude = null;
        }

        SampleTime? time = null;
        switch (reader.Text(sample, "time", "lab_sample"))
        {
            case null:
                break;
            case "morning":
                time = SampleTime.Morning;
                break;
            case "afternoon":
                time = SampleTime.Afternoon;
                break;
            case var other:
                reader.AddAt(sample, "time", "lab_sample", InputProblemCodes.UnknownValue, $"'{DocumentReader.Shorten(other)}' is not morning or afternoon");
                break;
        }

        return new LabSample(reader.PastDate(sample, "date", "lab_sample", "the blood was drawn"), latitude, reader.Flag(sample, "fasting", "lab_sample"), time, reader.Flag(sample, "after_hard_training", "lab_sample"));
    }

    /// <summary>Why <paramref name="path"/> is not a path inside the assessment file's folder (absolute, or leaving it
    /// with ".."), or null when it is. A file names only files beside or below it, so a document from someone else
    /// (or a web upload) cannot make Replete read any other file.</summary>
    public static string? Outside(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0 || path.Contains('\0', StringComparison.Ordinal))
        {
            return "is not a file path";
        }

        if (Path.IsPathRooted(path) || path.StartsWith('~'))
        {
            return $"'{DocumentReader.Shorten(path)}' is an absolute path: give a path relative to the assessment file, inside its folder";
        }

        var depth = 0;
        foreach (var part in path.Split('/', '\\'))
        {
            depth += part switch { ".." => -1, "" or "." => 0, _ => 1 };
            if (depth < 0)
            {
                return $"'{DocumentReader.Shorten(path)}' leaves the assessment file's folder: put the file beside the assessment file, or in a folder below it";
            }
        }

        return null;
    }
}

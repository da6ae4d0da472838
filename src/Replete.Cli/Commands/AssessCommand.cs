using System.CommandLine;
using System.Text.Json;
using Replete.Assessment;
using Replete.Cli.Rendering;
using Replete.Knowledge;

namespace Replete.Cli.Commands;

/// <summary><c>replete assess FILE</c>: which nutrient is holding recovery back, red flags first.</summary>
internal static class AssessCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<FileInfo?>("file") { Description = "Assessment JSON: profile, symptoms, risk_factors, red_flags, labs, diet_log", Arity = ArgumentArity.ZeroOrOne };
        var interactive = new Option<bool>("--interactive") { Description = "Answer a short questionnaire in the terminal instead of giving a file" };
        var format = new Option<string>("--format") { Description = "table, markdown, html or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "markdown", "html", "json");
        var fhir = new Option<FileInfo[]>("--fhir") { Description = "Lab results as FHIR R4 Observation or Bundle JSON (LOINC, UCUM), added to the file's labs", AllowMultipleArgumentsPerToken = true };
        var dataDir = new Option<string?>("--data-dir") { Description = "Where Replete keeps its food database (for a diet_log)" };
        var command = new Command("assess", "Rank the likely recovery bottlenecks from symptoms, risk factors, diet and labs; red flags first. Decision support, not a diagnosis") { file, format, fhir, dataDir, interactive };
        command.SetAction(parse =>
        {
            AssessmentInput input;
            IReadOnlyList<RedFlag> reported = [];
            string? path = null;
            InputFile? document = null;
            if (parse.GetValue(interactive))
            {
                if (!context.Console.Profile.Capabilities.Interactive)
                {
                    throw new UsageException("--interactive needs a terminal; give an assessment file instead");
                }

                input = Questionnaire.Ask(context.Console);
            }
            else
            {
                path = (parse.GetValue(file) ?? throw new UsageException("give an assessment file, or use --interactive")).FullName;
                document = InputFile.Read(path);
                reported = ReportedFlags(document.Root);
                input = Guard(reported, () => Read(document));
            }

            foreach (var bundle in parse.GetValue(fhir) ?? [])
            {
                if (!bundle.Exists)
                {
                    throw new UsageException($"--fhir: {bundle.Name}: no such file");
                }

                Storage.Labs.FhirLabFile labs;
                try
                {
                    labs = Storage.Labs.FhirLabs.Read(File.ReadAllText(bundle.FullName), bundle.Name);
                }
                catch (FormatException ex)
                {
                    throw new UsageException(ex.Message);
                }

                input = input with { Labs = [.. input.Labs, .. labs.Labs.Select(l => l.Input)] };
                foreach (var skipped in labs.Skipped)
                {
                    context.Error.WriteLine($"note: {skipped}");
                }

                foreach (var lab in labs.Labs.Where(l => l.UnitFromText))
                {
                    context.Error.WriteLine($"note: {bundle.Name}: {lab.Display} has no UCUM code; read its unit text '{lab.Input.Unit}'");
                }
            }

            var diet = path is null ? null : Guard(reported, () => Diet(context, path, document!, input.Person, parse.GetValue(dataDir)));
            document?.Dispose();
            var result = Guard(reported, () =>
            {
                try
                {
                    return RecoveryAssessor.Assess(input, diet: diet);
                }
                catch (ArgumentException ex)
                {
                    throw new UsageException(path is null ? ex.Message : $"{Path.GetFileName(path)}: {ex.Message}");
                }
            });

            switch (parse.GetValue(format))
            {
                case "json":
                    return context.Emit(true, result, AssessmentViews.Render);
                case "markdown":
                    context.Output.Write(AssessmentViews.Markdown(result));
                    return 0;
                case "html":
                    context.Output.Write(AssessmentViews.Html(result));
                    return 0;
                default:
                    return context.Emit(false, result, AssessmentViews.Render);
            }
        });
        return command;
    }

    /// <summary>The diet analysis of the file's <c>diet_log</c> (one path or a list, relative to the file) with its
    /// <c>supplements</c>, or null when it names none.</summary>
    private static Replete.Diet.DietAnalysis? Diet(CliContext context, string path, InputFile file, References.Person person, string? dataDir)
    {
        var root = file.Root;
        if (!root.TryGetProperty("diet_log", out var logs))
        {
            return null;
        }

        var directory = Path.GetDirectoryName(path)!;
        string[] files = logs.ValueKind switch
        {
            JsonValueKind.String => [logs.GetString()!],
            JsonValueKind.Array => [.. logs.EnumerateArray().Select(l => l.ValueKind == JsonValueKind.String ? l.GetString()! : throw new UsageException($"{file.At(l)}: diet_log holds file paths as text"))],
            _ => throw new UsageException($"{file.At(logs)}: diet_log is a file path or a list of them"),
        };
        using var loaded = new DietFiles(context, dataDir, interactive: false);
        foreach (var log in files)
        {
            loaded.Load(new FileInfo(Path.Combine(directory, log)));
        }

        loaded.CheckOverlap();

        IReadOnlyList<Replete.Diet.Supplement> supplements = [];
        if (ProfileFile.Text(file, root, "supplements") is { } supplementFile)
        {
            var supplementPath = new FileInfo(Path.Combine(directory, supplementFile));
            AnalyzeCommand.Check(supplementPath);
            supplements = Replete.Diet.Supplement.ReadJson(File.ReadAllText(supplementPath.FullName), supplementFile);
        }

        foreach (var problem in loaded.Problems)
        {
            context.Error.WriteLine($"note: {problem}");
        }

        return Replete.Diet.DietAnalyzer.Analyze(loaded.Items, supplements, Targets.TargetCalculator.For(person));
    }

    /// <summary>The red flags the file reports, read before anything else can fail.</summary>
    private static readonly string[] IdLists = ["red_flags", "symptoms", "risk_factors"];

    private static IReadOnlyList<RedFlag> ReportedFlags(JsonElement root)
    {
        // A red flag listed under symptoms by mistake still leads the error.
        var ids = root.ValueKind != JsonValueKind.Object ? []
            : IdLists
                .Where(field => root.TryGetProperty(field, out var list) && list.ValueKind == JsonValueKind.Array)
                .SelectMany(field => root.GetProperty(field).EnumerateArray())
                .Where(e => e.ValueKind == JsonValueKind.String)
                .Select(e => e.GetString())
                .ToHashSet();
        return [.. KnowledgeBase.Default.RedFlags.Where(f => ids.Contains(f.FlagId))];
    }

    /// <summary>Runs a step; if it fails on bad input while a red flag is reported, the error still leads with the
    /// flag, so a mistake elsewhere in the file never hides "get medical care".</summary>
    private static T Guard<T>(IReadOnlyList<RedFlag> flags, Func<T> step)
    {
        try
        {
            return step();
        }
        catch (UsageException ex) when (flags.Count > 0)
        {
            var worst = flags.MaxBy(f => f.Triage)!;
            var headline = worst.Triage switch
            {
                TriageLevel.Emergency => "EMERGENCY: get medical care now",
                TriageLevel.SeeDoctorToday => "See a doctor today",
                _ => "See a doctor soon",
            };
            throw new UsageException($"{headline} ({worst.Label}: {worst.Message}). The rest of the report could not be made: {ex.Message}");
        }
    }

    private static AssessmentInput Read(InputFile file)
    {
        var root = file.Root;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("profile", out var profile) || profile.ValueKind != JsonValueKind.Object)
        {
            throw new UsageException($"{file.At(root, "profile")}: needs a \"profile\" object (age, sex, ...)");
        }

        var profileFile = ProfileFile.FromElement(file, profile, "profile");
        var person = profileFile.ToPerson(file.At(profile));
        var known = new[] { "profile", "symptoms", "risk_factors", "red_flags", "labs", "lab_sample", "diet_log", "supplements" };
        foreach (var property in root.EnumerateObject().Where(p => !known.Contains(p.Name)))
        {
            throw new UsageException($"{file.At(property.Value)}: unknown field '{property.Name}'; known fields: {string.Join(", ", known)}");
        }

        string[] Ids(string field) => !root.TryGetProperty(field, out var list) || list.ValueKind == JsonValueKind.Null ? []
            : list.ValueKind == JsonValueKind.Array
                ? [.. list.EnumerateArray().Select(e => Id(file, field, e))]
                : throw new UsageException($"{file.At(list)}: {field} must be a list, such as [\"{field}_id\"]");
        var labs = new List<LabInput>();
        if (root.TryGetProperty("labs", out var labList) && labList.ValueKind is not (JsonValueKind.Array or JsonValueKind.Null))
        {
            throw new UsageException($"{file.At(labList)}: labs must be a list of {{\"biomarker\", \"value\", \"unit\"}} objects");
        }

        if (labList.ValueKind == JsonValueKind.Array)
        {
            var index = -1;
            foreach (var lab in labList.EnumerateArray())
            {
                index++;
                if (lab.ValueKind != JsonValueKind.Object)
                {
                    throw new UsageException($"{file.At(lab)}: labs[{index}] is an object with \"biomarker\", \"value\" and \"unit\"");
                }

                var biomarker = ProfileFile.Text(file, lab, "biomarker", $"labs[{index}]") ?? throw new UsageException($"{file.At(lab)}: labs[{index}] needs \"biomarker\"");
                var value = ProfileFile.Number(file, lab, "value", $"labs[{index}]") ?? throw new UsageException($"{file.At(lab)}: labs[{index}] ({biomarker}) needs a numeric \"value\"");
                foreach (var property in lab.EnumerateObject().Where(p => p.Name is not ("biomarker" or "value" or "unit" or "confirmed")))
                {
                    throw new UsageException($"{file.At(property.Value)}: labs[{index}]: unknown field '{property.Name}'; known fields: biomarker, value, unit, confirmed");
                }

                var input = new LabInput(biomarker, value, ProfileFile.Text(file, lab, "unit", $"labs[{index}]")) { Confirmed = ProfileFile.Flag(file, lab, "confirmed", $"labs[{index}]") ?? false };
                try
                {
                    _ = LabReading.Read(input, person.Sex, person.AgeYears, pregnant: person.Reproductive == References.ReproductiveStatus.Pregnant);
                }
                catch (ArgumentException ex)
                {
                    throw new UsageException($"{file.At(lab)}: labs[{index}]: {ex.Message}");
                }

                labs.Add(input);
            }
        }

        // A vegan profile is the person's own fact, like a listed risk factor (the engine's Person knows only vegetarian).
        string[] risks = Ids("risk_factors");
        if (string.Equals(profileFile.Diet?.Trim(), "vegan", StringComparison.OrdinalIgnoreCase) && !risks.Contains("vegan"))
        {
            risks = [.. risks, "vegan"];
        }

        return new AssessmentInput(person, Ids("symptoms"), risks, Ids("red_flags"), labs) { Sample = Sample(file, root) };
    }

    /// <summary>One id of a symptoms, risk_factors or red_flags list, checked where it stands in the file.</summary>
    private static string Id(InputFile file, string field, JsonElement element)
    {
        var id = element.ValueKind == JsonValueKind.String ? element.GetString()! : throw new UsageException($"{file.At(element)}: {field} holds ids as text");
        try
        {
            RecoveryAssessor.CheckIds([id], field switch { "symptoms" => "symptom", "risk_factors" => "risk factor", _ => "red flag" });
        }
        catch (ArgumentException ex)
        {
            throw new UsageException($"{file.At(element)}: {field}: {ex.Message}");
        }

        return id;
    }

    /// <summary>The file's <c>lab_sample</c>: when and how the blood was drawn (date, latitude, fasting, time,
    /// after_hard_training).</summary>
    private static LabSample Sample(InputFile file, JsonElement root)
    {
        if (!root.TryGetProperty("lab_sample", out var sample) || sample.ValueKind == JsonValueKind.Null)
        {
            return LabSample.Unknown;
        }

        if (sample.ValueKind != JsonValueKind.Object)
        {
            throw new UsageException($"{file.At(sample)}: lab_sample must be an object, such as {{\"date\": \"2026-02-10\", \"time\": \"morning\", \"fasting\": true}}");
        }

        var fields = new[] { "date", "latitude", "fasting", "time", "after_hard_training" };
        foreach (var property in sample.EnumerateObject().Where(p => !fields.Contains(p.Name)))
        {
            throw new UsageException($"{file.At(property.Value)}: lab_sample: unknown field '{property.Name}'; known fields: {string.Join(", ", fields)}");
        }

        DateOnly? drawn = ProfileFile.Text(file, sample, "date", "lab_sample") is not { } date ? null
            : DateOnly.TryParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day) ? day
            : throw new UsageException($"{file.At(sample, "date")}: lab_sample.date: '{date}' is not a date (use YYYY-MM-DD)");
        var latitude = ProfileFile.Number(file, sample, "latitude", "lab_sample");
        if (latitude is < -90 or > 90)
        {
            throw new UsageException($"{file.At(sample, "latitude")}: lab_sample.latitude: {latitude} is not a latitude (-90 to 90, negative south)");
        }

        SampleTime? time = ProfileFile.Text(file, sample, "time", "lab_sample") switch
        {
            null => null,
            "morning" => SampleTime.Morning,
            "afternoon" => SampleTime.Afternoon,
            var other => throw new UsageException($"{file.At(sample, "time")}: lab_sample.time: '{other}' is not morning or afternoon"),
        };
        return new LabSample(drawn, latitude, ProfileFile.Flag(file, sample, "fasting", "lab_sample"), time, ProfileFile.Flag(file, sample, "after_hard_training", "lab_sample"));
    }
}

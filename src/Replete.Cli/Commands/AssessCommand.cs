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
            JsonDocument? document = null;
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
                document = ProfileFile.ParseJson(path);
                reported = ReportedFlags(document.RootElement);
                input = Guard(reported, () => Read(path, document.RootElement));
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

            var diet = path is null ? null : Guard(reported, () => Diet(context, path, document!.RootElement, input.Person, parse.GetValue(dataDir)));
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
    private static Replete.Diet.DietAnalysis? Diet(CliContext context, string path, JsonElement root, References.Person person, string? dataDir)
    {
        if (!root.TryGetProperty("diet_log", out var logs))
        {
            return null;
        }

        var directory = Path.GetDirectoryName(path)!;
        string[] files = logs.ValueKind switch
        {
            JsonValueKind.String => [logs.GetString()!],
            JsonValueKind.Array => [.. logs.EnumerateArray().Select(l => l.ValueKind == JsonValueKind.String ? l.GetString()! : throw new UsageException($"{Path.GetFileName(path)}: diet_log holds file paths as text"))],
            _ => throw new UsageException($"{Path.GetFileName(path)}: diet_log is a file path or a list of them"),
        };
        using var loaded = new DietFiles(context, dataDir, interactive: false);
        foreach (var log in files)
        {
            loaded.Load(new FileInfo(Path.Combine(directory, log)));
        }

        loaded.CheckOverlap();

        IReadOnlyList<Replete.Diet.Supplement> supplements = [];
        if (ProfileFile.Text(Path.GetFileName(path), root, "supplements") is { } supplementFile)
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
    private static IReadOnlyList<RedFlag> ReportedFlags(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("red_flags", out var list) && list.ValueKind == JsonValueKind.Array
            ? [.. KnowledgeBase.Default.RedFlags.Where(f => list.EnumerateArray().Any(e => e.ValueKind == JsonValueKind.String && e.GetString() == f.FlagId))]
            : [];

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
            var headline = worst.Triage == TriageLevel.Emergency ? "EMERGENCY: get medical care now" : "See a doctor soon";
            throw new UsageException($"{headline} ({worst.Label}: {worst.Message}). The rest of the report could not be made: {ex.Message}");
        }
    }

    private static AssessmentInput Read(string path, JsonElement root)
    {
        var name = Path.GetFileName(path);
        if (!root.TryGetProperty("profile", out var profile) || profile.ValueKind != JsonValueKind.Object)
        {
            throw new UsageException($"{name}: needs a \"profile\" object (age, sex, ...)");
        }

        var person = ProfileFile.FromElement(name, profile).ToPerson(name);
        var known = new[] { "profile", "symptoms", "risk_factors", "red_flags", "labs", "lab_sample", "diet_log", "supplements" };
        foreach (var property in root.EnumerateObject().Where(p => !known.Contains(p.Name)))
        {
            throw new UsageException($"{name}: unknown field '{property.Name}'; known fields: {string.Join(", ", known)}");
        }

        string[] Ids(string field) => !root.TryGetProperty(field, out var list) || list.ValueKind == JsonValueKind.Null ? []
            : list.ValueKind == JsonValueKind.Array
                ? [.. list.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : throw new UsageException($"{name}: {field} holds ids as text"))]
                : throw new UsageException($"{name}: {field} must be a list, such as [\"{field}_id\"]");
        var labs = new List<LabInput>();
        if (root.TryGetProperty("labs", out var labList) && labList.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var lab in labList.EnumerateArray())
            {
                index++;
                var biomarker = ProfileFile.Text(name, lab, "biomarker") ?? throw new UsageException($"{name}: labs[{index}] needs \"biomarker\"");
                var value = ProfileFile.Number(name, lab, "value") ?? throw new UsageException($"{name}: labs[{index}] ({biomarker}) needs a numeric \"value\"");
                labs.Add(new LabInput(biomarker, value, ProfileFile.Text(name, lab, "unit")));
            }
        }

        return new AssessmentInput(person, Ids("symptoms"), Ids("risk_factors"), Ids("red_flags"), labs) { Sample = Sample(name, root) };
    }

    /// <summary>The file's <c>lab_sample</c>: when and how the blood was drawn (date, latitude, fasting, time,
    /// after_hard_training).</summary>
    private static LabSample Sample(string name, JsonElement root)
    {
        if (!root.TryGetProperty("lab_sample", out var sample) || sample.ValueKind == JsonValueKind.Null)
        {
            return LabSample.Unknown;
        }

        if (sample.ValueKind != JsonValueKind.Object)
        {
            throw new UsageException($"{name}: lab_sample must be an object, such as {{\"date\": \"2026-02-10\", \"time\": \"morning\", \"fasting\": true}}");
        }

        var fields = new[] { "date", "latitude", "fasting", "time", "after_hard_training" };
        foreach (var property in sample.EnumerateObject().Where(p => !fields.Contains(p.Name)))
        {
            throw new UsageException($"{name}: lab_sample: unknown field '{property.Name}'; known fields: {string.Join(", ", fields)}");
        }

        bool? Flag(string field) => !sample.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null ? null
            : value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean()
            : throw new UsageException($"{name}: lab_sample.{field} must be true or false");
        DateOnly? drawn = ProfileFile.Text(name, sample, "date") is not { } date ? null
            : DateOnly.TryParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day) ? day
            : throw new UsageException($"{name}: lab_sample.date: '{date}' is not a date (use YYYY-MM-DD)");
        var latitude = ProfileFile.Number(name, sample, "latitude");
        if (latitude is < -90 or > 90)
        {
            throw new UsageException($"{name}: lab_sample.latitude: {latitude} is not a latitude (-90 to 90, negative south)");
        }

        SampleTime? time = ProfileFile.Text(name, sample, "time") switch
        {
            null => null,
            "morning" => SampleTime.Morning,
            "afternoon" => SampleTime.Afternoon,
            var other => throw new UsageException($"{name}: lab_sample.time: '{other}' is not morning or afternoon"),
        };
        return new LabSample(drawn, latitude, Flag("fasting"), time, Flag("after_hard_training"));
    }
}

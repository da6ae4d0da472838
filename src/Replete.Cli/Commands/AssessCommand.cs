using System.CommandLine;
using Replete.Assessment;
using Replete.Cli.Rendering;
using Replete.Documents;
using Replete.Fhir;
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
        var noPlan = new Option<bool>("--no-plan") { Description = "Leave out the plan section (made when the file has a diet_log)" };
        var all = new Option<bool>("--all") { Description = "Show the evidence for every nutrient, not only those with a signal" };
        var command = new Command("assess", "Rank the likely recovery bottlenecks from symptoms, risk factors, diet and labs; red flags first, then the plan. Decision support, not a diagnosis") { file, format, fhir, dataDir, interactive, noPlan, all };
        command.SetAction(parse =>
        {
            AssessmentInput input;
            AssessmentFile? read = null;
            IReadOnlyList<string> interactiveLeftOut = [];
            if (parse.GetValue(interactive))
            {
                if (!context.Console.Profile.Capabilities.Interactive)
                {
                    throw new UsageException("--interactive needs a terminal; give an assessment file instead");
                }

                var answers = Questionnaire.Ask(context.Console);
                var files = ReadFhir(context, parse.GetValue(fhir) ?? []);
                interactiveLeftOut = [.. files.SelectMany(f => f.Skipped)];
                input = answers with { Labs = [.. answers.Labs, .. files.SelectMany(f => f.Labs.Select(l => l.Input))] };

                // The questionnaire checks each lab as it is entered; this checks the rest (a CRP, a FHIR upload) the
                // same way a file's labs are checked.
                if (AssessmentRequest.CheckLabs(input.Labs, input.Person, input.Sample, "questionnaire or --fhir") is { Count: > 0 } problems)
                {
                    throw new InputException(AssessmentRequest.LeadWithReportedFlags([.. KnowledgeBase.Default.RedFlags.Where(f => input.RedFlags.Contains(f.FlagId))], problems));
                }
            }
            else
            {
                var named = parse.GetValue(file) ?? throw new UsageException("give an assessment file, or use --interactive");
                var path = named.FullName;
                if (!parse.GetValue(noPlan))
                {
                    // The food database and what the plan reads from it load while the file is read.
                    context.Foods.Warm(parse.GetValue(dataDir));
                    _ = Task.Run(Planning.DayPlanner.LoadSolver);
                }

                read = ReadFile(context, path, parse.GetValue(fhir) ?? [], parse.GetValue(dataDir), named.ToString());
                input = read.Input;
            }

            input = input with { AsOf = context.Today };
            var result = RecoveryAssessor.Assess(input, diet: read?.Diet?.Analysis) with { LabsLeftOut = read?.LabsLeftOut ?? interactiveLeftOut };
            var foodLog = read?.Diet?.Analysis.FoodLog;
            if (read?.Diet is not { } loaded || parse.GetValue(noPlan))
            {
                return parse.GetValue(format) == "json" ? context.Emit(true, WithFoodLog(result, foodLog), (_, _) => { })
                    : Show(context, parse.GetValue(format), AssessmentReport.For(result, input, all: parse.GetValue(all)) with { FoodLog = foodLog });
            }

            // The plan follows the assessment in every format; in JSON it is the report's "plan" member.
            var plan = PlanCommand.Plan(context, read, loaded, result, parse.GetValue(dataDir));
            if (parse.GetValue(format) == "json")
            {
                var report = WithFoodLog(result, foodLog);
                report["plan"] = System.Text.Json.JsonSerializer.SerializeToNode(plan, Json.Options);
                return context.Emit(true, report, (_, _) => { });
            }

            return Show(context, parse.GetValue(format), AssessmentReport.For(result, input, plan, parse.GetValue(all)) with { FoodLog = foodLog });
        });
        return command;
    }

    /// <summary>The assessment as JSON with, where it read a food log, what the log came to as <c>analyze</c> reports it:
    /// <c>to_confirm</c> (matches below the confirmation threshold, counted as matched) and <c>not_counted</c> (lines no
    /// food or weight was found for), with <c>food_log_lines</c> and <c>food_log_lines_not_counted</c>.</summary>
    private static System.Text.Json.Nodes.JsonObject WithFoodLog(RecoveryAssessment result, Replete.Diet.FoodLogCheck? foodLog)
    {
        var report = System.Text.Json.JsonSerializer.SerializeToNode(result, Json.Options)!.AsObject();
        if (foodLog is not null)
        {
            report["food_log_lines"] = foodLog.Lines;
            report["food_log_lines_not_counted"] = foodLog.LinesNotCounted;
            report["to_confirm"] = System.Text.Json.JsonSerializer.SerializeToNode(foodLog.ToConfirm, Json.Options);
            report["not_counted"] = System.Text.Json.JsonSerializer.SerializeToNode(foodLog.NotCounted, Json.Options);
        }

        return report;
    }

    /// <summary>The report for a person (table, markdown or HTML), answer first, the plan in brief inside it.</summary>
    private static int Show(CliContext context, string? format, AssessmentReport report) =>
        context.Report(format, report, AssessmentViews.Render, AssessmentViews.Markdown, AssessmentViews.Html);

    /// <summary>Reads an assessment file with the FHIR files given beside it and its diet log and supplements.</summary>
    /// <exception cref="InputException">Every problem, the reported red flags first (they lead even when the rest of
    /// the file is bad).</exception>
    /// <param name="context">The command's context.</param>
    /// <param name="path">The assessment file's full path.</param>
    /// <param name="fhir">FHIR files given beside it.</param>
    /// <param name="dataDir">The data directory option.</param>
    /// <param name="shown">The assessment file as the person typed it, for messages.</param>
    internal static AssessmentFile ReadFile(CliContext context, string path, IReadOnlyList<FileInfo> fhir, string? dataDir, string shown)
    {
        var request = InputFile.Read(path, source => AssessmentRequest.Read(source), shown);
        var flags = request.ReportedRedFlags();
        try
        {
            var leftOut = new List<string>();
            var read = request.Labs.Select((l, i) => new LabResult(l, $"labs[{i}]")).ToList();
            foreach (var (labs, bundle) in ReadFhir(context, fhir).Zip(fhir))
            {
                leftOut.AddRange(labs.Skipped);
                // A result an earlier file (or the assessment file) already gave is counted once (LabRepeats).
                var results = labs.Labs.Select(l => l.AsResult(bundle.ToString())).ToList();
                var repeats = LabRepeats.Find(results, read);
                foreach (var repeat in repeats.OfType<string>())
                {
                    context.Error.WriteLine($"note: {repeat}");
                    leftOut.Add(repeat);
                }

                read.AddRange(results.Where((_, i) => repeats[i] is null));
                request = request.WithLabs([.. labs.Labs.Where((_, i) => repeats[i] is null).Select(l => l.Input)], bundle.ToString()).OrThrow();
            }

            var week = request.TrainingWeek is { } weekFile
                ? InputFile.Read(Inside(shown, Path.GetDirectoryName(path)!, weekFile, FileField(request, "training_week")).FullName, Replete.Training.TrainingWeek.Read, weekFile)
                : null;
            return new AssessmentFile(request, request.ToInput(), Diet(context, path, shown, request, dataDir, week)) { Week = week, LabsLeftOut = leftOut };
        }
        catch (InputException ex)
        {
            throw new InputException(AssessmentRequest.LeadWithReportedFlags(flags, ex.Problems));
        }
    }

    /// <summary>Reads the FHIR files, refuses them unless they are one person's (each file, and the files together), then
    /// notes on stderr what they left out and which units came from text.</summary>
    private static List<FhirLabFile> ReadFhir(CliContext context, IReadOnlyList<FileInfo> bundles)
    {
        // Named as the person typed it ("/etc/passwd: not JSON", not "passwd: not JSON").
        var files = bundles.Select(bundle => FhirLabs.Read(InputFile.ReadText(bundle.FullName, bundle.ToString()), bundle.ToString())).ToList();
        FhirLabs.OnePerson(files.Select((f, i) => (bundles[i].ToString(), f)));
        foreach (var (labs, bundle) in files.Zip(bundles))
        {
            foreach (var skipped in labs.Skipped)
            {
                context.Error.WriteLine($"note: {skipped}");
            }

            foreach (var lab in labs.Labs.Where(l => l.UnitFromText))
            {
                context.Error.WriteLine($"note: {bundle}: {lab.Display} has no UCUM code; read its unit text '{lab.Input.Unit}'");
            }
        }

        return files;
    }

    /// <summary>The field and line where the request names a file (the <paramref name="index"/>th of its kind), or the
    /// bare field for a request that was not read from a document.</summary>
    private static (string Field, int? Line) FileField(AssessmentRequest request, string field, int index = 0) =>
        request.FileFields.Where(f => f.Field == field || f.Field.StartsWith(field + "[", StringComparison.Ordinal)).ElementAtOrDefault(index) is { Field: not null } found
            ? found : (field, null);

    /// <summary>Where a link finally points, or null for a path that is no link (a missing file is reported later,
    /// where it is opened; a dangling link points where its target would be).</summary>
    private static string? Resolved(FileSystemInfo path)
    {
        try
        {
            return path.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
        }
        catch (IOException)
        {
            return path.LinkTarget is { } target ? Path.GetFullPath(target, Path.GetDirectoryName(path.FullName)!) : null;
        }
    }

    /// <summary>A file the assessment names (<paramref name="field"/>), which must stay inside the assessment file's folder:
    /// the engine refused absolute paths and '..' (AssessmentRequest.Outside); here every part of the path below the
    /// folder counts where it points, so neither a linked file nor a linked folder leads outside. A missing or unreadable
    /// file is named with the assessment file and the field.</summary>
    private static FileInfo Inside(string assessment, string directory, string relative, (string Field, int? Line) at)
    {
        InputException Problem(string message) =>
            new([new InputProblem(assessment, at.Line, at.Field, InputProblemCodes.Invalid, $"'{relative}': {message}")]);
        var full = Path.GetFullPath(Path.Combine(directory, relative));
        var folder = Path.TrimEndingDirectorySeparator(directory) + Path.DirectorySeparatorChar;
        var realFolder = Path.TrimEndingDirectorySeparator(Resolved(new DirectoryInfo(directory)) ?? directory) + Path.DirectorySeparatorChar;
        const string Leaves = "leaves the assessment file's folder: put the file beside the assessment file, or in a folder below it";
        if (!full.StartsWith(folder, StringComparison.Ordinal))
        {
            throw Problem(Leaves);
        }

        var real = Path.TrimEndingDirectorySeparator(folder);
        foreach (var part in Path.GetRelativePath(folder, full).Split(Path.DirectorySeparatorChar))
        {
            real = Path.Combine(real, part);
            var target = Resolved(Directory.Exists(real) ? new DirectoryInfo(real) : new FileInfo(real));
            if (target is not null)
            {
                real = target;
            }

            if (!real.StartsWith(folder, StringComparison.Ordinal) && !real.StartsWith(realFolder, StringComparison.Ordinal))
            {
                throw Problem(Leaves + (target is null ? "" : " (it is a link to a place outside it)"));
            }
        }

        try
        {
            InputFile.RequireRegularFile(full);
        }
        catch (InputException ex)
        {
            throw Problem(ex.Problems[0].Message + " (beside the assessment file)");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Problem($"cannot be read ({ex.Message})");
        }

        return new FileInfo(full);
    }

    /// <summary>The diet analysis of the request's <c>diet_log</c> (paths relative to the assessment file) with its
    /// <c>supplements</c>, against the targets of the training <paramref name="week"/> where the file names one, or null
    /// when it names no diet log.</summary>
    private static LoadedDiet? Diet(CliContext context, string path, string shown, AssessmentRequest request, string? dataDir, Replete.Training.TrainingWeek? week)
    {
        if (request.DietLogs.Count == 0)
        {
            return null;
        }

        var directory = Path.GetDirectoryName(path)!;
        // Every path is checked before the first is read, so a bad one is refused before the food database opens.
        var logs = request.DietLogs.Select((log, i) => Inside(shown, directory, log, FileField(request, "diet_log", i))).ToList();
        var diet = DietFiles.Load(context, logs, dataDir, interactive: false, request.Profile.FoodTable);
        var supplements = request.Supplements is { } supplementFile
            ? AnalyzeCommand.ReadSupplements(Inside(shown, directory, supplementFile, FileField(request, "supplements")), supplementFile)
            : Replete.Diet.SupplementPlan.None;
        foreach (var note in Rendering.DietViews.Capped(diet.Notes.Select(n => n.ToString())))
        {
            context.Error.WriteLine($"note: {note}");
        }

        var targets = Targets.TargetCalculator.For(request.Person);
        if (week is not null)
        {
            targets = targets.WithWeek(week);
        }

        // The plan's usual diet (own foods, vitamin A, meals) is read in the analysis's own reading of the log.
        var usual = new Planning.UsualDiet.Reader();
        var analysis = Replete.Diet.DietAnalyzer.Analyze(diet.Items, supplements.Supplements, targets, observe: usual.Add) with { FoodLog = diet.CheckFor(request.Profile.Diet) };
        return new LoadedDiet(diet.Items, supplements, analysis, targets) { Usual = usual.Finish(analysis.Days) };
    }
}

/// <summary>An assessment file as read: the request, the engine's input and the diet it names.</summary>
internal sealed record AssessmentFile(AssessmentRequest Request, AssessmentInput Input, LoadedDiet? Diet)
{
    /// <summary>The training week the file names, or null.</summary>
    public Replete.Training.TrainingWeek? Week { get; init; }

    /// <summary>Results the FHIR files held that were not read, each with its file and why.</summary>
    public IReadOnlyList<string> LabsLeftOut { get; init; } = [];
}

/// <summary>A diet log read and analysed: its items (read again from the files at each enumeration), the supplements
/// taken, the analysis and the targets it used.</summary>
internal sealed record LoadedDiet(IEnumerable<Replete.Diet.IntakeItem> Items, Replete.Diet.SupplementPlan Supplements, Replete.Diet.DietAnalysis Analysis, Targets.PersonalTargets Targets)
{
    /// <summary>The usual diet the plan starts from, read with the analysis, or null.</summary>
    public Planning.UsualDiet? Usual { get; init; }
}

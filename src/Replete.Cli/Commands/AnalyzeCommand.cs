using System.CommandLine;
using Replete.Cli.Rendering;
using Replete.Diet;
using Replete.Documents;
using Replete.Targets;
using Spectre.Console;

namespace Replete.Cli.Commands;

/// <summary><c>replete analyze</c>: usual intake from food logs and app exports against the person's targets.</summary>
internal static class AnalyzeCommand
{
    public static Command Create(CliContext context)
    {
        var logs = new Argument<FileInfo[]>("log") { Description = "Food logs (CSV or JSON), Cronometer or MyFitnessPal exports (CSV, or the MyFitnessPal zip)", Arity = ArgumentArity.OneOrMore };
        var profile = new Option<FileInfo>("--profile") { Description = "Profile JSON: age, sex, body_mass_kg, diet, sport, training_hours_per_week", Required = true };
        var supplements = new Option<FileInfo?>("--supplements") { Description = "Supplements JSON: name, form, doses_per_day, per_dose amounts" };
        var from = new Option<DateOnly?>("--from") { Description = "First day to analyse (YYYY-MM-DD)" };
        var to = new Option<DateOnly?>("--to") { Description = "Last day to analyse (YYYY-MM-DD)" };
        var format = new Option<string>("--format") { Description = "table, markdown or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "markdown", "json");
        var chart = new Option<FileInfo?>("--chart") { Description = "Write a chart of intake against target (FILE.png or FILE.svg), with its text alternative in FILE.png.txt or FILE.svg.txt" };
        var interactive = new Option<bool>("--interactive") { Description = "Ask which food was meant when a match is uncertain" };
        var dataDir = new Option<string?>("--data-dir") { Description = "Where Replete keeps its food database" };
        var command = new Command("analyze", "Usual intake of every nutrient from food logs, against the person's targets") { logs, profile, supplements, from, to, format, chart, interactive, dataDir };
        command.SetAction(parse =>
        {
            if (parse.GetValue(interactive) && !context.Console.Profile.Capabilities.Interactive)
            {
                // As assess --interactive: asking needs a terminal, and carrying on without asking would count the
                // uncertain matches the person asked to choose.
                throw new UsageException("--interactive needs a terminal to ask which food was meant; run it in a terminal, or leave out --interactive");
            }

            if (parse.GetValue(from) is { } first && parse.GetValue(to) is { } last && first > last)
            {
                throw new UsageException($"--from {first:yyyy-MM-dd} is after --to {last:yyyy-MM-dd}: the range is reversed; swap them");
            }

            if (parse.GetValue(chart) is { } requested && !IntakeChart.Extensions.Contains(requested.Extension, StringComparer.OrdinalIgnoreCase))
            {
                throw new UsageException($"--chart: {requested.Name}: charts are written as PNG or SVG; name the file .png or .svg");
            }

            var chartFile = parse.GetValue(chart);
            if (chartFile is not null)
            {
                FileInfo[] inputs = [.. parse.GetValue(logs)!, parse.GetValue(profile)!, .. parse.GetValue(supplements) is { } s ? new[] { s } : []];
                CheckOutput(chartFile, inputs);
                CheckOutput(TextBeside(chartFile), inputs);
            }

            var profileDocument = InputFile.Read(parse.GetValue(profile)!.FullName, References.Profile.Read, parse.GetValue(profile)!.ToString());
            var person = profileDocument.ToPerson().OrThrow();
            var taken = parse.GetValue(supplements) is { } supplementFile ? ReadSupplements(supplementFile) : SupplementPlan.None;
            var diet = DietFiles.Load(context, parse.GetValue(logs)!, parse.GetValue(dataDir), parse.GetValue(interactive), profileDocument.FoodTable);
            var analysis = DietAnalyzer.Analyze(diet.Items, taken.Supplements, TargetCalculator.For(person), parse.GetValue(from), parse.GetValue(to)) with { FoodLog = diet.CheckFor(profileDocument.Diet) };
            // Supplements with no food are reported (each UL checked, every mean a lower bound), not refused.
            if (analysis.Days == 0 && !analysis.SupplementsAlone)
            {
                // Say why: the range misses the logs, or no entry could be counted (each note names its file and line).
                var why = diet.Count > 0
                    ? $"the logs cover {diet.FirstDate:yyyy-MM-dd} to {diet.LastDate:yyyy-MM-dd}"
                    : diet.Notes.Any(n => !DietReport.CountedCodes.Contains(n.Code))
                        ? "no entry could be counted: " + string.Join("; ", diet.Notes.Where(n => !DietReport.CountedCodes.Contains(n.Code)).Take(5).Select(n => n.ToString()))
                        : $"{string.Join(", ", parse.GetValue(logs)!.Select(l => l.Name))} hold(s) no entries";
                throw new UsageException($"no logged days in the range ({why})");
            }

            var report = new DietReport(analysis, diet.Resolved, [.. diet.Notes.Where(n => !DietReport.CountedCodes.Contains(n.Code)).Select(n => n.ToString())])
            {
                Notes = [.. diet.Notes.Where(n => DietReport.CountedCodes.Contains(n.Code)).Select(n => n.ToString())],
                Safety = Assessment.RecoveryAssessor.CheckIntake(person, analysis),
            };
            if (chartFile is not null)
            {
                WriteChart(chartFile, IntakeChart.Render(analysis, chartFile.Extension), IntakeChart.Text(analysis));
                context.Error.WriteLine($"Chart written to {chartFile.FullName}, in words in {TextBeside(chartFile).Name}");
            }

            return parse.GetValue(format) switch
            {
                "json" => context.Emit(true, report, DietViews.Render),
                "markdown" => Markdown(context, report),
                _ => context.Emit(false, report, DietViews.Render),
            };
        });
        return command;
    }

    /// <summary>Refuses, before anything is read, a chart path that would overwrite an input, write through a link, or
    /// open a pipe or a device (length zero: opening a pipe to write waits for a reader for ever).</summary>
    private static void CheckOutput(FileInfo chart, IEnumerable<FileInfo> inputs)
    {
        string? Real(FileInfo file) => file.LinkTarget is null ? file.FullName : file.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
        var problem = Directory.Exists(chart.FullName) ? "is a folder"
            : chart.LinkTarget is not null ? "is a symbolic link; name the file itself"
            : !Directory.Exists(chart.DirectoryName) ? "is in a folder that does not exist"
            : chart.Exists && chart.Length == 0 ? "exists and is empty, or is not a regular file (a pipe or a device); remove it or choose another name"
            : inputs.Any(i => string.Equals(SafeReal(i), chart.FullName, StringComparison.Ordinal)) ? "is one of the input files; choose another name"
            : null;
        if (problem is not null)
        {
            throw new UsageException($"--chart: {chart.FullName}: {problem}");
        }

        string? SafeReal(FileInfo file)
        {
            try
            {
                return Real(file);
            }
            catch (IOException)
            {
                return file.FullName;
            }
        }
    }

    /// <summary>Where the chart's text alternative goes: beside it, its name and ".txt" ("intake.png.txt").</summary>
    private static FileInfo TextBeside(FileInfo chart) => new(chart.FullName + ".txt");

    /// <summary>Writes the chart and its text alternative beside their targets and moves them into place, so a failure
    /// leaves no half-written file.</summary>
    private static void WriteChart(FileInfo chart, byte[] image, string text)
    {
        var words = TextBeside(chart);
        var temporary = chart.FullName + $".{Environment.ProcessId}.tmp";
        var temporaryWords = words.FullName + $".{Environment.ProcessId}.tmp";
        try
        {
            File.WriteAllBytes(temporary, image);
            File.WriteAllText(temporaryWords, text);
            File.Move(temporaryWords, words.FullName, overwrite: true);
            File.Move(temporary, chart.FullName, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
            File.Delete(temporaryWords);
        }
    }

    private static int Markdown(CliContext context, DietReport report)
    {
        context.Output.Write(DietViews.Markdown(report));
        return 0;
    }

    /// <summary>Reads a supplements file (JSON or YAML), after the checks every input file gets.</summary>
    /// <param name="file">The supplements file.</param>
    /// <param name="shown">The file as the person named it, for messages; the path given on the command line when null.</param>
    internal static SupplementPlan ReadSupplements(FileInfo file, string? shown = null)
    {
        shown ??= file.ToString();
        InputFile.RequireRegularFile(file.FullName, shown);
        if (DietImport.SizeProblem(shown, file.Length) is { } size)
        {
            throw new InputException([size]);
        }

        return InputFile.Read(file.FullName, SupplementPlan.Read, shown);
    }
}

using System.CommandLine;
using System.IO.Compression;
using Replete.Cli.Rendering;
using Replete.Data;
using Replete.Diet;
using Replete.Targets;
using Spectre.Console;

namespace Replete.Cli.Commands;

/// <summary><c>replete analyze</c>: usual intake from food logs and app exports against the person's targets.</summary>
internal static class AnalyzeCommand
{
    /// <summary>Files above this size are refused: a year of detailed logging is a few megabytes.</summary>
    private const long MaximumFileBytes = 200L * 1024 * 1024;

    /// <summary>One entry above this is refused as implausible (5 kg of one food at one sitting).</summary>
    internal const double MaximumEntryGrams = 5000;

    public static Command Create(CliContext context)
    {
        var logs = new Argument<FileInfo[]>("log") { Description = "Food logs (CSV or JSON), Cronometer or MyFitnessPal exports (CSV, or the MyFitnessPal zip)", Arity = ArgumentArity.OneOrMore };
        var profile = new Option<FileInfo>("--profile") { Description = "Profile JSON: age, sex, body_mass_kg, diet, sport, training_hours_per_week", Required = true };
        var supplements = new Option<FileInfo?>("--supplements") { Description = "Supplements JSON: name, form, doses_per_day, per_dose amounts" };
        var from = new Option<DateOnly?>("--from") { Description = "First day to analyse (YYYY-MM-DD)" };
        var to = new Option<DateOnly?>("--to") { Description = "Last day to analyse (YYYY-MM-DD)" };
        var format = new Option<string>("--format") { Description = "table, markdown or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "markdown", "json");
        var chart = new Option<FileInfo?>("--chart") { Description = "Write a chart of intake against target (SVG)" };
        var interactive = new Option<bool>("--interactive") { Description = "Ask which food was meant when a match is uncertain" };
        var dataDir = new Option<string?>("--data-dir") { Description = "Where Replete keeps its food database" };
        var command = new Command("analyze", "Usual intake of every nutrient from food logs, against the person's targets") { logs, profile, supplements, from, to, format, chart, interactive, dataDir };
        command.SetAction(parse =>
        {
            if (parse.GetValue(chart) is { } requested && !requested.Extension.Equals(".svg", StringComparison.OrdinalIgnoreCase))
            {
                throw new UsageException($"--chart: {requested.Name}: charts are written as SVG; name the file .svg (a browser or any image editor converts it to PNG)");
            }

            var profilePath = parse.GetValue(profile)!.FullName;
            var person = ProfileFile.Read(profilePath).ToPerson(profilePath);
            var taken = parse.GetValue(supplements) is { } supplementFile ? Supplement.ReadJson(ReadText(supplementFile), supplementFile.Name) : [];
            using var loaded = new DietFiles(context, parse.GetValue(dataDir), parse.GetValue(interactive));
            foreach (var file in parse.GetValue(logs)!)
            {
                loaded.Load(file);
            }

            loaded.CheckOverlap();

            var analysis = DietAnalyzer.Analyze(loaded.Items, taken, TargetCalculator.For(person), parse.GetValue(from), parse.GetValue(to));
            if (analysis.Days == 0)
            {
                throw new UsageException("no logged days in the range" + (loaded.Items.Count > 0 ? $" (the logs cover {loaded.Items.Min(i => i.Date):yyyy-MM-dd} to {loaded.Items.Max(i => i.Date):yyyy-MM-dd})" : ""));
            }

            var report = new DietReport(analysis, loaded.Resolved, loaded.Problems);
            if (parse.GetValue(chart) is { } chartFile)
            {
                File.WriteAllText(chartFile.FullName, IntakeChart.Svg(analysis));
                context.Error.WriteLine($"Chart written to {chartFile.FullName}");
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

    private static int Markdown(CliContext context, DietReport report)
    {
        context.Output.Write(DietViews.Markdown(report));
        return 0;
    }

    private static string ReadText(FileInfo file)
    {
        Check(file);
        return File.ReadAllText(file.FullName);
    }

    internal static void Check(FileInfo file)
    {
        if (!file.Exists)
        {
            throw new UsageException($"{file.Name}: no such file");
        }

        if (file.Length == 0)
        {
            throw new UsageException($"{file.Name}: the file is empty");
        }

        if (file.Length > MaximumFileBytes)
        {
            throw new UsageException($"{file.Name}: {file.Length / 1048576} MB is too large for a diet log (at most {MaximumFileBytes / 1048576} MB); split it by date range");
        }
    }
}

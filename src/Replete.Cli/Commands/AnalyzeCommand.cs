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
    private const double MaximumEntryGrams = 5000;

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

    private static void Check(FileInfo file)
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

    /// <summary>Reads every kind of diet file into intake items, resolving food-log lines through the food database.</summary>
    private sealed class DietFiles(CliContext context, string? dataDir, bool interactive) : IDisposable
    {
        private Storage.Foods.FoodDatabase? database;
        private FoodLogResolver? resolver;

        public List<IntakeItem> Items { get; } = [];

        public List<ResolvedFood> Resolved { get; } = [];

        public List<string> Problems { get; } = [];

        public void Dispose() => database?.Dispose();

        public void Load(FileInfo file)
        {
            Check(file);
            if (file.Extension.Equals(".zip", StringComparison.OrdinalIgnoreCase))
            {
                LoadZip(file);
            }
            else if (file.Extension.Equals(".json", StringComparison.OrdinalIgnoreCase))
            {
                Resolve(FoodLog.ReadJson(File.ReadAllText(file.FullName), file.Name));
            }
            else
            {
                using var csv = new CsvReader(new StreamReader(file.FullName), file.Name);
                LoadCsv(csv);
            }
        }

        private void LoadZip(FileInfo file)
        {
            using var zip = ZipFile.OpenRead(file.FullName);
            var nutrition = zip.Entries.Where(e => e.Name.Contains("Nutrition", StringComparison.OrdinalIgnoreCase) && e.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)).ToList();
            if (nutrition.Count == 0)
            {
                throw new UsageException($"{file.Name}: not a MyFitnessPal export (no Nutrition-Summary CSV inside; found {string.Join(", ", zip.Entries.Select(e => e.Name).Take(8))})");
            }

            foreach (var entry in nutrition)
            {
                using var csv = new CsvReader(new StreamReader(entry.Open()), $"{file.Name}/{entry.Name}");
                LoadCsv(csv);
            }
        }

        private void LoadCsv(CsvReader csv)
        {
            if (!csv.ReadHeader())
            {
                throw new UsageException($"{csv.FileName}: the file is empty");
            }

            var kind = AppExport.Detect(csv.Header);
            switch (kind)
            {
                case DietFileKind.FoodLog:
                    Resolve(FoodLog.ReadCsv(csv));
                    break;
                case DietFileKind.CronometerServings or DietFileKind.CronometerDailySummary or DietFileKind.MyFitnessPalNutrition:
                    Items.AddRange(AppExport.Read(csv, kind));
                    break;
                case DietFileKind.CronometerBiometrics or DietFileKind.MyFitnessPalOther:
                    Problems.Add($"{csv.FileName}: holds measurements or exercise, not food; skipped");
                    break;
                default:
                    throw new UsageException($"{csv.FileName}: not a diet file Replete knows (header: {string.Join(",", csv.Header.Take(6))}...). Expected a food log (date,time,meal,food,amount), a Cronometer servings or daily summary export, or a MyFitnessPal Nutrition Summary");
            }
        }

        private void Resolve(IReadOnlyList<FoodLogEntry> entries)
        {
            if (resolver is null)
            {
                database = FoodStore.Open(context, dataDir);
                resolver = new FoodLogResolver(database.LoadSearchIndex(), database.Find, database.Nutrients());
            }

            foreach (var entry in entries)
            {
                var resolved = resolver.Resolve(entry);
                if (interactive && resolved.NeedsConfirmation && context.Console.Profile.Capabilities.Interactive)
                {
                    var choices = new[] { resolved.Match! }.Concat(resolved.Alternatives).ToList();
                    var pick = context.Console.Prompt(new SelectionPrompt<Foods.FoodMatch>()
                        .Title($"{Markup.Escape(entry.Origin)}: which food is [bold]{Markup.Escape(entry.Food)}[/]?")
                        .UseConverter(m => Markup.Escape($"{m.Description} ({m.FoodId})"))
                        .AddChoices(choices));
                    resolved = resolver.Resolve(entry, pick.FoodId);
                }

                if (resolved.Grams > MaximumEntryGrams)
                {
                    throw new UsageException($"{entry.Origin}: amount: {entry.Amount} of {resolved.Match?.Description} is {resolved.Grams:0} g, more than anyone eats at once ({MaximumEntryGrams:0} g); check the unit");
                }

                Resolved.Add(resolved);
                if (resolved.Item is { } item)
                {
                    Items.Add(item);
                }
                else
                {
                    Problems.Add($"{entry.Origin}: {resolved.Problem}; not counted");
                }
            }
        }
    }
}

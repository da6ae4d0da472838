using System.IO.Compression;
using Replete.Cli.Commands;
using Replete.Data;
using Replete.Diet;
using Spectre.Console;

namespace Replete.Cli;

/// <summary>Reads every kind of diet file into intake items, resolving food-log lines through the food database.</summary>
internal sealed class DietFiles(CliContext context, string? dataDir, bool interactive) : IDisposable
{
    private Storage.Foods.FoodDatabase? database;
    private FoodLogResolver? resolver;

    public List<IntakeItem> Items { get; } = [];

    public List<ResolvedFood> Resolved { get; } = [];

    public List<string> Problems { get; } = [];

    public void Dispose() => database?.Dispose();

    /// <summary>Refuses whole-day totals (a Cronometer daily summary) and per-food entries for the same day: one export
    /// holds both, and adding them would count every day twice.</summary>
    public void CheckOverlap()
    {
        var dailyTotals = Items.Where(i => i.Meal == "day").Select(i => i.Date).ToHashSet();
        var overlap = Items.Where(i => i.Meal != "day" && !i.IsSupplement && dailyTotals.Contains(i.Date)).Select(i => i.Date).Distinct().Order().ToList();
        if (overlap.Count > 0)
        {
            throw new UsageException($"both daily totals and single foods are logged for {overlap.Count} day(s) (first {overlap[0]:yyyy-MM-dd}); give the servings file or the daily summary, not both");
        }
    }

    public void Load(FileInfo file)
    {
        AnalyzeCommand.Check(file);
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

            if (resolved.Grams > AnalyzeCommand.MaximumEntryGrams)
            {
                throw new UsageException($"{entry.Origin}: amount: {entry.Amount} of {resolved.Match?.Description} is {resolved.Grams:0} g, more than anyone eats at once ({AnalyzeCommand.MaximumEntryGrams:0} g); check the unit");
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

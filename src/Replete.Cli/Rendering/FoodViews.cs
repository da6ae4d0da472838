using System.Globalization;
using Replete.Foods;
using Replete.Nutrients;
using Replete.Storage.Foods;
using Spectre.Console;

namespace Replete.Cli.Rendering;

/// <summary>A search and what it found; <paramref name="Sources"/> names the table each result comes from (sr28,
/// ifct2017, ...), by food id, so that with two tables loaded a person sees which one each food is from.</summary>
internal sealed record FoodSearchResult(string Query, int FoodsSearched, IReadOnlyList<FoodMatch> Results, IReadOnlyDictionary<int, string> Sources);

/// <summary>One nutrient of a food: per 100 g and per portion; null means the source does not report it.</summary>
internal sealed record FoodNutrientRow(int NutrientId, string Nutrient, string Unit, double? Per100Grams, IReadOnlyList<double?> PerPortion);

/// <summary>A food with its nutrients laid out for reading.</summary>
internal sealed record FoodDetail(Food Food, string SourceDescription, IReadOnlyList<FoodPortion> Portions, IReadOnlyList<FoodNutrientRow> Nutrients, int NutrientsReported)
{
    public static FoodDetail Create(FoodComposition food, IReadOnlyDictionary<int, FoodNutrient> known, bool all)
    {
        var portions = food.Portions;
        FoodNutrientRow Row(int id, string name)
        {
            var unit = known.TryGetValue(id, out var nutrient) ? nutrient.Unit : "?";
            var amount = food.AmountPer100Grams(id);
            return new FoodNutrientRow(id, name, unit, Format.Round(amount), [.. portions.Select(p => Format.Round(amount * p.GramWeight / 100))]);
        }

        var rows = NutrientCatalog.Default.All.Select(n => Row(n.FdcNutrientId, n.Name)).ToList();
        if (all)
        {
            var shown = rows.Select(r => r.NutrientId).ToHashSet();
            rows.AddRange(food.Per100Grams.Keys.Where(id => !shown.Contains(id)).Order()
                .Select(id => Row(id, known.TryGetValue(id, out var n) ? n.Name : id.ToString(CultureInfo.InvariantCulture))));
        }

        var source = food.Food.Source switch
        {
            FoodSource.Sr28 => string.Create(CultureInfo.InvariantCulture, $"USDA SR28 (2015), NDB {food.Food.Id:00000}"),
            FoodSource.SrLegacy => $"USDA FoodData Central SR Legacy, fdc_id {food.Food.Id}",
            FoodSource.Foundation => $"USDA FoodData Central Foundation Foods, fdc_id {food.Food.Id}",
            FoodSource.Survey => $"USDA FoodData Central FNDDS (Survey), fdc_id {food.Food.Id}",
            FoodSource.Branded => $"USDA FoodData Central Branded Foods (label data), fdc_id {food.Food.Id}",
            FoodSource.Ifct2017 => $"Indian Food Composition Tables 2017 (ICMR-NIN), code {food.Food.SourceCode}; values per 100 g edible portion",
            _ => food.Food.Source.ToString(),
        };
        return new FoodDetail(food.Food, source, portions, rows, food.Per100Grams.Count);
    }
}

/// <summary>Foods by source and nutrient coverage.</summary>
internal sealed record FoodDatabaseStats(string Path, IReadOnlyDictionary<string, int> FoodsBySource, IReadOnlyList<NutrientCoverage> Coverage);

/// <summary>Tables for the <c>foods</c> commands.</summary>
internal static class FoodViews
{
    public static void RenderSearch(IAnsiConsole console, FoodSearchResult result)
    {
        if (result.Results.Count == 0)
        {
            console.MarkupLine($"No food matches [bold]{Shown.Markup(result.Query)}[/] among {result.FoodsSearched:N0} foods. Try fewer or other words.");
            return;
        }

        var table = new Table().Title($"Foods matching \"{Shown.Markup(result.Query)}\"")
            .AddColumn("#").AddColumn("id").AddColumn("food").AddColumn("source").AddColumn(new TableColumn("match").RightAligned());
        var rank = 0;
        foreach (var match in result.Results)
        {
            table.AddRow((++rank).ToString(CultureInfo.InvariantCulture), match.FoodId.ToString(CultureInfo.InvariantCulture),
                Shown.Markup(match.Label), Shown.Markup(result.Sources.GetValueOrDefault(match.FoodId, "")), Format.Percent(match.Confidence) + (match.Tied ? " tie" : ""));
        }

        console.Write(table);
        if (result.Results.Any(m => m.Tied))
        {
            console.MarkupLine("[grey]tie: another food matches these words as well; more words (or the food's id in a log) say which one you mean.[/]");
        }

        console.MarkupLine($"[grey]{result.FoodsSearched:N0} foods searched. 'replete foods show ID' lists a food's nutrients.[/]");
    }

    public static void RenderDetail(IAnsiConsole console, FoodDetail detail)
    {
        console.MarkupLine($"[bold]{Shown.Markup(detail.Food.Description)}[/]  [grey]{Shown.Markup(detail.SourceDescription)}[/]");
        if (detail.Food.Category is { } category)
        {
            console.MarkupLine($"[grey]Group: {Shown.Markup(category)}[/]");
        }

        if (detail.Food.Brand is { Length: > 0 } brand)
        {
            console.MarkupLine($"[grey]Brand: {Shown.Markup(brand)}[/]");
        }

        var table = new Table().AddColumn("nutrient").AddColumn("unit").AddColumn(new TableColumn("per 100 g").RightAligned());
        foreach (var portion in detail.Portions)
        {
            table.AddColumn(new TableColumn(Shown.Markup(portion.ToString())).RightAligned());
        }

        foreach (var row in detail.Nutrients)
        {
            var cells = new List<string> { Shown.Markup(row.Nutrient), Shown.Markup(row.Unit), Cell(row.Per100Grams) };
            cells.AddRange(row.PerPortion.Select(Cell));
            table.AddRow([.. cells]);
        }

        console.Write(table);
        console.MarkupLine($"[grey]'unknown' means the source does not report the nutrient for this food: it is not counted as zero. {detail.NutrientsReported} nutrients reported.[/]");

        static string Cell(double? value) => value is null ? "[grey]unknown[/]" : Format.Amount(value);
    }

    public static void RenderImport(IAnsiConsole console, FoodImportSummary summary)
    {
        var table = new Table().Title($"Imported {Shown.Markup(summary.Source)}").AddColumn("").AddColumn(new TableColumn("").RightAligned()).HideHeaders();
        table.AddRow("foods", summary.Foods.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("nutrient values", summary.NutrientValues.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("portions", summary.Portions.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("time", string.Create(CultureInfo.InvariantCulture, $"{summary.Elapsed.TotalSeconds:0.0} s ({summary.ValuesPerSecond:N0} values/s)"));
        table.AddRow("peak memory", string.Create(CultureInfo.InvariantCulture, $"{summary.PeakMemoryBytes / 1048576.0:N0} MiB"));
        console.Write(table);
        if (summary.Skipped.Count > 0)
        {
            var skipped = new Table().Title("Skipped rows").AddColumn("why").AddColumn(new TableColumn("rows").RightAligned());
            foreach (var (reason, count) in summary.Skipped.OrderByDescending(p => p.Value))
            {
                skipped.AddRow(Shown.Markup(reason), count.ToString("N0", CultureInfo.InvariantCulture));
            }

            console.Write(skipped);
        }
    }

    public static void RenderStats(IAnsiConsole console, FoodDatabaseStats stats)
    {
        console.MarkupLine($"[grey]{Shown.Markup(stats.Path)}[/]");
        var sources = new Table().AddColumn("source").AddColumn(new TableColumn("foods").RightAligned());
        foreach (var (source, count) in stats.FoodsBySource)
        {
            sources.AddRow(Shown.Markup(source), count.ToString("N0", CultureInfo.InvariantCulture));
        }

        console.Write(sources);
        var coverage = new Table().Title("Foods reporting each nutrient").AddColumn("nutrient").AddColumn("unit")
            .AddColumn(new TableColumn("foods").RightAligned()).AddColumn(new TableColumn("share").RightAligned());
        foreach (var row in stats.Coverage)
        {
            coverage.AddRow(Shown.Markup(row.Name), Shown.Markup(row.Unit), row.FoodsReporting.ToString("N0", CultureInfo.InvariantCulture),
                Format.Percent((double)row.FoodsReporting / Math.Max(1, row.Foods)));
        }

        console.Write(coverage);
    }
}

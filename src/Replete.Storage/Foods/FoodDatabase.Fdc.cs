using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Replete.Data;
using Replete.Documents;
using Replete.Foods;

namespace Replete.Storage.Foods;

public sealed partial class FoodDatabase
{
    /// <summary>Imports an official FoodData Central CSV download (SR Legacy, Foundation, Survey FNDDS or Branded).</summary>
    /// <remarks>Streams every file (memory holds the set of imported food ids, not the rows), in one transaction:
    /// a bad file leaves the database as it was. Importing the same download again replaces each food's values and
    /// portions in place. Rows that cannot be used (a value for a sample record, a nutrient the download does not
    /// define, a portion without a weight) are skipped and counted by reason.</remarks>
    /// <exception cref="CsvDataException">A file is malformed; the message names the file, line and field.</exception>
    public FoodImportSummary ImportFdc(FdcDownload download, IProgress<FoodImportProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(download);
        var clock = Stopwatch.StartNew();
        var skipped = new Dictionary<string, long>(StringComparer.Ordinal);
        void Skip(string reason) => skipped[reason] = skipped.GetValueOrDefault(reason) + 1;

        using var transaction = connection.BeginTransaction();
        var nutrients = ImportNutrients(download, progress);
        var categories = ReadCategories(download);
        var foods = ImportFoods(download, categories, Skip, progress);
        Execute("DELETE FROM food_nutrient WHERE food_id IN (SELECT id FROM temp.import_food)");
        Execute("DELETE FROM food_portion WHERE food_id IN (SELECT id FROM temp.import_food)");
        var values = ImportValues(download, foods, nutrients, Skip, progress);
        var portions = ImportPortions(download, foods, Skip, progress);
        ImportLegacyNumbers(download, progress);
        ImportBrands(download, progress);
        var source = foods.Sources.Count == 1 ? SourceName(foods.Sources.Single()) : "fdc";
        RecordImport(source, download.Name, foods.Ids.Count, values, portions, "id IN (SELECT id FROM temp.import_food)");
        Execute("DROP TABLE temp.import_food");
        transaction.Commit();
        return new FoodImportSummary(source, foods.Ids.Count, values, portions, skipped)
        {
            Elapsed = clock.Elapsed,
            PeakMemoryBytes = PeakMemory(),
        };
    }

    private Dictionary<int, FdcNutrient> ImportNutrients(FdcDownload download, IProgress<FoodImportProgress>? progress)
    {
        var ids = new Dictionary<int, FdcNutrient>();
        using var csv = download.Open(FdcDownload.NutrientFile, progress);
        var id = csv.Require("id");
        var name = csv.Require("name");
        var unit = csv.Require("unit_name");
        var number = csv.IndexOf("nutrient_nbr");
        while (csv.Read())
        {
            var nutrientId = ToInt32(csv, id);
            if (ids.ContainsKey(nutrientId))
            {
                throw csv.Error(id, $"nutrient {nutrientId} appears twice");
            }

            var nutrientName = csv.GetOptionalString(name) ?? throw csv.Error(name, "is empty");
            var unitName = csv.GetOptionalString(unit) ?? throw csv.Error(unit, "is empty");
            UpsertNutrient(nutrientId, nutrientName, unitName.ToLowerInvariant(), number >= 0 ? csv.GetOptionalString(number) : null);
            ids[nutrientId] = new FdcNutrient(nutrientName, unitName.ToLowerInvariant(), UnitsPerGram(unitName));
        }

        return ids;
    }

    private static Dictionary<int, string> ReadCategories(FdcDownload download)
    {
        var categories = new Dictionary<int, string>();
        if (!download.Has(FdcDownload.CategoryFile))
        {
            return categories;
        }

        using var csv = download.Open(FdcDownload.CategoryFile, null);
        var id = csv.Require("id");
        var description = csv.Require("description");
        while (csv.Read())
        {
            categories[ToInt32(csv, id)] = csv.GetString(description);
        }

        return categories;
    }

    private ImportedFoods ImportFoods(FdcDownload download, Dictionary<int, string> categories, Action<string> skip, IProgress<FoodImportProgress>? progress)
    {
        Execute("CREATE TEMP TABLE import_food (id INTEGER PRIMARY KEY)");
        var imported = new ImportedFoods();
        using var csv = download.Open(FdcDownload.FoodFile, progress);
        var id = csv.Require("fdc_id");
        var type = csv.Require("data_type");
        var description = csv.Require("description");
        var category = csv.IndexOf("food_category_id");
        using var remember = Prepare("INSERT INTO temp.import_food(id) VALUES ($1)", 1);
        using var upsert = Prepare("""
            INSERT INTO food(id, source, description, category) VALUES ($1, $2, $3, $4)
            ON CONFLICT(id) DO UPDATE SET source = excluded.source, description = excluded.description, category = excluded.category
            WHERE food.source <> 'sr28'
            """, 4);
        while (csv.Read())
        {
            var fdcId = ToInt32(csv, id);
            var dataType = csv.GetString(type).Trim();
            FoodSource? source = dataType switch
            {
                "sr_legacy_food" => FoodSource.SrLegacy,
                "foundation_food" => FoodSource.Foundation,
                "survey_fndds_food" => FoodSource.Survey,
                "branded_food" => FoodSource.Branded,
                _ => null,
            };
            if (source is null)
            {
                skip($"food.csv: data_type '{dataType}' is a sample or acquisition record, not a food a person eats");
                continue;
            }

            if (!imported.Ids.Add(fdcId))
            {
                throw csv.Error(id, $"food {fdcId} appears twice");
            }

            var name = csv.GetOptionalString(description) ?? throw csv.Error(description, "is empty");
            string? categoryName = null;
            if (category >= 0 && csv.GetOptionalString(category) is { } categoryText)
            {
                categoryName = int.TryParse(categoryText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var categoryId)
                    ? categories.GetValueOrDefault(categoryId, categoryText)
                    : categoryText;
            }

            imported.Sources.Add(source.Value);
            if (Run(upsert, fdcId, SourceName(source.Value), name, categoryName) == 0)
            {
                throw csv.Error(id, $"food {fdcId} has the id of an SR28 food; FoodData Central ids start above 100000");
            }

            Run(remember, fdcId);
        }

        return imported;
    }

    private long ImportValues(FdcDownload download, ImportedFoods foods, Dictionary<int, FdcNutrient> nutrients, Action<string> skip, IProgress<FoodImportProgress>? progress)
    {
        using var csv = download.Open(FdcDownload.ValueFile, progress);
        var food = csv.Require("fdc_id");
        var nutrient = csv.Require("nutrient_id");
        var amount = csv.Require("amount");
        // The hot loop of an import (641,056 rows for SR Legacy, millions for Branded): bound through SQLite's own
        // statement API, which skips the per-call allocations of an ADO.NET command, inside the same transaction.
        using var insert = new RawInsert(connection.Handle!, "INSERT INTO food_nutrient(food_id, nutrient_id, amount) VALUES (?1, ?2, ?3)");
        long count = 0;
        while (csv.Read())
        {
            var fdcId = ToInt32(csv, food);
            var nutrientId = ToInt32(csv, nutrient);
            var value = csv.GetOptionalDouble(amount);
            if (!foods.Ids.Contains(fdcId))
            {
                skip("food_nutrient.csv: value for a food not imported from food.csv (a sample record)");
                continue;
            }

            if (!nutrients.TryGetValue(nutrientId, out var defined))
            {
                skip("food_nutrient.csv: nutrient not defined in nutrient.csv");
                continue;
            }

            if (value is null)
            {
                skip("food_nutrient.csv: blank amount (kept unknown, not zero)");
                continue;
            }

            if (value < 0)
            {
                throw csv.Error(amount, $"{value} is negative");
            }

            if (value > InputLimits.MaximumFoodValuePer100Grams)
            {
                throw csv.Error(amount, FormattableString.Invariant($"{value} per 100 g is more than any food holds (at most {InputLimits.MaximumFoodValuePer100Grams:0.#E+0} in any unit)"));
            }

            if (value / defined.UnitsPerGram > 100)
            {
                throw csv.Error(amount, FormattableString.Invariant(
                    $"{value} {defined.Unit} of {defined.Name} per 100 g of food is {value / defined.UnitsPerGram:0.######} g: no food holds more than its own weight of one nutrient"));
            }

            if (!insert.Run(fdcId, nutrientId, value.Value))
            {
                throw csv.Error(nutrient, $"food {fdcId} has nutrient {nutrientId} twice");
            }

            count++;
        }

        return count;
    }

    private int ImportPortions(FdcDownload download, ImportedFoods foods, Action<string> skip, IProgress<FoodImportProgress>? progress)
    {
        if (!download.Has(FdcDownload.PortionFile))
        {
            return 0;
        }

        var units = new Dictionary<int, string>();
        if (download.Has(FdcDownload.MeasureUnitFile))
        {
            using var unitCsv = download.Open(FdcDownload.MeasureUnitFile, null);
            var unitId = unitCsv.Require("id");
            var unitName = unitCsv.Require("name");
            while (unitCsv.Read())
            {
                units[ToInt32(unitCsv, unitId)] = unitCsv.GetString(unitName).Trim();
            }
        }

        using var csv = download.Open(FdcDownload.PortionFile, progress);
        var food = csv.Require("fdc_id");
        var sequence = csv.IndexOf("seq_num");
        var amount = csv.Require("amount");
        var unit = csv.IndexOf("measure_unit_id");
        var description = csv.IndexOf("portion_description");
        var modifier = csv.IndexOf("modifier");
        var grams = csv.Require("gram_weight");
        using var insert = Prepare("INSERT INTO food_portion(food_id, seq, amount, measure, gram_weight) VALUES ($1, $2, $3, $4, $5)", 5);
        var nextSequence = new Dictionary<int, long>();
        var count = 0;
        while (csv.Read())
        {
            var fdcId = ToInt32(csv, food);
            if (!foods.Ids.Contains(fdcId))
            {
                skip("food_portion.csv: portion of a food not imported from food.csv");
                continue;
            }

            var weight = csv.GetOptionalDouble(grams);
            if (weight is null or <= 0)
            {
                skip("food_portion.csv: no gram weight");
                continue;
            }

            var measure = Measure(csv, description, unit, modifier, units);
            if (measure is null)
            {
                skip("food_portion.csv: no description, unit or modifier");
                continue;
            }

            var portionAmount = csv.GetOptionalDouble(amount) is { } a && a > 0 ? a : 1;
            var seq = sequence >= 0 && csv.GetOptionalString(sequence) is not null
                ? csv.GetInt64(sequence)
                : nextSequence[fdcId] = nextSequence.GetValueOrDefault(fdcId) + 1;
            try
            {
                Run(insert, fdcId, seq, portionAmount, measure, weight.Value);
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode == 19)
            {
                throw csv.Error(sequence, $"food {fdcId} has portion {seq} twice");
            }

            count++;
        }

        return count;
    }

    private static string? Measure(CsvReader csv, int description, int unit, int modifier, Dictionary<int, string> units)
    {
        var text = description >= 0 ? csv.GetOptionalString(description) : null;
        var unitName = unit >= 0 && csv.GetOptionalString(unit) is { } unitText
            && int.TryParse(unitText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var unitId)
            && units.TryGetValue(unitId, out var name) && name != "undetermined"
                ? name
                : null;
        var modifierText = modifier >= 0 ? csv.GetOptionalString(modifier) : null;
        if (text is not null && !text.Equals("Quantity not specified", StringComparison.OrdinalIgnoreCase))
        {
            return text;
        }

        return (unitName, modifierText) switch
        {
            (null, null) => null,
            (null, var m) => m,
            (var u, null) => u,
            var (u, m) => $"{u}, {m}",
        };
    }

    private void ImportLegacyNumbers(FdcDownload download, IProgress<FoodImportProgress>? progress)
    {
        if (!download.Has(FdcDownload.LegacyFile))
        {
            return;
        }

        using var csv = download.Open(FdcDownload.LegacyFile, progress);
        var id = csv.Require("fdc_id");
        var number = csv.Require("NDB_number");
        using var update = Prepare("UPDATE food SET ndb_number = $2 WHERE id = $1", 2);
        while (csv.Read())
        {
            Run(update, ToInt32(csv, id), ToInt32(csv, number));
        }
    }

    private void ImportBrands(FdcDownload download, IProgress<FoodImportProgress>? progress)
    {
        if (!download.Has(FdcDownload.BrandedFile))
        {
            return;
        }

        using var csv = download.Open(FdcDownload.BrandedFile, progress);
        var id = csv.Require("fdc_id");
        var owner = csv.IndexOf("brand_owner");
        var brand = csv.IndexOf("brand_name");
        using var update = Prepare("UPDATE food SET brand = $2 WHERE id = $1", 2);
        while (csv.Read())
        {
            var name = (brand >= 0 ? csv.GetOptionalString(brand) : null) ?? (owner >= 0 ? csv.GetOptionalString(owner) : null);
            if (name is not null)
            {
                Run(update, ToInt32(csv, id), name);
            }
        }
    }

    /// <summary>How many of one of FoodData Central's mass units make a gram (G, MG, UG, and MG_ATE: milligrams of
    /// alpha-tocopherol equivalents), or null for a unit that is no mass (KCAL, kJ, IU, SP_GR).</summary>
    /// <remarks>The amounts of a download are per 100 g of food, and 100 g of food cannot hold more than 100 g of any one
    /// nutrient (water or fat in a pure oil reach 100 g, never more; the largest in SR Legacy is 100): an amount that
    /// does is a unit or decimal error (calcium 100,000 mg), refused rather than stored as a thousandfold intake.
    /// Energy and international units have no such bound in grams and are left to the general limit.</remarks>
    private static double? UnitsPerGram(string unit) => unit.ToLowerInvariant() switch
    {
        "g" => 1,
        "mg" or "mg_ate" => 1_000,
        "ug" or "µg" or "mcg" => 1_000_000,
        _ => null,
    };

    private static int ToInt32(CsvReader csv, int index)
    {
        var value = csv.GetInt64(index);
        return value is > 0 and <= int.MaxValue ? (int)value : throw csv.Error(index, $"{value} is not a valid id");
    }

    /// <summary>A nutrient of the download: its name and unit for messages, and units per gram where the unit is a mass.</summary>
    private sealed record FdcNutrient(string Name, string Unit, double? UnitsPerGram);

    private sealed class ImportedFoods
    {
        public HashSet<int> Ids { get; } = [];

        public HashSet<FoodSource> Sources { get; } = [];
    }
}

using System.Globalization;
using Replete.Data;

namespace Replete.Foods;

/// <summary>Reads USDA SR28's abbreviated file (ABBREV.txt) with its food descriptions (FOOD_DES.txt).</summary>
/// <remarks>Format: SR28 documentation (sr28_doc.pdf, 2015): fields separated by '^', text fields enclosed in '~',
/// an empty field means the value is not reported (missing, not zero). FOOD_DES gives each food its name, group, other
/// names, manufacturer and "Survey" flag (field 7, <see cref="Food.InSurvey"/>). ABBREV holds 46 nutrients per 100 g
/// (<c>data/sr28_abbrev.csv</c>) and two household weights per food.</remarks>
public static class Sr28Abbreviated
{
    private const int AbbrevFieldCount = 53;

    private static readonly IReadOnlyList<ReferenceRow> ColumnRows = ReferenceData.Read("sr28_abbrev.csv");

    private static readonly (int Field, string Name, int NutrientId)[] Columns = ColumnRows
        .Select(row => ((int)row.Number("field"), row.Text("abbrev_name"), (int)row.Number("fdc_nutrient_id")))
        .ToArray();

    private static readonly IReadOnlyDictionary<string, string> FoodGroups = ReferenceData.Read("food_groups.csv")
        .ToDictionary(row => row.Text("code"), row => row.Text("description"), StringComparer.Ordinal);

    /// <summary>The 46 nutrients of the abbreviated file, with FoodData Central ids and units.</summary>
    public static IReadOnlyList<FoodNutrient> Nutrients { get; } = ColumnRows
        .Select(row => new FoodNutrient((int)row.Number("fdc_nutrient_id"), row.Text("name"), row.Text("unit").ToLowerInvariant()))
        .ToArray();

    /// <summary>Streams the foods of ABBREV.txt, described by FOOD_DES.txt.</summary>
    /// <exception cref="CsvDataException">A line is malformed; the message names file, line and field.</exception>
    public static IEnumerable<FoodComposition> Read(TextReader abbrev, string abbrevName, TextReader foodDescriptions, string descriptionsName)
    {
        ArgumentNullException.ThrowIfNull(abbrev);
        var descriptions = ReadDescriptions(foodDescriptions, descriptionsName);
        var lineNumber = 0;
        while (abbrev.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            yield return ParseFood(line, abbrevName, lineNumber, descriptions);
        }
    }

    private static FoodComposition ParseFood(string line, string file, int lineNumber, Dictionary<int, Description> descriptions)
    {
        var fields = line.Split('^');
        if (fields.Length != AbbrevFieldCount)
        {
            throw new CsvDataException(file, lineNumber, null, $"expected {AbbrevFieldCount} '^'-separated fields, found {fields.Length}");
        }

        var id = ParseId(fields[0], file, lineNumber);
        if (!descriptions.TryGetValue(id, out var description))
        {
            throw new CsvDataException(file, lineNumber, "NDB_No", $"food {id} has no description in FOOD_DES.txt");
        }

        var amounts = new Dictionary<int, double>(Columns.Length);
        foreach (var (field, name, nutrientId) in Columns)
        {
            var text = fields[field - 1];
            if (text.Length == 0)
            {
                continue;
            }

            amounts[nutrientId] = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0
                ? value
                : throw new CsvDataException(file, lineNumber, name, $"'{text}' is not a non-negative number");
        }

        var portions = new List<FoodPortion>(2);
        AddPortion(portions, fields[48], fields[49], file, lineNumber);
        AddPortion(portions, fields[50], fields[51], file, lineNumber);
        var food = new Food(id, description.LongName, FoodSource.Sr28)
        {
            Category = FoodGroups.GetValueOrDefault(description.Group),
            CommonNames = description.CommonNames,
            Brand = description.Manufacturer,
            InSurvey = description.InSurvey,
        };
        return new FoodComposition(food, amounts, portions);
    }

    private static void AddPortion(List<FoodPortion> portions, string weight, string description, string file, int line)
    {
        var text = Unquote(description).Trim();
        if (weight.Length == 0 || text.Length == 0)
        {
            return;
        }

        if (!double.TryParse(weight, NumberStyles.Float, CultureInfo.InvariantCulture, out var grams) || grams <= 0)
        {
            throw new CsvDataException(file, line, "GmWt", $"'{weight}' is not a positive weight in grams");
        }

        var split = 0;
        while (split < text.Length && (char.IsAsciiDigit(text[split]) || text[split] == '.'))
        {
            split++;
        }

        var amount = split > 0 && double.TryParse(text.AsSpan(0, split), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && parsed > 0
            ? parsed
            : 1;
        var measure = text[split..].Trim();
        portions.Add(new FoodPortion(amount, measure.Length == 0 ? text : measure, grams));
    }

    private static Dictionary<int, Description> ReadDescriptions(TextReader reader, string file)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var descriptions = new Dictionary<int, Description>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split('^');
            if (fields.Length < 7)
            {
                throw new CsvDataException(file, lineNumber, null, $"expected at least 7 '^'-separated fields, found {fields.Length}");
            }

            var id = ParseId(fields[0], file, lineNumber);
            var longName = Unquote(fields[2]);
            if (longName.Length == 0)
            {
                throw new CsvDataException(file, lineNumber, "Long_Desc", "is empty");
            }

            // Field 7, "Survey": "Y" for a food the FNDDS survey foods use, empty otherwise (Food.InSurvey).
            var survey = Unquote(fields[6]) switch
            {
                "Y" => true,
                "" => false,
                var other => throw new CsvDataException(file, lineNumber, "Survey", $"'{other}' is neither 'Y' nor empty"),
            };
            if (!descriptions.TryAdd(id, new Description(longName, Unquote(fields[1]), Blank(Unquote(fields[4])), Blank(Unquote(fields[5])), survey)))
            {
                throw new CsvDataException(file, lineNumber, "NDB_No", $"food {id} is described twice");
            }
        }

        return descriptions;
    }

    private static int ParseId(string field, string file, int line) =>
        int.TryParse(Unquote(field), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : throw new CsvDataException(file, line, "NDB_No", $"'{field}' is not a food number");

    private static string Unquote(string field) =>
        field.Length >= 2 && field[0] == '~' && field[^1] == '~' ? field[1..^1] : field;

    private static string? Blank(string text) => text.Length == 0 ? null : text;

    private sealed record Description(string LongName, string Group, string? CommonNames, string? Manufacturer, bool InSurvey);
}

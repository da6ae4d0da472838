using Replete.Data;

namespace Replete.Nutrients;

/// <summary>The nutrients Replete knows, with units and conversions (data/nutrients.csv, data/unit_conversions.csv).</summary>
public sealed class NutrientCatalog
{
    private readonly Dictionary<string, Nutrient> byId;
    private readonly Dictionary<(string Nutrient, string Unit), UnitConversion> conversions;

    private NutrientCatalog(IReadOnlyList<Nutrient> nutrients, IReadOnlyList<UnitConversion> conversions)
    {
        All = nutrients;
        byId = nutrients.ToDictionary(n => n.Id, StringComparer.OrdinalIgnoreCase);
        this.conversions = conversions.ToDictionary(
            c => (c.NutrientId, c.FromUnit.ToUpperInvariant()), c => c);
        Conversions = conversions;
    }

    /// <summary>The catalog embedded in the engine.</summary>
    public static NutrientCatalog Default { get; } = Load();

    /// <summary>Every nutrient, in catalog order.</summary>
    public IReadOnlyList<Nutrient> All { get; }

    /// <summary>Every unit conversion, with its source.</summary>
    public IReadOnlyList<UnitConversion> Conversions { get; }

    /// <summary>Finds a nutrient by id, ignoring case; also accepts the display name or spaces for underscores.</summary>
    public bool TryGet(string idOrName, out Nutrient nutrient)
    {
        var key = idOrName.Trim().Replace(' ', '_').Replace('-', '_');
        if (byId.TryGetValue(key, out nutrient!))
        {
            return true;
        }

        nutrient = All.FirstOrDefault(n => string.Equals(n.Name, idOrName.Trim(), StringComparison.OrdinalIgnoreCase))!;
        return nutrient is not null;
    }

    /// <summary>Gets a nutrient by id; throws for an unknown id, which is a bug in the caller.</summary>
    public Nutrient Get(string id) => TryGet(id, out var nutrient)
        ? nutrient
        : throw new KeyNotFoundException($"Unknown nutrient '{id}'.");

    /// <summary>Catalog ids closest to a mistyped name, best first.</summary>
    public IReadOnlyList<string> Suggest(string text, int count = 3) => All
        .Select(n => (n.Id, Distance: EditDistance.Between(text.ToUpperInvariant(), n.Id.ToUpperInvariant())))
        .OrderBy(x => x.Distance)
        .Take(count)
        .Select(x => x.Id)
        .ToList();

    /// <summary>Converts an amount in <paramref name="unit"/> into the nutrient's canonical unit.</summary>
    /// <returns>Null where no conversion is known.</returns>
    public ConvertedAmount? Convert(Nutrient nutrient, double amount, string unit)
    {
        ArgumentNullException.ThrowIfNull(nutrient);
        unit = NormalizeUnit(unit, nutrient);
        if (string.Equals(unit, nutrient.Unit, StringComparison.OrdinalIgnoreCase))
        {
            return new ConvertedAmount(amount, false, "canonical unit");
        }

        if (conversions.TryGetValue((nutrient.Id, unit.ToUpperInvariant()), out var conversion))
        {
            return new ConvertedAmount(amount * conversion.Factor, conversion.IsEstimate, conversion.Source);
        }

        var metric = MetricFactor(unit, nutrient.Unit);
        return metric is { } factor ? new ConvertedAmount(amount * factor, false, "SI prefix") : null;
    }

    /// <summary>The spellings people and labels use, in one place: the micro sign (U+00B5), the Greek mu (U+03BC) and
    /// "mcg" are "ug"; spaces are trimmed; and the nutrient's own equivalent (RAE for vitamin A, DFE for folate, NE for
    /// niacin, as on US labels since 2016) is its canonical unit: "25 mcg RAE" of vitamin A is 25 ug.</summary>
    public static string NormalizeUnit(string unit, Nutrient? nutrient = null)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var u = string.Join(' ', unit.Trim().Replace('\u00B5', 'u').Replace('\u03BC', 'u').Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (u.StartsWith("mcg", StringComparison.OrdinalIgnoreCase))
        {
            u = "ug" + u[3..];
        }

        string? equivalent = nutrient?.Id switch { "vitamin_a" => "RAE", "folate" => "DFE", "niacin" => "NE", _ => null };
        if (equivalent is not null && u.EndsWith(" " + equivalent, StringComparison.OrdinalIgnoreCase))
        {
            u = u[..^(equivalent.Length + 1)];
        }

        return u;
    }

    /// <summary>The units <see cref="Convert"/> takes for <paramref name="nutrient"/>, for a message that names them.</summary>
    public IReadOnlyList<string> AcceptedUnits(Nutrient nutrient)
    {
        ArgumentNullException.ThrowIfNull(nutrient);
        var metric = MetricFactor(nutrient.Unit, nutrient.Unit) is null ? [] : new[] { "g", "mg", "ug" };
        return [.. metric.Prepend(nutrient.Unit).Concat(Conversions.Where(c => c.NutrientId == nutrient.Id).Select(c => c.FromUnit)).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>Converts an amount in the canonical unit back into <paramref name="unit"/>.</summary>
    public double? ConvertBack(Nutrient nutrient, double canonicalAmount, string unit)
    {
        var one = Convert(nutrient, 1, unit);
        return one is null ? null : canonicalAmount / one.Value;
    }

    private static double? MetricFactor(string from, string to)
    {
        static double? Micrograms(string unit) => unit.ToUpperInvariant() switch
        {
            "G" => 1_000_000,
            "MG" => 1_000,
            "UG" => 1,
            _ => null,
        };
        var f = Micrograms(from);
        var t = Micrograms(to);
        return f is null || t is null ? null : f / t;
    }

    private static NutrientCatalog Load()
    {
        var nutrients = ReferenceData.Read("nutrients.csv").Select(r => new Nutrient(
            r.Text("id"), r.Text("name"), r.Text("unit"), (int)r.Number("fdc_nutrient_id"), r.Text("group"), r.Text("source")))
            .ToList();
        var conversions = ReferenceData.Read("unit_conversions.csv").Select(r => new UnitConversion(
            r.Text("nutrient"), r.Text("from_unit"), r.Text("to_unit"), r.Number("factor"),
            bool.Parse(r.Text("estimate")), r.Text("source")))
            .ToList();
        return new NutrientCatalog(nutrients, conversions);
    }
}

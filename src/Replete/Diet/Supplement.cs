using System.Globalization;
using System.Text.Json;
using Replete.Data;
using Replete.Nutrients;

namespace Replete.Diet;

/// <summary>A supplement a person takes every day: magnesium bisglycinate, vitamin D3, an electrolyte drink.</summary>
/// <param name="Name">As on the label.</param>
/// <param name="Form">The chemical form, where it matters ("bisglycinate", "D3").</param>
/// <param name="DosesPerDay">Doses a day.</param>
/// <param name="PerDose">Amount per dose by catalog nutrient id, in catalog units (elemental for minerals).</param>
public sealed record Supplement(string Name, string? Form, double DosesPerDay, IReadOnlyDictionary<string, double> PerDose)
{
    /// <summary>Micrograms of folic acid per dose, when the label gives folic acid. <see cref="PerDose"/> holds the
    /// folate as DFE (x1.7 or x2, IOM 1998 ch.8) for adequacy; the UL is set in micrograms of folic acid itself.</summary>
    public double FolicAcidPerDose { get; init; }

    /// <summary>Nutrients whose amount is an estimate (vitamin A from IU).</summary>
    public IReadOnlySet<string> Estimated { get; init; } = new HashSet<string>();

    /// <summary>What the supplement supplies on <paramref name="date"/>.</summary>
    public IntakeItem On(DateOnly date) =>
        new(date, null, "supplements", Name, PerDose.ToDictionary(p => p.Key, p => p.Value * DosesPerDay), "supplements")
        {
            IsSupplement = true,
            Estimated = Estimated,
        };

    /// <summary>Reads <c>{"supplements": [{"name": "Magnesium bisglycinate", "form": "bisglycinate", "doses_per_day": 1,
    /// "per_dose": {"magnesium": "200 mg"}}]}</c>. Units: any the catalog converts (mg, ug, IU for vitamin D, mmol).</summary>
    /// <exception cref="CsvDataException">A field is missing, a nutrient unknown (with suggestions) or a unit unknown.</exception>
    public static IReadOnlyList<Supplement> ReadJson(string json, string fileName)
    {
        using var source = JsonSource.Parse(json, fileName);
        var root = source.Root;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("supplements", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            throw source.Error(root, "supplements", "a supplements file is {\"supplements\": [...]}");
        }

        var supplements = new List<Supplement>();
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            index++;
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new CsvDataException(fileName, source.LineOf(item), null, $"supplement {index} is an object with name and per_dose");
            }

            CsvDataException Error(string field, string message) => source.Error(item, field, $"supplement {index}: {message}");
            CsvDataException At(JsonProperty property, string message) => new(fileName, source.LineOf(property.Value), $"per_dose.{property.Name}", $"supplement {index}: {message}");
            var name = item.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : throw Error("name", "needs a name");
            var form = item.TryGetProperty("form", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
            var doses = item.TryGetProperty("doses_per_day", out var d) ? (d.ValueKind == JsonValueKind.Number ? d.GetDouble() : throw Error("doses_per_day", "must be a number")) : 1;
            if (doses is <= 0 or > 20)
            {
                throw Error("doses_per_day", $"{doses} is outside 0-20");
            }

            if (!item.TryGetProperty("per_dose", out var perDose) || perDose.ValueKind != JsonValueKind.Object)
            {
                throw Error("per_dose", "needs per_dose, e.g. {\"magnesium\": \"200 mg\"}");
            }

            var amounts = new Dictionary<string, double>();
            var folicAcid = 0.0;
            var estimated = new HashSet<string>();
            foreach (var property in perDose.EnumerateObject())
            {
                if (!NutrientCatalog.Default.TryGet(property.Name, out var nutrient))
                {
                    throw At(property, $"unknown nutrient '{property.Name}' (did you mean {string.Join(", ", NutrientCatalog.Default.Suggest(property.Name))}?)");
                }

                var text = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
                var parts = text.Trim().Split(' ', 2, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length != 2 || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0)
                {
                    throw At(property, $"{property.Name}: '{text}' is not an amount with a unit, such as \"200 mg\"");
                }

                var converted = NutrientCatalog.Default.Convert(nutrient, value, parts[1])
                    ?? throw At(property, $"{property.Name}: unit '{parts[1]}' cannot be converted to {nutrient.Unit}");
                amounts[nutrient.Id] = converted.Value;
                if (nutrient.Id == "folate" && parts[1].Contains("folic_acid", StringComparison.OrdinalIgnoreCase))
                {
                    folicAcid = value;
                }

                if (converted.IsEstimate)
                {
                    estimated.Add(nutrient.Id);
                }
            }

            supplements.Add(new Supplement(name, form, doses, amounts) { Estimated = estimated, FolicAcidPerDose = folicAcid });
        }

        return supplements;
    }
}

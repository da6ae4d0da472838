using System.Globalization;
using System.Text.Json;
using Replete.Data;
using Replete.Documents;
using Replete.Nutrients;

namespace Replete.Diet;

/// <summary>A supplements document: what a person takes every day.</summary>
/// <remarks>JSON (or YAML turned into JSON): <c>{"supplements": [{"name": "Magnesium bisglycinate", "form":
/// "bisglycinate", "doses_per_day": 1, "per_dose": {"magnesium": "200 mg"}}]}</c>. Amounts are a number and a unit
/// the catalog converts (mg, ug, g, IU for vitamins D, A and E, mmol for electrolytes,
/// ug_folic_acid_with_food, ug_folic_acid_fasting, ug_methylfolate and ug_food_folate for folate);
/// minerals are elemental. <c>doses_per_day</c> defaults to 1 and lies in <see cref="InputLimits.DosesPerDay"/>.</remarks>
/// <param name="Supplements">The supplements.</param>
public sealed record SupplementPlan(IReadOnlyList<Supplement> Supplements)
{
    private static readonly string[] Fields = ["name", "form", "doses_per_day", "per_dose"];

    /// <summary>No supplements.</summary>
    public static SupplementPlan None { get; } = new([]);

    /// <summary>Reads a supplements document.</summary>
    /// <returns>The plan, or every problem: a missing name or per_dose, an unknown nutrient (with suggestions), an
    /// amount without a unit or in a unit that does not convert, doses out of range, an unknown field.</returns>
    public static InputResult<SupplementPlan> Read(JsonSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var reader = new DocumentReader(source);
        var root = source.Root;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("supplements", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            reader.AddAt(root, "supplements", null, InputProblemCodes.Required, "a supplements file is {\"supplements\": [...]}");
            return InputResult.Failure<SupplementPlan>(reader.Problems);
        }

        reader.OnlyFields(root, null, ["supplements"]);
        var supplements = new List<Supplement>();
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            if (Supplement(reader, item, $"supplements[{index++}]") is { } supplement)
            {
                supplements.Add(supplement);
            }
        }

        // Doses each in range can still add up to a day beyond any diet (thousands of entries): refused here, with the file.
        foreach (var (nutrient, daily) in supplements.SelectMany(s => s.PerDose.Select(p => (p.Key, Amount: p.Value * s.DosesPerDay)))
            .GroupBy(p => p.Key, p => p.Amount).Select(g => (g.Key, g.Sum())))
        {
            if (InputLimits.DailyIntake.Check(daily) is { } tooMuch)
            {
                reader.AddAt(root, "supplements", null, InputProblemCodes.OutOfRange, $"{nutrient} from every supplement together: {tooMuch} a day");
            }
        }

        return InputResult.From(new SupplementPlan(supplements), reader.Problems);
    }

    private static Supplement? Supplement(DocumentReader reader, JsonElement item, string path)
    {
        if (!reader.IsObject(item, path, "each supplement is an object with name and per_dose"))
        {
            return null;
        }

        reader.OnlyFields(item, path, Fields);
        var before = reader.Count;
        var name = reader.Text(item, "name", path);
        if (!DocumentReader.Has(item, "name", out _) || (name is not null && string.IsNullOrWhiteSpace(name)))
        {
            reader.AddAt(item, "name", path, InputProblemCodes.Required, "needs a name");
        }

        var form = reader.Text(item, "form", path);
        var doses = reader.Number(item, "doses_per_day", path, InputLimits.DosesPerDay) ?? 1;
        if (!DocumentReader.Has(item, "per_dose", out var perDose) || perDose.ValueKind != JsonValueKind.Object)
        {
            reader.AddAt(item, "per_dose", path, InputProblemCodes.Required, "needs per_dose, e.g. {\"magnesium\": \"200 mg\"}");
            return null;
        }

        reader.OnlyOnce(perDose, $"{path}.per_dose");
        var amounts = new Dictionary<string, double>();
        var folateForm = FolateForm.NotStated;
        var folateAsTaken = 0.0;
        var estimated = new HashSet<string>();
        foreach (var property in perDose.EnumerateObject())
        {
            var at = $"{path}.per_dose.{property.Name}";
            if (!NutrientCatalog.Default.TryGet(property.Name, out var nutrient))
            {
                reader.Add(property.Value, at, InputProblemCodes.UnknownValue, $"unknown nutrient '{DocumentReader.Shorten(property.Name)}' (did you mean {string.Join(", ", NutrientCatalog.Default.Suggest(property.Name))}?)");
                continue;
            }

            var text = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            var parts = text.Trim().Split(' ', 2, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value < 0)
            {
                reader.Add(property.Value, at, InputProblemCodes.WrongType, $"'{DocumentReader.Shorten(text)}' is not an amount with a unit, such as \"200 mg\"");
                continue;
            }

            if (NutrientCatalog.Default.Convert(nutrient, value, parts[1]) is not { } converted)
            {
                reader.Add(property.Value, at, InputProblemCodes.UnknownValue,
                    $"unit '{DocumentReader.Shorten(parts[1])}' cannot be converted to {nutrient.Unit}; {nutrient.Id} takes {string.Join(", ", NutrientCatalog.Default.AcceptedUnits(nutrient))}");
                continue;
            }

            if (InputLimits.DoseAmount.Check(converted.Value) is { } tooMuch)
            {
                reader.Add(property.Value, at, InputProblemCodes.OutOfRange, $"{tooMuch} {nutrient.Unit} per dose");
                continue;
            }

            var amount = converted.Value;
            if (nutrient.Id == "folate")
            {
                // The unit says the form (ug_folic_acid_with_food, ug_methylfolate, ug_food_folate), else the supplement's
                // form or name does; methylfolate words first, since "5-methyltetrahydrofolic acid" says "folic" too.
                // Folic acid or L-methylfolate in a plain mass unit ("2000 ug") is that form as taken: 1.7 ug DFE per ug
                // (IOM 1998 ch.8 with food; EFSA 2022 for L-methylfolate; the lower factor each, so adequacy is not
                // overstated), and all of it counts toward the UL (h65 finding 4: folic acid was counted as DFE x1). A
                // unit that says DFE ("680 ug DFE") is DFE already: the form as taken is at most DFE / 1.7. A form not
                // stated is DFE x1 for adequacy and all of it toward the UL (FolateForms, README "Supplements").
                folateForm = FolateForms.OfUnit(parts[1]) ?? FolateForms.Of($"{form} {name}");
                if (FolateForms.OfUnit(parts[1]) is not null)
                {
                    folateAsTaken = value;
                }
                else if (folateForm is FolateForm.FolicAcid or FolateForm.Methylfolate)
                {
                    var saysDfe = parts[1].EndsWith("DFE", StringComparison.OrdinalIgnoreCase);
                    folateAsTaken = saysDfe ? amount / FolateForms.DfePerUg(folateForm) : amount;
                    amount = saysDfe ? amount : amount * FolateForms.DfePerUg(folateForm);
                }
            }

            amounts[nutrient.Id] = amount;

            // Vitamin A not given as beta-carotene is counted as preformed (retinol) for the UL, which covers
            // preformed vitamin A only: a label that says "mcg RAE" without its form is read the cautious way.
            if (nutrient.Id == "vitamin_a" && !parts[1].Contains("carotene", StringComparison.OrdinalIgnoreCase))
            {
                amounts["retinol"] = converted.Value;
            }
            else if (nutrient.Id == "vitamin_a")
            {
                // Beta-carotene is no preformed vitamin A: a retinol of 0 says so, so the UL and harm levels, which cover
                // retinol only (IOM 2001 ch.4), never count it (h68 finding 8: 300 mg beta-carotene read acute toxicity).
                amounts.TryAdd("retinol", 0);
            }
            if (converted.IsEstimate)
            {
                estimated.Add(nutrient.Id);
            }
        }

        return reader.Count > before || name is null ? null
            : new Supplement(name, form, doses, amounts) { Estimated = estimated, FolateForm = folateForm, FolateAsTakenPerDose = folateAsTaken };
    }
}

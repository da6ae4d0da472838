using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Replete.Nutrients;
using Replete.Web.WebApp;

namespace Replete.Web.Pages;

/// <summary>The athlete's supplements: the supplement plan in force (the engine's supplements document) read and set
/// through the API's supplements endpoints, one product and nutrient at a time (a product added again under the same
/// name and frequency gains the nutrient, so a multivitamin is one product). The server's report counts the plan in
/// force on a range's last day into the diet analysis, so the dashboard's upper-limit checks (the engine's
/// <c>UpperLimitCheck</c> and possible excess) and the plan's room under each UL include it; this page shows the latest
/// report's excess findings beside the list and computes nothing itself.</summary>
public sealed class SupplementsModel : WebPage
{
    /// <summary>How often a dose is taken, as the document's <c>doses_per_day</c>.</summary>
    public static IReadOnlyList<(string Id, string Words, double DosesPerDay)> Frequencies { get; } =
        [("1", "once a day", 1), ("2", "twice a day", 2), ("3", "three times a day", 3), ("alternate", "every other day", 0.5), ("weekly", "once a week", 1.0 / 7)];

    /// <summary>The nutrients a supplement may give (every vitamin, mineral and electrolyte of the catalog) with the units
    /// the catalog converts for each (<see cref="NutrientCatalog.AcceptedUnits"/>).</summary>
    public static IReadOnlyList<(Nutrient Nutrient, IReadOnlyList<string> Units)> Nutrients { get; } =
        [.. NutrientCatalog.Default.All.Where(n => n.Group is "vitamin" or "mineral" or "electrolyte").OrderBy(n => n.Name, StringComparer.Ordinal)
            .Select(n => (n, NutrientCatalog.Default.AcceptedUnits(n)))];

    /// <summary>The add form's values, kept when the API refuses them.</summary>
    public sealed record SupplementForm(string? Product, string? Nutrient, string? Amount, string? Unit, string Frequency, string Since);

    private SupplementForm? form;

    public SupplementForm Form { get => form ??= new(null, "vitamin_d", null, null, "1", Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); private set => form = value; }

    /// <summary>The supplements of the plan in force, as stored (name, form, doses_per_day, per_dose).</summary>
    public IReadOnlyList<JsonNode> Supplements { get; private set; } = [];

    /// <summary>The latest saved report's possible excess (nutrient, evidence, advice), and the range it covered.</summary>
    public IReadOnlyList<JsonNode> Excess { get; private set; } = [];

    public string? ReportRange { get; private set; }

    /// <summary>How often, in words, for a stored <c>doses_per_day</c>.</summary>
    public static string Often(JsonNode? dosesPerDay)
    {
        var doses = dosesPerDay is JsonValue v && v.TryGetValue<double>(out var d) ? d : 1;
        return Frequencies.FirstOrDefault(f => Math.Abs(f.DosesPerDay - doses) < 1e-6).Words ?? $"{Shown.Number(doses, 2)} times a day";
    }

    public async Task OnGetAsync()
    {
        Supplements = await CurrentAsync();
        if (Shown.Items((await GetAsync("/api/v1/athletes/me/snapshots")).Body).FirstOrDefault() is { } latest)
        {
            var report = (await GetAsync($"/api/v1/athletes/me/snapshots/{latest["id"]}")).Body;
            Excess = [.. Shown.Items(report?["excess"])];
            ReportRange = $"{report?["from"]} to {report?["to"]}";
        }
    }

    private async Task<IReadOnlyList<JsonNode>> CurrentAsync() => [.. Shown.Items((await GetAsync("/api/v1/athletes/me/supplements")).Body?["supplements"])];

    public async Task<IActionResult> OnPostAddAsync(string? product, string? nutrient, string? amount, string? unit, string? frequency, DateOnly? since)
    {
        var from = since ?? Today;
        Form = new SupplementForm(product, nutrient, amount, unit, frequency ?? "1", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var doses = Frequencies.FirstOrDefault(f => f.Id == frequency);
        if (doses.Id is null)
        {
            Problems = [("frequency", "choose how often you take it")];
        }
        else
        {
            // The engine reads "amount unit" and names a bad amount or unit itself.
            var dose = $"{amount?.Trim()} {unit?.Trim()}".Trim();
            var current = (await CurrentAsync()).Select(s => s.DeepClone()).ToList();

            // A product already listed under the same name and frequency (a multivitamin entered a nutrient at a time)
            // gains the nutrient, or has its amount replaced, rather than becoming a second product.
            var same = current.FirstOrDefault(s => string.Equals(((string?)s["name"])?.Trim(), product?.Trim(), StringComparison.OrdinalIgnoreCase)
                && s["doses_per_day"] is JsonValue v && v.TryGetValue<double>(out var d) && Math.Abs(d - doses.DosesPerDay) < 1e-9
                && s["per_dose"] is JsonObject);
            if (same is not null)
            {
                same["per_dose"]![nutrient ?? ""] = dose;
            }
            else
            {
                current.Add(new JsonObject
                {
                    ["name"] = product ?? "",
                    ["doses_per_day"] = doses.DosesPerDay,
                    ["per_dose"] = new JsonObject { [nutrient ?? ""] = dose },
                });
            }

            if (await SaveAsync([.. current], from))
            {
                Done = same is null
                    ? $"Added {product} from {from:yyyy-MM-dd}. Assess a range on the dashboard that ends on or after that day: its upper-limit checks count it with your food."
                    : $"Added {nutrient?.Replace('_', ' ')} to {same["name"]} from {from:yyyy-MM-dd}. Assess a range on the dashboard that ends on or after that day: its upper-limit checks count it with your food.";
                return Redirect("/supplements");
            }
        }

        await OnGetAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int index)
    {
        var current = await CurrentAsync();
        if (index >= 0 && index < current.Count && await SaveAsync([.. current.Where((_, i) => i != index).Select(s => s.DeepClone())], Today))
        {
            Done = $"Stopped {current[index]["name"]} from today.";
            return Redirect("/supplements");
        }

        await OnGetAsync();
        return Page();
    }

    private async Task<bool> SaveAsync(JsonNode[] supplements, DateOnly from) =>
        (await SendAsync(HttpMethods.Put, $"/api/v1/athletes/me/supplements?from={from:yyyy-MM-dd}", new JsonObject { ["supplements"] = new JsonArray(supplements) })).Ok;
}

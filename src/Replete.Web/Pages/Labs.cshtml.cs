using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Replete.Web.WebApp;

namespace Replete.Web.Pages;

/// <summary>Lab results: added one by one or as FHIR through the API's lab endpoints (the engine's lab checks, the unit
/// question), and each biomarker over time with its cut-offs from the trend endpoint.</summary>
public sealed class LabsModel : WebPage
{
    /// <summary>The add form's values, kept when the API refuses them.</summary>
    public sealed record LabForm(string Collected, string? Biomarker, string? Value, string? Unit, string? Comparator);

    public LabForm Form { get; private set; } = new(Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "ferritin", null, null, null);

    /// <summary>The value could be in two units: ask the person to confirm it.</summary>
    public bool AskUnit { get; private set; }

    public IReadOnlyList<(string Biomarker, JsonNode Points)> Series { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var trends = await GetAsync("/api/v1/athletes/me/trends/labs");
        Series = trends.Body is JsonObject series ? [.. series.Where(p => p.Value is not null).Select(p => (p.Key, p.Value!))] : [];
    }

    public async Task<IActionResult> OnPostAsync(string? collected, string? biomarker, string? value, string? unit, string? comparator, bool confirmed)
    {
        Form = new LabForm(collected ?? "", biomarker, value, unit, comparator);
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            Problems = [("value", "a number, such as 18 or 4.5")];
        }
        else
        {
            var body = new JsonObject { ["collected"] = collected, ["biomarker"] = biomarker, ["value"] = number, ["unit"] = unit };
            if (!string.IsNullOrEmpty(comparator))
            {
                body["comparator"] = comparator;
            }

            if (confirmed)
            {
                body["confirmed"] = true;
            }

            var added = await SendAsync(HttpMethods.Post, "/api/v1/athletes/me/labs", body);
            if (added.Ok)
            {
                Done = $"Added {biomarker?.Replace('_', ' ')} {value} {unit} drawn {collected}.";
                return Redirect("/labs");
            }

            AskUnit = added.HasProblemCode(Replete.Documents.InputProblemCodes.Question);
        }

        await OnGetAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostFhirAsync(IFormFile? fhir)
    {
        if (fhir is null || fhir.Length == 0)
        {
            Problems = [("fhir", "attach a FHIR JSON file")];
        }
        else
        {
            using var buffer = new MemoryStream();
            await fhir.CopyToAsync(buffer);
            var name = Uri.EscapeDataString(Path.GetFileName(fhir.FileName));
            var added = await SendAsync(HttpMethods.Post, $"/api/v1/athletes/me/labs/fhir?name={name}", buffer.ToArray());
            if (added.Ok)
            {
                var count = Shown.Items(added.Body?["added"]).Count();
                var skipped = Shown.Items(added.Body?["skipped"]).Select(s => (string?)s).ToList();
                Done = $"Added {count} result(s) from {fhir.FileName}." + (skipped.Count > 0 ? " Skipped: " + string.Join("; ", skipped) : "");
                return Redirect("/labs");
            }
        }

        await OnGetAsync();
        return Page();
    }
}

using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Replete.Web.WebApp;

namespace Replete.Web.Pages.Coach;

/// <summary>One athlete as a coach sees them: only what the grant in force shares (the API's access filter decides each
/// read, and writes it to the athlete's audit log): the latest report with its plan, labs over time, notes.</summary>
public sealed class CoachAthleteModel : WebPage
{
    [FromRoute]
    public string AthleteId { get; set; } = "";

    public string? Name { get; private set; }

    /// <summary>False when no grant is in force (the API answers 404, as if the athlete did not exist).</summary>
    public bool? Shared { get; private set; }

    public bool ReportsShared { get; private set; }

    public JsonNode? Report { get; private set; }

    public IReadOnlyList<(string Biomarker, JsonNode Points)> Labs { get; private set; } = [];

    public IReadOnlyList<JsonNode> Notes { get; private set; } = [];

    /// <summary>The top bottleneck's intake by week over the report's last twelve weeks.</summary>
    public (string Nutrient, JsonNode Weeks)? Intake { get; private set; }

    private string Base => "/api/v1/athletes/" + Uri.EscapeDataString(AthleteId);

    public async Task OnGetAsync()
    {
        Name = (string?)Shown.Items((await GetAsync("/api/v1/roster")).Body).FirstOrDefault(g => (string?)g["athlete_id"] == AthleteId)?["athlete"];
        var snapshots = await GetAsync(Base + "/snapshots");
        Shared = snapshots.Status != StatusCodes.Status404NotFound;
        ReportsShared = snapshots.Ok;
        if (Shown.Items(snapshots.Body).FirstOrDefault() is { } latest)
        {
            Report = (await GetAsync($"{Base}/snapshots/{latest["id"]}")).Body;
        }

        if (ReportsShared)
        {
            var labs = await GetAsync(Base + "/trends/labs");
            Labs = labs.Body is JsonObject series ? [.. series.Where(p => p.Value is not null).Select(p => (p.Key, p.Value!))] : [];
            Notes = [.. Shown.Items((await GetAsync(Base + "/notes")).Body)];
            if ((string?)Report?["bottlenecks"]?[0]?["nutrient"] is { } top && DateOnly.TryParse((string?)Report["to"], System.Globalization.CultureInfo.InvariantCulture, out var to))
            {
                var intake = await GetAsync($"{Base}/trends/intake?nutrient={top}&from={to.AddDays(-83):yyyy-MM-dd}&to={to:yyyy-MM-dd}");
                if (intake.Body?[top] is { } weeks)
                {
                    Intake = (top, weeks);
                }
            }
        }
    }

    public async Task<IActionResult> OnPostNoteAsync(string? text)
    {
        if ((await SendAsync(HttpMethods.Post, Base + "/notes", new { text = text ?? "" })).Ok)
        {
            Done = "Note added.";
            return Redirect($"/coach/athletes/{Uri.EscapeDataString(AthleteId)}");
        }

        await OnGetAsync();
        return Page();
    }
}

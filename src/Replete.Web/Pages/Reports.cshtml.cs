using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Replete.Web.WebApp;

namespace Replete.Web.Pages;

/// <summary>The athlete's saved assessments through the API's snapshot endpoints: the list (newest first), one report as
/// it was made, or two side by side (the triage and each listed bottleneck with its likelihood and score), so a person
/// sees what changed between two ranges. Nothing is recomputed: each report is the one the server saved.</summary>
public sealed class ReportsModel : WebPage
{
    /// <summary>The saved assessments, newest first (id, from, to, created_at, triage).</summary>
    public IReadOnlyList<JsonNode> List { get; private set; } = [];

    /// <summary>The report asked for with <c>?id=</c>.</summary>
    public JsonNode? Report { get; private set; }

    /// <summary>The two reports asked for with <c>?compare=A&amp;compare=B</c>, older range first.</summary>
    public IReadOnlyList<JsonNode> Compared { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long? id, long[]? compare)
    {
        List = [.. Shown.Items((await GetAsync("/api/v1/athletes/me/snapshots")).Body)];
        if (id is { } one)
        {
            var answer = await SendAsync(HttpMethods.Get, $"/api/v1/athletes/me/snapshots/{one}");
            Report = answer.Ok ? answer.Body : null;
        }
        else if (compare is { Length: 2 })
        {
            var reports = new List<JsonNode>();
            foreach (var which in compare)
            {
                var answer = await SendAsync(HttpMethods.Get, $"/api/v1/athletes/me/snapshots/{which}");
                if (answer.Body is { } body && answer.Ok)
                {
                    reports.Add(body);
                }
            }

            Compared = reports.Count == 2 ? [.. reports.OrderBy(r => (string?)r["to"], StringComparer.Ordinal).ThenBy(r => (long?)r["id"])] : [];
        }
        else if (compare is { Length: > 0 })
        {
            Problems = [("compare", "choose two reports to compare")];
        }

        return Page();
    }

    /// <summary>A report's listed bottlenecks (the engine's <c>listed</c> count), by nutrient.</summary>
    public static IReadOnlyDictionary<string, JsonNode> Listed(JsonNode report)
    {
        var all = Shown.Items(report["bottlenecks"]).ToList();
        var listed = report["listed"] is JsonValue count ? all.Take((int)count) : all;
        return listed.GroupBy(b => (string?)b["nutrient"] ?? "").ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }
}

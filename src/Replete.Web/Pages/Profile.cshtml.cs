using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;

namespace Replete.Web.Pages;

/// <summary>The athlete's profile and body-mass history, through the API (checked by the engine's profile rules).</summary>
public sealed class ProfileModel : WebPage
{
    public JsonNode? Profile { get; private set; }

    public IReadOnlyList<JsonNode> Masses { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var profile = await GetAsync("/api/v1/athletes/me/profile");
        Profile ??= profile.Ok ? profile.Body : null;
        Masses = [.. ((await GetAsync("/api/v1/athletes/me/body-mass")).Body as JsonArray ?? []).OfType<JsonNode>()];
    }

    public async Task<IActionResult> OnPostAsync(string? dateOfBirth, string? sex, bool pregnant, bool lactating, string? sport, double? trainingHoursPerWeek, string? diet, string? avoid)
    {
        var body = new JsonObject { ["date_of_birth"] = dateOfBirth, ["sex"] = sex };
        if (pregnant)
        {
            body["pregnant"] = true;
        }

        if (lactating)
        {
            body["lactating"] = true;
        }

        if (!string.IsNullOrWhiteSpace(sport))
        {
            body["sport"] = sport.Trim();
        }

        if (trainingHoursPerWeek is { } hours)
        {
            body["training_hours_per_week"] = hours;
        }

        body["diet"] = diet ?? "omnivore";
        var avoided = (avoid ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (avoided.Length > 0)
        {
            body["avoid"] = new JsonArray([.. avoided.Select(a => (JsonNode)a)]);
        }

        var saved = await SendAsync(HttpMethods.Put, "/api/v1/athletes/me/profile", body);
        if (!saved.Ok)
        {
            Profile = body;
            await OnGetAsync();
            return Page();
        }

        Done = "Profile saved.";
        return Redirect("/profile");
    }

    public async Task<IActionResult> OnPostMassAsync(DateOnly date, double kilograms)
    {
        var added = await SendAsync(HttpMethods.Post, "/api/v1/athletes/me/body-mass", new { date, kilograms });
        if (!added.Ok)
        {
            await OnGetAsync();
            return Page();
        }

        Done = "Weighing added.";
        return Redirect("/profile");
    }
}

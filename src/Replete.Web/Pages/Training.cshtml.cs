using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Replete.Data;
using Replete.Training;
using Replete.Web.WebApp;

namespace Replete.Web.Pages;

/// <summary>Training: the sweat test stored through the API (the engine's sweat test document), a session planned by the
/// engine's <see cref="SessionPlanner"/> from the latest sweat test and weighing, and the week's fuel of the latest
/// plan.</summary>
public sealed class TrainingModel : WebPage
{
    public SweatRateTest? LatestRate { get; private set; }

    public string? LatestRateDate { get; private set; }

    private double? latestSodium;

    public JsonNode? Session { get; private set; }

    public JsonNode? WeekFuel { get; private set; }

    public string Sport { get; private set; } = "running";

    public string Intensity { get; private set; } = "moderate";

    public double Minutes { get; private set; } = 60;

    public double? TemperatureC { get; private set; }

    public async Task OnGetAsync()
    {
        if (Shown.Items((await GetAsync("/api/v1/athletes/me/sweat-tests")).Body).FirstOrDefault() is { } latest)
        {
            using var source = JsonSource.Parse(latest["document"]!.ToJsonString(), "sweat test");
            var test = SweatTest.Read(source);
            if (test.Value?.ToRateTest() is { IsValid: true } rate)
            {
                LatestRate = rate.Value;
                LatestRateDate = (string?)latest["date"];
                latestSodium = test.Value.SweatSodiumMmolPerLitre;
            }
        }

        if (Shown.Items((await GetAsync("/api/v1/athletes/me/snapshots")).Body).FirstOrDefault() is { } snapshot)
        {
            WeekFuel = (await GetAsync($"/api/v1/athletes/me/snapshots/{snapshot["id"]}")).Body?["plan"]?["training_fuel"];
        }
    }

    public async Task<IActionResult> OnPostSweatAsync(DateOnly date, double preKg, double postKg, double? drankMl, double? urineMl, double minutes, double? sodiumMmolL)
    {
        var body = new JsonObject { ["pre_kg"] = preKg, ["post_kg"] = postKg, ["drank_ml"] = drankMl ?? 0, ["urine_ml"] = urineMl ?? 0, ["minutes"] = minutes };
        if (sodiumMmolL is { } sodium)
        {
            body["sweat_sodium_mmol_l"] = sodium;
        }

        var saved = await SendAsync(HttpMethods.Post, $"/api/v1/athletes/me/sweat-tests?date={date:yyyy-MM-dd}", body);
        if (saved.Ok)
        {
            Done = "Sweat test saved.";
            return Redirect("/training");
        }

        await OnGetAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostSessionAsync(string? sport, double minutes, string? intensity, double? temperatureC)
    {
        await OnGetAsync();
        (Sport, Minutes, Intensity, TemperatureC) = (sport ?? "running", minutes, intensity ?? "moderate", temperatureC);
        var mass = Shown.Items((await GetAsync("/api/v1/athletes/me/body-mass")).Body).LastOrDefault()?["kilograms"];
        var request = new SessionRequest(Sport, Minutes, Intensities.Parse(Intensity) ?? Replete.Training.Intensity.Moderate, TemperatureC,
            mass is JsonValue kg ? (double)kg : null, LatestRate?.LitresPerHour, latestSodium);
        if (request.Validate() is { Count: > 0 } problems)
        {
            Problems = [.. problems.Select(p => ("", p))];
            return Page();
        }

        Session = JsonSerializer.SerializeToNode(SessionPlanner.Plan(request), WireJson.Options);
        return Page();
    }
}

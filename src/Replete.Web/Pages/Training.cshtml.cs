using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Replete.Data;
using Replete.Training;
using Replete.Web.WebApp;

namespace Replete.Web.Pages;

/// <summary>Training, all through the API: the sweat test (the engine's sweat test document) and its rate, a session
/// planned by the API's session planner from the latest sweat test and weighing, the training week (the engine's
/// training week document), and the week's fuel of the latest plan.</summary>
public sealed class TrainingModel : WebPage
{
    /// <summary>The latest sweat test's rate as the API reads it (<c>litres_per_hour</c>, <c>percent_body_mass_lost</c>), or null.</summary>
    public JsonNode? LatestRate { get; private set; }

    public string? LatestRateDate { get; private set; }

    public JsonNode? Session { get; private set; }

    public JsonNode? WeekFuel { get; private set; }

    public string Sport { get; private set; } = "running";

    public string Intensity { get; private set; } = "moderate";

    public double Minutes { get; private set; } = 60;

    public double? TemperatureC { get; private set; }

    /// <summary>The week's days as the training week document names them, Monday first, with their names.</summary>
    public static IReadOnlyList<(string Id, string Name)> Days { get; } =
        [("mon", "Monday"), ("tue", "Tuesday"), ("wed", "Wednesday"), ("thu", "Thursday"), ("fri", "Friday"), ("sat", "Saturday"), ("sun", "Sunday")];

    /// <summary>One day's session on the week form.</summary>
    public sealed record DaySession(string Sport, string? Minutes, string Intensity);

    /// <summary>The week form's values: the latest stored week, or what was typed when the API refused it.</summary>
    public sealed record WeekFormValues(string Phase, string? BodyMassKg, IReadOnlyDictionary<string, DaySession> Sessions);

    public WeekFormValues WeekForm { get; private set; } = new("base", null, new Dictionary<string, DaySession>());

    /// <summary>The first day of the week on the form: the stored week's, else this week's Monday.</summary>
    public DateOnly WeekStart { get; private set; } = Today.AddDays(-(((int)Today.DayOfWeek + 6) % 7));

    /// <summary>The latest stored training week as the API lists it (id, date, document), or null.</summary>
    public JsonNode? LatestWeek { get; private set; }

    public async Task OnGetAsync()
    {
        await ReadAsync();
        if (LatestWeek?["document"] is JsonObject week)
        {
            WeekStart = DateOnly.ParseExact((string)LatestWeek["date"]!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            WeekForm = new WeekFormValues((string?)week["phase"] ?? "base", week["body_mass_kg"]?.ToJsonString(),
                Shown.Items(week["sessions"]).GroupBy(x => ((string?)x["day"] ?? "")[..Math.Min(3, ((string?)x["day"] ?? "").Length)].ToLowerInvariant())
                    .ToDictionary(g => g.Key, g => new DaySession((string?)g.First()["sport"] ?? "running", g.First()["minutes"]?.ToJsonString(), (string?)g.First()["intensity"] ?? "moderate")));
        }
    }

    private async Task ReadAsync()
    {
        if (Shown.Items((await GetAsync("/api/v1/athletes/me/sweat-tests")).Body).FirstOrDefault() is { } latest)
        {
            (LatestRate, LatestRateDate) = (latest["result"], (string?)latest["date"]);
        }

        if (Shown.Items((await GetAsync("/api/v1/athletes/me/snapshots")).Body).FirstOrDefault() is { } snapshot)
        {
            WeekFuel = (await GetAsync($"/api/v1/athletes/me/snapshots/{snapshot["id"]}")).Body?["plan"]?["training_fuel"];
        }

        LatestWeek = Shown.Items((await GetAsync("/api/v1/athletes/me/training-weeks")).Body).FirstOrDefault();
    }

    /// <summary>Stores the week through the API (the engine's reader checks it); a day without minutes is a rest day.</summary>
    public async Task<IActionResult> OnPostWeekAsync(DateOnly week, string? phase, string? bodyMassKg)
    {
        var form = Request.Form;
        var typed = Days.ToDictionary(d => d.Id, d => new DaySession(form[$"sport-{d.Id}"].ToString(), form[$"minutes-{d.Id}"].ToString(), form[$"intensity-{d.Id}"].ToString()));
        var sessions = new JsonArray();
        foreach (var (day, session) in typed.Where(t => !string.IsNullOrWhiteSpace(t.Value.Minutes)))
        {
            // The API reads the number: what was typed goes as a number when it is one, else as text it refuses by name.
            JsonNode minutes = double.TryParse(session.Minutes, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) ? m : session.Minutes!;
            sessions.Add(new JsonObject { ["day"] = day, ["sport"] = session.Sport, ["minutes"] = minutes, ["intensity"] = session.Intensity });
        }

        var body = new JsonObject { ["phase"] = phase ?? "base", ["sessions"] = sessions };
        if (!string.IsNullOrWhiteSpace(bodyMassKg))
        {
            body["body_mass_kg"] = double.TryParse(bodyMassKg, NumberStyles.Float, CultureInfo.InvariantCulture, out var kg) ? kg : bodyMassKg;
        }

        var saved = await SendAsync(HttpMethods.Post, $"/api/v1/athletes/me/training-weeks?week={week:yyyy-MM-dd}", body);
        if (saved.Ok)
        {
            Done = $"Training week of {week:yyyy-MM-dd} saved: {sessions.Count} session(s). Assess a range that includes it to see its fuel.";
            return Redirect("/training");
        }

        await ReadAsync();
        (WeekStart, WeekForm) = (week, new WeekFormValues(phase ?? "base", bodyMassKg, typed));
        return Page();
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
        var planned = await SendAsync(HttpMethods.Post, "/api/v1/athletes/me/session-plans",
            new JsonObject { ["sport"] = Sport, ["minutes"] = Minutes, ["intensity"] = Intensity, ["temperature_c"] = TemperatureC });
        Session = planned.Ok ? planned.Body : null;
        return Page();
    }
}

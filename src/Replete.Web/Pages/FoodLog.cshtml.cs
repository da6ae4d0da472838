using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Replete.Web.WebApp;

namespace Replete.Web.Pages;

/// <summary>The food log by day: entries through the API's food-log endpoints (matched by the food search, household
/// units resolved by the engine, uncertain matches offered to confirm), and the day's totals against targets from the
/// intake trend endpoint (the engine's diet analysis of that day).</summary>
public sealed class FoodLogModel : WebPage
{
    /// <summary>One nutrient of the day: what was eaten, its target and the share met (null without a target).</summary>
    public sealed record Total(string Nutrient, string Eaten, string Target, double? Percent);

    [BindProperty(SupportsGet = true)]
    public DateOnly? Day { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Edit { get; set; }

    public IReadOnlyList<JsonNode> Entries { get; private set; } = [];

    public JsonNode? Editing { get; private set; }

    /// <summary>An entry whose match is uncertain, with the alternatives to choose from.</summary>
    public JsonNode? Confirm { get; private set; }

    public IReadOnlyList<Total> Totals { get; private set; } = [];

    /// <summary>What was typed into a refused form, shown again.</summary>
    public JsonObject? Draft { get; private set; }

    public DateOnly DayShown => Day ?? Today;

    public async Task OnGetAsync()
    {
        Day ??= Today;
        var day = Day.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Entries = [.. Shown.Items((await GetAsync($"/api/v1/athletes/me/food-log?from={day}&to={day}")).Body)];
        Editing = Edit is { } id ? Entries.FirstOrDefault(e => (long?)e["id"] == id && e["import_id"] is null) : Draft?["id"] is not null ? Draft : null;
        var trends = await GetAsync($"/api/v1/athletes/me/trends/intake?from={day}&to={day}");
        Totals = trends.Body is JsonObject series
            ? [.. series.Select(p => (p.Key, Week: Shown.Items(p.Value).FirstOrDefault())).Where(p => p.Week?["mean_daily"] is JsonValue).Select(p => Row(p.Key, p.Week!))]
            : [];
    }

    private static Total Row(string nutrient, JsonNode week)
    {
        var unit = (string?)week["unit"] ?? "";
        var eaten = (double)week["mean_daily"]!;
        var target = week["target"] is JsonValue t ? (double?)t : null;
        return new Total(nutrient.Replace('_', ' '), $"{Shown.Number(eaten)} {unit}",
            target is { } goal ? $"{Shown.Number(goal)} {unit} ({((string?)week["target_kind"])?.ToUpperInvariant()})" : "none",
            target is > 0 ? Math.Round(eaten / target.Value * 100) : null);
    }

    private JsonObject Body(string? meal, string? food, string? amount, int? foodId) => new JsonObject
    {
        ["date"] = (Day ?? Today).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["meal"] = meal,
        ["food"] = food ?? "",
        ["amount"] = amount ?? "",
        ["food_id"] = foodId,
    };

    private async Task<IActionResult> AfterAsync(ApiAnswer answer, string done, JsonObject sent)
    {
        Draft = sent;
        if (answer.Ok && answer.Body?["needs_confirmation"] is JsonValue needs && (bool)needs)
        {
            Confirm = answer.Body;
        }
        else if (answer.Ok)
        {
            Done = done + (answer.Body?["match"] is JsonObject matched ? $": {Shown.Food(matched)}" : "");
            return Redirect($"/food-log?day={(Day ?? Today):yyyy-MM-dd}");
        }

        await OnGetAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(string? meal, string? food, string? amount, int? foodId)
    {
        var body = Body(meal, food, amount, foodId);
        return await AfterAsync(await SendAsync(HttpMethods.Post, "/api/v1/athletes/me/food-log", body), "Added", body);
    }

    public async Task<IActionResult> OnPostEditAsync(long id, string? meal, string? food, string? amount, int? foodId)
    {
        var body = Body(meal, food, amount, foodId);
        var answer = await SendAsync(HttpMethods.Put, $"/api/v1/athletes/me/food-log/{id}", body);
        body["id"] = id;
        return await AfterAsync(answer, "Changed", body);
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id)
    {
        if ((await SendAsync(HttpMethods.Delete, $"/api/v1/athletes/me/food-log/{id}")).Ok)
        {
            Done = "Deleted.";
        }

        return Redirect($"/food-log?day={(Day ?? Today):yyyy-MM-dd}");
    }
}

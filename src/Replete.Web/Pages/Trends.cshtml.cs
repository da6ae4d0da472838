using System.Globalization;
using System.Text.Json.Nodes;
using Replete.Web.WebApp;

namespace Replete.Web.Pages;

/// <summary>One nutrient's intake and probability of adequacy by week over twelve weeks, from the API's intake trend.</summary>
public sealed class TrendsModel : WebPage
{
    public IReadOnlyList<string> Nutrients { get; private set; } = [];

    public string Nutrient { get; private set; } = "iron";

    public DateOnly To { get; private set; }

    public JsonNode? Weeks { get; private set; }

    public async Task OnGetAsync(string? nutrient, DateOnly? to)
    {
        To = to ?? await LastLoggedDayAsync() ?? Today;
        var from = To.AddDays(-83).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var answer = await GetAsync($"/api/v1/athletes/me/trends/intake?from={from}&to={To:yyyy-MM-dd}");
        Problems = answer.Problems;
        var series = answer.Body as JsonObject ?? [];
        Nutrients = [.. series.Select(p => p.Key)];
        Nutrient = nutrient is { } n && series.ContainsKey(n) ? n : Nutrients.Contains("iron") ? "iron" : Nutrients.Count > 0 ? Nutrients[0] : "iron";
        Weeks = series[Nutrient];
    }

    private async Task<DateOnly?> LastLoggedDayAsync() =>
        Shown.Items((await GetAsync("/api/v1/athletes/me/imports")).Body)
            .Select(i => DateOnly.TryParse((string?)i["last_day"], CultureInfo.InvariantCulture, out var d) ? d : (DateOnly?)null)
            .Where(d => d <= Today).Max();
}

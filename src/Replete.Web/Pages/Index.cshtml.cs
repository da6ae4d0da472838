using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Replete.Storage.Records;
using Replete.Web.WebApp;

namespace Replete.Web.Pages;

/// <summary>The athlete's dashboard: the latest saved assessment (triage first, ranked bottlenecks with their evidence,
/// the plan), retests due, and a form to assess a range. A coach is sent to the roster.</summary>
public sealed class DashboardModel : WebPage
{
    public JsonNode? Report { get; private set; }

    public bool HasProfile { get; private set; }

    public IReadOnlyList<JsonNode> Due { get; private set; } = [];

    public DateOnly From { get; private set; }

    public DateOnly To { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await HttpContext.RequestServices.GetRequiredService<CurrentAccount>().GetAsync() is { Kind: AccountKind.Coach })
        {
            return Redirect("/coach");
        }

        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        HasProfile = (await GetAsync("/api/v1/athletes/me/profile")).Ok;
        var latest = Shown.Items((await GetAsync("/api/v1/athletes/me/snapshots")).Body).FirstOrDefault();
        if (latest is not null)
        {
            Report = (await GetAsync($"/api/v1/athletes/me/snapshots/{latest["id"]}")).Body;
        }

        Due = [.. Shown.Items((await GetAsync("/api/v1/athletes/me/reminders?due=true")).Body)];
        // The form's default range: the four weeks up to the last day anything was stored (an old export is assessed
        // where its days are), else up to today.
        To = await LastStoredDayAsync() ?? Today;
        From = To.AddDays(-(Athletes.AthleteReport.DefaultDays - 1));
    }

    private async Task<DateOnly?> LastStoredDayAsync()
    {
        var days = new List<DateOnly>();
        foreach (var (path, field) in new[] { ("imports", "last_day"), ("labs", "collected"), ("check-ins", "date") })
        {
            days.AddRange(Shown.Items((await GetAsync($"/api/v1/athletes/me/{path}")).Body)
                .Select(n => DateOnly.TryParse((string?)n[field], System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : (DateOnly?)null)
                .OfType<DateOnly>());
        }

        return days.Count == 0 ? null : days.Where(d => d <= Today).DefaultIfEmpty(Today).Max();
    }

    public async Task<IActionResult> OnPostAssessAsync(DateOnly from, DateOnly to)
    {
        var saved = await SendAsync(HttpMethods.Post, "/api/v1/athletes/me/snapshots", new { from, to });
        if (!saved.Ok)
        {
            await LoadAsync();
            return Page();
        }

        return Redirect("/");
    }

    public async Task<IActionResult> OnPostDoneAsync(long id)
    {
        await SendAsync(HttpMethods.Post, $"/api/v1/athletes/me/reminders/{id}/done");
        return Redirect("/");
    }
}

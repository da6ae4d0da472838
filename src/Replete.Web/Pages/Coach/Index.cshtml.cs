using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Replete.Web.WebApp;

namespace Replete.Web.Pages.Coach;

/// <summary>A coach's roster (grants in force), invitations either way, through the API's sharing endpoints.</summary>
public sealed class CoachModel : WebPage
{
    public IReadOnlyList<JsonNode> Roster { get; private set; } = [];

    public JsonNode? Invitation { get; private set; }

    public async Task OnGetAsync() => Roster = [.. Shown.Items((await GetAsync("/api/v1/roster")).Body)];

    public async Task<IActionResult> OnPostAcceptAsync(string? code)
    {
        var answer = await SendAsync(HttpMethods.Post, "/api/v1/invitations/accept", new { code = code ?? "" });
        if (answer.Ok)
        {
            Done = $"{answer.Body?["athlete"]} is on your roster.";
            return Redirect("/coach");
        }

        await OnGetAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostInviteAsync(string[]? scopes)
    {
        var answer = await SendAsync(HttpMethods.Post, "/api/v1/invitations", new JsonObject { ["scopes"] = new JsonArray([.. (scopes ?? []).Select(s => (JsonNode)s)]) });
        Invitation = answer.Ok ? answer.Body : null;
        await OnGetAsync();
        return Page();
    }
}

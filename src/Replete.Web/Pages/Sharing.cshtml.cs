using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Replete.Web.WebApp;

namespace Replete.Web.Pages;

/// <summary>The athlete's sharing page: invitations with scopes, sensitive classes and an end date; grants with revoke;
/// the audit log; all through the API's sharing endpoints.</summary>
public sealed class SharingModel : WebPage
{
    public JsonNode? Invitation { get; private set; }

    public IReadOnlyList<JsonNode> Grants { get; private set; } = [];

    public IReadOnlyList<JsonNode> Audit { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Grants = [.. Shown.Items((await GetAsync("/api/v1/grants")).Body)];
        Audit = [.. Shown.Items((await GetAsync("/api/v1/athletes/me/audit")).Body)];
    }

    public async Task<IActionResult> OnPostInviteAsync(string[]? scopes, string[]? shared, DateOnly? endsOn)
    {
        var body = new JsonObject
        {
            ["scopes"] = new JsonArray([.. (scopes ?? []).Select(s => (JsonNode)s)]),
            ["shared"] = new JsonArray([.. (shared ?? []).Select(s => (JsonNode)s)]),
        };
        if (endsOn is { } day)
        {
            body["grant_ends_at"] = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        }

        var answer = await SendAsync(HttpMethods.Post, "/api/v1/invitations", body);
        Invitation = answer.Ok ? answer.Body : null;
        await OnGetAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAcceptAsync(string? code)
    {
        var answer = await SendAsync(HttpMethods.Post, "/api/v1/invitations/accept", new { code = code ?? "" });
        if (answer.Ok)
        {
            Done = $"{answer.Body?["coach"]} can now see what the invitation named.";
            return Redirect("/sharing");
        }

        await OnGetAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(long id)
    {
        if ((await SendAsync(HttpMethods.Delete, $"/api/v1/grants/{id}")).Ok)
        {
            Done = "Revoked: the coach sees nothing of yours from now on. Your data stays.";
        }

        return Redirect("/sharing");
    }
}

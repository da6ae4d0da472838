using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;

namespace Replete.Web.Pages.Account;

/// <summary>The account: who is signed in, password change, export, sign out everywhere and deletion, each through the
/// API's account endpoints.</summary>
public sealed class AccountModel : WebPage
{
    public JsonNode? Me { get; private set; }

    public async Task OnGetAsync() => Me = (await GetAsync("/api/v1/account")).Body;

    public async Task<IActionResult> OnPostPasswordAsync(string? currentPassword, string? newPassword)
    {
        var changed = await SendAsync(HttpMethods.Post, "/api/v1/account/password", new { current_password = currentPassword ?? "", new_password = newPassword ?? "" });
        if (!changed.Ok)
        {
            await OnGetAsync();
            return Page();
        }

        // A new password ends every session, this one too: sign this browser in again with it.
        var email = (string?)(await GetAsync("/api/v1/account")).Body?["email"];
        await SendAsync(HttpMethods.Post, "/api/v1/account/sign-in?cookie=true", new { email = email ?? "", password = newPassword });
        Done = "Password changed. Other sessions and tokens are signed out.";
        return Redirect("/account");
    }

    public async Task<IActionResult> OnPostEverywhereAsync()
    {
        await SendAsync(HttpMethods.Post, "/api/v1/account/sign-out-everywhere");
        await SendAsync(HttpMethods.Post, "/api/v1/account/sign-out");
        return Redirect("/sign-in");
    }

    public async Task<IActionResult> OnPostDeleteAsync(bool confirm)
    {
        if (!confirm)
        {
            Problems = [("confirm", "tick the box to confirm that everything is deleted")];
            await OnGetAsync();
            return Page();
        }

        await SendAsync(HttpMethods.Delete, "/api/v1/account");
        return Redirect("/sign-in");
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Replete.Web.Pages.Account;

/// <summary>Registration through the API's register endpoint (its e-mail, name and password rules), then a cookie
/// sign-in.</summary>
[EnableRateLimiting(Accounts.ServerAccounts.SignInPolicy)]
public sealed class SignUpModel : WebPage
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? Kind { get; set; }

    public async Task<IActionResult> OnPostAsync()
    {
        var kind = Kind == "coach" ? "coach" : "athlete";
        var registered = await SendAsync(HttpMethods.Post, "/api/v1/account/register",
            new { email = Email ?? "", password = Password ?? "", kind, display_name = string.IsNullOrWhiteSpace(DisplayName) ? null : DisplayName });
        if (!registered.Ok)
        {
            return Page();
        }

        var signedIn = await SendAsync(HttpMethods.Post, "/api/v1/account/sign-in?cookie=true", new { email = Email, password = Password });
        return !signedIn.Ok ? Page() : Redirect(kind == "coach" ? "/coach" : "/profile");
    }
}

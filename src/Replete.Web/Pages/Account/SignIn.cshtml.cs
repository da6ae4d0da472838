using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Replete.Web.Pages.Account;

/// <summary>Sign-in through the API's sign-in endpoint with the cookie (lockout and its messages are the API's).</summary>
[EnableRateLimiting(Accounts.ServerAccounts.SignInPolicy)]
public sealed class SignInModel : WebPage
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var signedIn = await SendAsync(HttpMethods.Post, "/api/v1/account/sign-in?cookie=true", new { email = Email ?? "", password = Password ?? "" });
        if (!signedIn.Ok)
        {
            return Page();
        }

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}

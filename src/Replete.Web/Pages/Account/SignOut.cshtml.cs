using Microsoft.AspNetCore.Mvc;

namespace Replete.Web.Pages.Account;

/// <summary>Signs this browser out (a POST with the antiforgery token, so no other site can sign a person out).</summary>
public sealed class SignOutModel : WebPage
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await SendAsync(HttpMethods.Post, "/api/v1/account/sign-out");
        return Redirect("/sign-in");
    }
}

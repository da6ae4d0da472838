using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Replete.Storage.Records;

namespace Replete.Web.Accounts;

/// <summary>Register, sign in (cookie or bearer token), sign out, sign out everywhere, change password, delete the
/// account with every record of it.</summary>
internal static class AccountEndpoints
{
    /// <summary>A new account.</summary>
    /// <param name="Email">The sign-in name (an e-mail address; no e-mail is ever sent).</param>
    /// <param name="Password">At least 8 characters.</param>
    /// <param name="Kind">athlete or coach.</param>
    /// <param name="DisplayName">The name shown to people the account shares with.</param>
    public sealed record Registration(string Email, [property: System.Text.Json.Serialization.JsonConverter(typeof(SecretTextConverter))] string Password, AccountKind Kind, string? DisplayName);

    /// <summary>Sign-in details.</summary>
    public sealed record SignIn(string Email, [property: System.Text.Json.Serialization.JsonConverter(typeof(SecretTextConverter))] string Password);

    /// <summary>A password change.</summary>
    public sealed record PasswordChange([property: System.Text.Json.Serialization.JsonConverter(typeof(SecretTextConverter))] string CurrentPassword, [property: System.Text.Json.Serialization.JsonConverter(typeof(SecretTextConverter))] string NewPassword);

    /// <summary>Who is signed in.</summary>
    public sealed record Me(string Id, string Email, AccountKind Kind, string DisplayName);

    public static RouteGroupBuilder MapAccountEndpoints(this RouteGroupBuilder api)
    {
        var account = api.MapGroup("/account").WithTags("Account");
        account.MapPost("/register", Register).RequireRateLimiting(ServerAccounts.SignInPolicy)
            .WithSummary("Create an account (athlete or coach)");
        account.MapPost("/sign-in", SignInAsync).RequireRateLimiting(ServerAccounts.SignInPolicy)
            .WithSummary("Sign in: ?cookie=true sets the browser cookie, otherwise a bearer token is returned");
        account.MapPost("/refresh", Refresh).RequireRateLimiting(ServerAccounts.SignInPolicy)
            .WithSummary("Trade a refresh token for a new bearer token");
        account.MapPost("/sign-out", async (HttpContext http, SignInManager<Account> signIn) =>
        {
            // A bearer token is self-contained and cannot be ended on its own; answering 204 would tell its holder it was
            // (tester h73: the token and its refresh token still worked).
            if (ServerAccounts.CarriesBearer(http.Request))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "A bearer token cannot be signed out on its own.",
                    detail: "Forget the token on this device; POST /api/v1/account/sign-out-everywhere ends every token and session of the account at once.");
            }

            await signIn.SignOutAsync();
            return Results.NoContent();
        }).RequireAuthorization().WithSummary("Sign out this browser (a bearer client uses sign-out-everywhere)");
        account.MapPost("/sign-out-everywhere", async (ClaimsPrincipal user, UserManager<Account> users) =>
        {
            var me = await users.GetUserAsync(user);
            if (me is null)
            {
                return Results.Unauthorized();
            }

            await users.UpdateSecurityStampAsync(me);
            return Results.NoContent();
        }).RequireAuthorization().WithSummary("End every session and token of this account");
        account.MapGet("/", async (ClaimsPrincipal user, UserManager<Account> users) =>
            await users.GetUserAsync(user) is { } me ? Results.Ok(new Me(me.Id, me.Email ?? "", me.Kind, me.DisplayName)) : Results.Unauthorized())
            .RequireAuthorization().WithSummary("Who is signed in");
        account.MapGet("/antiforgery", (HttpContext http, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(http);
            return Results.Ok(new AntiforgeryToken(tokens.RequestToken!, tokens.HeaderName!, tokens.FormFieldName));
        }).RequireAuthorization().WithSummary("The antiforgery token a browser session sends with every write (a bearer client needs none)");
        account.MapPost("/password", ChangePassword).RequireAuthorization().WithSummary("Change the password (ends other sessions)");
        account.MapDelete("/", Delete).RequireAuthorization().WithSummary("Delete the account and every record of it");
        return api;
    }

    private static async Task<IResult> Register(Registration registration, UserManager<Account> users, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(registration.Email) || !registration.Email.Contains('@', StringComparison.Ordinal))
        {
            return Problems.Field("email", "must be an e-mail address");
        }

        if (!Enum.IsDefined(registration.Kind))
        {
            return Problems.Field("kind", "athlete or coach");
        }

        if (registration.DisplayName is { Length: > 200 } || !Athletes.Documents.Displayable(registration.DisplayName))
        {
            return Problems.Field("display_name", "at most 200 characters, without control or direction characters");
        }

        var account = new Account
        {
            UserName = registration.Email,
            Email = registration.Email,
            Kind = registration.Kind,
            DisplayName = registration.DisplayName?.Trim() ?? registration.Email.Split('@')[0],
            CreatedAt = clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(account, registration.Password ?? "");
        if (!created.Succeeded)
        {
            return Results.ValidationProblem(created.Errors.GroupBy(e => e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "email")
                .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()), title: "The account could not be created.");
        }

        return Results.Created($"/api/v1/account", new Me(account.Id, account.Email, account.Kind, account.DisplayName));
    }

    /// <summary>Signs in. Every failure gets the same answer, 401 naming both causes, whether the address has no account,
    /// the password is wrong or the account is locked (5 failures, 5 minutes): a different answer or a faster one for an
    /// unknown address would tell a stranger which addresses have accounts (tester h73: a locked account answered 423,
    /// and an unknown address answered without hashing, several times faster).</summary>
    private static async Task<IResult> SignInAsync(SignIn request, bool? cookie, SignInManager<Account> signIn, UserManager<Account> users)
    {
        signIn.AuthenticationScheme = cookie == true ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
        var account = await users.FindByEmailAsync(request.Email ?? "");
        if (account is null)
        {
            // The same work as checking a real password, so that the answer takes as long.
            unknownAccountHash ??= users.PasswordHasher.HashPassword(new Account(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
            users.PasswordHasher.VerifyHashedPassword(new Account(), unknownAccountHash, request.Password ?? "");
            return SignInFailed();
        }

        var result = await signIn.PasswordSignInAsync(account, request.Password ?? "", isPersistent: cookie == true, lockoutOnFailure: true);

        // On success the sign-in manager has already written the cookie, or the bearer token body.
        return result.Succeeded ? Results.Empty : SignInFailed();
    }

    private static IResult SignInFailed() => Results.Problem(statusCode: 401, title: "Wrong e-mail or password.",
        detail: "After 5 failed attempts an account is locked for 5 minutes: if you are sure of the password, wait and try again.");

    /// <summary>A hash of a random password made by the server's hasher, to verify against when no account has the
    /// address (made once; two requests racing to make it both make a valid one).</summary>
    private static string? unknownAccountHash;

    private static async Task<IResult> Refresh(RefreshRequest request, SignInManager<Account> signIn,
        Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Authentication.BearerToken.BearerTokenOptions> bearer, TimeProvider clock)
    {
        var protector = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector;
        var ticket = protector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } account)
        {
            return Results.Challenge();
        }

        var principal = await signIn.CreateUserPrincipalAsync(account);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    /// <summary>The antiforgery token of this browser session (its cookie is set with it): send <c>Token</c> in the
    /// header <c>HeaderName</c>, or in a form's field <c>FormFieldName</c>.</summary>
    public sealed record AntiforgeryToken(string Token, string HeaderName, string FormFieldName);

    /// <summary>A refresh token.</summary>
    public sealed record RefreshRequest(string RefreshToken);

    private static async Task<IResult> ChangePassword(PasswordChange change, ClaimsPrincipal user, UserManager<Account> users)
    {
        if (await users.GetUserAsync(user) is not { } me)
        {
            return Results.Unauthorized();
        }

        var changed = await users.ChangePasswordAsync(me, change.CurrentPassword ?? "", change.NewPassword ?? "");
        return changed.Succeeded ? Results.NoContent()
            : Results.ValidationProblem(changed.Errors.ToDictionary(e => e.Code, e => new[] { e.Description }), title: "The password was not changed.");
    }

    private static async Task<IResult> Delete(ClaimsPrincipal user, UserManager<Account> users, RepleteDb db, SignInManager<Account> signIn)
    {
        if (await users.GetUserAsync(user) is not { } me)
        {
            return Results.Unauthorized();
        }

        // Every row of the athlete's data cascades from the account; intake rows also cascade from their import.
        await db.Intake.Where(i => i.AccountId == me.Id).ExecuteDeleteAsync();
        await users.DeleteAsync(me);
        await signIn.SignOutAsync();
        return Results.NoContent();
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Replete.Web.WebApp;

/// <summary>The web app: server-rendered Razor Pages on the cookie session, with the server's ASP.NET Core antiforgery
/// token on every form (configured once, in <c>ServerAccounts</c>), static assets from the build (nothing from another
/// host), and pages that reach the data only through the API's endpoints run in-process (<see cref="InProcessApi"/>).</summary>
internal static class WebAppSetup
{
    /// <summary>The authorization policy of the pages: a signed-in browser (the Identity cookie), sent to the sign-in page
    /// otherwise rather than answered with the API's 401.</summary>
    public const string BrowserPolicy = "browser";

    public static WebApplicationBuilder AddRepleteWebApp(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/", BrowserPolicy);
            o.Conventions.AllowAnonymousToPage("/Account/SignIn");
            o.Conventions.AllowAnonymousToPage("/Account/SignUp");
        });
        builder.Services.AddAuthorizationBuilder().AddPolicy(BrowserPolicy, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser());
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/sign-in";
            o.LogoutPath = "/sign-out";
            o.AccessDeniedPath = "/sign-in";
        });
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<InProcessApi>();
        builder.Services.AddScoped<CurrentAccount>();
        return builder;
    }

    /// <summary>Serves the build's static assets (styles, scripts, the chart library copied from npm by the build),
    /// cached for a day.</summary>
    public static WebApplication UseRepleteWebAssets(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "public, max-age=86400",
        });
        return app;
    }

    public static WebApplication MapRepleteWebApp(this WebApplication app)
    {
        app.MapRazorPages();
        return app;
    }
}

/// <summary>The signed-in account of a page request, read once.</summary>
internal sealed class CurrentAccount(IHttpContextAccessor accessor, UserManager<Replete.Storage.Records.Account> users)
{
    private Replete.Storage.Records.Account? account;
    private bool read;

    /// <summary>The account, or null when nobody is signed in.</summary>
    public async Task<Replete.Storage.Records.Account?> GetAsync()
    {
        if (!read && accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user)
        {
            account = await users.GetUserAsync(user);
        }

        read = true;
        return account;
    }
}

using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Replete.Storage.Records;

namespace Replete.Web.Accounts;

/// <summary>Accounts on ASP.NET Core Identity: a cookie for the browser and bearer tokens for API clients, checked by one
/// policy scheme; password rules, lockout, and a rate limit on sign-in.</summary>
internal static class ServerAccounts
{
    /// <summary>The rate-limit policy on sign-in and registration.</summary>
    public const string SignInPolicy = "sign-in";

    /// <summary>The header a cookie session's writes carry the antiforgery token in.</summary>
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";

    public static WebApplicationBuilder AddRepleteAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthorization();
        builder.Services.AddIdentityApiEndpoints<Account>(o =>
            {
                // NIST SP 800-63B section 5.1.1.2: at least 8 characters, no composition rules, long passphrases allowed.
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                // Identity's defaults, kept: 5 failures lock the account for 5 minutes.
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<RepleteDb>();
        // The antiforgery token a cookie session's writes carry (UseCookieAntiforgery): ASP.NET Core's, in the header
        // X-CSRF-TOKEN or a form's __RequestVerificationToken field; its cookie as strict as the session's.
        builder.Services.AddAntiforgery(o =>
        {
            o.HeaderName = AntiforgeryHeader;
            o.Cookie.Name = "replete-antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SuppressXFrameOptionsHeader = true; // UseSecureHeaders sends DENY on every answer
        });
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "replete";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        // Replete's choice: 10 sign-in or registration attempts a minute from one address (setting "sign-in-limit");
        // lockout covers one account.
        var limit = builder.Configuration.GetValue("sign-in-limit", 10);
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // RFC 9110 section 10.2.3: say when to try again (the window's end, which the limiter knows).
            o.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
            o.AddPolicy(SignInPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return builder;
    }

    /// <summary>Refuses a cookie or bearer token whose account changed its security stamp since (sign-out everywhere, a
    /// new password) or no longer exists: one key lookup per authenticated request.</summary>
    public static WebApplication UseSecurityStampCheck(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated == true)
            {
                var signIn = context.RequestServices.GetRequiredService<SignInManager<Account>>();
                if (await signIn.ValidateSecurityStampAsync(context.User) is null)
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return;
                }
            }

            await next(context);
        });
        return app;
    }

    /// <summary>Refuses a state-changing request that a browser sent from another site (its <c>Origin</c> names another
    /// host, or <c>Sec-Fetch-Site</c> says cross-site) unless it carries a bearer token, which another site cannot make a
    /// browser send. Together with the SameSite=Strict cookie this keeps cookie sessions from cross-site forms and
    /// uploads.</summary>
    public static WebApplication UseCrossSiteCheck(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            var unsafeMethod = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));
            if (unsafeMethod && !CarriesBearer(request))
            {
                var origin = request.Headers.Origin.FirstOrDefault();
                var crossOrigin = origin is not null && (!Uri.TryCreate(origin, UriKind.Absolute, out var uri)
                    || !string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
                if (crossOrigin || string.Equals(request.Headers["Sec-Fetch-Site"], "cross-site", StringComparison.OrdinalIgnoreCase))
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return;
                }
            }

            await next(context);
        });
        return app;
    }

    /// <summary>Refuses a state-changing request signed in with the browser cookie unless it carries ASP.NET Core's
    /// antiforgery token for that session (<c>GET /api/v1/account/antiforgery</c> gives it: the <c>X-CSRF-TOKEN</c>
    /// header, or the <c>__RequestVerificationToken</c> field of a form). A request with a bearer token needs none:
    /// another site cannot make a browser send one. Anonymous requests have no session to ride. This holds where the
    /// cross-site check cannot tell (a browser that sends neither Origin nor Sec-Fetch-Site, a sibling subdomain the
    /// SameSite cookie is sent to).</summary>
    public static WebApplication UseCookieAntiforgery(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            var unsafeMethod = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method));
            if (unsafeMethod && !CarriesBearer(request) && context.User.Identity?.IsAuthenticated == true)
            {
                var antiforgery = context.RequestServices.GetRequiredService<Microsoft.AspNetCore.Antiforgery.IAntiforgery>();
                if (!await antiforgery.IsRequestValidAsync(context))
                {
                    await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "No valid antiforgery token.",
                        detail: $"A request signed in with the browser cookie carries the token from GET /api/v1/account/antiforgery in the {AntiforgeryHeader} header (or a form's __RequestVerificationToken field).")
                        .ExecuteAsync(context);
                    return;
                }
            }

            await next(context);
        });
        return app;
    }

    /// <summary>True when the request is signed in by a bearer token, not the cookie: its Authorization header, read
    /// whole and case-sensitively as the bearer handler reads it, starts with "Bearer " ("bearer x" leaves the cookie to sign in). Any other header ("Basic", "Negotiate", which a
    /// browser may attach by itself behind a proxy) leaves the cookie to sign the request in, so the cross-site and
    /// antiforgery checks still apply (tester h73: a "Basic" header let a cross-site cookie write through).</summary>
    internal static bool CarriesBearer(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal);

    /// <summary>Secure headers on every response, errors included (set as the response starts, after the exception
    /// handler has cleared the headers): no sniffing, no framing, no referrer, no caching of health data, a strict
    /// content policy.</summary>
    public static WebApplication UseSecureHeaders(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
                {
                    headers.CacheControl = "no-store";
                }

                // The API reference (Scalar) configures itself with an inline script and inline styles, so /docs allows
                // those and nothing from another origin.
                headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/docs", StringComparison.Ordinal)
                    ? "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
                    : "default-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

                return Task.CompletedTask;
            });
            await next(context);
        });
        return app;
    }
}

using Replete.Web;
using Replete.Web.Accounts;
using Replete.Web.Athletes;
using Replete.Web.Foods;
using Replete.Web.Sharing;
using Replete.Web.WebApp;
using Scalar.AspNetCore;

// The Replete server: `./replete serve` or `dotnet run --project src/Replete.Web`.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddRepleteStorage();      // data directory, the people database (SQLite or PostgreSQL), the food catalog
builder.AddRepleteAccounts();     // ASP.NET Core Identity: cookie and bearer sign-in, lockout, password rules, rate limit
builder.AddRepleteApi();          // the wire JSON policy, ProblemDetails, OpenAPI
builder.AddRepleteTransport();    // behind a reverse proxy: forwarded headers, when asked
builder.AddRepleteWebApp();       // the web app: Razor Pages on the cookie session, antiforgery on every form

var app = builder.Build();
app.UseSecureHeaders();          // first, so that errors carry them too
app.UseRepleteErrors();
app.UseRepleteTransport();        // on HTTPS outside Development: redirect HTTP, send HSTS
app.UseRepleteWebAssets();       // styles, scripts and the chart library from the build
app.UseCrossSiteCheck();         // no state change from another site's page
app.UseRateLimiter();
app.UseAuthentication();
app.UseSecurityStampCheck();      // sign-out everywhere takes effect on the next request
app.UseCookieAntiforgery();       // a cookie session's writes carry the antiforgery token
app.UseAuthorization();

var api = app.MapGroup("/api/v1");
api.MapAccountEndpoints();        // register, sign in and out, password, delete
api.MapFoodEndpoints();           // food search and detail
api.MapSharingEndpoints();        // invitations, grants, roster
var athlete = api.MapGroup("/athletes/{athleteId}").RequireAuthorization().AddEndpointFilter<AthleteAccessFilter>();
athlete.MapProfileEndpoints();    // profile, body mass
athlete.MapFoodLogEndpoints();    // food log entries, imports, supplements
athlete.MapLabEndpoints();        // labs, FHIR upload
athlete.MapCheckInEndpoints();    // symptom check-ins, training weeks, sweat tests
athlete.MapSnapshotEndpoints();   // saved assessments and plans
athlete.MapTrendEndpoints();      // intake, labs and bottlenecks over time, for charts
athlete.MapReminderEndpoints();   // retest reminders
athlete.MapPortabilityEndpoints(); // export everything, and load an export into a fresh account
athlete.MapAuditEndpoints();      // who read or wrote the athlete's data

app.MapRepleteWebApp();           // the pages: dashboard, food log, import, labs, check-in, training, sharing, coach

app.MapGet("/health", () => Results.Ok(new { status = "ok" })).ExcludeFromDescription();
app.MapOpenApi("/openapi/{documentName}.json");
app.MapScalarApiReference("/docs");

await app.PrepareStorageAsync();  // migrations, and the SR28 food database on first start
await app.RunAsync();

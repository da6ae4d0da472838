using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Replete.IntegrationTests.Storage;
using Replete.Storage.Records;
using Replete.Web.Sharing;

namespace Replete.IntegrationTests.Web;

/// <summary>Every endpoint on an athlete's data against every role: the athlete, a coach with the endpoint's scope, a
/// coach without it, a revoked coach, a coach whose grant ended, another athlete, and no one. Where the role has no right
/// the answer is a refusal, no row of the database changes, and no byte of the athlete's data is in the answer. The
/// endpoints are read from the running server, so a new one cannot be left out.</summary>
[Collection(Sr28Group.Name)]
public sealed class SecurityMatrixTests(Sr28Database foods) : IDisposable
{
    private const string Marker = "quokkamarker";
    private readonly ServerHost server = new(foods);

    public void Dispose() => server.Dispose();

    private sealed record Role(string Name, Client? Client, GrantScopes? Scopes);

    [SkippableFact]
    public async Task EveryAthleteEndpoint_EveryRole_RefusedWithoutTheRight_NoRowChanges_NoDataLeaks()
    {
        var athlete = await server.SignUpAsync("Owner");
        await Seed(athlete);
        var all = GrantScopes.ReadReports | GrantScopes.ReadLogs | GrantScopes.Annotate | GrantScopes.EditTargets;
        var roles = new List<Role> { new("owner", athlete, null) };
        // Each scope alone, and both read scopes together: a read-only grant must not reach a write that needs them both
        // (saving a snapshot; a coach with both reads could before).
        foreach (var scope in new[] { GrantScopes.ReadReports, GrantScopes.ReadLogs, GrantScopes.Annotate, GrantScopes.EditTargets, GrantScopes.ReadReports | GrantScopes.ReadLogs })
        {
            roles.Add(new($"coach with {scope}", await Coach(athlete, scope), scope));
        }

        var revoked = await Coach(athlete, all);
        var expired = await Coach(athlete, all);
        await using (var db = server.Db())
        {
            var now = DateTimeOffset.UtcNow;
            foreach (var grant in await db.Grants.Where(g => g.CoachId == revoked.Id).ToListAsync())
            {
                grant.RevokedAt = now.AddMinutes(-1);
            }

            foreach (var grant in await db.Grants.Where(g => g.CoachId == expired.Id).ToListAsync())
            {
                grant.EndsAt = now.AddMinutes(-1);
            }

            await db.SaveChangesAsync();
        }

        roles.Add(new("revoked coach", revoked, null));
        roles.Add(new("coach whose grant ended", expired, null));
        roles.Add(new("another athlete", await server.SignUpAsync("Stranger"), null));
        roles.Add(new("anonymous", null, null));

        var endpoints = Endpoints();
        Assert.True(endpoints.Count >= 25, $"only {endpoints.Count} athlete endpoints found");
        var failures = new List<string>();
        var checkedCount = 0;
        foreach (var (method, pattern, scope) in endpoints)
        {
            foreach (var role in roles.Where(r => r.Name != "owner"))
            {
                var allowed = role.Scopes is { } has && scope is { } needed && (has & needed) == needed;
                var before = await server.CountRowsAsync();
                var (status, body) = await Send(role.Client, method, pattern, athlete.Id);
                checkedCount++;
                var after = await server.CountRowsAsync();
                if (allowed)
                {
                    // Let through: the request reached its handler, and the read or write is in the audit log.
                    if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                    {
                        failures.Add($"{role.Name} {method} {pattern}: {(int)status}, expected to be let through");
                    }

                    if (after["Audit"] != before["Audit"] + 1)
                    {
                        failures.Add($"{role.Name} {method} {pattern}: not audited");
                    }

                    continue;
                }

                var expected = role.Name switch
                {
                    "anonymous" => HttpStatusCode.Unauthorized,
                    "revoked coach" or "coach whose grant ended" or "another athlete" => HttpStatusCode.NotFound,
                    _ => HttpStatusCode.Forbidden,
                };
                if (status != expected)
                {
                    failures.Add($"{role.Name} {method} {pattern}: {(int)status}, expected {(int)expected}");
                }

                // A coach's request through a grant in force that its scopes do not cover is refused and on record
                // (tester h73: it was not); nobody else's request reaches the audit log.
                var refusedOnRecord = expected == HttpStatusCode.Forbidden && role.Scopes is not null;
                if (after["Audit"] != before["Audit"] + (refusedOnRecord ? 1 : 0))
                {
                    failures.Add($"{role.Name} {method} {pattern}: audit rows {before["Audit"]} -> {after["Audit"]}, expected {(refusedOnRecord ? "one more" : "none")}");
                }

                after["Audit"] = before["Audit"];
                if (!before.SequenceEqual(after))
                {
                    failures.Add($"{role.Name} {method} {pattern}: rows changed ({string.Join(", ", after.Where(a => before[a.Key] != a.Value).Select(a => a.Key))})");
                }

                if (body.Contains(Marker, StringComparison.Ordinal) || body.Contains(athlete.Email, StringComparison.Ordinal))
                {
                    failures.Add($"{role.Name} {method} {pattern}: the answer holds the athlete's data");
                }
            }
        }

        // The athlete reaches every read.
        foreach (var (method, pattern, _) in endpoints.Where(e => e.Method == "GET"))
        {
            var (status, _) = await Send(athlete, method, pattern, "me");
            if (status != HttpStatusCode.OK)
            {
                failures.Add($"owner {method} {pattern}: {(int)status}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {checkedCount} checks on {server.Provider} failed:\n" + string.Join("\n", failures));
    }

    [SkippableFact]
    public async Task Snapshot_ACoachWithOnlyReadScopes_IsRefusedAndTheRefusalAudited()
    {
        var athlete = await server.SignUpAsync("Reads");
        await Seed(athlete);
        var reader = await Coach(athlete, GrantScopes.ReadReports | GrantScopes.ReadLogs);
        var writer = await Coach(athlete, GrantScopes.ReadReports | GrantScopes.ReadLogs | GrantScopes.Annotate);
        var path = $"/api/v1/athletes/{athlete.Id}/snapshots";

        var (refused, _) = await reader.PostAsync(path, new { from = "2026-11-01", to = "2026-11-03" });
        var (made, _) = await writer.PostAsync(path, new { from = "2026-11-01", to = "2026-11-03" });

        Assert.Equal(HttpStatusCode.Forbidden, refused);
        Assert.Equal(HttpStatusCode.Created, made);
        await using var db = server.Db();
        var audit = await db.Audit.Where(a => a.AthleteId == athlete.Id && a.Resource.StartsWith("POST")).OrderBy(a => a.Id).Select(a => new { a.ActorId, a.Action }).ToListAsync();
        Assert.Equal(new[] { new { ActorId = reader.Id, Action = "refused" }, new { ActorId = writer.Id, Action = "write" } }, audit);
        Assert.Equal(2, await db.Snapshots.CountAsync(s => s.AccountId == athlete.Id));
    }

    [SkippableFact]
    public async Task Grants_OnlyTheirTwoAccountsSeeOrChangeThem()
    {
        var athlete = await server.SignUpAsync("Pat");
        var coach = await Coach(athlete, GrantScopes.ReadReports);
        var stranger = await server.SignUpAsync("Sam");
        var grantId = (long)(await athlete.GetAsync("/api/v1/grants")).Body!.AsArray().Single()!["id"]!;
        Assert.Empty((await stranger.GetAsync("/api/v1/grants")).Body!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.SendAsync(HttpMethod.Delete, $"/api/v1/grants/{grantId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await coach.SendAsync(HttpMethod.Patch, $"/api/v1/grants/{grantId}", new { scopes = new[] { "read_logs", "edit_targets" } })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await coach.GetAsync($"/api/v1/athletes/{athlete.Id}/food-log")).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await coach.SendAsync(HttpMethod.Delete, $"/api/v1/grants/{grantId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await coach.GetAsync($"/api/v1/athletes/{athlete.Id}/snapshots")).Status);
        Assert.Equal(HttpStatusCode.OK, (await athlete.GetAsync("/api/v1/account")).Status);
    }

    private List<(string Method, string Pattern, GrantScopes? Scope)> Endpoints() =>
        [.. server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/athletes/{athleteId}", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? []).Select(m =>
                (Method: m, Pattern: e.RoutePattern.RawText!, Scope: e.Metadata.GetMetadata<RequiresScope>()?.Scope)))
            .OrderBy(e => e.Pattern, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)];

    private async Task<Client> Coach(Client athlete, GrantScopes scopes)
    {
        var coach = await server.SignUpAsync("Coach", AccountKind.Coach);
        var names = Enum.GetValues<GrantScopes>().Where(s => s != GrantScopes.None && scopes.HasFlag(s))
            .Select(s => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(s.ToString())).ToArray();
        var (_, invitation) = await athlete.PostAsync("/api/v1/invitations", new { scopes = names });
        var (status, _) = await coach.PostAsync("/api/v1/invitations/accept", new { code = (string)invitation!["code"]! });
        Assert.Equal(HttpStatusCode.OK, status);
        return coach;
    }

    private static async Task Seed(Client athlete)
    {
        Expect(HttpStatusCode.OK, await athlete.SendAsync(HttpMethod.Put, "/api/v1/athletes/me/profile",
            new { date_of_birth = "1995-01-01", sex = "female", sport = "running", avoid = new[] { Marker } }));
        foreach (var path in new[] { "food-log", "labs" })
        {
            Expect(HttpStatusCode.Created, await athlete.PostAsync($"/api/v1/athletes/me/{path}", Body("POST", $"/api/v1/athletes/{{athleteId}}/{path}")));
        }

        using var csv = new StringContent("date,time,meal,food,amount\n2026-11-02,12:00,lunch,banana,120 g\n", Encoding.UTF8, "text/csv");
        Expect(HttpStatusCode.Created, await athlete.PostAsync($"/api/v1/athletes/me/imports?name={Marker}.csv", csv));
        Expect(HttpStatusCode.Created, await athlete.PostAsync("/api/v1/athletes/me/snapshots", new { from = "2026-11-01", to = "2026-11-03" }));
        Expect(HttpStatusCode.Created, await athlete.PostAsync("/api/v1/athletes/me/check-ins", new { date = "2026-11-02", symptoms = new[] { "fatigue" } }));
        Expect(HttpStatusCode.Created, await athlete.PostAsync("/api/v1/athletes/me/body-mass", new { date = "2026-11-02", kilograms = 60 }));
    }

    private static void Expect(HttpStatusCode expected, (HttpStatusCode Status, System.Text.Json.Nodes.JsonNode? Body) got) =>
        Assert.True(expected == got.Status, $"{(int)got.Status}: {got.Body?.ToJsonString()}");

    /// <summary>A valid body for each write, so that binding succeeds and the access rule alone decides.</summary>
    private static object? Body(string method, string pattern) => (method, pattern[("/api/v1/athletes/{athleteId}".Length)..].TrimEnd('/')) switch
    {
        ("POST", "/food-log") or ("PUT", "/food-log/{id:long}") => new { date = "2026-11-02", meal = "lunch", food = "banana", amount = "120 g" },
        ("POST", "/labs") => new { collected = "2026-11-02", biomarker = "ferritin", value = 40, unit = "ug/L" },
        ("POST", "/labs/fhir") => new StringContent("""{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"2276-4"}]},"effectiveDateTime":"2026-11-02","valueQuantity":{"value":40,"unit":"ug/L","system":"http://unitsofmeasure.org","code":"ug/L"}}""", Encoding.UTF8, "application/json"),
        ("POST", "/body-mass") => new { date = "2026-11-03", kilograms = 61 },
        ("PUT", "/profile") => new { date_of_birth = "1995-01-01", sex = "female", sport = "cycling" },
        ("POST", "/check-ins") => new { date = "2026-11-03", symptoms = new[] { "muscle_cramps" } },
        ("POST", "/snapshots") => new { from = "2026-11-01", to = "2026-11-03" },
        ("PUT", "/supplements") => new { supplements = new[] { new { name = "Vitamin D3", doses_per_day = 1, per_dose = new { vitamin_d = "1000 IU" } } } },
        ("POST", "/training-weeks") => new { phase = "build", body_mass_kg = 58, sessions = new[] { new { day = "mon", sport = "running", minutes = 40, intensity = "easy" } } },
        ("POST", "/sweat-tests") => new { pre_kg = 60.0, post_kg = 59.2, drank_ml = 500, minutes = 60 },
        ("POST", "/session-plans") => new { sport = "running", minutes = 90, intensity = "hard" },
        ("POST", "/notes") => new { text = "Good week." },
        ("POST", "/reminders") => new { what = "magnesium", due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) },
        ("POST", "/imports") => new StringContent("date,time,meal,food,amount\n2026-11-03,12:00,lunch,apple,120 g\n", Encoding.UTF8, "text/csv"),
        _ => null,
    };

    private async Task<(HttpStatusCode Status, string Body)> Send(Client? client, string method, string pattern, string athleteId)
    {
        var path = pattern.Replace("{athleteId}", athleteId, StringComparison.Ordinal).Replace("{id:long}", "1", StringComparison.Ordinal);
        if (pattern.EndsWith("/imports", StringComparison.Ordinal) && method == "POST")
        {
            path += "?name=more.csv";
        }

        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        var body = Body(method, pattern);
        if (body is not null)
        {
            request.Content = body as HttpContent ?? System.Net.Http.Json.JsonContent.Create(body);
        }

        using var anonymous = client is null ? server.CreateClient() : null;
        var http = client?.Http ?? anonymous!;
        using var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}

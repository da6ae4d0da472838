using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Replete.IntegrationTests.Storage;
using Replete.Storage.Records;

namespace Replete.IntegrationTests.Web;

/// <summary>A coach without a sensitive class cannot tell from anything they read whether the athlete has data of that
/// class: two athletes whose records differ only in that class (pregnant or not; on a statin and metformin or not; periods
/// stopped or not) look the same to their coaches, field by field, while each athlete sees their own record in full.</summary>
[Collection(Sr28Group.Name)]
public sealed class SharedViewTests(Sr28Database foods) : IDisposable
{
    private readonly ServerHost server = new(foods);

    public void Dispose() => server.Dispose();

    /// <summary>What a coach with read_reports and read_logs reads of an athlete.</summary>
    private static readonly string[] Reads =
    [
        "profile", "snapshots", "snapshots/{snapshot}", "trends/intake?from=2026-11-01&to=2026-11-28", "trends/labs", "trends/bottlenecks",
        "reminders", "check-ins", "labs", "food-log", "supplements", "notes",
    ];

    /// <summary>Fields that differ between any two accounts (row ids, clocks, who wrote it), left out of the comparison.</summary>
    private static readonly HashSet<string> Incidental = ["id", "snapshot_id", "created_at", "at", "author_id", "import_id", "athlete_id"];

    public static TheoryData<string> Classes => new() { "pregnancy", "medications", "menstrual_history" };

    [SkippableTheory]
    [MemberData(nameof(Classes))]
    public async Task CoachWithoutTheClass_CannotTellTheAthleteHasIt_OwnerSeesItAll(string sensitive)
    {
        var (with, withCoach) = await AthleteAsync(sensitive);
        var (without, withoutCoach) = await AthleteAsync(null);

        // The class changes the athlete's own report, so the comparison below can fail.
        var ownWith = await ReadAllAsync(with, "me");
        var ownWithout = await ReadAllAsync(without, "me");
        Assert.NotEmpty(Differences(ownWith["snapshots/{snapshot}"], ownWithout["snapshots/{snapshot}"], "$"));

        var seenWith = await ReadAllAsync(withCoach, with.Id);
        var seenWithout = await ReadAllAsync(withoutCoach, without.Id);
        foreach (var read in Reads)
        {
            var differences = Differences(seenWith[read], seenWithout[read], "$");
            Assert.True(differences.Count == 0, $"{sensitive}: the coach can tell from {read}: {string.Join("; ", differences.Take(5))}");
        }

        // The coach is told that what the athlete did not share is left out, whether or not there is any.
        Assert.NotNull(seenWith["snapshots/{snapshot}"]?["left_out"]);
        Assert.Null(ownWith["snapshots/{snapshot}"]?["left_out"]);

        // Once the athlete shares the class, the coach reads the athlete's own triage, ranking, labs and plan (other
        // classes' words still left out); with every class shared, the athlete's report as it is.
        var own = ownWith["snapshots/{snapshot}"]!;
        var grant = (long)(await with.GetAsync("/api/v1/grants")).Body!.AsArray().Single()!["id"]!;
        Expect(HttpStatusCode.OK, await with.SendAsync(HttpMethod.Patch, $"/api/v1/grants/{grant}", new { shared = new[] { sensitive } }));
        var shared = (await ReadAllAsync(withCoach, with.Id))["snapshots/{snapshot}"]!;
        foreach (var part in new[] { "triage", "bottlenecks", "labs", "plan" })
        {
            Assert.Empty(Differences(shared[part], own[part], "$." + part));
        }

        Expect(HttpStatusCode.OK, await with.SendAsync(HttpMethod.Patch, $"/api/v1/grants/{grant}", new { shared = new[] { "pregnancy", "medications", "menstrual_history" } }));
        Assert.Empty(Differences((await ReadAllAsync(withCoach, with.Id))["snapshots/{snapshot}"], own, "$"));
    }

    [SkippableFact]
    public async Task SnapshotSavedBeforeViewsWereKept_WithheldFromACoachLackingAClass_ShownToTheOwner()
    {
        var (athlete, coach) = await AthleteAsync("pregnancy");
        await using (var db = server.Db())
        {
            await db.Snapshots.Where(s => s.AccountId == athlete.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.SharedViews, (string?)null));
        }

        var id = (long)(await athlete.GetAsync("/api/v1/athletes/me/snapshots")).Body!.AsArray().Single()!["id"]!;
        var (_, seen) = await coach.GetAsync($"/api/v1/athletes/{athlete.Id}/snapshots/{id}");
        Assert.NotNull(seen!["withheld"]);
        Assert.Null(seen["bottlenecks"]);
        Assert.Null((await coach.GetAsync($"/api/v1/athletes/{athlete.Id}/snapshots")).Body!.AsArray().Single()!["triage"]);
        Assert.Empty((await coach.GetAsync($"/api/v1/athletes/{athlete.Id}/trends/bottlenecks")).Body!.AsArray().Single()!["bottlenecks"]!.AsArray());
        Assert.NotEmpty((await athlete.GetAsync($"/api/v1/athletes/me/snapshots/{id}")).Body!["bottlenecks"]!.AsArray());
    }

    /// <summary>Free text cannot be filtered word by word, so a note goes only to readers who see every class it may speak
    /// of: a coach's note carries the classes that coach's grant shares, the athlete's note those the athlete names.</summary>
    [SkippableFact]
    public async Task Notes_ReachOnlyReadersWhoSeeTheClassesTheyMaySpeakOf()
    {
        var athlete = await server.SignUpAsync("Noted");
        async Task<Client> CoachAsync(string[] shared)
        {
            var coach = await server.SignUpAsync("Coach", AccountKind.Coach);
            var (_, invitation) = await athlete.PostAsync("/api/v1/invitations", new { scopes = new[] { "read_reports", "annotate" }, shared });
            Expect(HttpStatusCode.OK, await coach.PostAsync("/api/v1/invitations/accept", new { code = (string)invitation!["code"]! }));
            return coach;
        }

        var told = await CoachAsync(["pregnancy"]);
        var untold = await CoachAsync([]);
        var notes = $"/api/v1/athletes/{athlete.Id}/notes";
        Expect(HttpStatusCode.Created, await told.PostAsync(notes, new { text = "Iron target raised for the pregnancy." }));
        Expect(HttpStatusCode.Created, await athlete.PostAsync(notes, new { text = "Periods stopped in October.", about = new[] { "menstrual_history" } }));
        Expect(HttpStatusCode.Created, await athlete.PostAsync(notes, new { text = "Felt flat on the long run." }));
        Expect(HttpStatusCode.Created, await untold.PostAsync(notes, new { text = "Try a later lunch." }));
        Expect(HttpStatusCode.BadRequest, await untold.PostAsync(notes, new { text = "About nothing.", about = new[] { "pregnancy" } }));

        async Task<string[]> TextsAsync(Client reader, string id) =>
            [.. (await reader.GetAsync($"/api/v1/athletes/{id}/notes")).Body!.AsArray().Select(n => (string)n!["text"]!).Order(StringComparer.Ordinal)];

        Assert.Equal(["Felt flat on the long run.", "Try a later lunch."], await TextsAsync(untold, athlete.Id));
        Assert.Equal(["Felt flat on the long run.", "Iron target raised for the pregnancy.", "Try a later lunch."], await TextsAsync(told, athlete.Id));
        Assert.Equal(4, (await TextsAsync(athlete, "me")).Length);
    }

    /// <summary>An athlete with the same food log, labs and check-in, plus the data of <paramref name="sensitive"/> (none
    /// when null); a snapshot saved by the athlete; a coach with read_reports and read_logs and no sensitive class.</summary>
    private async Task<(Client Athlete, Client Coach)> AthleteAsync(string? sensitive)
    {
        var athlete = await server.SignUpAsync("Athlete");
        var profile = new JsonObject { ["date_of_birth"] = "1997-03-10", ["sex"] = "female", ["sport"] = "running", ["training_hours_per_week"] = 9, ["diet"] = "omnivore" };
        if (sensitive == "pregnancy")
        {
            profile["pregnant"] = true;
        }

        Expect(HttpStatusCode.OK, await athlete.SendAsync(HttpMethod.Put, "/api/v1/athletes/me/profile", profile));
        Expect(HttpStatusCode.Created, await athlete.PostAsync("/api/v1/athletes/me/body-mass", new { date = "2026-11-01", kilograms = 58 }));
        foreach (var day in new[] { "2026-11-02", "2026-11-03", "2026-11-04" })
        {
            foreach (var (food, amount) in new[] { ("oatmeal", "80 g"), ("whole milk", "1 cup"), ("banana", "120 g"), ("chicken breast grilled", "120 g") })
            {
                Expect(HttpStatusCode.Created, await athlete.PostAsync("/api/v1/athletes/me/food-log", new { date = day, food, amount }));
            }
        }

        Expect(HttpStatusCode.Created, await athlete.PostAsync("/api/v1/athletes/me/labs", new { collected = "2026-11-05", biomarker = "ferritin", value = 22, unit = "ug/L" }));
        Expect(HttpStatusCode.Created, await athlete.PostAsync("/api/v1/athletes/me/labs", new { collected = "2026-11-05", biomarker = "hemoglobin", value = 114, unit = "g/L" }));
        Expect(HttpStatusCode.Created, await athlete.PostAsync("/api/v1/athletes/me/labs", new { collected = "2026-11-05", biomarker = "vitamin_b12", value = 180, unit = "pmol/L" }));

        var checkIn = new JsonObject { ["date"] = "2026-11-06", ["symptoms"] = new JsonArray("fatigue", "muscle_cramps"), ["risk_factors"] = new JsonArray() };
        switch (sensitive)
        {
            case "medications":
                checkIn["history"] = new JsonObject
                {
                    ["medications"] = new JsonArray(
                        new JsonObject { ["name"] = "atorvastatin", ["started"] = "2026-09-01" },
                        new JsonObject { ["name"] = "metformin", ["started"] = "2025-01-01" }),
                };
                break;
            case "menstrual_history":
                checkIn["symptoms"]!.AsArray().Add("missed_periods");
                checkIn["risk_factors"]!.AsArray().Add("heavy_periods");
                checkIn["history"] = new JsonObject { ["months_without_period"] = 4 };
                break;
        }

        Expect(HttpStatusCode.Created, await athlete.PostAsync("/api/v1/athletes/me/check-ins", checkIn));
        Expect(HttpStatusCode.Created, await athlete.PostAsync("/api/v1/athletes/me/snapshots", new { from = "2026-11-01", to = "2026-11-07" }));

        var coach = await server.SignUpAsync("Coach", AccountKind.Coach);
        var (_, invitation) = await athlete.PostAsync("/api/v1/invitations", new { scopes = new[] { "read_reports", "read_logs" } });
        Expect(HttpStatusCode.OK, await coach.PostAsync("/api/v1/invitations/accept", new { code = (string)invitation!["code"]! }));
        return (athlete, coach);
    }

    private static async Task<Dictionary<string, JsonNode?>> ReadAllAsync(Client reader, string athleteId)
    {
        var read = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var (status, list) = await reader.GetAsync($"/api/v1/athletes/{athleteId}/snapshots");
        Expect(HttpStatusCode.OK, (status, list));
        var snapshot = (long)list!.AsArray().Single()!["id"]!;
        foreach (var path in Reads)
        {
            var got = await reader.GetAsync($"/api/v1/athletes/{athleteId}/{path.Replace("{snapshot}", snapshot.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)}");
            Expect(HttpStatusCode.OK, got);
            read[path] = got.Body;
        }

        return read;
    }

    /// <summary>Every path where the two trees differ, leaving out <see cref="Incidental"/> fields.</summary>
    private static List<string> Differences(JsonNode? a, JsonNode? b, string path)
    {
        var found = new List<string>();
        switch (a, b)
        {
            case (JsonObject x, JsonObject y):
                foreach (var key in x.Select(p => p.Key).Union(y.Select(p => p.Key)).Where(k => !Incidental.Contains(k)))
                {
                    if (!x.ContainsKey(key) || !y.ContainsKey(key))
                    {
                        found.Add($"{path}.{key} only in {(x.ContainsKey(key) ? "the athlete with the class" : "the athlete without")}");
                    }
                    else
                    {
                        found.AddRange(Differences(x[key], y[key], $"{path}.{key}"));
                    }
                }

                break;
            case (JsonArray x, JsonArray y):
                if (x.Count != y.Count)
                {
                    found.Add($"{path}: {x.Count} items against {y.Count}");
                }

                for (var i = 0; i < Math.Min(x.Count, y.Count); i++)
                {
                    found.AddRange(Differences(x[i], y[i], $"{path}[{i}]"));
                }

                break;
            default:
                if ((a?.ToJsonString() ?? "null") != (b?.ToJsonString() ?? "null"))
                {
                    found.Add($"{path}: {a?.ToJsonString() ?? "null"} against {b?.ToJsonString() ?? "null"}");
                }

                break;
        }

        return found;
    }

    private static void Expect(HttpStatusCode expected, (HttpStatusCode Status, JsonNode? Body) got) =>
        Assert.True(expected == got.Status, $"{(int)got.Status}: {got.Body?.ToJsonString()}");
}

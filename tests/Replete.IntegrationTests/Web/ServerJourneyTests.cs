using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Replete.IntegrationTests.Storage;
using Replete.Storage.Records;

namespace Replete.IntegrationTests.Web;

/// <summary>The server's "done when", over HTTP: an account is created, a real Cronometer export imported, labs added,
/// an assessment and plan saved, a coach invited and limited to what is shared, and the athlete's revoke obeyed.</summary>
[Collection(Sr28Group.Name)]
public sealed class ServerJourneyTests(Sr28Database foods) : IDisposable
{
    private readonly ServerHost server = new(foods);

    public void Dispose() => server.Dispose();

    private static readonly object Profile = new { date_of_birth = "1996-05-04", sex = "female", sport = "running", training_hours_per_week = 9, diet = "vegetarian" };

    private static StreamContent Upload(string path, string mediaType)
    {
        var content = new StreamContent(File.OpenRead(path));
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return content;
    }

    [SkippableFact]
    public async Task Journey_ImportLabsSnapshotShareRevoke_CoachSeesOnlyWhatIsSharedWhileTheGrantLasts()
    {
        var export = SharedFiles.Require("fixtures/exports/cronometer/davidgma-cron-csv__servings.csv");
        var athlete = await server.SignUpAsync("Ann");
        Assert.Equal(HttpStatusCode.OK, (await athlete.SendAsync(HttpMethod.Put, "/api/v1/athletes/me/profile", Profile)).Status);
        Assert.Equal(HttpStatusCode.Created, (await athlete.PostAsync("/api/v1/athletes/me/body-mass", new { date = "2020-07-01", kilograms = 56 })).Status);

        var (imported, import) = await athlete.PostAsync("/api/v1/athletes/me/imports?name=servings.csv", Upload(export, "text/csv"));
        Assert.Equal(HttpStatusCode.Created, imported);
        Assert.Equal("2020-07-15", (string)import!["first_day"]!);
        Assert.True((int)import["items"]! > 50);

        Assert.Equal(HttpStatusCode.Created, (await athlete.PostAsync("/api/v1/athletes/me/labs", new { collected = "2020-07-16", biomarker = "ferritin", value = 11, unit = "ug/L" })).Status);
        var (checkedIn, checkIn) = await athlete.PostAsync("/api/v1/athletes/me/check-ins", new { date = "2020-07-17", symptoms = new[] { "fatigue", "breathlessness_on_exertion" }, risk_factors = new[] { "heavy_periods" } });
        Assert.Equal(HttpStatusCode.Created, checkedIn);
        Assert.Equal("see_doctor_soon", (string)checkIn!["triage"]!);

        var (saved, snapshot) = await athlete.PostAsync("/api/v1/athletes/me/snapshots", new { from = "2020-07-15", to = "2020-07-17" });
        Assert.Equal(HttpStatusCode.Created, saved);
        Assert.Equal("iron", (string)snapshot!["bottlenecks"]![0]!["nutrient"]!);
        Assert.Equal("likely", (string)snapshot["bottlenecks"]![0]!["likelihood"]!);
        Assert.NotNull(snapshot["plan"]);
        Assert.Equal("food_only", (string)snapshot["plan"]!["status"]!);
        Assert.True((bool)snapshot["current_reference_data"]!);
        Assert.Contains("heavy_periods", snapshot.ToJsonString(), StringComparison.Ordinal);
        var snapshotId = (long)snapshot["id"]!;

        // The fix for iron starts a retest at the sourced interval (Clénin 2015: twice a year).
        var reminder = (await athlete.GetAsync("/api/v1/athletes/me/reminders")).Body!.AsArray().Single(r => (string)r!["what"]! == "ferritin")!;
        Assert.Equal("2021-01-15", (string)reminder["due"]!);
        Assert.Contains("Clénin", (string)reminder["basis"]!, StringComparison.Ordinal);
        Assert.False((bool)reminder["set_by_person"]!);
        Assert.True((bool)(await athlete.GetAsync("/api/v1/athletes/me/reminders?due=true")).Body!.AsArray().Any(r => (string)r!["what"]! == "ferritin"));
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var (set, own) = await athlete.PostAsync("/api/v1/athletes/me/reminders", new { what = "magnesium", due, note = "after the new diet" });
        Assert.Equal(HttpStatusCode.Created, set);
        Assert.StartsWith("set by you: no source", (string)own!["basis"]!, StringComparison.Ordinal);

        // The athlete invites a coach to read reports only; the code is shown once.
        var coach = await server.SignUpAsync("Coach Kim", AccountKind.Coach);
        var (_, invitation) = await athlete.PostAsync("/api/v1/invitations", new { scopes = new[] { "read_reports" } });
        var code = (string)invitation!["code"]!;
        var (accepted, grant) = await coach.PostAsync("/api/v1/invitations/accept", new { code });
        Assert.Equal(HttpStatusCode.OK, accepted);
        Assert.Equal(HttpStatusCode.NotFound, (await coach.PostAsync("/api/v1/invitations/accept", new { code })).Status);
        var (_, roster) = await coach.GetAsync("/api/v1/roster");
        Assert.Equal(athlete.Id, (string)roster!.AsArray().Single()!["athlete_id"]!);

        var reports = $"/api/v1/athletes/{athlete.Id}/snapshots";
        var (read, shown) = await coach.GetAsync($"{reports}/{snapshotId}");
        Assert.Equal(HttpStatusCode.OK, read);
        Assert.Equal("iron", (string)shown!["bottlenecks"]![0]!["nutrient"]!);
        Assert.DoesNotContain("heavy_periods", shown.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await coach.GetAsync($"/api/v1/athletes/{athlete.Id}/food-log")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await coach.GetAsync($"/api/v1/athletes/{athlete.Id}/labs")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await coach.GetAsync($"/api/v1/athletes/{athlete.Id}/audit")).Status);

        // Every read the coach made is in the athlete's audit log, and so is every refused attempt; the coach cannot read
        // that log.
        var (_, audit) = await athlete.GetAsync("/api/v1/athletes/me/audit");
        var entries = audit!.AsArray().Reverse().ToList();
        Assert.All(entries, e => Assert.Equal(coach.Id, (string)e!["actor_id"]!));
        Assert.Equal(["read", "refused", "refused", "refused"], entries.Select(e => (string)e!["action"]!));
        Assert.Contains("/snapshots/{id", (string)entries[0]!["resource"]!, StringComparison.Ordinal);
        Assert.Contains("/food-log", (string)entries[1]!["resource"]!, StringComparison.Ordinal);

        // Revoked: at once, nothing; the athlete's data stays.
        Assert.Equal(HttpStatusCode.NoContent, (await athlete.SendAsync(HttpMethod.Delete, $"/api/v1/grants/{(long)grant!["id"]!}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await coach.GetAsync($"{reports}/{snapshotId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await coach.GetAsync(reports)).Status);
        Assert.Empty((await coach.GetAsync("/api/v1/roster")).Body!.AsArray());
        Assert.Single((await athlete.GetAsync("/api/v1/athletes/me/snapshots")).Body!.AsArray());
    }

    [SkippableFact]
    public async Task Trends_IntakeByWeekLabsWithCutOffsAndBottlenecksOverTime()
    {
        var export = SharedFiles.Require("fixtures/exports/cronometer/davidgma-cron-csv__servings.csv");
        var athlete = await server.SignUpAsync("Tia");
        await athlete.SendAsync(HttpMethod.Put, "/api/v1/athletes/me/profile", Profile);
        await athlete.PostAsync("/api/v1/athletes/me/imports?name=servings.csv", Upload(export, "text/csv"));
        await athlete.PostAsync("/api/v1/athletes/me/labs", new { collected = "2020-07-01", biomarker = "ferritin", value = 11, unit = "ug/L" });
        await athlete.PostAsync("/api/v1/athletes/me/labs", new { collected = "2020-10-01", biomarker = "ferritin", value = 45, unit = "ug/L" });
        await athlete.PostAsync("/api/v1/athletes/me/labs", new { collected = "2020-10-01", biomarker = "creatine_kinase", value = 300, unit = "U/L" });
        await athlete.PostAsync("/api/v1/athletes/me/snapshots", new { from = "2020-07-15", to = "2020-07-17", labs_from = "2020-07-01" });
        await athlete.PostAsync("/api/v1/athletes/me/snapshots", new { from = "2020-09-20", to = "2020-10-02" });

        var (status, intake) = await athlete.GetAsync("/api/v1/athletes/me/trends/intake?nutrient=iron&from=2020-07-01&to=2020-07-31");
        Assert.Equal(HttpStatusCode.OK, status);
        var iron = intake!["iron"]!.AsArray().Single()!;
        Assert.Equal("2020-07-13", (string)iron["week_of"]!);   // the Monday of the logged days
        Assert.Equal(3, (int)iron["days"]!);
        Assert.True((double)iron["mean_daily"]! > 0);
        Assert.InRange((double)iron["probability_of_adequacy"]!, 0, 1);

        var (_, labs) = await athlete.GetAsync("/api/v1/athletes/me/trends/labs");
        var ferritin = labs!["ferritin"]!.AsArray();
        Assert.Equal(["deficient", "normal"], ferritin.Select(p => (string)p!["status"]!).ToArray());
        Assert.NotNull(ferritin[0]!["low"]);
        Assert.Contains(labs["creatine_kinase"]!.AsArray().Single()!["status"]!.ToString(), new[] { "normal", "not_interpreted" });

        var (_, bottlenecks) = await athlete.GetAsync("/api/v1/athletes/me/trends/bottlenecks");
        var points = bottlenecks!.AsArray();
        Assert.Equal(2, points.Count);
        Assert.Equal("iron", (string)points[0]!["bottlenecks"]![0]!["nutrient"]!);
        Assert.Equal("likely", (string)points[0]!["bottlenecks"]![0]!["likelihood"]!);
        Assert.NotEqual("likely", (string)points[1]!["bottlenecks"]!.AsArray().Single(b => (string)b!["nutrient"]! == "iron")!["likelihood"]!);
    }

    [SkippableFact]
    public async Task Import_BadFile_ShowsItsProblemsAndChangesNothing()
    {
        var athlete = await server.SignUpAsync("Bo");
        await athlete.SendAsync(HttpMethod.Put, "/api/v1/athletes/me/profile", Profile);
        var before = await server.CountRowsAsync();
        var truncated = "Day,Time,Group,Food Name,Amount,Energy (kcal),Protein (g)\n2026-01-02,08:00,Breakfast,Oats,\"50 g,190\n";
        using var content = new StringContent(truncated, System.Text.Encoding.UTF8, "text/csv");
        var (status, problem) = await athlete.PostAsync("/api/v1/athletes/me/imports?name=servings.csv", content);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("servings.csv", (string)problem!["problems"]![0]!["source"]!);
        Assert.Equal(before, await server.CountRowsAsync());
    }

    [SkippableFact]
    public async Task Import_SameFileTwice_RefusedSoNoDayCountsTwice()
    {
        var export = SharedFiles.Require("fixtures/exports/cronometer/davidgma-cron-csv__servings.csv");
        var athlete = await server.SignUpAsync("Cy");
        Assert.Equal(HttpStatusCode.Created, (await athlete.PostAsync("/api/v1/athletes/me/imports?name=a.csv", Upload(export, "text/csv"))).Status);
        var (status, problem) = await athlete.PostAsync("/api/v1/athletes/me/imports?name=b.csv", Upload(export, "text/csv"));
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("count twice", (string)problem!["detail"]!, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task CheckIn_RedFlagInTheWordsPeopleUse_EmergencyAtOnceAndNoPlanFoods()
    {
        var athlete = await server.SignUpAsync("Di");
        await athlete.SendAsync(HttpMethod.Put, "/api/v1/athletes/me/profile", Profile);
        var (status, checkIn) = await athlete.PostAsync("/api/v1/athletes/me/check-ins", new { date = "2026-11-20", symptoms = new[] { "chest pain", "fainting" } });
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("emergency", (string)checkIn!["triage"]!);
        Assert.NotEmpty(checkIn["red_flags"]!.AsArray());
        var (_, snapshot) = await athlete.PostAsync("/api/v1/athletes/me/snapshots", new { from = "2026-11-01", to = "2026-11-28" });
        Assert.Equal("emergency", (string)snapshot!["triage"]!);
        Assert.False((bool)snapshot["shows_nutrition_findings"]!);
    }

    [SkippableFact]
    public async Task Requests_UnknownFieldsAndBadValues_400NamingTheFieldPath()
    {
        var athlete = await server.SignUpAsync("Ed");
        var (status, problem) = await athlete.SendAsync(HttpMethod.Put, "/api/v1/athletes/me/profile", new { date_of_birth = "1990-01-01", sex = "female", shoe_size = 39 });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("shoe_size", problem!["problems"]!.ToJsonString(), StringComparison.Ordinal);

        (status, problem) = await athlete.PostAsync("/api/v1/invitations", new { scopes = new[] { "read_reports" }, colour = "red" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("$.colour", (string)problem!["problems"]![0]!["path"]!);

        await athlete.SendAsync(HttpMethod.Put, "/api/v1/athletes/me/profile", Profile);
        (status, problem) = await athlete.PostAsync("/api/v1/athletes/me/labs", new { collected = "2026-11-01", biomarker = "ferritin", value = 12, unit = "furlongs" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("furlongs", problem!["problems"]![0]!["message"]!.ToString(), StringComparison.Ordinal);
        Assert.Empty((await athlete.GetAsync("/api/v1/athletes/me/labs")).Body!.AsArray());
    }

    /// <summary>A lab posted with a value the body cannot bind is told what the value takes, at the field (h102): "18" in
    /// quotes had been answered only "not the expected value" at <c>$.value</c>.</summary>
    [Theory]
    [InlineData("\"18\"", "must be a number, not in quotes: the result as printed on the lab report, such as 18")]
    [InlineData("true", "must be a number, not in quotes: the result as printed on the lab report, such as 18")]
    [InlineData("null", "is required: give the result as printed on the lab report")]
    public async Task PostLab_AValueThatIsNotANumber_SaysWhatTheValueTakes_AtValue(string value, string message)
    {
        var athlete = await server.SignUpAsync("Binding");
        Assert.Equal(HttpStatusCode.OK, (await athlete.SendAsync(HttpMethod.Put, "/api/v1/athletes/me/profile", new { date_of_birth = "1996-05-01", sex = "female" })).Status);
        using var content = new StringContent($$"""{"collected": "2026-11-02", "biomarker": "ferritin", "value": {{value}}, "unit": "ug/L"}""", Encoding.UTF8, "application/json");

        var (status, body) = await athlete.PostAsync("/api/v1/athletes/me/labs", content);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var problem = Assert.Single(body!["problems"]!.AsArray())!;
        Assert.Equal("value", (string?)problem["path"]);
        Assert.Equal(message, (string?)problem["message"]);
        Assert.Empty((await athlete.GetAsync("/api/v1/athletes/me/labs")).Body!.AsArray());
    }

    /// <summary>Every field that does not bind is worded by its type, as the engine's readers word it.</summary>
    [Fact]
    public async Task PostLab_ConfirmedNotTrueOrFalse_SaysSo()
    {
        var athlete = await server.SignUpAsync("Binding flag");
        using var content = new StringContent("""{"collected": "2026-11-02", "biomarker": "ferritin", "value": 18, "unit": "ug/L", "confirmed": "yes"}""", Encoding.UTF8, "application/json");

        var (status, body) = await athlete.PostAsync("/api/v1/athletes/me/labs", content);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("confirmed", (string?)body!["problems"]![0]!["path"]);
        Assert.Equal("must be true or false", (string?)body["problems"]![0]!["message"]);
    }

    [SkippableFact]
    public async Task DeleteAccount_RemovesEveryRowOfIt_AndKeepsEveryoneElses()
    {
        var export = SharedFiles.Require("fixtures/exports/cronometer/davidgma-cron-csv__servings.csv");
        var other = await server.SignUpAsync("Other");
        await other.SendAsync(HttpMethod.Put, "/api/v1/athletes/me/profile", Profile);
        var baseline = await server.CountRowsAsync();

        var athlete = await server.SignUpAsync("Fay");
        await athlete.SendAsync(HttpMethod.Put, "/api/v1/athletes/me/profile", Profile);
        await athlete.PostAsync("/api/v1/athletes/me/body-mass", new { date = "2020-07-01", kilograms = 60 });
        await athlete.PostAsync("/api/v1/athletes/me/imports?name=servings.csv", Upload(export, "text/csv"));
        await athlete.PostAsync("/api/v1/athletes/me/food-log", new { date = "2020-07-18", food = "banana", amount = "120 g" });
        await athlete.PostAsync("/api/v1/athletes/me/labs", new { collected = "2020-07-16", biomarker = "ferritin", value = 30, unit = "ug/L" });
        await athlete.PostAsync("/api/v1/athletes/me/check-ins", new { date = "2020-07-17", symptoms = new[] { "fatigue" } });
        await athlete.PostAsync("/api/v1/athletes/me/snapshots", new { from = "2020-07-15", to = "2020-07-18" });
        var coach = await server.SignUpAsync("Gus", AccountKind.Coach);
        var (_, invitation) = await athlete.PostAsync("/api/v1/invitations", new { scopes = new[] { "read_reports" } });
        await coach.PostAsync("/api/v1/invitations/accept", new { code = (string)invitation!["code"]! });
        await coach.GetAsync($"/api/v1/athletes/{athlete.Id}/snapshots");
        var filled = await server.CountRowsAsync();
        foreach (var table in new[] { "Profiles", "BodyMasses", "DietImports", "Intake", "Labs", "CheckIns", "Snapshots", "Grants", "Invitations", "Audit" })
        {
            Assert.True(filled[table] > baseline[table], table + " should have rows of the athlete");
        }

        Assert.Equal(HttpStatusCode.NoContent, (await athlete.SendAsync(HttpMethod.Delete, "/api/v1/account")).Status);
        var after = await server.CountRowsAsync();
        after["AspNetUsers"]--; // the coach's account stays
        Assert.Equal(baseline, after);
        Assert.Equal(HttpStatusCode.Unauthorized, (await athlete.GetAsync("/api/v1/athletes/me/profile")).Status);
    }

    [SkippableFact]
    public async Task ExportThenImportIntoAFreshAccount_EveryRecordComesBack()
    {
        var export = SharedFiles.Require("fixtures/exports/cronometer/davidgma-cron-csv__servings.csv");
        var athlete = await server.SignUpAsync("Uma");
        await athlete.SendAsync(HttpMethod.Put, "/api/v1/athletes/me/profile", Profile);
        await athlete.PostAsync("/api/v1/athletes/me/body-mass", new { date = "2020-07-01", kilograms = 57.5 });
        await athlete.PostAsync("/api/v1/athletes/me/imports?name=servings.csv", Upload(export, "text/csv"));
        await athlete.PostAsync("/api/v1/athletes/me/food-log", new { date = "2020-07-18", food = "banana", amount = "120 g" });
        await athlete.PostAsync("/api/v1/athletes/me/labs", new { collected = "2020-07-16", biomarker = "ferritin", value = 11, unit = "ug/L" });
        await athlete.PostAsync("/api/v1/athletes/me/labs", new { collected = "2020-07-16", biomarker = "vitamin_d_25oh", value = 8, unit = "ng/mL", comparator = "<" });
        await athlete.PostAsync("/api/v1/athletes/me/check-ins", new { date = "2020-07-17", symptoms = new[] { "fatigue" }, risk_factors = new[] { "heavy_periods" } });
        await athlete.SendAsync(HttpMethod.Put, "/api/v1/athletes/me/supplements?from=2020-07-01", new { supplements = new[] { new { name = "Vitamin D3", doses_per_day = 1, per_dose = new { vitamin_d = "1000 IU" } } } });
        await athlete.PostAsync("/api/v1/athletes/me/snapshots", new { from = "2020-07-15", to = "2020-07-18" });
        await athlete.PostAsync("/api/v1/athletes/me/notes", new { text = "Felt flat on the long run." });

        using var zipResponse = await athlete.Http.GetAsync("/api/v1/athletes/me/export");
        Assert.Equal(HttpStatusCode.OK, zipResponse.StatusCode);
        var zipBytes = await zipResponse.Content.ReadAsByteArrayAsync();
        using (var zip = new System.IO.Compression.ZipArchive(new MemoryStream(zipBytes)))
        {
            Assert.Equal(["intake.csv", "labs.csv", "labs.fhir.json", "replete-export.json"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal).ToArray());
            using var reader = new StreamReader(zip.GetEntry("labs.fhir.json")!.Open());
            var bundle = Replete.Fhir.FhirLabs.Read(await reader.ReadToEndAsync(), "labs.fhir.json");
            Assert.Equal(["ferritin", "vitamin_d_25oh"], bundle.Labs.Select(l => l.Input.Biomarker).Order(StringComparer.Ordinal).ToArray());
            Assert.Equal(Replete.Assessment.LabBound.AtMost, bundle.Labs.Single(l => l.Input.Biomarker == "vitamin_d_25oh").Input.Bound);
        }

        var fresh = await server.SignUpAsync("Uma again");
        using var upload = new ByteArrayContent(zipBytes);
        upload.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        var (loaded, counts) = await fresh.PostAsync("/api/v1/athletes/me/export?name=export.zip", upload);
        Assert.Equal(HttpStatusCode.OK, loaded);
        Assert.True((int)counts!["intake"]! > 50);

        static JsonNode Normal(JsonNode document)
        {
            var copy = document.DeepClone().AsObject();
            foreach (var key in new[] { "exported_at", "account", "grants", "audit" })
            {
                copy.Remove(key);
            }

            foreach (var row in copy.Select(p => p.Value).OfType<JsonArray>().SelectMany(a => a).OfType<JsonObject>())
            {
                foreach (var key in new[] { "id", "import_id", "snapshot_id", "created_by", "author_id" })
                {
                    row.Remove(key);
                }
            }

            return copy;
        }

        var before = await PortabilityDocument(athlete);
        var after = await PortabilityDocument(fresh);
        Assert.Equal(Normal(before).ToJsonString(), Normal(after).ToJsonString());
        Assert.Equal(HttpStatusCode.Conflict, (await fresh.PostAsync("/api/v1/athletes/me/export?name=export.zip", new ByteArrayContent(zipBytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/zip") } })).Status);
    }

    private static async Task<JsonNode> PortabilityDocument(Client client)
    {
        using var response = await client.Http.GetAsync("/api/v1/athletes/me/export");
        using var zip = new System.IO.Compression.ZipArchive(await response.Content.ReadAsStreamAsync());
        using var reader = new StreamReader(zip.GetEntry("replete-export.json")!.Open());
        return JsonNode.Parse(await reader.ReadToEndAsync())!;
    }

    [SkippableFact]
    public async Task Reads_QueriesPerRequestDoNotGrowWithTheRows_NoNPlusOne()
    {
        var athlete = await server.SignUpAsync("Vic");
        await athlete.SendAsync(HttpMethod.Put, "/api/v1/athletes/me/profile", Profile);
        var coach = await server.SignUpAsync("Wes", AccountKind.Coach);
        var (_, invitation) = await athlete.PostAsync("/api/v1/invitations", new { scopes = new[] { "read_reports", "read_logs" } });
        await coach.PostAsync("/api/v1/invitations/accept", new { code = (string)invitation!["code"]! });
        string[] reads = ["snapshots", "labs", "food-log", "check-ins", "reminders", "trends/bottlenecks", "trends/labs", "audit"];

        async Task<Dictionary<string, int>> CountAsync()
        {
            var counts = new Dictionary<string, int>();
            foreach (var read in reads)
            {
                var client = read == "audit" ? athlete : coach;
                var before = server.Queries.Count;
                var (status, _) = await client.GetAsync($"/api/v1/athletes/{athlete.Id}/{read}");
                Assert.Equal(HttpStatusCode.OK, status);
                counts[read] = server.Queries.Count - before;
            }

            return counts;
        }

        async Task AddRowsAsync(int n)
        {
            for (var i = 0; i < n; i++)
            {
                var day = new DateOnly(2026, 10, 1).AddDays(i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                await athlete.PostAsync("/api/v1/athletes/me/labs", new { collected = day, biomarker = "ferritin", value = 40 + i, unit = "ug/L" });
                await athlete.PostAsync("/api/v1/athletes/me/food-log", new { date = day, food = "banana", amount = "120 g" });
                await athlete.PostAsync("/api/v1/athletes/me/check-ins", new { date = day, symptoms = new[] { "fatigue" } });
                await athlete.PostAsync("/api/v1/athletes/me/snapshots", new { from = day, to = day });
            }
        }

        await AddRowsAsync(1);
        var few = await CountAsync();
        await AddRowsAsync(4);
        var many = await CountAsync();
        Console.WriteLine("queries per request (1 row, 5 rows): " + string.Join(", ", reads.Select(r => $"{r} {few[r]}/{many[r]}")));
        Assert.Equal(few, many);
        Assert.All(many, c => Assert.InRange(c.Value, 1, 6));
    }

    [SkippableFact]
    public async Task Audit_EachEntryNamesTheRecordTheCoachReadOrMade()
    {
        var athlete = await server.SignUpAsync("Ola");
        await athlete.SendAsync(HttpMethod.Put, "/api/v1/athletes/me/profile", Profile);
        await athlete.PostAsync("/api/v1/athletes/me/check-ins", new { date = "2026-11-20", symptoms = new[] { "fatigue" } });
        var (_, own) = await athlete.PostAsync("/api/v1/athletes/me/snapshots", new { from = "2026-11-01", to = "2026-11-28" });
        var coach = await server.SignUpAsync("Pia", AccountKind.Coach);
        var (_, invitation) = await athlete.PostAsync("/api/v1/invitations", new { scopes = new[] { "read_reports", "read_logs", "annotate" } });
        await coach.PostAsync("/api/v1/invitations/accept", new { code = (string)invitation!["code"]! });

        var path = $"/api/v1/athletes/{athlete.Id}";
        Assert.Equal(HttpStatusCode.OK, (await coach.GetAsync($"{path}/snapshots/{(long)own!["id"]!}")).Status);
        var (_, made) = await coach.PostAsync($"{path}/snapshots", new { from = "2026-11-01", to = "2026-11-28" });
        var (_, note) = await coach.PostAsync($"{path}/notes", new { text = "Looks steady.", snapshot_id = (long)own["id"]! });
        Assert.Equal(HttpStatusCode.OK, (await coach.GetAsync($"{path}/labs")).Status);

        var audit = (await athlete.GetAsync("/api/v1/athletes/me/audit")).Body!.AsArray().Reverse().Select(e => ((string)e!["resource"]!, (long?)e["record_id"])).ToList();
        Assert.Equal(
            [
                ("GET /api/v1/athletes/{athleteId}/snapshots/{id:long}", (long)own["id"]!),
                ("POST /api/v1/athletes/{athleteId}/snapshots/", (long)made!["id"]!),
                ("POST /api/v1/athletes/{athleteId}/notes", (long)note!["id"]!),
                ("GET /api/v1/athletes/{athleteId}/labs/", null),
            ],
            audit);
    }

    [SkippableFact]
    public async Task SignOutEverywhere_OldTokensStopWorking()
    {
        var athlete = await server.SignUpAsync("Hal");
        Assert.Equal(HttpStatusCode.OK, (await athlete.GetAsync("/api/v1/account")).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await athlete.PostAsync("/api/v1/account/sign-out-everywhere", null)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await athlete.GetAsync("/api/v1/account")).Status);
    }

    /// <summary>Tester h73: sign-out with a bearer token answered 204 while the token still worked. A bearer token cannot
    /// be ended on its own, so the answer says so and names sign-out-everywhere, and the token is left as it was.</summary>
    [SkippableFact]
    public async Task SignOut_WithABearerToken_SaysItCannot_AndNamesSignOutEverywhere()
    {
        var athlete = await server.SignUpAsync("Ivo");
        var (status, problem) = await athlete.PostAsync("/api/v1/account/sign-out", null);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("sign-out-everywhere", (string?)problem!["detail"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await athlete.GetAsync("/api/v1/account")).Status);
    }

    [SkippableFact]
    public async Task SignIn_FiveWrongPasswords_LocksTheAccountEvenForTheRightOne_AndSaysNoMoreThanForAnUnknownAddress()
    {
        var athlete = await server.SignUpAsync("Ida");
        using var anonymous = server.CreateClient();
        async Task<(HttpStatusCode Status, string Body)> SignIn(string email, string password)
        {
            using var answer = await anonymous.PostAsync("/api/v1/account/sign-in", System.Net.Http.Json.JsonContent.Create(new { email, password }));
            var body = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;
            return (answer.StatusCode, $"{body["title"]} {body["detail"]}");
        }

        var unknown = await SignIn("nobody-" + Guid.NewGuid().ToString("N") + "@example.org", "wrong password");
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.Status);
        Assert.Contains("locked for 5 minutes", unknown.Body, StringComparison.Ordinal);
        for (var i = 1; i <= 5; i++)
        {
            Assert.Equal(unknown, await SignIn(athlete.Email, "wrong password " + i));
        }

        // Locked: the right password is refused too, with the answer an unknown address gets (tester h73: a locked
        // account answered 423, which told a stranger the address had an account).
        Assert.Equal(unknown, await SignIn(athlete.Email, "correct horse battery"));
        var lockedUntil = (await server.Db().Users.SingleAsync(a => a.Id == athlete.Id)).LockoutEnd;
        Assert.InRange(lockedUntil!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5));
    }

    [SkippableFact]
    public async Task SignIn_PastTheLimitFromOneAddress_429()
    {
        using var limited = new ServerHost(foods, signInLimit: 3);
        using var client = limited.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.PostAsync("/api/v1/account/sign-in", System.Net.Http.Json.JsonContent.Create(new { email = "nobody@example.org", password = "whatever it is" }))).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        using var refused = await client.PostAsync("/api/v1/account/sign-in", System.Net.Http.Json.JsonContent.Create(new { email = "nobody@example.org", password = "whatever it is" }));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(int.TryParse(refused.Headers.RetryAfter?.ToString(), out var seconds) && seconds is > 0 and <= 60, $"Retry-After: {refused.Headers.RetryAfter}");
    }

    [SkippableFact]
    public async Task OpenApi_DocumentListsTheEndpoints()
    {
        using var anonymous = server.CreateClient();
        var document = JsonNode.Parse(await anonymous.GetStringAsync("/openapi/v1.json"))!;
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        foreach (var expected in new[] { "/api/v1/account/register", "/api/v1/athletes/{athleteId}/snapshots", "/api/v1/athletes/{athleteId}/imports", "/api/v1/invitations/accept", "/api/v1/foods" })
        {
            Assert.Contains(expected, paths);
        }
    }

    [SkippableFact]
    public async Task SensitiveClasses_HiddenFromACoachUntilTheAthleteTurnsThemOn()
    {
        var athlete = await server.SignUpAsync("Jo");
        await athlete.SendAsync(HttpMethod.Put, "/api/v1/athletes/me/profile", Profile);
        await athlete.PostAsync("/api/v1/athletes/me/check-ins", new
        {
            date = "2026-11-20",
            symptoms = new[] { "fatigue" },
            risk_factors = new[] { "heavy_periods" },
            history = new { months_without_period = 0, medications = new[] { new { name = "atorvastatin", started = "2026-10-01" } } },
        });
        var coach = await server.SignUpAsync("Lee", AccountKind.Coach);
        var (_, invitation) = await athlete.PostAsync("/api/v1/invitations", new { scopes = new[] { "read_logs" } });
        var (_, grant) = await coach.PostAsync("/api/v1/invitations/accept", new { code = (string)invitation!["code"]! });
        var path = $"/api/v1/athletes/{athlete.Id}/check-ins";

        var hidden = (await coach.GetAsync(path)).Body!.ToJsonString();
        Assert.DoesNotContain("heavy_periods", hidden, StringComparison.Ordinal);
        Assert.DoesNotContain("atorvastatin", hidden, StringComparison.Ordinal);
        Assert.DoesNotContain("months_without_period", hidden, StringComparison.Ordinal);
        Assert.Contains("fatigue", hidden, StringComparison.Ordinal);

        await athlete.SendAsync(new HttpMethod("PATCH"), $"/api/v1/grants/{(long)grant!["id"]!}", new { shared = new[] { "menstrual_history" } });
        var shown = (await coach.GetAsync(path)).Body!.ToJsonString();
        Assert.Contains("heavy_periods", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("atorvastatin", shown, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await athlete.GetAsync(path)).Status);
        Assert.Contains("atorvastatin", (await athlete.GetAsync(path)).Body!.ToJsonString(), StringComparison.Ordinal);
    }
}

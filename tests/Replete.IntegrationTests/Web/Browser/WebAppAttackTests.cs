using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Replete.IntegrationTests.Storage;

namespace Replete.IntegrationTests.Web.Browser;

/// <summary>The web app tried as an attacker would, from a real browser's session: page forms posted without the
/// antiforgery token or from another site, another person's ids in forms and URLs, an oversized upload.</summary>
[Collection(Sr28Group.Name)]
[Trait("Category", "Browser")]
public sealed class WebAppAttackTests(Sr28Database foods)
{
    private static async Task<int> PostAsync(IPage page, string path, IReadOnlyDictionary<string, string> fields, string? origin = null)
    {
        var form = page.APIRequest.CreateFormData();
        foreach (var (name, value) in fields)
        {
            form.Set(name, value);
        }

        var headers = new Dictionary<string, string>();
        if (origin is not null)
        {
            headers["Origin"] = origin;
        }

        var answer = await page.APIRequest.PostAsync(path, new() { Form = form, MaxRedirects = 0, Headers = headers });
        return answer.Status;
    }

    private static async Task<string> TokenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        return await page.Locator("input[name=__RequestVerificationToken]").First.InputValueAsync();
    }

    [SkippableFact]
    public async Task PageForms_WithoutTheToken_OrFromAnotherSite_AreRefused_AndChangeNothing()
    {
        await using var web = await WebAppBrowser.StartAsync(foods);
        var page = await web.NewPageAsync();
        await WebAppBrowser.OnFailureAsync(page, "csrf", async () =>
        {
            await WebAppJourneyTests.SignUpAsync(page, "Vic");
            await WebAppJourneyTests.ProfileAsync(page);
            var today = WebAppSupplementsTests.ServerToday(web).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            (string Path, Dictionary<string, string> Fields)[] forms =
            [
                ("/supplements?handler=Add", new() { ["product"] = "Zinc", ["nutrient"] = "zinc", ["amount"] = "50", ["unit"] = "mg", ["frequency"] = "1", ["since"] = today }),
                ("/labs", new() { ["collected"] = today, ["biomarker"] = "ferritin", ["value"] = "30", ["unit"] = "ug/L" }),
                ("/food-log?handler=Add", new() { ["day"] = today, ["food"] = "banana", ["amount"] = "120 g" }),
                ("/sharing?handler=Invite", new() { ["scopes"] = "read_logs" }),
                ("/check-in", new() { ["date"] = today, ["symptoms"] = "fatigue" }),
                ("/?handler=Assess", new() { ["from"] = today, ["to"] = today }),
                ("/account?handler=Delete", new() { ["confirm"] = "true" }),
            ];
            var before = await web.Server.CountRowsAsync();
            foreach (var (path, fields) in forms)
            {
                // 403 from the cookie session's antiforgery check (UseCookieAntiforgery), before Razor Pages' own (400).
                var status = await PostAsync(page, path, fields);
                Assert.True(status is 400 or 403, $"{path} without the token answered {status}");
            }

            // With the page's own token but sent by another site's page: refused before any handler runs.
            foreach (var (path, fields) in forms)
            {
                var token = await TokenAsync(page, path.Split('?')[0]);
                var status = await PostAsync(page, path, new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token }, origin: "https://evil.example");
                Assert.True(status is 400 or 403, $"{path} from another site answered {status}");
            }

            Assert.Equal(before, await web.Server.CountRowsAsync());

            // The same form with its token from this site works (so the refusals above were the token's and the origin's).
            var mine = await TokenAsync(page, "/supplements");
            Assert.Equal(302, await PostAsync(page, "/supplements?handler=Add", new Dictionary<string, string>(forms[0].Fields) { ["__RequestVerificationToken"] = mine }));
            await using var db = web.Server.Db();
            Assert.Equal(1, await db.Documents.CountAsync());
        });
    }

    [SkippableFact]
    public async Task AnotherPersonsIds_InFormsAndUrls_ReachNothingOfTheirs()
    {
        await using var web = await WebAppBrowser.StartAsync(foods);
        var ann = await web.NewPageAsync();
        var coach = await web.NewPageAsync();
        var mallory = await web.NewPageAsync();
        await WebAppBrowser.OnFailureAsync(mallory, "idor", async () =>
        {
            // Ann logs a food, imports nothing, and shares with a coach.
            await WebAppJourneyTests.SignUpAsync(ann, "Ann");
            await WebAppJourneyTests.ProfileAsync(ann);
            var today = WebAppSupplementsTests.ServerToday(web).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            await ann.GotoAsync("/food-log?day=" + today);
            await ann.GetByLabel("Food", new() { Exact = true }).FillAsync("banana");
            await ann.GetByLabel("Amount").FillAsync("120 g");
            await ann.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
            await Assertions.Expect(ann.GetByRole(AriaRole.Status)).ToContainTextAsync("Added");
            await ann.GotoAsync("/sharing");
            await ann.GetByRole(AriaRole.Button, new() { Name = "Create invitation code" }).ClickAsync();
            var code = (await ann.Locator(".code").InnerTextAsync()).Trim();
            await WebAppJourneyTests.SignUpAsync(coach, "Coach Uli", "coach");
            await coach.GetByLabel("Code").FillAsync(code);
            await coach.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();

            long entry, grant;
            string annId;
            await using (var db = web.Server.Db())
            {
                var row = await db.Intake.SingleAsync();
                (entry, annId) = (row.Id, row.AccountId);
                grant = (await db.Grants.SingleAsync()).Id;
            }

            // Mallory, another athlete, sends Ann's ids through her own forms, with her own valid token.
            await WebAppJourneyTests.SignUpAsync(mallory, "Mallory");
            var token = await TokenAsync(mallory, "/food-log");
            Assert.Equal(302, await PostAsync(mallory, "/food-log?handler=Delete", new Dictionary<string, string> { ["id"] = entry.ToString(CultureInfo.InvariantCulture), ["day"] = today, ["__RequestVerificationToken"] = token }));
            var edit = await PostAsync(mallory, "/food-log?handler=Edit", new Dictionary<string, string>
            {
                ["id"] = entry.ToString(CultureInfo.InvariantCulture),
                ["day"] = today,
                ["food"] = "lard",
                ["amount"] = "500 g",
                ["__RequestVerificationToken"] = token,
            });
            Assert.Equal(200, edit);
            Assert.Equal(302, await PostAsync(mallory, "/sharing?handler=Revoke", new Dictionary<string, string> { ["id"] = grant.ToString(CultureInfo.InvariantCulture), ["__RequestVerificationToken"] = token }));

            // Ann's entry in the URL of Mallory's edit form, and Ann's id in a coach's page: nothing of Ann's is shown.
            await mallory.GotoAsync($"/food-log?day={today}&edit={entry}");
            Assert.Equal(0, await mallory.GetByRole(AriaRole.Heading, new() { Name = "Change an entry" }).CountAsync());
            await Assertions.Expect(mallory.GetByLabel("Food", new() { Exact = true })).ToHaveValueAsync("");
            await mallory.GotoAsync("/coach/athletes/" + annId);
            await Assertions.Expect(mallory.GetByText("This athlete shares nothing with you.")).ToBeVisibleAsync();
            Assert.Equal(0, await mallory.GetByText("Ann").CountAsync());
            await mallory.GotoAsync("/coach/athletes/" + Uri.EscapeDataString(annId + "/../../me"));
            await Assertions.Expect(mallory.GetByText("This athlete shares nothing with you.")).ToBeVisibleAsync();

            // Everything of Ann's is as it was.
            await using (var db = web.Server.Db())
            {
                var row = await db.Intake.SingleAsync(r => r.Id == entry);
                Assert.Equal(annId, row.AccountId);
                Assert.Contains("anana", row.Name, StringComparison.Ordinal);
                Assert.Null((await db.Grants.SingleAsync(g => g.Id == grant)).RevokedAt);
            }

            await coach.GotoAsync("/coach");
            await Assertions.Expect(coach.GetByRole(AriaRole.Link, new() { Name = "Ann" })).ToBeVisibleAsync();
        });
    }

    [SkippableFact]
    public async Task OversizedFhirUpload_IsRefusedWithAMessage_AndStoresNothing()
    {
        await using var web = await WebAppBrowser.StartAsync(foods);
        var page = await web.NewPageAsync();
        await WebAppBrowser.OnFailureAsync(page, "oversized-upload", async () =>
        {
            await WebAppJourneyTests.SignUpAsync(page, "Wyn");
            await WebAppJourneyTests.ProfileAsync(page);
            await page.GotoAsync("/labs");
            var before = await web.Server.CountRowsAsync();

            // 6 MB of JSON: above the server's 5 MB body limit for anything but a diet import.
            var big = new byte[6 * 1024 * 1024];
            Array.Fill(big, (byte)' ');
            big[0] = (byte)'{';
            big[^1] = (byte)'}';
            await page.GetByLabel("FHIR file").SetInputFilesAsync(new FilePayload { Name = "huge.json", MimeType = "application/json", Buffer = big });
            await page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("huge.json is too large: 6.0 MB, and this form takes at most 5 MB.");

            // Sent anyway (a client without the page's script): the server refuses it as too large (413), not as its own
            // failure (it answered 500 when the antiforgery check's form read hit the limit).
            var form = page.APIRequest.CreateFormData();
            form.Set("__RequestVerificationToken", await page.Locator("input[name=__RequestVerificationToken]").First.InputValueAsync());
            form.Set("fhir", new FilePayload { Name = "huge.json", MimeType = "application/json", Buffer = big });
            var answer = await page.APIRequest.PostAsync("/labs?handler=Fhir", new() { Multipart = form, MaxRedirects = 0 });
            Assert.Equal(413, answer.Status);
            Assert.Contains("too large", await answer.TextAsync(), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(web.Server.Logs.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
            Assert.Equal(before, await web.Server.CountRowsAsync());
        });
    }
}

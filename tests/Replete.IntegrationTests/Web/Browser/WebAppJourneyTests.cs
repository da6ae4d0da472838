using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Replete.IntegrationTests.Storage;

namespace Replete.IntegrationTests.Web.Browser;

/// <summary>The web app's journeys in a real browser: what an athlete and a coach do, start to end.</summary>
[Collection(Sr28Group.Name)]
[Trait("Category", "Browser")]
public sealed class WebAppJourneyTests(Sr28Database foods)
{
    internal const string Password = "correct horse battery";

    internal const string CronometerExport = "fixtures/exports/cronometer/davidgma-cron-csv__servings.csv";

    /// <summary>Creates an account through the sign-up page; returns its e-mail address.</summary>
    internal static async Task<string> SignUpAsync(IPage page, string name, string kind = "athlete")
    {
        await page.GotoAsync("/sign-up");
        var email = $"{name.ToLowerInvariant().Replace(' ', '.')}-{Guid.NewGuid():N}@example.org";
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Name shown to people you share with").FillAsync(name);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByLabel(kind == "coach" ? "a coach or sports dietitian" : "an athlete").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(kind == "coach" ? "/coach$" : "/profile$"));
        return email;
    }

    internal static async Task ProfileAsync(IPage page)
    {
        await page.GotoAsync("/profile");
        await page.GetByLabel("Date of birth").FillAsync("1996-05-04");
        await page.GetByLabel("Female").CheckAsync();
        await page.GetByLabel("Main sport").FillAsync("running");
        await page.GetByLabel("Training hours a week").FillAsync("9");
        await page.GetByLabel("Diet").SelectOptionAsync("vegetarian");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Profile saved.");
    }

    internal static async Task ImportAsync(IPage page, string path)
    {
        await page.GotoAsync("/import");
        await page.GetByLabel("Export file").SetInputFilesAsync(path);
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and import" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Imported " + Path.GetFileName(path) })).ToBeVisibleAsync();
    }

    internal static async Task AddLabAsync(IPage page, string collected, string biomarker, string value, string unit)
    {
        await page.GotoAsync("/labs");
        await page.GetByLabel("Date drawn").FillAsync(collected);
        await page.GetByLabel("Test", new() { Exact = true }).SelectOptionAsync(biomarker);
        await page.GetByLabel("Value", new() { Exact = true }).FillAsync(value);
        await page.GetByLabel("Unit", new() { Exact = true }).SelectOptionAsync(unit);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add result" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Added");
    }

    internal static async Task AssessAsync(IPage page, string? from = null, string? to = null)
    {
        await page.GotoAsync("/");
        if (from is not null)
        {
            await page.GetByLabel("From", new() { Exact = true }).FillAsync(from);
            await page.GetByLabel("To", new() { Exact = true }).FillAsync(to!);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Assess now" }).ClickAsync();
        await Assertions.Expect(page.Locator("#triage-h")).ToBeVisibleAsync();
    }

    [SkippableFact]
    public async Task Journey_ImportLowFerritinIronFirstPlan_CoachSeesOnlyWhatIsShared_RevokeLeavesNothing()
    {
        var export = SharedFiles.Require(CronometerExport);
        await using var web = await WebAppBrowser.StartAsync(foods);
        var athlete = await web.NewPageAsync();
        var coach = await web.NewPageAsync();
        await WebAppBrowser.OnFailureAsync(athlete, "journey-athlete", async () =>
        {
            await SignUpAsync(athlete, "Ann");
            await ProfileAsync(athlete);
            await ImportAsync(athlete, export);
            await AddLabAsync(athlete, "2020-07-16", "ferritin", "11", "ug/L");
            await AssessAsync(athlete);

            // Iron first, its evidence with sources a click away, and the plan.
            var first = athlete.Locator(".bottlenecks > li").First;
            await Assertions.Expect(first.Locator(".nutrient")).ToHaveTextAsync("iron");
            await first.Locator("summary").ClickAsync();
            await Assertions.Expect(first.Locator(".evidence")).ToContainTextAsync("Ferritin");
            await Assertions.Expect(first.Locator(".evidence .source").First).ToContainTextAsync("Source:");
            await Assertions.Expect(athlete.GetByRole(AriaRole.Heading, new() { Name = "The plan" })).ToBeVisibleAsync();
            await Assertions.Expect(athlete.GetByRole(AriaRole.Link, new() { Name = "Printable plan" })).ToBeVisibleAsync();
            await Assertions.Expect(athlete.GetByRole(AriaRole.Heading, new() { Name = "Retests due" })).ToBeVisibleAsync();
            await WebAppBrowser.CheckAsync(athlete, "journey-dashboard");
            await athlete.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebAppBrowser.Artifacts, "journey-dashboard-window.png") });

            // The athlete invites a coach to read reports only; the code is shown once.
            await athlete.GotoAsync("/sharing");
            await athlete.GetByRole(AriaRole.Button, new() { Name = "Create invitation code" }).ClickAsync();
            var code = (await athlete.Locator(".code").InnerTextAsync()).Trim();
            Assert.Matches("^[A-Z2-9]{26}$", code);

            await WebAppBrowser.OnFailureAsync(coach, "journey-coach", async () =>
            {
                await SignUpAsync(coach, "Coach Kim", "coach");
                await coach.GetByLabel("Code").FillAsync(code);
                await coach.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
                await coach.GetByRole(AriaRole.Link, new() { Name = "Ann" }).ClickAsync();
                var athletePage = coach.Url;
                await Assertions.Expect(coach.Locator(".bottlenecks > li .nutrient").First).ToHaveTextAsync("iron");
                await WebAppBrowser.CheckAsync(coach, "journey-coach-athlete");

                // Only what is shared: reports yes, the food log and labs no (the API refuses, so no page can show them).
                var athleteId = athletePage.Split('/')[^1];
                Assert.Equal(403, (await coach.APIRequest.GetAsync($"/api/v1/athletes/{athleteId}/food-log")).Status);
                Assert.Equal(403, (await coach.APIRequest.GetAsync($"/api/v1/athletes/{athleteId}/labs")).Status);

                // The coach's reads are in the athlete's audit log.
                await athlete.GotoAsync("/sharing");
                await Assertions.Expect(athlete.Locator("#audit-h + .table-wrap")).ToContainTextAsync("Coach Kim");

                // Revoked: the coach sees nothing at once.
                await athlete.GetByRole(AriaRole.Button, new() { Name = "Revoke Coach Kim" }).ClickAsync();
                await Assertions.Expect(athlete.GetByRole(AriaRole.Status)).ToContainTextAsync("Revoked");
                await coach.GotoAsync(athletePage);
                await Assertions.Expect(coach.GetByText("This athlete shares nothing with you.")).ToBeVisibleAsync();
                Assert.Equal(0, await coach.Locator(".bottlenecks").CountAsync());
                await coach.GotoAsync("/coach");
                await Assertions.Expect(coach.GetByText("No athlete shares anything with you yet.")).ToBeVisibleAsync();
            });
        });
    }

    [SkippableFact]
    public async Task RedFlagCheckIn_EmergencyBannerAndNoPlan()
    {
        var export = SharedFiles.Require(CronometerExport);
        await using var web = await WebAppBrowser.StartAsync(foods);
        var page = await web.NewPageAsync();
        await WebAppBrowser.OnFailureAsync(page, "red-flag", async () =>
        {
            await SignUpAsync(page, "Bea");
            await ProfileAsync(page);
            await ImportAsync(page, export);
            await page.GotoAsync("/check-in");
            await page.GetByLabel("Date").FillAsync("2020-07-17");
            await page.GetByLabel("Dark (cola- or tea-coloured) urine after hard exercise").CheckAsync();
            await page.GetByLabel("Fatigue").First.CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Save check-in" }).ClickAsync();
            var alert = page.GetByRole(AriaRole.Alert);
            await Assertions.Expect(alert).ToContainTextAsync("EMERGENCY: get medical care now");
            await Assertions.Expect(alert).ToContainTextAsync("rhabdomyolysis");
            await WebAppBrowser.CheckAsync(page, "red-flag-check-in");

            await AssessAsync(page);
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("EMERGENCY: get medical care now");
            Assert.Equal(0, await page.GetByRole(AriaRole.Heading, new() { Name = "The plan" }).CountAsync());
            Assert.Equal(0, await page.GetByRole(AriaRole.Heading, new() { Name = "What holds recovery back" }).CountAsync());
            Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Printable plan" }).CountAsync());
            await WebAppBrowser.CheckAsync(page, "red-flag-dashboard");
            await page.GotoAsync("/plan");
            await Assertions.Expect(page.GetByText("There is no plan in an emergency.")).ToBeVisibleAsync();
        });
    }

    [SkippableFact]
    public async Task BadUpload_ShowsItsProblemsAndChangesNothing()
    {
        await using var web = await WebAppBrowser.StartAsync(foods);
        var page = await web.NewPageAsync();
        var bad = Path.Combine(Path.GetTempPath(), $"bad-log-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(bad, "date,time,meal,food,amount\n2026-11-02,07:00,breakfast,oatmeal,80 g\n2026-13-40,07:00,breakfast,whole milk,1 cup\n2026-11-02,,lunch,banana,a lot\n");
        try
        {
            await WebAppBrowser.OnFailureAsync(page, "bad-upload", async () =>
            {
                await SignUpAsync(page, "Cy");
                await ProfileAsync(page);
                var before = await web.Server.CountRowsAsync();
                await page.GotoAsync("/import");
                await page.GetByLabel("Export file").SetInputFilesAsync(bad);
                await page.GetByRole(AriaRole.Button, new() { Name = "Upload and import" }).ClickAsync();
                var problems = page.GetByRole(AriaRole.Alert);
                await Assertions.Expect(problems).ToContainTextAsync(Path.GetFileName(bad) + " line 3, date");
                await Assertions.Expect(problems).ToContainTextAsync("'2026-13-40' is not a date");
                await Assertions.Expect(page.GetByText("None yet.")).ToBeVisibleAsync();
                await WebAppBrowser.CheckAsync(page, "bad-upload");
                Assert.Equal(before, await web.Server.CountRowsAsync());
            });
        }
        finally
        {
            File.Delete(bad);
        }
    }

    [SkippableFact]
    public async Task FoodLog_WithoutJavaScript_AddsConfirmsEditsAndDeletes()
    {
        await using var web = await WebAppBrowser.StartAsync(foods);
        var page = await web.NewPageAsync(javaScript: false);
        await WebAppBrowser.OnFailureAsync(page, "food-log-no-js", async () =>
        {
            await SignUpAsync(page, "Fay");
            await ProfileAsync(page);
            await page.GotoAsync("/food-log?day=2026-11-02");
            var food = page.GetByLabel("Food", new() { Exact = true });
            await food.FillAsync("banana");
            await page.GetByLabel("Amount").FillAsync("1 medium");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();

            // SR28's banana has no "medium" portion: the problem says which portions it has, and the form keeps what was typed.
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("has no 'medium' portion");
            await Assertions.Expect(food).ToHaveValueAsync("banana");
            await page.GetByLabel("Amount").FillAsync("120 g");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Added: Bananas, raw");
            var row = page.Locator("tbody tr").First;
            await Assertions.Expect(row).ToContainTextAsync("120 g");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The day's totals against targets" })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#totals-h ~ .table-wrap")).ToContainTextAsync("potassium");

            await row.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Change an entry" })).ToBeVisibleAsync();
            await page.GetByLabel("Amount").FillAsync("240 g");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save change" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Changed");
            await Assertions.Expect(page.Locator("tbody tr").First).ToContainTextAsync("240 g");

            await page.Locator("tbody tr").First.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Nothing logged this day.")).ToBeVisibleAsync();

            // "oatmeal" is an uncertain match (FoodLogTests): logged, then offered to confirm; another choice replaces it.
            await food.FillAsync("oatmeal");
            await page.GetByLabel("Amount").FillAsync("80 g");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Which food did you mean by \"oatmeal\"?" })).ToBeVisibleAsync();
            var choices = page.GetByRole(AriaRole.Group, new() { Name = "Choose the food" }).GetByRole(AriaRole.Radio);
            Assert.True(await choices.CountAsync() >= 2, "an uncertain match offers alternatives");
            await Assertions.Expect(choices.First).ToBeCheckedAsync();
            var other = page.Locator("label.choice").Nth(1);
            var chosen = (await other.InnerTextAsync()).Trim();
            await other.Locator("input").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Changed: " + chosen);
            await Assertions.Expect(page.Locator("section[aria-labelledby=entries-h] tbody tr")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator("tbody tr").First).ToContainTextAsync("80 g");
            await page.Locator("tbody tr").First.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Nothing logged this day.")).ToBeVisibleAsync();

            // A screenshot only: axe-core is a script, and a page without JavaScript never runs it (the evaluation waits
            // for ever). The same page is checked by axe with JavaScript in WebAppPagesTests.
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebAppBrowser.Artifacts, "food-log-no-js.png"), FullPage = true });
        });
    }
}

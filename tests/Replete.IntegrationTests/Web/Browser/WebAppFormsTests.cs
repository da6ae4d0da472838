using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Replete.Assessment;
using Replete.IntegrationTests.Storage;
using Replete.Training;

namespace Replete.IntegrationTests.Web.Browser;

/// <summary>The forms beyond the main journeys, in a real browser: the training week and its fuel, the lab unit list
/// of the chosen test, a MyFitnessPal export and a FHIR upload from the shared fixtures.</summary>
[Collection(Sr28Group.Name)]
[Trait("Category", "Browser")]
public sealed partial class WebAppFormsTests(Sr28Database foods)
{
    private const string MyFitnessPalExport = "fixtures/exports/myfitnesspal/jpklatt-personal_nutrition__Nutrition-Summary.csv";

    private const string FhirBundle = "fixtures/fhir/hl7austria/DERIVED_from_fsh__iron-panel-and-potassium.bundle.json";

    private static string Litres(double value) => Math.Round(value, 2).ToString("#,0.##", CultureInfo.InvariantCulture);

    private static string Grams(double value) => Math.Round(value).ToString("#,0", CultureInfo.InvariantCulture);

    [SkippableFact]
    public async Task TrainingWeek_SavedThenAssessed_ShowsEachDaysFuelAsTheEngineComputesIt()
    {
        await using var web = await WebAppBrowser.StartAsync(foods);
        var page = await web.NewPageAsync();
        await WebAppBrowser.OnFailureAsync(page, "training-week", async () =>
        {
            await WebAppJourneyTests.SignUpAsync(page, "Gus");
            await WebAppJourneyTests.ProfileAsync(page);
            await page.GotoAsync("/food-log");
            await page.GetByLabel("Food", new() { Exact = true }).FillAsync("banana");
            await page.GetByLabel("Amount").FillAsync("120 g");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Added");

            // A build week: a hard 75 minutes on Tuesday and a long moderate run on Saturday; the week starts this Monday.
            await page.GotoAsync("/training");
            await page.GetByLabel("Phase").SelectOptionAsync("build");
            await page.GetByLabel("Body mass, kg").FillAsync("58");
            await page.Locator("#tue-minutes").FillAsync("75");
            await page.Locator("#tue-intensity").SelectOptionAsync("hard");
            await page.Locator("#sat-minutes").FillAsync("150");

            // A refusal keeps what was typed: 2,000 minutes is not a session.
            await page.Locator("#thu-minutes").FillAsync("2000");
            await page.Locator("#thu-minutes").EvaluateAsync("e => e.removeAttribute('max')");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save the week" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("minutes");
            await Assertions.Expect(page.Locator("#tue-minutes")).ToHaveValueAsync("75");
            await Assertions.Expect(page.GetByLabel("Phase")).ToHaveValueAsync("build");
            await page.Locator("#thu-minutes").FillAsync("");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save the week" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("2 session(s)");
            await Assertions.Expect(page.Locator("#sat-minutes")).ToHaveValueAsync("150");

            await WebAppJourneyTests.AssessAsync(page);
            await page.GotoAsync("/training");
            var expected = PeriodizedTargets.For(TrainingPhase.Build,
                [new PlannedSession(DayOfWeek.Tuesday, "running", 75, Intensity.Hard), new PlannedSession(DayOfWeek.Saturday, "running", 150, Intensity.Moderate)], 58);
            var rows = page.Locator("table.week-fuel tbody tr");
            await Assertions.Expect(rows).ToHaveCountAsync(expected.Days.Count);
            foreach (var day in expected.Days.Where(d => d.Day is DayOfWeek.Tuesday or DayOfWeek.Saturday or DayOfWeek.Monday))
            {
                var row = rows.Filter(new() { Has = page.Locator("th", new() { HasTextString = day.Day.ToString().ToLowerInvariant() }) });
                await Assertions.Expect(row).ToContainTextAsync($"{Grams(day.CarbohydrateGrams.Low)}-{Grams(day.CarbohydrateGrams.High)}");
                await Assertions.Expect(row).ToContainTextAsync($"{Grams(day.ProteinGrams.Low)}-{Grams(day.ProteinGrams.High)}");
            }

            await WebAppBrowser.CheckAsync(page, "training-week");
        });
    }

    [SkippableFact]
    public async Task SweatTest_ThenSessionPlan_UsesTheMeasuredRateAsTheEngineDoes()
    {
        await using var web = await WebAppBrowser.StartAsync(foods);
        var page = await web.NewPageAsync();
        await WebAppBrowser.OnFailureAsync(page, "session-plan", async () =>
        {
            await WebAppJourneyTests.SignUpAsync(page, "Kit");
            await WebAppJourneyTests.ProfileAsync(page);
            await page.GotoAsync("/training");

            // Before a sweat test the plan uses the sport's typical range.
            var typical = SessionPlanner.Plan(new SessionRequest("running", 90, Intensity.Hard));
            await page.Locator("#session-minutes").FillAsync("90");
            await page.Locator("#intensity").SelectOptionAsync("hard");
            await page.GetByRole(AriaRole.Button, new() { Name = "Plan the session" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Sweat rate {Litres(typical.SweatRate.Low)}-{Litres(typical.SweatRate.High)} L/h" })).ToBeVisibleAsync();

            // 60 kg before, 59.2 kg after, 500 mL drunk in an hour: 1.3 L/h.
            await page.GetByLabel("Body mass before, kg").FillAsync("60");
            await page.GetByLabel("Body mass after, kg").FillAsync("59.2");
            await page.GetByLabel("Drank during, mL").FillAsync("500");
            await page.GetByLabel("Minutes of training").FillAsync("60");
            await page.GetByRole(AriaRole.Button, new() { Name = "Work out my sweat rate" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Sweat test saved.");
            await Assertions.Expect(page.Locator(".callout").First).ToContainTextAsync("1.3 L/h");

            var measured = SessionPlanner.Plan(new SessionRequest("running", 90, Intensity.Hard, MeasuredSweatRateLitresPerHour: 1.3));
            Assert.NotEqual(typical.SweatRate, measured.SweatRate);
            await page.Locator("#session-minutes").FillAsync("90");
            await page.Locator("#intensity").SelectOptionAsync("hard");
            await page.GetByRole(AriaRole.Button, new() { Name = "Plan the session" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Sweat rate {Litres(measured.SweatRate.Low)}-{Litres(measured.SweatRate.High)} L/h" })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#session-h ~ ul li").First).ToContainTextAsync("Source:");

            // A refused session (a day and a half) says why.
            await page.Locator("#session-minutes").EvaluateAsync("e => e.removeAttribute('max')");
            await page.Locator("#session-minutes").FillAsync("2000");
            await page.GetByRole(AriaRole.Button, new() { Name = "Plan the session" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("minutes must be more than 0 and at most 1440 (got 2000)");
            await WebAppBrowser.CheckAsync(page, "session-plan");
        });
    }

    [SkippableFact]
    public async Task Account_ExportChangePasswordSignOutInAndDelete()
    {
        await using var web = await WebAppBrowser.StartAsync(foods);
        var page = await web.NewPageAsync();
        await WebAppBrowser.OnFailureAsync(page, "account", async () =>
        {
            var email = await WebAppJourneyTests.SignUpAsync(page, "Lee");
            await WebAppJourneyTests.ProfileAsync(page);
            await WebAppJourneyTests.AddLabAsync(page, "2026-11-02", "ferritin", "21", "ug/L");

            // Export: a zip whose labs include the ferritin just added.
            await page.GotoAsync("/account");
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Export everything" }).ClickAsync());
            using (var zip = System.IO.Compression.ZipFile.OpenRead(await download.PathAsync()))
            {
                var text = string.Concat(zip.Entries.Select(e => new StreamReader(e.Open()).ReadToEnd()));
                Assert.Contains("ferritin", text, StringComparison.Ordinal);
                Assert.Contains("21", text, StringComparison.Ordinal);
            }

            const string newPassword = "another long passphrase";
            await page.GetByLabel("Current password").FillAsync(WebAppJourneyTests.Password);
            await page.GetByLabel("New password").FillAsync(newPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Password changed.");

            // Signed out, the old password no longer works and the new one does.
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out Lee", Exact = true }).ClickAsync();
            await page.GotoAsync("/");
            await page.WaitForURLAsync(new Regex("/sign-in"));
            await SignInAsync(page, email, WebAppJourneyTests.Password);
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
            await SignInAsync(page, email, newPassword);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your recovery" })).ToBeVisibleAsync();

            // Deleted: signed out, and the account no longer signs in.
            await page.GotoAsync("/account");
            await page.GetByLabel("I understand that everything is deleted").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Delete my account" }).ClickAsync();
            await page.WaitForURLAsync(new Regex("/sign-in"));
            await SignInAsync(page, email, newPassword);
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/sign-in"));
        });
    }

    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    [SkippableFact]
    public async Task Labs_UnitListOffersOnlyTheChosenTestsUnits()
    {
        await using var web = await WebAppBrowser.StartAsync(foods);
        var page = await web.NewPageAsync(375, 812);
        await WebAppBrowser.OnFailureAsync(page, "lab-units", async () =>
        {
            await WebAppJourneyTests.SignUpAsync(page, "Hal");
            await WebAppJourneyTests.ProfileAsync(page);
            await page.GotoAsync("/labs");
            var all = LabReading.Known.SelectMany(k => k.Units).Distinct(StringComparer.Ordinal).Count();
            foreach (var biomarker in new[] { "vitamin_d_25oh", "hemoglobin", "ferritin", "zinc" })
            {
                await page.GetByLabel("Test", new() { Exact = true }).SelectOptionAsync(biomarker);
                var offered = await page.Locator("#unit option").EvaluateAllAsync<string[]>("os => os.map(o => o.value)");
                var units = LabReading.Known.Single(k => k.Biomarker == biomarker).Units;
                Assert.Equal(units.Order(StringComparer.Ordinal), offered.Order(StringComparer.Ordinal));
                Assert.True(offered.Length < all, $"{biomarker}: every unit offered");
            }

            // Vitamin D in nmol/L after ferritin's ug/L was chosen: the unit follows the test, and the result is stored.
            await page.GetByLabel("Test", new() { Exact = true }).SelectOptionAsync("vitamin_d_25oh");
            await page.GetByLabel("Unit", new() { Exact = true }).SelectOptionAsync("nmol/L");
            await page.GetByLabel("Value", new() { Exact = true }).FillAsync("48");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add result" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Added vitamin d 25oh 48 nmol/L");
            await Assertions.Expect(page.Locator("#lab-vitamin_d_25oh-h")).ToBeVisibleAsync();
            await WebAppBrowser.CheckAsync(page, "lab-units-phone");
        });
    }

    [SkippableFact]
    public async Task Import_MyFitnessPalExport_StoredWithItsDays()
    {
        var export = SharedFiles.Require(MyFitnessPalExport);
        var lines = File.ReadLines(export).Skip(1).Where(l => l.Length > 0).ToList();
        var first = lines.Min(l => l[..10]);
        var last = lines.Max(l => l[..10]);
        await using var web = await WebAppBrowser.StartAsync(foods);
        var page = await web.NewPageAsync();
        await WebAppBrowser.OnFailureAsync(page, "import-mfp", async () =>
        {
            await WebAppJourneyTests.SignUpAsync(page, "Ida");
            await WebAppJourneyTests.ProfileAsync(page);
            await WebAppJourneyTests.ImportAsync(page, export);
            var imported = page.Locator("section[aria-labelledby=imported-h]");
            await Assertions.Expect(imported).ToContainTextAsync($"from {first} to {last}");
            await Assertions.Expect(page.Locator("#imports-h + .table-wrap")).ToContainTextAsync(Path.GetFileName(export));

            // The day's rows are in the food log, marked imported (they change only by importing again).
            await page.GotoAsync("/food-log?day=" + first);
            await Assertions.Expect(page.Locator("tbody tr").First).ToContainTextAsync("imported");
            await WebAppBrowser.CheckAsync(page, "import-mfp");
        });
    }

    [SkippableFact]
    public async Task Labs_FhirBundle_AddsEachResultWithItsChart()
    {
        var bundle = SharedFiles.Require(FhirBundle);
        await using var web = await WebAppBrowser.StartAsync(foods);
        var page = await web.NewPageAsync();
        await WebAppBrowser.OnFailureAsync(page, "fhir-upload", async () =>
        {
            await WebAppJourneyTests.SignUpAsync(page, "Jo");
            await WebAppJourneyTests.ProfileAsync(page);
            await page.GotoAsync("/labs");
            await page.GetByLabel("FHIR file").SetInputFilesAsync(bundle);
            await page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
            var status = page.GetByRole(AriaRole.Status);
            await Assertions.Expect(status).ToContainTextAsync(AddedFrom());

            // The bundle's ferritin (30 ng/mL, LOINC 2276-4) and potassium (5.2 mmol/L, 2823-3), drawn 2023-03-22.
            var ferritin = page.Locator("#lab-ferritin-h + .chart + script + .table-wrap");
            await Assertions.Expect(page.Locator("canvas#lab-ferritin")).ToBeVisibleAsync();
            await Assertions.Expect(ferritin).ToContainTextAsync("2023-03-22");
            await Assertions.Expect(ferritin).ToContainTextAsync("30");
            await Assertions.Expect(page.Locator("#lab-potassium-h + .chart + script + .table-wrap")).ToContainTextAsync("5.2");
            var count = int.Parse(AddedFrom().Match(await status.InnerTextAsync()).Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.Equal(count, await page.Locator("section[aria-labelledby=over-time-h] tbody tr").CountAsync());
            await WebAppBrowser.CheckAsync(page, "fhir-upload");
        });
    }

    [GeneratedRegex(@"Added (\d+) result\(s\) from DERIVED_from_fsh__iron-panel-and-potassium\.bundle\.json")]
    private static partial Regex AddedFrom();
}

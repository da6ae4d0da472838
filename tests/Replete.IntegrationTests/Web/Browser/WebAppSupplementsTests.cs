using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Replete.IntegrationTests.Storage;

namespace Replete.IntegrationTests.Web.Browser;

/// <summary>The supplements page and the forms around it in a real browser: a supplement above its UL warned about on the
/// dashboard (the engine's upper-limit check, reached through the API's report), the lab unit question, a keyboard-only
/// food log, and upload progress.</summary>
[Collection(Sr28Group.Name)]
[Trait("Category", "Browser")]
public sealed partial class WebAppSupplementsTests(Sr28Database foods)
{
    /// <summary>A Replete food log of <paramref name="days"/> days up to <paramref name="last"/>, the same foods each day.</summary>
    internal static string Log(DateOnly last, int days, params string[] foods)
    {
        var log = new StringBuilder("date,time,meal,food,amount\n");
        for (var d = days - 1; d >= 0; d--)
        {
            foreach (var food in foods)
            {
                log.Append(CultureInfo.InvariantCulture, $"{last.AddDays(-d):yyyy-MM-dd},,lunch,{food}\n");
            }
        }

        return log.ToString();
    }

    internal static DateOnly ServerToday(WebAppBrowser web) => DateOnly.FromDateTime(web.Server.Clock.GetUtcNow().UtcDateTime);

    [SkippableFact]
    public async Task Supplements_AboveTheUpperLimit_WarnedOnTheDashboard_OnlyOnceTaken()
    {
        await using var web = await WebAppBrowser.StartAsync(foods);
        var page = await web.NewPageAsync();
        var yesterday = ServerToday(web).AddDays(-1);
        var logFile = Path.Combine(Path.GetTempPath(), $"two-weeks-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(logFile, Log(yesterday, 14, "whole milk,250 g", "chicken breast,150 g", "brown rice,200 g", "broccoli,100 g", "banana,120 g", "lentils,100 g"));
        try
        {
            await WebAppBrowser.OnFailureAsync(page, "supplements", async () =>
            {
                await WebAppJourneyTests.SignUpAsync(page, "Sol");
                await WebAppJourneyTests.ProfileAsync(page);
                await WebAppJourneyTests.ImportAsync(page, logFile);

                // Food alone: no vitamin D or zinc above its UL.
                await WebAppJourneyTests.AssessAsync(page);
                Assert.Equal(0, await page.Locator(".excess li", new() { HasTextRegex = VitaminDOrZinc() }).CountAsync());

                // Vitamin D 10,000 IU a day and zinc 50 mg a day, taken since before the logged days. The product's name is
                // shown as text, never run.
                await page.GotoAsync("/supplements");
                await Assertions.Expect(page.GetByText("Nothing.", new() { Exact = true })).ToBeVisibleAsync();
                await AddAsync(page, "Sunshine D3 <img src=x onerror=\"window.pwned=1\">", "vitamin_d", "10000", "IU", "1", yesterday.AddDays(-30));
                await AddAsync(page, "Zinc picolinate", "zinc", "50", "mg", "1", yesterday.AddDays(-30));
                var taking = page.Locator("section[aria-labelledby=taking-h] tbody tr");
                await Assertions.Expect(taking).ToHaveCountAsync(2);
                await Assertions.Expect(taking.First).ToContainTextAsync("Sunshine D3 <img src=x onerror=\"window.pwned=1\">");
                await Assertions.Expect(taking.First).ToContainTextAsync("vitamin d 10000 IU");
                await Assertions.Expect(taking.First).ToContainTextAsync("once a day");
                Assert.Equal(0, await page.Locator("section[aria-labelledby=taking-h] img").CountAsync());

                // A multivitamin entered a nutrient at a time is one product with both nutrients.
                await AddAsync(page, "Daily multi", "magnesium", "100", "mg", "1", yesterday.AddDays(-30));
                await page.GetByLabel("Product").FillAsync("daily multi");
                await page.GetByLabel("Nutrient").SelectOptionAsync("vitamin_c");
                await page.GetByLabel("Amount in each dose").FillAsync("80");
                await page.GetByLabel("Unit", new() { Exact = true }).SelectOptionAsync("mg");
                await page.GetByRole(AriaRole.Button, new() { Name = "Add supplement" }).ClickAsync();
                await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Added vitamin c to Daily multi");
                await Assertions.Expect(taking).ToHaveCountAsync(3);
                await Assertions.Expect(taking.Nth(2)).ToContainTextAsync("magnesium 100 mg, vitamin c 80 mg");

                // A dose the engine cannot read is refused by name, and the form keeps what was typed.
                await page.GetByLabel("Product").FillAsync("Iron drops");
                await page.GetByLabel("Nutrient").SelectOptionAsync("iron");
                await page.GetByLabel("Amount in each dose").FillAsync("-5");
                await page.GetByLabel("Amount in each dose").EvaluateAsync("e => e.removeAttribute('min')");
                await page.GetByRole(AriaRole.Button, new() { Name = "Add supplement" }).ClickAsync();
                await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("per_dose.iron");
                await Assertions.Expect(page.GetByLabel("Product")).ToHaveValueAsync("Iron drops");
                await Assertions.Expect(taking).ToHaveCountAsync(3);

                // Assessed again: both above the UL, with the engine's evidence and source.
                await WebAppJourneyTests.AssessAsync(page);
                var excess = page.Locator(".excess > li");
                var vitaminD = excess.Filter(new() { HasTextString = "vitamin d" });
                await Assertions.Expect(vitaminD).ToContainTextAsync(new Regex(@"Intake likely above the UL of [\d.]+ ug/d"));
                await Assertions.Expect(vitaminD.Locator(".source").First).ToContainTextAsync("tolerable upper intake levels");
                await Assertions.Expect(excess.Filter(new() { HasTextString = "zinc" })).ToContainTextAsync(new Regex(@"Intake likely above the UL of [\d.]+ mg/d"));
                await WebAppBrowser.CheckAsync(page, "supplements-dashboard");

                // The supplements page shows the same findings beside the list.
                await page.GotoAsync("/supplements");
                await Assertions.Expect(page.Locator("section[aria-labelledby=ul-h] .excess > li")).ToHaveCountAsync(await excess.CountAsync());
                Assert.Null(await page.EvaluateAsync<object?>("() => window.pwned ?? null"));
                await WebAppBrowser.CheckAsync(page, "supplements");

                // Stopped: gone from the list from today.
                await page.GetByRole(AriaRole.Button, new() { Name = "Stop Zinc picolinate" }).ClickAsync();
                await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Stopped Zinc picolinate");
                await Assertions.Expect(taking).ToHaveCountAsync(2);
            });
        }
        finally
        {
            File.Delete(logFile);
        }
    }

    private static async Task AddAsync(IPage page, string product, string nutrient, string amount, string unit, string frequency, DateOnly since)
    {
        await page.GetByLabel("Product").FillAsync(product);
        await page.GetByLabel("Nutrient").SelectOptionAsync(nutrient);
        await page.GetByLabel("Amount in each dose").FillAsync(amount);
        await page.GetByLabel("Unit", new() { Exact = true }).SelectOptionAsync(unit);
        await page.GetByLabel("How often").SelectOptionAsync(frequency);
        await page.GetByLabel("Taking since").FillAsync(since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Add supplement" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Added " + product);
    }

    [GeneratedRegex("vitamin d|zinc")]
    private static partial Regex VitaminDOrZinc();

    [SkippableFact]
    public async Task Labs_AValueThatCouldBeTwoUnits_AsksWhich_AndStoresTheOneChosen()
    {
        await using var web = await WebAppBrowser.StartAsync(foods);
        var page = await web.NewPageAsync();
        await WebAppBrowser.OnFailureAsync(page, "lab-unit-question", async () =>
        {
            await WebAppJourneyTests.SignUpAsync(page, "Uma");
            await WebAppJourneyTests.ProfileAsync(page);

            // Haemoglobin 13 g/L is far below any cut-off, while 13 g/dL is an ordinary value: the engine asks.
            await page.GotoAsync("/labs");
            await page.GetByLabel("Test", new() { Exact = true }).SelectOptionAsync("hemoglobin");
            await page.GetByLabel("Value", new() { Exact = true }).FillAsync("13");
            await page.GetByLabel("Unit", new() { Exact = true }).SelectOptionAsync("g/L");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add result" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("while 13 g/dL would be 130 g/L");
            var question = page.GetByRole(AriaRole.Group, new() { Name = "Which unit does the report give for hemoglobin 13?" });
            await Assertions.Expect(question.GetByRole(AriaRole.Radio)).ToHaveCountAsync(Replete.Assessment.LabReading.Known.Single(k => k.Biomarker == "hemoglobin").Units.Count);
            await WebAppBrowser.CheckAsync(page, "lab-unit-question");

            // Nothing is stored until the person answers.
            await using (var db = web.Server.Db())
            {
                Assert.Equal(0, db.Labs.Count());
            }

            await question.GetByLabel("13 g/dL").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Add result" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Added hemoglobin 13 g/dL");
            await using (var db = web.Server.Db())
            {
                var stored = Assert.Single(db.Labs.ToList());
                Assert.Equal("g/dL", stored.Unit);
            }

            // Answered the other way: the value is what the report says, in g/L, stored as typed.
            await page.GetByLabel("Test", new() { Exact = true }).SelectOptionAsync("hemoglobin");
            await page.GetByLabel("Value", new() { Exact = true }).FillAsync("13");
            await page.GetByLabel("Unit", new() { Exact = true }).SelectOptionAsync("g/L");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add result" }).ClickAsync();
            await question.GetByLabel("13 g/L").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Add result" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Added hemoglobin 13 g/L");
        });
    }

    [SkippableFact]
    public async Task FoodLog_KeyboardOnly_TabReachesSearchChooseAmountAndAdd()
    {
        await using var web = await WebAppBrowser.StartAsync(foods);
        var page = await web.NewPageAsync();
        await WebAppBrowser.OnFailureAsync(page, "keyboard", async () =>
        {
            await WebAppJourneyTests.SignUpAsync(page, "Kai");
            await WebAppJourneyTests.ProfileAsync(page);
            await page.GotoAsync("/food-log");

            // From the top of the page, Tab only: the skip link first, then on to the food search.
            async Task<string> Focused() => await page.EvaluateAsync<string>("() => { const e = document.activeElement; return e.id || e.getAttribute('name') || e.textContent.trim(); }");
            var order = new List<string>();
            for (var i = 0; i < 40 && (order.Count == 0 || order[^1] != "food"); i++)
            {
                await page.Keyboard.PressAsync("Tab");
                order.Add(await Focused());
            }

            WebAppBrowser.Record("keyboard tab order to the food search: " + string.Join(" > ", order));
            Assert.Equal("Skip to content", order[0]);
            Assert.Equal("food", order[^1]);

            // The skip link goes straight to the page's content: fewer Tabs to the search.
            await page.GotoAsync("/food-log");
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.PressAsync("Enter");
            var skipped = 0;
            while (await Focused() != "food" && skipped++ < 20)
            {
                await page.Keyboard.PressAsync("Tab");
            }

            Assert.True(skipped < order.Count - 1, $"after the skip link the search is {skipped} Tabs away; without it {order.Count - 1}");

            // Search, choose with the arrow keys, the amount, then Enter on Add: no mouse.
            await page.Keyboard.TypeAsync("banana");
            await Assertions.Expect(page.Locator("#food-results [role=option]").First).ToBeVisibleAsync();
            await page.Keyboard.PressAsync("ArrowDown");
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator("#food-status")).ToContainTextAsync("Chosen:");
            await page.Keyboard.PressAsync("Tab");
            Assert.Equal("amount", await Focused());
            await page.Keyboard.TypeAsync("120 g");
            await page.Keyboard.PressAsync("Tab");
            Assert.Equal("Add", await Focused());
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Added: Banana");
            await Assertions.Expect(page.Locator("section[aria-labelledby=entries-h] tbody tr")).ToHaveCountAsync(1);
        });
    }

    [SkippableFact]
    public async Task Import_ShowsUploadProgress_ThenTheResult()
    {
        await using var web = await WebAppBrowser.StartAsync(foods);
        var page = await web.NewPageAsync();
        var yesterday = ServerToday(web).AddDays(-1);
        var logFile = Path.Combine(Path.GetTempPath(), $"progress-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(logFile, Log(yesterday, 120, "whole milk,250 g", "chicken breast,150 g", "brown rice,200 g", "broccoli,100 g", "banana,120 g", "lentils,100 g", "almonds,30 g", "apple,150 g"));
        try
        {
            await WebAppBrowser.OnFailureAsync(page, "import-progress", async () =>
            {
                await WebAppJourneyTests.SignUpAsync(page, "Pip");
                await WebAppJourneyTests.ProfileAsync(page);
                await page.GotoAsync("/import");

                // A slow line (Chromium's network emulation, 16 KB/s up) so that the upload is not over at once; every change of the
                // progress text is recorded as it happens.
                var seen = new List<string>();
                await page.ExposeFunctionAsync("recordProgress", (string text) => { lock (seen) { seen.Add(text); } });
                var cdp = await page.Context.NewCDPSessionAsync(page);
                await cdp.SendAsync("Network.enable");
                await cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
                {
                    ["offline"] = false,
                    ["latency"] = 0,
                    ["downloadThroughput"] = -1,
                    ["uploadThroughput"] = 16 * 1024,
                });
                await page.EvaluateAsync(@"() => { const label = document.querySelector('[data-progress-text]');
                    new MutationObserver(() => window.recordProgress(label.textContent)).observe(label, { childList: true, characterData: true, subtree: true }); }");
                await page.GetByLabel("Export file").SetInputFilesAsync(logFile);
                await page.GetByRole(AriaRole.Button, new() { Name = "Upload and import" }).ClickAsync();
                await Assertions.Expect(page.Locator("progress")).ToBeVisibleAsync();
                await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Imported " + Path.GetFileName(logFile) })).ToBeVisibleAsync(new() { Timeout = 60_000 });

                List<string> texts;
                lock (seen)
                {
                    texts = [.. seen];
                }

                WebAppBrowser.Record($"import progress of {new FileInfo(logFile).Length / 1024} KB at 16 KB/s: " + string.Join(" | ", texts.Distinct()));
                var percents = texts.Select(t => ProgressPercent().Match(t)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct().ToList();
                // Chromium reports upload progress in a few steps (it hands the body to its network stack in chunks); what
                // counts is that a share below 100 % is shown while the file goes up, then the server's checking.
                Assert.True(percents.Any(p => p < 100), "progress shown as the file goes up: " + string.Join(", ", texts));
                Assert.Equal(percents.Order(), percents);
                Assert.Contains("Uploaded; checking every row...", texts);
                await cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
                {
                    ["offline"] = false,
                    ["latency"] = 0,
                    ["downloadThroughput"] = -1,
                    ["uploadThroughput"] = -1,
                });
            });
        }
        finally
        {
            File.Delete(logFile);
        }
    }

    [GeneratedRegex(@"Uploading: (\d+) %")]
    private static partial Regex ProgressPercent();
}

using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Replete.IntegrationTests.Storage;

namespace Replete.IntegrationTests.Web.Browser;

/// <summary>Sharing and time in a real browser: a grant with an end date (the server's clock moved past it), a coach's
/// invitation and notes, and retest reminders falling due.</summary>
[Collection(Sr28Group.Name)]
[Trait("Category", "Browser")]
public sealed partial class WebAppSharingTests(Sr28Database foods)
{
    private static async Task InviteCoachAsync(IPage athlete, DateOnly? endsOn)
    {
        await athlete.GotoAsync("/sharing");
        if (endsOn is { } day)
        {
            await athlete.GetByLabel("Sharing ends on").FillAsync(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        await athlete.GetByRole(AriaRole.Button, new() { Name = "Create invitation code" }).ClickAsync();
    }

    private static async Task SignInAgainIfSentAsync(IPage page, string email, string path)
    {
        await page.GotoAsync(path);
        if (page.Url.Contains("/sign-in", StringComparison.Ordinal))
        {
            await page.GetByLabel("E-mail address").FillAsync(email);
            await page.GetByLabel("Password").FillAsync(WebAppJourneyTests.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
            await page.GotoAsync(path);
        }
    }

    [SkippableFact]
    public async Task Sharing_WithAnEndDate_CoachSeesTheReportUntilThen_NothingAfter()
    {
        await using var web = await WebAppBrowser.StartAsync(foods);
        var athlete = await web.NewPageAsync();
        var coach = await web.NewPageAsync();
        var today = WebAppSupplementsTests.ServerToday(web);
        var ends = today.AddDays(2);
        await WebAppBrowser.OnFailureAsync(athlete, "sharing-end-date", async () =>
        {
            var athleteEmail = await WebAppJourneyTests.SignUpAsync(athlete, "Ned");
            await WebAppJourneyTests.ProfileAsync(athlete);
            await WebAppJourneyTests.AddLabAsync(athlete, today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "ferritin", "11", "ug/L");
            await WebAppJourneyTests.AssessAsync(athlete);

            // An end date in the past is refused by the API, by name.
            await InviteCoachAsync(athlete, today.AddDays(-1));
            await Assertions.Expect(athlete.GetByRole(AriaRole.Alert)).ToContainTextAsync("must be in the future");

            await InviteCoachAsync(athlete, ends);
            var code = (await athlete.Locator(".code").InnerTextAsync()).Trim();
            await WebAppBrowser.OnFailureAsync(coach, "sharing-end-date-coach", async () =>
            {
                var coachEmail = await WebAppJourneyTests.SignUpAsync(coach, "Coach Ola", "coach");
                await coach.GetByLabel("Code").FillAsync(code);
                await coach.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
                var until = $"until {ends:yyyy-MM-dd}";
                await Assertions.Expect(coach.Locator(".roster li")).ToContainTextAsync(until);
                await coach.GetByRole(AriaRole.Link, new() { Name = "Ned" }).ClickAsync();
                var athletePage = new Uri(coach.Url).AbsolutePath;
                await Assertions.Expect(coach.Locator(".bottlenecks > li .nutrient").First).ToHaveTextAsync("iron");
                await athlete.GotoAsync("/sharing");
                await Assertions.Expect(athlete.Locator(".grants li")).ToContainTextAsync(until);

                // The day before the end: still shared.
                web.Server.Clock.Advance(TimeSpan.FromDays(1));
                await SignInAgainIfSentAsync(coach, coachEmail, athletePage);
                await Assertions.Expect(coach.Locator(".bottlenecks > li .nutrient").First).ToHaveTextAsync("iron");

                // Past the end (the grant ends at the start of its day, UTC): the coach sees nothing, the API says 404.
                web.Server.Clock.Advance(TimeSpan.FromDays(2));
                await SignInAgainIfSentAsync(coach, coachEmail, athletePage);
                await Assertions.Expect(coach.GetByText("This athlete shares nothing with you.")).ToBeVisibleAsync();
                Assert.Equal(0, await coach.Locator(".bottlenecks").CountAsync());
                Assert.Equal(404, (await coach.APIRequest.GetAsync($"/api/v1/athletes/{athletePage.Split('/')[^1]}/snapshots")).Status);
                await coach.GotoAsync("/coach");
                await Assertions.Expect(coach.GetByText("No athlete shares anything with you yet.")).ToBeVisibleAsync();

                // The athlete sees the grant as ended, with nothing left to revoke.
                await SignInAgainIfSentAsync(athlete, athleteEmail, "/sharing");
                await Assertions.Expect(athlete.Locator(".grants li")).ToContainTextAsync("Ended.");
                Assert.Equal(0, await athlete.GetByRole(AriaRole.Button, new() { Name = "Revoke Coach Ola" }).CountAsync());
                await WebAppBrowser.CheckAsync(athlete, "sharing-ended");
            });
        });
    }

    [SkippableFact]
    public async Task Coach_InvitesAnAthlete_WritesANote_TheAthleteReadsItAsText()
    {
        await using var web = await WebAppBrowser.StartAsync(foods);
        var athlete = await web.NewPageAsync();
        var coach = await web.NewPageAsync(375, 812);
        const string note = "<script>window.pwned = 1</script><img src=x onerror=\"window.pwned = 1\"> Ferritin low: retest in March.";
        await WebAppBrowser.OnFailureAsync(coach, "coach-notes", async () =>
        {
            // The coach asks to read reports and write notes; the code is shown once.
            await WebAppJourneyTests.SignUpAsync(coach, "Coach Pia", "coach");
            await coach.GetByLabel("write notes").CheckAsync();
            await coach.GetByRole(AriaRole.Button, new() { Name = "Create invitation code" }).ClickAsync();
            var code = (await coach.Locator(".code").InnerTextAsync()).Trim();
            Assert.Matches("^[A-Z2-9]{26}$", code);
            await WebAppBrowser.CheckAsync(coach, "coach-invitation-phone");

            await WebAppBrowser.OnFailureAsync(athlete, "coach-notes-athlete", async () =>
            {
                await WebAppJourneyTests.SignUpAsync(athlete, "Rae");
                await WebAppJourneyTests.ProfileAsync(athlete);
                await WebAppJourneyTests.AddLabAsync(athlete, WebAppSupplementsTests.ServerToday(web).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "ferritin", "11", "ug/L");
                await WebAppJourneyTests.AssessAsync(athlete);
                await athlete.GotoAsync("/sharing");
                await athlete.GetByLabel("Code").FillAsync(code);
                await athlete.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
                await Assertions.Expect(athlete.GetByRole(AriaRole.Status)).ToContainTextAsync("Coach Pia can now see what the invitation named.");
                await Assertions.Expect(athlete.Locator(".grants li")).ToContainTextAsync("annotate");

                // The same code does not work twice.
                await athlete.GetByLabel("Code").FillAsync(code);
                await athlete.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
                await Assertions.Expect(athlete.GetByRole(AriaRole.Alert)).ToContainTextAsync("No such invitation.");

                // The coach writes a note holding HTML and script: stored and shown as text on both sides, never run.
                await coach.GotoAsync("/coach");
                await coach.GetByRole(AriaRole.Link, new() { Name = "Rae" }).ClickAsync();
                await coach.GetByLabel("Add a note").FillAsync(note);
                await coach.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();
                await Assertions.Expect(coach.Locator("p.done")).ToContainTextAsync("Note added.");
                await Assertions.Expect(coach.Locator("section[aria-labelledby=notes-h] li")).ToContainTextAsync(note);
                await WebAppBrowser.CheckAsync(coach, "coach-notes-phone");

                await athlete.GotoAsync("/");
                var notes = athlete.Locator("section[aria-labelledby=notes-h] li");
                await Assertions.Expect(notes).ToContainTextAsync("Coach Pia");
                await Assertions.Expect(notes).ToContainTextAsync(note);
                Assert.Equal(0, await athlete.Locator("section[aria-labelledby=notes-h] img, section[aria-labelledby=notes-h] script").CountAsync());
                Assert.Null(await athlete.EvaluateAsync<object?>("() => window.pwned ?? null"));
                Assert.Null(await coach.EvaluateAsync<object?>("() => window.pwned ?? null"));

                // The note is in the athlete's audit log as the coach's write.
                await athlete.GotoAsync("/sharing");
                await Assertions.Expect(athlete.Locator("#audit-h + .table-wrap tr", new() { HasTextString = "write" })).ToContainTextAsync("notes");
            });
        });
    }

    [SkippableFact]
    public async Task RetestReminder_ComesUp_FallsDueWhenItsDayComes_ThenMarkedDone()
    {
        await using var web = await WebAppBrowser.StartAsync(foods);
        var page = await web.NewPageAsync();
        var yesterday = WebAppSupplementsTests.ServerToday(web).AddDays(-1);
        var logFile = Path.Combine(Path.GetTempPath(), $"reminder-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(logFile, WebAppSupplementsTests.Log(yesterday, 14, "whole milk,250 g", "brown rice,200 g", "broccoli,100 g", "banana,120 g"));
        try
        {
            await WebAppBrowser.OnFailureAsync(page, "reminders", async () =>
            {
                var email = await WebAppJourneyTests.SignUpAsync(page, "Tom");
                await WebAppJourneyTests.ProfileAsync(page);
                await WebAppJourneyTests.ImportAsync(page, logFile);
                await WebAppJourneyTests.AddLabAsync(page, yesterday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "ferritin", "11", "ug/L");
                await WebAppJourneyTests.AssessAsync(page);

                // A low ferritin just drawn: its retest comes up months ahead, with its source's interval, not due yet.
                var upcoming = page.Locator("section[aria-labelledby=upcoming-h] li").Filter(new() { HasTextString = "ferritin" });
                await Assertions.Expect(upcoming).ToHaveCountAsync(1);
                await Assertions.Expect(upcoming).ToContainTextAsync("Clénin");
                Assert.Equal(0, await page.Locator("#due-h").CountAsync());
                var due = DateOnly.ParseExact(DueDay().Match(await upcoming.InnerTextAsync()).Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                Assert.True(due > yesterday.AddDays(30), $"due {due}");

                // The server's clock moves to the day before: still coming up.
                web.Server.Clock.Advance(TimeSpan.FromDays(due.DayNumber - WebAppSupplementsTests.ServerToday(web).DayNumber - 1));
                await SignInAgainIfSentAsync(page, email, "/");
                await Assertions.Expect(upcoming).ToHaveCountAsync(1);
                Assert.Equal(0, await page.Locator("#due-h").CountAsync());

                // Its day: due, and marked done it is gone from both lists.
                web.Server.Clock.Advance(TimeSpan.FromDays(1));
                await SignInAgainIfSentAsync(page, email, "/");
                var dueNow = page.Locator("section[aria-labelledby=due-h] li").Filter(new() { HasTextString = "ferritin" });
                await Assertions.Expect(dueNow).ToContainTextAsync($"due {due:yyyy-MM-dd}");
                Assert.Equal(0, await upcoming.CountAsync());
                await WebAppBrowser.CheckAsync(page, "reminder-due");
                await dueNow.GetByRole(AriaRole.Button).ClickAsync();
                await Assertions.Expect(page.Locator("section[aria-labelledby=due-h] li").Filter(new() { HasTextString = "ferritin" })).ToHaveCountAsync(0);
                Assert.Equal(0, await upcoming.CountAsync());
            });
        }
        finally
        {
            File.Delete(logFile);
        }
    }

    [GeneratedRegex(@"due (\d{4}-\d{2}-\d{2})")]
    private static partial Regex DueDay();
}

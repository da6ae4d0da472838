using Microsoft.Playwright;
using Replete.IntegrationTests.Storage;

namespace Replete.IntegrationTests.Web.Browser;

/// <summary>The web app's journeys in a real browser: what an athlete and a coach do, start to end.</summary>
[Collection(Sr28Group.Name)]
[Trait("Category", "Browser")]
public sealed class WebAppJourneyTests(Sr28Database foods)
{
    private const string Password = "correct horse battery";

    internal static async Task SignUpAsync(IPage page, string name, string kind = "athlete")
    {
        await page.GotoAsync("/sign-up");
        await page.GetByLabel("E-mail address").FillAsync($"{name.ToLowerInvariant().Replace(' ', '.')}-{Guid.NewGuid():N}@example.org");
        await page.GetByLabel("Name shown to people you share with").FillAsync(name);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByLabel(kind == "coach" ? "a coach or sports dietitian" : "an athlete").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(kind == "coach" ? "/coach$" : "/profile$"));
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

    [SkippableFact]
    public async Task SignUp_Profile_Dashboard()
    {
        await using var web = await WebAppBrowser.StartAsync(foods);
        var page = await web.NewPageAsync();
        await WebAppBrowser.OnFailureAsync(page, "smoke", async () =>
        {
            await SignUpAsync(page, "Ann");
            await ProfileAsync(page);
            await page.GotoAsync("/");
            await WebAppBrowser.CheckAsync(page, "smoke-dashboard");
        });
    }
}

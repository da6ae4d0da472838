namespace Replete.IntegrationTests.Web.Browser;

/// <summary>The accessibility check every browser test relies on still fails where axe-core finds a serious or critical
/// violation, and passes a page without one.</summary>
[Trait("Category", "Browser")]
public sealed class WebAppBrowserCheckTests
{
    [SkippableFact]
    public async Task CheckAsync_FailsOnACriticalViolation_PassesACleanPage()
    {
        var (playwright, browser) = await WebAppBrowser.LaunchChromiumAsync();
        try
        {
            var page = await browser.NewPageAsync();
            // An image without alternative text: axe-core's image-alt rule, impact critical.
            await page.SetContentAsync("<!doctype html><html lang=\"en\"><head><title>Check</title></head><body><main><h1>Check</h1><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\"></main></body></html>");
            var failure = await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() => WebAppBrowser.CheckAsync(page, "check-violation"));
            Assert.Contains("image-alt (critical)", failure.Message, StringComparison.Ordinal);

            await page.SetContentAsync("<!doctype html><html lang=\"en\"><head><title>Check</title></head><body><main><h1>Check</h1><img alt=\"A dot\" src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\"></main></body></html>");
            await WebAppBrowser.CheckAsync(page, "check-clean");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}

using System.Diagnostics;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Replete.IntegrationTests.Storage;

namespace Replete.IntegrationTests.Web.Browser;

/// <summary>The real server on Kestrel (loopback, a free port) and Debian's Chromium driven by Playwright: no browser
/// download. <c>REPLETE_CHROMIUM</c> names another Chromium. Where none is installed the browser tests skip with a
/// message, and fail in CI. Screenshots and timings go to <c>artifacts/browser</c>.</summary>
public sealed class WebAppBrowser : IAsyncDisposable
{
    /// <summary>A phone's width and a desktop's, in CSS pixels.</summary>
    public static readonly (string Name, int Width, int Height)[] Widths = [("phone", 375, 812), ("desktop", 1280, 900)];

    private readonly List<IBrowserContext> contexts = [];

    private WebAppBrowser(ServerHost server, string baseUrl, IPlaywright playwright, IBrowser browser)
    {
        Server = server;
        BaseUrl = baseUrl;
        Playwright = playwright;
        Browser = browser;
    }

    public ServerHost Server { get; }

    public string BaseUrl { get; }

    public IPlaywright Playwright { get; }

    public IBrowser Browser { get; }

    /// <summary>Where screenshots and timings are written.</summary>
    public static string Artifacts { get; } = Path.Combine(SharedFiles.RepositoryRoot, "artifacts", "browser");

    /// <summary>Debian's Chromium, or <c>REPLETE_CHROMIUM</c>.</summary>
    public static string Chromium => Environment.GetEnvironmentVariable("REPLETE_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Starts the server on Kestrel and the browser.</summary>
    public static async Task<WebAppBrowser> StartAsync(Sr28Database foods)
    {
        RequireChromium();
        var server = new ServerHost(foods);
        server.UseKestrel(0);
        server.StartServer();
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var (playwright, browser) = await SharedChromiumAsync();
        return new WebAppBrowser(server, address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal), playwright, browser);
    }

    private static readonly SemaphoreSlim Launching = new(1, 1);
    private static (IPlaywright Playwright, IBrowser Browser)? shared;

    /// <summary>One Chromium for the run's server tests, launched on first use (about 2 s a launch and close on the CI
    /// machine) and closed when the test process exits. Each test still gets browser contexts of its own (cookies,
    /// storage), closed with it; a browser that has gone away is launched again.</summary>
    private static async Task<(IPlaywright Playwright, IBrowser Browser)> SharedChromiumAsync()
    {
        await Launching.WaitAsync();
        try
        {
            if (shared is not { Browser.IsConnected: true })
            {
                shared = await LaunchChromiumAsync();
                var launched = shared.Value;
                AppDomain.CurrentDomain.ProcessExit += (_, _) =>
                {
                    launched.Browser.CloseAsync().GetAwaiter().GetResult();
                    launched.Playwright.Dispose();
                };
            }

            return shared.Value;
        }
        finally
        {
            Launching.Release();
        }
    }

    /// <summary>Playwright and headless Chromium without a server (for pages written to disk, such as printed reports);
    /// skips, or fails in CI, where Chromium is not installed.</summary>
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchChromiumAsync()
    {
        RequireChromium();
        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            // Root in CI has no user namespace sandbox; the pages are our own, on loopback.
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
        Directory.CreateDirectory(Artifacts);
        return (playwright, browser);
    }

    private static void RequireChromium()
    {
        if (!File.Exists(Chromium))
        {
            var message = $"Chromium is not installed at {Chromium} (apt-get install chromium, or set REPLETE_CHROMIUM).";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException("CI must have Chromium: " + message);
            }

            throw new SkipException("Skipped: " + message);
        }
    }

    /// <summary>A new browser (its own cookies) at <paramref name="width"/>.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            BaseURL = BaseUrl,
            JavaScriptEnabled = javaScript,
        });
        contexts.Add(context);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        return page;
    }

    /// <summary>Zero serious or critical axe-core violations on the page as it is now, and a full-page screenshot named
    /// <paramref name="name"/>.</summary>
    public static async Task CheckAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, name + ".png"), FullPage = true });
        // axe-core's own axe.run in the page, asked for the violations in full (the only results read here). RunAxe's
        // default path runs the same rules but finishes each run in a new blank page with axe injected a second time,
        // which made each check take 2 to 5 s instead of 0.3 to 1 s; on every page of WebAppPagesTests both paths found
        // the same violations (rule, impact, node count). That path exists for cross-origin frames, which these pages lack.
#pragma warning disable CS0618 // RunAxeLegacy is marked as legacy mode, not as wrong.
        var result = await page.RunAxeLegacy(options: OnlyViolations);
#pragma warning restore CS0618
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{name}: axe-core found {serious.Count} serious or critical violation(s):\n" + string.Join("\n", serious.Select(Describe)));
    }

    /// <summary>Full detail for violations; the other result types (passes, incomplete, inapplicable) are not read.</summary>
    private static readonly AxeRunOptions OnlyViolations = new() { ResultTypes = [ResultType.Violations] };

    private static string Describe(AxeResultItem v) =>
        $"  {v.Id} ({v.Impact}): {v.Help} at " + string.Join(", ", v.Nodes.Take(5).Select(n => n.Target.ToString()));

    /// <summary>Loads <paramref name="path"/> and returns the time from navigation start to the load event, and the bytes
    /// transferred (document and every resource).</summary>
    public static async Task<(double LoadMs, long Bytes)> MeasureAsync(IPage page, string path)
    {
        ArgumentNullException.ThrowIfNull(page);
        var stopwatch = Stopwatch.StartNew();
        await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        stopwatch.Stop();
        var bytes = await page.EvaluateAsync<long>(
            "() => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource')).reduce((s, e) => s + (e.encodedBodySize || 0), 0)");
        var load = await page.EvaluateAsync<double>("() => { const n = performance.getEntriesByType('navigation')[0]; return n.loadEventEnd - n.startTime; }");
        return (load > 0 ? load : stopwatch.Elapsed.TotalMilliseconds, bytes);
    }

    /// <summary>Runs <paramref name="steps"/>; when one fails, saves the page's screenshot and HTML as
    /// <c>failed-NAME</c> before the failure is reported.</summary>
    public static async Task OnFailureAsync(IPage page, string name, Func<Task> steps)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(steps);
        try
        {
            await steps();
        }
        catch
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, $"failed-{name}.png"), FullPage = true });
            await File.WriteAllTextAsync(Path.Combine(Artifacts, $"failed-{name}.html"), $"<!-- {page.Url} -->\n" + await page.ContentAsync());
            throw;
        }
    }

    /// <summary>Appends a line to <c>artifacts/browser/timings.txt</c> and to the test output.</summary>
    public static void Record(string line)
    {
        File.AppendAllText(Path.Combine(Artifacts, "timings.txt"), $"{DateTime.UtcNow:O} {line}{Environment.NewLine}");
        Console.WriteLine(line);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in contexts)
        {
            await context.DisposeAsync();
        }

        // The browser is shared (SharedChromiumAsync); only this test's contexts close here.
        Server.Dispose();
    }
}

using Microsoft.Playwright;
using PdfSharp.Pdf.IO;
using Replete.IntegrationTests.Storage;
using Replete.IntegrationTests.Web.Browser;

namespace Replete.IntegrationTests.Cli;

/// <summary>The printed assessment (issue 19): <c>replete assess --format html</c> on the README example, with its plan,
/// printed to PDF by headless Chromium on A4 and on Letter, is one or two pages (counted by PDFsharp), with the sources in
/// full and the likely finding's evidence on the paper. The PDFs are left in <c>artifacts/browser/</c> to look at.</summary>
[Collection(Sr28Group.Name)]
[Trait("Category", "Browser")]
public sealed class PrintedReportTests(Sr28Database sr28) : CommandTestDirectory(sr28, "replete-print-")
{
    private readonly string example = Path.Combine(SharedFiles.RepositoryRoot, "examples", "runner-assessment.json");

    /// <summary>Paper and its width in PDF points (1/72 inch): A4 is 210 mm, Letter 8.5 in.</summary>
    [SkippableTheory]
    [InlineData("A4", 595.3)]
    [InlineData("Letter", 612.0)]
    public async Task Assessment_WithItsPlan_PrintsOnOneOrTwoPages(string paper, double widthPoints)
    {
        _ = Sr28.Database;
        Assert.Equal(0, CliRunner.Run("foods", "init", "--package", Sr28.Tarball, "--data-dir", DataDir).ExitCode);
        var report = CliRunner.Run("assess", example, "--format", "html", "--data-dir", DataDir);
        Assert.Equal(0, report.ExitCode);
        Assert.Contains("Nutrition plan", report.Output, StringComparison.Ordinal);

        var (playwright, browser) = await WebAppBrowser.LaunchChromiumAsync();
        try
        {
            var page = await browser.NewPageAsync();
            await page.SetContentAsync(report.Output);
            var pdf = await page.PdfAsync(new PagePdfOptions { Format = paper, PrintBackground = true });
            await File.WriteAllBytesAsync(Path.Combine(WebAppBrowser.Artifacts, $"assess-{paper}.pdf"), pdf);

            using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
            WebAppBrowser.Record($"printed assessment with its plan on {paper}: {document.PageCount} page(s), {pdf.Length / 1024} KB");
            Assert.InRange(document.PageCount, 1, 2);
            Assert.All(document.Pages.Cast<PdfSharp.Pdf.PdfPage>(), p => Assert.InRange(p.Width.Point, widthPoints - 2, widthPoints + 2));

            // What the paper carries: every source in full, and the likely finding with its evidence (folded findings
            // print their one line).
            await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
            var sources = page.Locator(".sources li");
            Assert.True(await sources.CountAsync() > 10, "the report lists its sources");
            await Assertions.Expect(sources.Last).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("details.finding[open]", new() { HasText = "iron: likely" }).Locator("li").First).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("details.finding:not([open]) li").First).ToBeHiddenAsync();
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}

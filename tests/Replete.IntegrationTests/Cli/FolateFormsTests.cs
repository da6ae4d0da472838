using System.Text;
using System.Text.Json;
using Replete.IntegrationTests.Storage;

namespace Replete.IntegrationTests.Cli;

/// <summary>Tester h65's folate findings. (5) A folic acid tablet logged as a food in a Cronometer export (a meal
/// group, category "Vitamins") was not folic acid: its folate did not count against the UL, which IOM 1998 (p.280) sets
/// for synthetic folic acid. (9) L-methylfolate was called folic acid, and folate without a form counted toward the
/// UL only while no folic acid was taken beside it.</summary>
[Collection(Sr28Group.Name)]
public sealed class FolateFormsTests(Sr28Database sr28) : CommandTestDirectory(sr28, "replete-folate-")
{
    private readonly string profile = Path.Combine(SharedFiles.RepositoryRoot, "examples", "runner-profile.json");

    /// <summary>The folate row of an analysis in JSON.</summary>
    private static JsonElement Folate(string json) => JsonDocument.Parse(json).RootElement.GetProperty("analysis").GetProperty("nutrients")
        .EnumerateArray().Single(n => n.GetProperty("nutrient").GetProperty("id").GetString() == "folate");

    /// <summary>One day of a real Cronometer servings export (its header and its rows of 2022-11-03: three Premier
    /// Protein shakes under category "Supplements", 100 ug folate each) with a folic acid tablet added at breakfast.</summary>
    private string ExportWithTablet(string name, string category, double folate)
    {
        var lines = File.ReadAllLines(SharedFiles.Require("fixtures/exports/cronometer/dhjelmar-Diabetes__servings.csv"), Encoding.UTF8);
        var header = lines[0].Split(',');
        var tablet = new string[header.Length];
        Array.Fill(tablet, "");
        (tablet[0], tablet[1], tablet[2], tablet[3], tablet[4]) = ("2022-11-03", "8:00 AM", "Breakfast", name, "1.00 tablet");
        tablet[Array.IndexOf(header, "Folate (\u00b5g)")] = folate.ToString(System.Globalization.CultureInfo.InvariantCulture);
        tablet[Array.IndexOf(header, "Category")] = category;
        var path = Path.Combine(TempDirectory, "servings.csv");
        File.WriteAllLines(path, [lines[0], .. lines.Skip(1).Where(l => l.StartsWith("2022-11-03,", StringComparison.Ordinal)), string.Join(',', tablet)], new UTF8Encoding(false));
        return path;
    }

    /// <summary>Analyses the export with the tablet <paramref name="name"/> (1,000 ug folate, category "Vitamins") in JSON
    /// and returns its folate row and the export's path.</summary>
    private (JsonElement Folate, string Servings) AnalyzeWithTablet(string name)
    {
        var servings = ExportWithTablet(name, "Vitamins", 1000);
        var json = CliRunner.Run("analyze", servings, "--profile", profile, "--format", "json", "--data-dir", DataDir);
        Assert.True(json.ExitCode == 0, json.Error);
        return (Folate(json.Output), servings);
    }

    [SkippableFact]
    public void CronometerFolicAcidTablet_LoggedAsAFood_CountsAgainstTheUl_AsFolicAcid_AndSaysWhatWasAssumed()
    {
        var (folate, servings) = AnalyzeWithTablet("Folic Acid 1000 mcg");

        // The shakes' 300 ug (form not stated, all of it) and the tablet's 1,000 ug of folic acid, against 1,000 ug.
        var ul = folate.GetProperty("adequacy").GetProperty("upper_limit");
        Assert.Equal(1300, ul.GetProperty("intake_compared").GetDouble(), 6);
        Assert.True(ul.GetProperty("likely_excess").GetBoolean());
        // For adequacy the export's figure as it stands: it may already be DFE, so it is not multiplied by 1.7.
        Assert.Equal(300 + 1000, folate.GetProperty("mean_from_supplements").GetDouble(), 6);
        var notes = string.Join(" ", folate.GetProperty("notes").EnumerateArray().Select(n => n.GetString()));
        Assert.Contains("'Folic Acid 1000 mcg' is read as folic acid by its name. The export does not say whether its folate is DFE", notes, StringComparison.Ordinal);
        Assert.Contains("'Premier Protein, Protein Shake, Chocolate' does not say its form", notes, StringComparison.Ordinal);

        var table = CliRunner.Run("analyze", servings, "--profile", profile, "--data-dir", DataDir);
        Assert.Contains("read as folic acid by its name", System.Text.RegularExpressions.Regex.Replace(table.Output, @"\s+", " "), StringComparison.Ordinal);
    }

    [SkippableFact]
    public void CronometerMethylfolate_IsNamedAsMethylfolate_AndCountsTowardTheUl_WithEfsaAsTheReason()
    {
        var (folate, _) = AnalyzeWithTablet("L-Methylfolate 1000 mcg");

        Assert.Equal(1300, folate.GetProperty("adequacy").GetProperty("upper_limit").GetProperty("intake_compared").GetDouble(), 6);
        var note = folate.GetProperty("notes").EnumerateArray().Select(n => n.GetString()!).Single(n => n.Contains("L-Methylfolate 1000 mcg", StringComparison.Ordinal));
        Assert.Contains("read as L-methylfolate (5-MTHF), not folic acid", note, StringComparison.Ordinal);
        Assert.Contains("EFSA 2023", note, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void MethylfolateSupplementAboveTheUl_IsLoweredAsMethylfolate_NotFolicAcid()
    {
        InitDatabase();
        var path = RunnerWithSupplements("""
            { "supplements": [ { "name": "Metafolin 2 mg", "form": "L-5-methyltetrahydrofolic acid", "per_dose": { "folate": "2 mg" } } ] }
            """);

        var result = CliRunner.Run("plan", path, "--format", "json", "--data-dir", DataDir);

        Assert.True(result.ExitCode == 0, result.Error);
        var cut = JsonDocument.Parse(result.Output).RootElement.GetProperty("supplements_to_lower").EnumerateArray()
            .Single(c => c.GetProperty("nutrient").GetString() == "folate");
        // 2 mg: above the UL of 1,000 ug, below the LOAEL of 5 mg (at which the line would send it to a doctor instead).
        Assert.Equal(2000, cut.GetProperty("intake").GetDouble(), 6);
        Assert.StartsWith("Methylfolate: supplements give", cut.GetProperty("advice").GetString(), StringComparison.Ordinal);
        Assert.Contains("IOM set it for folic acid, and EFSA 2023 applies", cut.GetProperty("advice").GetString(), StringComparison.Ordinal);
    }
}

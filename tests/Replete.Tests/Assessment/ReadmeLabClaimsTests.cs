using System.Text.RegularExpressions;
using Replete.Assessment;
using Replete.References;

namespace Replete.Tests.Assessment;

/// <summary>The README's sentence on tests read "not interpreted" names exactly the tests that read so: a test it names
/// has no sourced interval for the person, and a test with one (TSH, ionised calcium) is not named there.</summary>
public class ReadmeLabClaimsTests
{
    private static readonly string NotInterpretedSentence = FindSentence();

    [Theory]
    [InlineData("TSH", "tsh", 2.0, "mIU/L", 30, false)]                           // 0.45-4.12 mIU/L (Hollowell 2002)
    [InlineData("ionised calcium", "calcium_ionised", 1.2, "mmol/L", 30, false)]  // 1.15-1.33 mmol/L (NHS Tayside)
    [InlineData("PTH", "pth", 40, "pg/mL", 30, false)]                            // assay-specific
    [InlineData("serum iron", "serum_iron", 80, "ug/dL", 30, false)]              // no interval on its own
    [InlineData("phosphate under 18", "phosphate", 3.5, "mg/dL", 15, false)]      // children run higher
    [InlineData("creatine kinase outside athletes aged 7-44", "creatine_kinase", 300, "U/L", 50, false)]
    public void Readme_NamesATestAsNotInterpreted_ExactlyWhenItReadsSo(string readmeName, string biomarker, double value, string unit, double age, bool athlete)
    {
        var reading = LabReading.Read(new LabInput(biomarker, value, unit), Sex.Female, age, athlete: athlete);

        var named = NotInterpretedSentence.Contains(readmeName, StringComparison.Ordinal);
        Assert.True(named == (reading.Status == LabStatus.NotInterpreted),
            $"README names {readmeName}: {named}; {biomarker} {value} {unit} reads {reading.StatusLabel}. The sentence: {NotInterpretedSentence}");
    }

    private static string FindSentence()
    {
        var readme = File.ReadAllText(Path.Combine(SharedFiles.RepositoryRoot, "README.md")).ReplaceLineEndings(" ");
        var match = Regex.Match(readme, @"A test without a sourced reference interval[^.]*?reads ""not interpreted""[^.]*\.", RegexOptions.None, TimeSpan.FromSeconds(1));
        Assert.True(match.Success, "README has no sentence on tests read \"not interpreted\"");
        return match.Value;
    }
}

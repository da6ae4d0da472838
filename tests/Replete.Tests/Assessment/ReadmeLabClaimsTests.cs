using System.Text.RegularExpressions;
using Replete.Assessment;
using Replete.References;

namespace Replete.Tests.Assessment;

/// <summary>The README's sentence on tests read "not interpreted" names exactly the tests that read so: a test it names
/// has no sourced interval for the person, and a test with one (TSH, ionised calcium, an athlete's creatine kinase) is
/// not named there; an athlete's creatine kinase is read against the upper limits the README gives.</summary>
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
    [InlineData("creatine kinase outside athletes aged 7-44", "creatine_kinase", 300, "U/L", 45, true)]   // an athlete, too old
    [InlineData("an athlete's creatine kinase", "creatine_kinase", 300, "U/L", 30, true)]                 // Mougios 2007
    public void Readme_NamesATestAsNotInterpreted_ExactlyWhenItReadsSo(string readmeName, string biomarker, double value, string unit, double age, bool athlete)
    {
        var reading = LabReading.Read(new LabInput(biomarker, value, unit), Sex.Female, age, athlete: athlete);

        var named = NotInterpretedSentence.Contains(readmeName, StringComparison.Ordinal);
        Assert.True(named == (reading.Status == LabStatus.NotInterpreted),
            $"README names {readmeName}: {named}; {biomarker} {value} {unit} reads {reading.StatusLabel}. The sentence: {NotInterpretedSentence}");
    }

    /// <summary>"an athlete's creatine kinase (Mougios 2007: up to 513 U/L in women and 1,083 U/L in men) read against
    /// their sourced intervals": an athlete aged 7-44 reads normal up to the README's limit for the sex and high above
    /// it, from Mougios 2007; outside those ages the same value is not interpreted.</summary>
    [Theory]
    [InlineData(Sex.Female, 1)]
    [InlineData(Sex.Male, 2)]
    public void Readme_AnAthletesCreatineKinase_ReadsAgainstTheLimitItGives(Sex sex, int group)
    {
        var readme = File.ReadAllText(Path.Combine(SharedFiles.RepositoryRoot, "README.md")).ReplaceLineEndings(" ");
        var match = Regex.Match(readme, @"an athlete's creatine kinase \(Mougios 2007: up to ([\d,]+) U/L in women and ([\d,]+) U/L in men\) read against their sourced intervals", RegexOptions.None, TimeSpan.FromSeconds(1));
        Assert.True(match.Success, "README has no claim on an athlete's creatine kinase");
        var limit = double.Parse(match.Groups[group].Value, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);
        LabReading Athlete(double value, double age) => LabReading.Read(new LabInput("creatine_kinase", value, "U/L"), sex, age, athlete: true);

        foreach (var age in new[] { 7.0, 30, 44 })
        {
            var atLimit = Athlete(limit, age);
            Assert.Equal((LabStatus.Normal, limit), (atLimit.Status, atLimit.High));
            Assert.Contains("Mougios 2007", atLimit.Source, StringComparison.Ordinal);
            Assert.Equal(LabStatus.High, Athlete(limit + 1, age).Status);
        }

        Assert.Equal(LabStatus.NotInterpreted, Athlete(limit + 1, 6).Status);
        Assert.Equal(LabStatus.NotInterpreted, Athlete(limit + 1, 45).Status);
        Assert.Equal(LabStatus.NotInterpreted, LabReading.Read(new LabInput("creatine_kinase", limit + 1, "U/L"), sex, 30, athlete: false).Status);
    }

    private static string FindSentence()
    {
        var readme = File.ReadAllText(Path.Combine(SharedFiles.RepositoryRoot, "README.md")).ReplaceLineEndings(" ");
        var match = Regex.Match(readme, @"A test without a sourced reference interval[^.]*?reads ""not interpreted""[^.]*\.", RegexOptions.None, TimeSpan.FromSeconds(1));
        Assert.True(match.Success, "README has no sentence on tests read \"not interpreted\"");
        return match.Value;
    }
}

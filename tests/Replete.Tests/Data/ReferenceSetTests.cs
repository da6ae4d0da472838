using Replete.Assessment;
using Replete.Data;
using Replete.Knowledge;
using Replete.References;

namespace Replete.Tests.Data;

/// <summary>The reference tables load once as a whole, and a coded value that is not in its vocabulary, or an id that
/// no table has, fails the load with the file, line and column instead of being ignored when the row is used.</summary>
public class ReferenceSetTests
{
    private static string Table(string file) => File.ReadAllText(Path.Combine(SharedFiles.RepositoryRoot, "data", file));

    private static string WithRow(string file, string row) => Table(file).TrimEnd('\n') + "\n" + row + "\n";

    [Fact]
    public void Default_LoadsEveryTable_AndPassesItsSchema()
    {
        var set = ReferenceSet.Load();

        Assert.Equal(Directory.GetFiles(Path.Combine(SharedFiles.RepositoryRoot, "data"), "*.csv").Length, set.Files.Count);
    }

    [Theory]
    [InlineData("lab_confounders.csv", "ferritin,crp_above:5,lower_cutoff,70,,no,note,source,primary", "effect: 'lower_cutoff'")]
    [InlineData("lab_confounders.csv", "ferritin,crp_abov:5,low_cutoff,70,,no,note,source,primary", "condition: 'crp_abov:5'")]
    [InlineData("lab_confounders.csv", "feritin,any,note,,,no,note,source,primary", "biomarker: 'feritin'")]
    [InlineData("critical_labs.csv", "potassium,2.5,,critical_lab,,source,primary", "flag: 'critical_lab'")]
    [InlineData("critical_labs.csv", "ferritin.femal,,200,lab_out_of_range,,source,primary", "biomarker: 'ferritin.femal'")]
    [InlineData("requirement_cv.csv", "magnesum,10,default,source", "nutrient: 'magnesum'")]
    [InlineData("red_flags.csv", "new_flag,New,,see_doctor_later,message,source,primary", "triage: 'see_doctor_later'")]
    [InlineData("dri.csv", "adult_19_30,iron,6,8,,45,total,,,,source", "life_stage: 'adult_19_30'")]
    public void AnUnknownCodedValue_FailsTheLoad_NamingFileLineAndColumn(string file, string row, string expected)
    {
        var text = WithRow(file, row);
        var line = text.TrimEnd('\n').Split('\n').Length;

        var error = Assert.Throws<InvalidDataException>(() => ReferenceSet.Load(new Dictionary<string, string> { [file] = text }));

        Assert.StartsWith($"{file}:{line}: {expected}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReplacingATableThatDoesNotExist_IsRefused() =>
        Assert.Throws<InvalidDataException>(() => ReferenceSet.Load(new Dictionary<string, string> { ["symptom.csv"] = "a\n1\n" }));

    [Fact]
    public void ASubstitutedTable_ReachesTheAssessment_ThroughAKnowledgeBaseBuiltFromIt()
    {
        // The same knowledge base with fatigue's link to iron made strong and primary.
        var symptoms = string.Join('\n', Table("symptoms.csv").Split('\n').Select(line =>
            line.StartsWith("fatigue,", StringComparison.Ordinal) && line.Contains(",iron,", StringComparison.Ordinal)
                ? line.Replace(",moderate,", ",strong,", StringComparison.Ordinal)
                : line));
        var kb = new KnowledgeBase(ReferenceSet.Load(new Dictionary<string, string> { ["symptoms.csv"] = symptoms }));
        var input = new AssessmentInput(new Person(30, Sex.Male), ["fatigue"], [], [], []);

        var usual = RecoveryAssessor.Assess(input).Bottlenecks.Single(b => b.Nutrient == "iron").For.Single(e => e.Code == "fatigue");
        var substituted = RecoveryAssessor.Assess(input, kb).Bottlenecks.Single(b => b.Nutrient == "iron").For.Single(e => e.Code == "fatigue");

        Assert.Equal((2, 3), (usual.Points, substituted.Points));
    }

    [Fact]
    public void ASubstitutedCriticalLabsTable_ChangesWhichResultRaisesAFlag()
    {
        var kb = new KnowledgeBase(ReferenceSet.Load(new Dictionary<string, string>
        {
            ["critical_labs.csv"] = WithRow("critical_labs.csv", "potassium,3.4,,critical_lab_value,,test row,unverified"),
        }));
        var input = new AssessmentInput(new Person(30, Sex.Male), [], [], [], [new LabInput("potassium", 3.3, "mmol/L")]);

        Assert.Empty(RecoveryAssessor.Assess(input).RedFlags);
        Assert.Equal("critical_lab_value", Assert.Single(RecoveryAssessor.Assess(input, kb).RedFlags).FlagId);
    }
}

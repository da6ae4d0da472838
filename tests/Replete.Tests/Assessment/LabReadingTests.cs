using Replete.Assessment;
using Replete.References;

namespace Replete.Tests.Assessment;

public class LabReadingTests
{
    [Theory]
    [InlineData("vitamin_d_25oh", 37.44, "nmol/L", 15.0, LabStatus.Low)]       // 15 ng/mL x 2.496
    [InlineData("vitamin_d_25oh", 15, "ng/mL", 15.0, LabStatus.Low)]
    [InlineData("vitamin_b12", 200, "pg/mL", 147.6, LabStatus.Deficient)]      // x 0.738
    [InlineData("vitamin_b12", 148, "pmol/L", 148.0, LabStatus.Deficient)]     // <= 148 (Reinstatler 2012)
    [InlineData("vitamin_b12", 221, "pmol/L", 221.0, LabStatus.Low)]           // borderline <= 221
    [InlineData("ferritin", 18, "ng/mL", 18.0, LabStatus.Low)]
    [InlineData("ferritin", 12, "ug/L", 12.0, LabStatus.Deficient)]
    [InlineData("hemoglobin", 11.5, "g/dL", 115.0, LabStatus.Low)]            // female cut-off 120 g/L
    [InlineData("zinc", 65, "ug/dL", 65.0, LabStatus.Low)]                     // female morning fasting cut-off 70
    [InlineData("magnesium_serum", 1.8, "mg/dL", 0.74052, LabStatus.Low)]       // low and deficient cut-offs are both 0.75: only "low"
    public void Read_ConvertsToTheReferenceUnit_AndReadsTheCutOffs(string biomarker, double value, string unit, double expected, LabStatus status)
    {
        var reading = LabReading.Read(new LabInput(biomarker, value, unit), Sex.Female);

        Assert.Equal(expected, reading.Value, 2);
        Assert.Equal(status, reading.Status);
        Assert.False(string.IsNullOrWhiteSpace(reading.Source));
    }

    [Fact]
    public void Read_VitaminDWithoutAUnit_AsksWhichUnit()
    {
        var question = LabReading.Check(new LabInput("vitamin_d_25oh", 75, null), Sex.Male);
        Assert.Equal("question", question?.Code);
        Assert.Contains("75 ng/mL or 75 nmol/L", question!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("feritin", 20, "ug/L", "unknown_value", "did you mean ferritin")]
    [InlineData("ferritin", 20, "mmol/L", "unknown_value", "unit 'mmol/L' is not known")]
    [InlineData("ferritin", -3, "ug/L", "out_of_range", "not a measured value")]
    public void Check_BadInput_SaysWhatIsWrong_AndReadRefusesIt(string biomarker, double value, string unit, string code, string expected)
    {
        var problem = LabReading.Check(new LabInput(biomarker, value, unit), Sex.Female);

        Assert.Equal(code, problem?.Code);
        Assert.Contains(expected, problem!.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => LabReading.Read(new LabInput(biomarker, value, unit), Sex.Female));
    }

    [Theory]
    [InlineData("ionised_calcium", "calcium_ionised")]   // words in the other order
    [InlineData("ionized calcium", "calcium_ionised")]   // American spelling, a space
    [InlineData("Calcium, ionized", "calcium_ionised")]  // as a report prints it
    [InlineData("haemoglobin", "hemoglobin")]
    [InlineData("vitamin d", "vitamin_d_25oh")]          // every word given is in the id
    [InlineData("serum ferritin", "ferritin")]           // the label "Ferritin (serum)"
    [InlineData("feritin", "ferritin")]                  // a typo still goes by edit distance
    public void Check_UnknownLab_SuggestsTheLabWithTheSameWordsFirst(string biomarker, string first)
    {
        var problem = LabReading.Check(new LabInput(biomarker, 1.2, "mmol/L"), Sex.Female);

        Assert.Equal("unknown_value", problem?.Code);
        Assert.Contains($"(did you mean {first},", problem!.Message, StringComparison.Ordinal);
    }
}

public class RecoveryAssessorLabTests
{
    [Fact]
    public void NormalB12_DoesNotCancel_AHighMethylmalonicAcid()
    {
        var input = new AssessmentInput(new Person(60, Sex.Male), [], [], [],
            [new LabInput("vitamin_b12", 300, "pmol/L"), new LabInput("methylmalonic_acid", 400, "nmol/L")]);

        var b12 = RecoveryAssessor.Assess(input).Bottlenecks.Single(b => b.Nutrient == "vitamin_b12");

        Assert.Empty(b12.Against);
        Assert.True(b12.Likelihood >= Likelihood.Likely, b12.Likelihood.ToString());
    }
}

public class ZincStratumTests
{
    [Fact]
    public void Zinc_MenFrom65_UseTheirOwnCutOff()
    {
        var younger = LabReading.Read(new LabInput("zinc", 73, "ug/dL"), Sex.Male, 40);
        var older = LabReading.Read(new LabInput("zinc", 73, "ug/dL"), Sex.Male, 70);

        Assert.Equal(("zinc.male.morning_fasting", LabStatus.Low), (younger.Biomarker, younger.Status));   // cut-off 74
        Assert.Equal(("zinc.male65.morning_fasting", LabStatus.NotInterpreted), (older.Biomarker, older.Status)); // above the cut-off 72, no sourced upper limit
        Assert.True(older.AboveLowOnly);
    }

    [Theory]
    [InlineData("gm/dL", "g/dL")]
    [InlineData("mcg/dL", "ug/dL")]
    [InlineData("\u00B5g/L", "ug/L")]
    [InlineData("ug / L", "ug/L")]
    [InlineData("m[IU]/L", "mIU/L")]
    public void NormalizeUnit_TakesTheSpellingsLabsPrint(string printed, string known) =>
        Assert.Equal(known, LabReading.NormalizeUnit(printed));
}

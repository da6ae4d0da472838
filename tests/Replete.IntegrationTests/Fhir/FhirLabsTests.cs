using Replete.Assessment;
using Replete.References;
using Replete.Fhir;

namespace Replete.IntegrationTests.Fhir;

/// <summary>FHIR R4 lab import on the fixtures in ../shared/fixtures/fhir.</summary>
public class FhirLabsTests
{
    [SkippableFact]
    public void Bundle_IronPanelAndPotassium_ReadsTheLabsRepleteUses_AndSaysWhyTheRestIsLeftOut()
    {
        var path = SharedFiles.Require("fixtures/fhir/hl7austria/DERIVED_from_fsh__iron-panel-and-potassium.bundle.json");

        var file = FhirLabs.Read(File.ReadAllText(path), Path.GetFileName(path));

        var ferritin = file.Labs.Single(l => l.Input.Biomarker == "ferritin");
        Assert.Equal((30.0, "ng/mL", "2276-4"), (ferritin.Input.Value, ferritin.Input.Unit, ferritin.Loinc));
        Assert.Equal(LabStatus.Normal, LabReading.Read(ferritin.Input, Sex.Female).Status); // 30 ug/L is the low cut-off itself
        Assert.Contains(file.Labs, l => l.Input.Biomarker == "potassium" && l.Input.Value == 5.2);
        Assert.Contains(file.Labs, l => l.Input.Biomarker == "transferrin_saturation" && l.Input.Unit == "%");
        Assert.Contains(file.Skipped, s => s.Contains("2498-4", StringComparison.Ordinal)); // serum iron: not a test Replete reads
    }

    [SkippableTheory]
    [InlineData("US-Core__observation-cbc-hemoglobin.json", "hemoglobin", 17, "g/dL", false)]
    [InlineData("US-Core__observation-serum-potassium.json", "potassium", 5.4, "mmol/L", false)]
    [InlineData("US-Core__observation-serum-calcium.json", "calcium_total", 7.7, "mg/dL", true)] // no UCUM code: unit text used
    public void Observation_UsCore_ReadsValueAndUnit(string file, string biomarker, double value, string unit, bool fromText)
    {
        var path = SharedFiles.Require("fixtures/fhir/us-core/" + file);

        var lab = FhirLabs.Read(File.ReadAllText(path), file).Labs.Single();

        Assert.Equal((biomarker, value, unit, fromText), (lab.Input.Biomarker, lab.Input.Value, lab.Input.Unit, lab.UnitFromText));
        Assert.NotNull(lab.Effective);
    }

    [SkippableFact]
    public void Observation_NotUsed_IsSkippedWithItsCode()
    {
        var path = SharedFiles.Require("fixtures/fhir/us-core/US-Core__observation-serum-glucose.json");

        var file = FhirLabs.Read(File.ReadAllText(path), "glucose.json");

        Assert.Empty(file.Labs);
        Assert.Contains("2345-7", file.Skipped.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void NotFhir_IsAnInputProblemNamingTheFile()
    {
        var error = Assert.Throws<Replete.Documents.InputException>(() => FhirLabs.Read("""{"hello": 1}""", "labs.json"));
        var problem = Assert.Single(error.Problems);
        Assert.Equal(("labs.json", "unreadable"), (problem.Source, problem.Code));
        Assert.StartsWith("labs.json: ", problem.ToString(), StringComparison.Ordinal);
    }
}

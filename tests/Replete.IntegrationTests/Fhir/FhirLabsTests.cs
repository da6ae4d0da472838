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
        Assert.True(LabReading.Read(ferritin.Input, Sex.Female).AboveLowOnly); // 30 ug/L is the low cut-off itself: not low
        Assert.Contains(file.Labs, l => l.Input.Biomarker == "potassium" && l.Input.Value == 5.2);
        Assert.Contains(file.Labs, l => l.Input.Biomarker == "transferrin_saturation" && l.Input.Unit == "%");
        Assert.Contains(file.Labs, l => l.Input.Biomarker == "serum_iron" && l.Input.Value == 45); // read, "not interpreted" on its own
        Assert.Contains(file.Skipped, s => s.Contains("3034-6", StringComparison.Ordinal)); // transferrin: not a test Replete reads
    }

    /// <summary>A bundle holding the same Observation twice (h83): both were read, and the second passed as a confirming
    /// repeat test. It is read once, and what was left out says why.</summary>
    [Fact]
    public void Bundle_TheSameObservationTwice_IsReadOnce_WithANote()
    {
        var file = FhirLabs.Read(RepeatedFerritin, "twice.json");

        Assert.Equal(18, Assert.Single(file.Labs).Input.Value);
        Assert.Contains(file.Skipped, s => s.Contains("the same Observation id 'f1'", StringComparison.Ordinal) && s.Contains("counted once", StringComparison.Ordinal));
    }

    /// <summary>A FHIR bundle with one ferritin Observation (id f1) given twice.</summary>
    internal const string RepeatedFerritin = """
        {"resourceType":"Bundle","type":"collection","entry":[
          {"resource":{"resourceType":"Observation","id":"f1","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"2276-4"}]},"effectiveDateTime":"2026-11-02T08:00:00Z","valueQuantity":{"value":18,"unit":"ug/L","system":"http://unitsofmeasure.org","code":"ug/L"}}},
          {"resource":{"resourceType":"Observation","id":"f1","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"2276-4"}]},"effectiveDateTime":"2026-11-02T08:00:00Z","valueQuantity":{"value":18,"unit":"ug/L","system":"http://unitsofmeasure.org","code":"ug/L"}}}
        ]}
        """;

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

    private static string Observation(string status, string loinc, string value) => $$"""
        {"resourceType": "Observation", "id": "x", "status": "{{status}}",
         "code": {"coding": [{"system": "http://loinc.org", "code": "{{loinc}}"}], "text": "test"},
         {{value}}}
        """;

    [Theory]
    [InlineData("entered-in-error")]
    [InlineData("cancelled")]
    [InlineData("registered")]
    public void AResultThatIsNotAResult_IsLeftOut_AndSaysWhy(string status)
    {
        // A retracted potassium of 2.4 mmol/L must not send anyone to a doctor.
        var file = FhirLabs.Read(Observation(status, "2823-3", "\"valueQuantity\": {\"value\": 2.4, \"unit\": \"mmol/L\", \"system\": \"http://unitsofmeasure.org\", \"code\": \"mmol/L\"}"), "k.json");

        Assert.Empty(file.Labs);
        Assert.Contains(file.Skipped, s => s.Contains($"status '{status}'", StringComparison.Ordinal));
    }

    [Fact]
    public void APreliminaryResult_IsRead_AndSaidToBePreliminary()
    {
        var file = FhirLabs.Read(Observation("preliminary", "2823-3", "\"valueQuantity\": {\"value\": 3.1, \"system\": \"http://unitsofmeasure.org\", \"code\": \"mmol/L\"}"), "k.json");

        Assert.Equal(3.1, Assert.Single(file.Labs).Input.Value);
        Assert.Contains(file.Skipped, s => s.Contains("preliminary", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("<", 8, LabStatus.Deficient)]        // every ferritin below 8 is deficient
    [InlineData("<", 40, LabStatus.NotInterpreted)]  // below 40 could be low or normal
    [InlineData(">", 100, LabStatus.NotInterpreted)] // above 100 is never low, but ferritin has no upper cut-off here: not "normal"
    [InlineData(">", 10, LabStatus.NotInterpreted)]  // above 10 could be deficient, low or normal
    public void AComparator_IsCarriedToTheReading(string comparator, double value, LabStatus status)
    {
        var json = Observation("final", "2276-4", $$"""
            "valueQuantity": {"value": {{value}}, "comparator": "{{comparator}}", "system": "http://unitsofmeasure.org", "code": "ug/L"}
            """);

        var lab = Assert.Single(FhirLabs.Read(json, "f.json").Labs);
        var reading = LabReading.Read(lab.Input, Sex.Female);

        Assert.Equal(comparator == "<" ? LabBound.AtMost : LabBound.AtLeast, lab.Input.Bound);
        Assert.Equal(status, reading.Status);
        Assert.Contains(reading.Caveats, c => c.Text.StartsWith($"Reported as {comparator}{value}", StringComparison.Ordinal));
    }

    /// <summary>Tester h76: a ferritin of 8 ug/L contained in a DiagnosticReport, or in a Bundle inside the Bundle, was
    /// not read and not listed, and the report said self-care.</summary>
    [Theory]
    [InlineData("""{"resourceType": "Bundle", "type": "collection", "entry": [{"fullUrl": "urn:uuid:r1", "resource": {"resourceType": "DiagnosticReport", "id": "r1", "status": "final", "code": {"text": "iron"}, "contained": [{"resourceType": "Observation", "id": "f1", "status": "final", "code": {"coding": [{"system": "http://loinc.org", "code": "2276-4"}]}, "valueQuantity": {"value": 8, "system": "http://unitsofmeasure.org", "code": "ug/L"}}], "result": [{"reference": "#f1"}]}}]}""")]
    [InlineData("""{"resourceType": "Bundle", "type": "collection", "entry": [{"resource": {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": {"resourceType": "Observation", "status": "final", "code": {"coding": [{"system": "http://loinc.org", "code": "2276-4"}]}, "valueQuantity": {"value": 8, "system": "http://unitsofmeasure.org", "code": "ug/L"}}}]}}]}""")]
    [InlineData("""{"resourceType": "DiagnosticReport", "id": "r1", "status": "final", "code": {"text": "iron"}, "contained": [{"resourceType": "Observation", "id": "f1", "status": "final", "code": {"coding": [{"system": "http://loinc.org", "code": "2276-4"}]}, "valueQuantity": {"value": 8, "system": "http://unitsofmeasure.org", "code": "ug/L"}}], "result": [{"reference": "#f1"}]}""")]
    public void AResultInsideAReportOrANestedBundle_IsRead(string json)
    {
        var lab = Assert.Single(FhirLabs.Read(json, "r.json").Labs);

        Assert.Equal(("ferritin", 8.0), (lab.Input.Biomarker, lab.Input.Value));
        Assert.Equal(LabStatus.Deficient, LabReading.Read(lab.Input, Sex.Female).Status);
    }

    [Theory]
    [InlineData("1989-3", "ng/mL", "nmol/L", true)]  // 25(OH)D: 2.5 times apart
    [InlineData("2276-4", "ng/mL", "ug/L", false)]   // ferritin: one quantity, two spellings
    public void UnitTextAndCodeThatDisagree_RefuseTheFile(string loinc, string text, string code, bool refused)
    {
        var json = Observation("final", loinc, $$"""
            "valueQuantity": {"value": 30, "unit": "{{text}}", "system": "http://unitsofmeasure.org", "code": "{{code}}"}
            """);

        var read = Record.Exception(() => FhirLabs.Read(json, "u.json"));

        if (refused)
        {
            var problem = Assert.Single(Assert.IsType<Replete.Documents.InputException>(read).Problems);
            Assert.Contains($"its unit '{text}' and its UCUM code '{code}' are different units", problem.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Null(read);
        }
    }

    [Fact]
    public void AReportsResultThatIsNotInTheFile_IsNamed()
    {
        var json = """{"resourceType": "Bundle", "type": "collection", "entry": [{"resource": {"resourceType": "DiagnosticReport", "id": "r1", "status": "final", "code": {"text": "iron"}, "result": [{"reference": "Observation/ferritin-1"}]}}]}""";

        var file = FhirLabs.Read(json, "r.json");

        Assert.Empty(file.Labs);
        Assert.Contains(file.Skipped, s => s.Contains("'Observation/ferritin-1', which is not in the file", StringComparison.Ordinal));
    }

    /// <summary>Tester h76: ferritin "&lt;400" was shown as "high" (read at 400) while its caveat said it was not
    /// interpreted. It is not interpreted, and the flag it could raise is raised as possible.</summary>
    [Theory]
    [InlineData("<", 400, "Ferritin (serum) <400 ug/L, which could be above 200")]
    [InlineData(">", 1500, "Ferritin (serum) >1500 ug/L, above 200")]
    public void ABoundAcrossAFlagRow_RaisesItAsPossible_AndIsNotShownAsMeasured(string comparator, double value, string message)
    {
        var labs = new[] { new LabInput("ferritin", value, "ug/L") { Bound = comparator == "<" ? LabBound.AtMost : LabBound.AtLeast } };

        var result = RecoveryAssessor.Assess(new AssessmentInput(new Person(30, Sex.Female), ["fatigue"], [], [], labs));

        Assert.Equal(comparator == "<" ? LabStatus.NotInterpreted : LabStatus.High, result.Labs.Single().Status);
        Assert.Contains(result.RedFlags, f => f.FlagId == "lab_out_of_range" && f.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void ACensoredTextValue_IsReadAsABound()
    {
        var json = Observation("final", "1988-5", """
            "valueString": "<5", "referenceRange": [{"high": {"value": 5, "system": "http://unitsofmeasure.org", "code": "mg/L"}}]
            """);

        var lab = Assert.Single(FhirLabs.Read(json, "crp.json").Labs);

        Assert.Equal(("crp", 5.0, "mg/L", LabBound.AtMost), (lab.Input.Biomarker, lab.Input.Value, lab.Input.Unit, lab.Input.Bound));
    }

    [Theory]
    [InlineData("30522-7", "mg/L", 12, "crp")]          // high-sensitivity CRP
    [InlineData("20567-4", "ug/L", 18, "ferritin")]     // ferritin by immunoassay
    [InlineData("59260-0", "mmol/L", 8.1, "hemoglobin")] // haemoglobin in mmol/L
    public void ALoincVariantOfATestRepleteReads_IsRead(string loinc, string unit, double value, string biomarker)
    {
        var json = Observation("final", loinc, $$"""
            "valueQuantity": {"value": {{value}}, "system": "http://unitsofmeasure.org", "code": "{{unit}}"}
            """);

        var lab = Assert.Single(FhirLabs.Read(json, "v.json").Labs);

        Assert.Equal(biomarker, lab.Input.Biomarker);
        Assert.NotEqual(LabStatus.NotInterpreted, LabReading.Read(lab.Input, Sex.Female).Status);
    }

    [Fact]
    public void HaemoglobinInMillimolesPerLitre_ReadsAsItsGramsPerLitre()
    {
        // 8.1 mmol/L x 16.1145 = 130.5 g/L: normal for a woman (WHO 120 g/L).
        var reading = LabReading.Read(new LabInput("hemoglobin", 8.1, "mmol/L"), Sex.Female);

        Assert.Equal(130.53, reading.Value, 2);
        Assert.Equal(LabStatus.Normal, reading.Status);
    }

    [Theory]
    [InlineData("crp", ">", 5, LabStatus.High)]                  // every CRP above 5 mg/L is high
    [InlineData("crp", "<", 5, LabStatus.Normal)]                // every CRP below 5 is normal
    [InlineData("ferritin", "<", 30, LabStatus.Low)]             // below 30 is low or deficient: at least low
    [InlineData("vitamin_d_25oh", "<", 12, LabStatus.Deficient)] // below 12 ng/mL
    public void ABoundIsReadAtItsSide_NotAtItsValue(string biomarker, string comparator, double value, LabStatus expected)
    {
        var unit = biomarker switch { "crp" => "mg/L", "ferritin" => "ug/L", _ => "ng/mL" };
        var reading = LabReading.Read(new LabInput(biomarker, value, unit) { Bound = comparator == "<" ? LabBound.AtMost : LabBound.AtLeast }, Sex.Female);

        Assert.Equal(expected, reading.Status);
    }

    [Fact]
    public void ACrpBound_AboveTheInflammationMark_ReadsFerritinAgainstTheInflammationCutoff()
    {
        var labs = new[] { new LabInput("ferritin", 45, "ug/L"), new LabInput("crp", 5, "mg/L") { Bound = LabBound.AtLeast } };

        var result = RecoveryAssessor.Assess(new AssessmentInput(new Person(30, Sex.Female), ["fatigue"], [], [], labs));

        Assert.True(result.Labs.Single(l => l.Biomarker == "ferritin").ConditionalCutoff);
    }

    [Theory] // The SDK's recoverable mode keeps a value of the wrong type and throws when it is read (issue 13).
    [InlineData("""{"resourceType": "Observation", "status": "final", "code": {"coding": [{"system": "http://loinc.org", "code": "2276-4"}]}, "valueQuantity": {"value": "1e309", "code": "ng/mL"}}""")]
    [InlineData("""{"resourceType": "Observation", "status": 42, "code": {"coding": [{"system": "http://loinc.org", "code": "2276-4"}]}, "valueQuantity": {"value": 30, "code": "ng/mL"}}""")]
    [InlineData("""{"resourceType": "Bundle", "type": "collection", "entry": {"resource": 5}}""")]
    [InlineData("""{"resourceType": "Observation", "status": "final"} {"resourceType": "Patient"}""")]
    [InlineData("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]")]
    public void WrongTypesTrailingDocumentsOrDeepNesting_AreAnInputProblemNamingTheFile(string json)
    {
        var error = Assert.Throws<Replete.Documents.InputException>(() => FhirLabs.Read(json, "labs.json"));

        Assert.Equal("labs.json", Assert.Single(error.Problems).Source);
    }

    [Fact]
    public void Bundle_WithANullEntry_ReadsTheRest()
    {
        var file = FhirLabs.Read("""{"resourceType": "Bundle", "type": "collection", "entry": [null, {"resource": null}]}""", "labs.json");

        Assert.Empty(file.Labs);
    }

    private static string Ferritin(string id, string subject, string date, double value) => $$"""
        {"resource": {"resourceType": "Observation", "id": "{{id}}", "status": "final",
         "code": {"coding": [{"system": "http://loinc.org", "code": "2276-4"}]}, "subject": {"reference": "{{subject}}"},
         "effectiveDateTime": "{{date}}", "valueQuantity": {"value": {{value}}, "unit": "ug/L", "system": "http://unitsofmeasure.org", "code": "ug/L"} } }
        """;

    private static string Bundle(params string[] entries) => $$"""{"resourceType": "Bundle", "type": "collection", "entry": [{{string.Join(",", entries)}}]}""";

    /// <summary>Tester h60, finding 5: one person's ferritin of 12 and another's of 150 were read as one person's two
    /// results (the findings used 150, the triage 12).</summary>
    [Fact]
    public void ABundleOfTwoPeoplesResults_IsRefused_NamingThem()
    {
        var error = Assert.Throws<Replete.Documents.InputException>(() => FhirLabs.Read(
            Bundle(Ferritin("a", "Patient/alice", "2026-10-01", 12), Ferritin("b", "Patient/bob", "2026-10-02", 150)), "labs.json"));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("labs.json", problem.Source);
        Assert.Contains("observation 'b' is of 'Patient/bob', while observation 'a' is of 'Patient/alice'", problem.Message, StringComparison.Ordinal);
    }

    /// <summary>The US Core example a new user loaded is another patient's: a bundle of two people is refused even where
    /// the other person's observation is one Replete does not read (the old check looked at the read results only), and
    /// the message names the entry.</summary>
    [SkippableFact]
    public void ABundleOfTwoPeople_IsRefused_EvenWhereTheOtherOnesResultIsNotRead_NamingTheEntry()
    {
        var path = SharedFiles.Require("fixtures/fhir/hl7austria/DERIVED_from_fsh__iron-panel-and-potassium.bundle.json");
        var bundle = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!;
        var transferrin = bundle["entry"]!.AsArray().Select(e => e!["resource"]!).Single(r => (string?)r["code"]!["coding"]![0]!["code"] == "3034-6");
        transferrin["subject"] = new System.Text.Json.Nodes.JsonObject { ["reference"] = "Patient/example" };

        var error = Assert.Throws<Replete.Documents.InputException>(() => FhirLabs.Read(bundle.ToJsonString(), "panel.json"));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("panel.json", problem.Source);
        Assert.Contains($"observation '{(string?)transferrin["id"]}' is of 'Patient/example'", problem.Message, StringComparison.Ordinal);
    }

    /// <summary>Two files, each one person's, but not the same person's: the US Core example (Patient/example) beside the
    /// Austrian panel (urn:uuid:0fed5ebe-...) is refused, naming the second file and its observation.</summary>
    [SkippableFact]
    public void FilesOfTwoPeople_AreRefused_NamingTheFileAndObservation()
    {
        var usCore = SharedFiles.Require("fixtures/fhir/us-core/US-Core__observation-serum-potassium.json");
        var austria = SharedFiles.Require("fixtures/fhir/hl7austria/DERIVED_from_fsh__iron-panel-and-potassium.bundle.json");
        var files = new[] { usCore, austria }.Select(p => (Path.GetFileName(p), FhirLabs.Read(File.ReadAllText(p), Path.GetFileName(p)))).ToList();

        var error = Assert.Throws<Replete.Documents.InputException>(() => FhirLabs.OnePerson(files));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(Path.GetFileName(austria), problem.Source);
        Assert.Contains("is of 'urn:uuid:0fed5ebe-ca8f-4ad1-aba4-ddad45bd6cc8', while US-Core__observation-serum-potassium.json (observation 'serum-potassium') is of 'Patient/example'", problem.Message, StringComparison.Ordinal);
        FhirLabs.OnePerson([files[0], files[0]]); // one person's files together: read
    }

    [Fact]
    public void OnePersonsResults_AreReadTogether()
    {
        var file = FhirLabs.Read(Bundle(Ferritin("a", "Patient/alice", "2026-10-01", 12), Ferritin("b", "Patient/alice", "2026-10-02", 150)), "labs.json");

        Assert.Equal(2, file.Labs.Count);
    }

    /// <summary>Tester h60, finding 6: a result dated 2099 was read, where a file's lab_sample.date in the future is refused.</summary>
    [Fact]
    public void AResultDatedInTheFuture_IsRefused()
    {
        var error = Assert.Throws<Replete.Documents.InputException>(() => FhirLabs.Read(Bundle(Ferritin("late", "Patient/alice", "2099-10-01", 40)), "labs.json"));

        Assert.Contains("observation 'late': effective date 2099-10-01 is in the future", Assert.Single(error.Problems).Message, StringComparison.Ordinal);
    }

    private static string Result(string id, string subject, string effective, string code = "2276-4", string unit = "ug/L", double value = 18, string contained = "") => $$"""
        {"resource": {"resourceType": "Observation", "id": "{{id}}", "status": "final", {{contained}}
         "code": {"coding": [{"system": "http://loinc.org", "code": "{{code}}"}]}, {{subject}}
         {{effective}} "valueQuantity": {"value": {{value}}, "unit": "{{unit}}", "system": "http://unitsofmeasure.org", "code": "{{unit}}"} } }
        """;

    /// <summary>Attacker h94: effectiveInstant and effectivePeriod (both FHIR R4 effective[x]) and partial dates were read
    /// as undated ("give the date it was drawn"; the server asked for ?collected=), so a 2025 result passed as one whose
    /// date was not given; a dateTime late in the evening west of UTC was dated the next day (its UTC date), not the day
    /// on the laboratory's report.</summary>
    [Theory]
    [InlineData("\"effectiveInstant\": \"2026-10-06T08:00:00Z\",", "2026-10-06", false)]
    [InlineData("\"effectivePeriod\": {\"start\": \"2026-10-06T08:00:00Z\", \"end\": \"2026-10-06T09:00:00Z\"},", "2026-10-06", false)]
    [InlineData("\"effectiveDateTime\": \"2026-10-06T23:30:00-05:00\",", "2026-10-06", false)]
    [InlineData("\"effectiveDateTime\": \"2025\",", "2025-01-01", true)]
    [InlineData("\"effectiveDateTime\": \"2026-07\",", "2026-07-01", true)]
    public void AnEffectiveInstantPeriodOrPartialDate_IsTheDayDrawn_AsWritten(string effective, string day, bool partial)
    {
        var file = FhirLabs.Read(Bundle(Result("f", "", effective)), "labs.json");

        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), Assert.Single(file.Labs).Input.Drawn);
        Assert.Equal(partial, file.Skipped.Any(s => s.Contains("gives no day: read as drawn on " + day, StringComparison.Ordinal)));
    }

    /// <summary>Attacker h94: a date whose instant is outside .NET's range (year 0001 east of UTC, 9999 west of it) or that
    /// is not a date was read as undated; it is refused like any date in the future or before a living person's birth.</summary>
    [Theory]
    [InlineData("0001-01-01T00:00:00+05:00", "is before")]
    [InlineData("9999-12-31T23:00:00-05:00", "is in the future")]
    [InlineData("2026-13-45", "is not a FHIR date")]
    public void AnEffectiveDateOutOfRangeOrNotADate_IsRefused_NamingTheObservation(string date, string why)
    {
        var error = Assert.Throws<Replete.Documents.InputException>(() => FhirLabs.Read(Bundle(Result("odd", "", $"\"effectiveDateTime\": \"{date}\",")), "labs.json"));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("labs.json", problem.Source);
        Assert.Contains($"observation 'odd': effective date", problem.Message, StringComparison.Ordinal);
        Assert.Contains(why, problem.Message, StringComparison.Ordinal);
    }

    /// <summary>Attacker h94: only subject.reference was compared, so two patients named by identifier (MRN 111 and 999),
    /// a reference beside an identifier, or two observations each containing its own patient as '#p' (Smith and Jones)
    /// were read as one person's results.</summary>
    [Theory]
    [InlineData("\"subject\": {\"identifier\": {\"system\": \"urn:mrn\", \"value\": \"111\"}},", "\"subject\": {\"identifier\": {\"system\": \"urn:mrn\", \"value\": \"999\"}},", "", "", "'identifier urn:mrn|999'")]
    [InlineData("\"subject\": {\"reference\": \"Patient/a\"},", "\"subject\": {\"identifier\": {\"system\": \"urn:mrn\", \"value\": \"999\"}},", "", "", "'identifier urn:mrn|999'")]
    [InlineData("\"subject\": {\"reference\": \"#p\"},", "\"subject\": {\"reference\": \"#p\"},", "\"contained\": [{\"resourceType\": \"Patient\", \"id\": \"p\", \"name\": [{\"family\": \"Smith\"}]}],", "\"contained\": [{\"resourceType\": \"Patient\", \"id\": \"p\", \"name\": [{\"family\": \"Jones\"}]}],", "the Patient contained in it as '#p'")]
    public void TwoSubjectsNamedByIdentifierOrContained_AreRefused(string first, string second, string firstContained, string secondContained, string shown)
    {
        var error = Assert.Throws<Replete.Documents.InputException>(() => FhirLabs.Read(Bundle(
            Result("a", first, "\"effectiveDateTime\": \"2026-10-06\",", contained: firstContained),
            Result("b", second, "\"effectiveDateTime\": \"2026-10-06\",", "1989-3", "ng/mL", 20, secondContained)), "labs.json"));

        Assert.Contains($"observation 'b' is of {shown}", Assert.Single(error.Problems).Message, StringComparison.Ordinal);
    }

    [Fact] // the same contained patient in each observation, or the same identifier: one person
    public void TheSameContainedPatientOrIdentifier_IsOnePerson()
    {
        const string Contained = "\"contained\": [{\"resourceType\": \"Patient\", \"id\": \"p\", \"name\": [{\"family\": \"Smith\"}]}],";
        const string Identifier = "\"subject\": {\"identifier\": {\"system\": \"urn:mrn\", \"value\": \"111\"}},";
        var day = "\"effectiveDateTime\": \"2026-10-06\",";

        Assert.Equal(2, FhirLabs.Read(Bundle(Result("a", "\"subject\": {\"reference\": \"#p\"},", day, contained: Contained), Result("b", "\"subject\": {\"reference\": \"#p\"},", day, "1989-3", "ng/mL", 20, Contained)), "labs.json").Labs.Count);
        Assert.Equal(2, FhirLabs.Read(Bundle(Result("a", Identifier, day), Result("b", Identifier, day, "1989-3", "ng/mL", 20)), "labs.json").Labs.Count);
    }
}

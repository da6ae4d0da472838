namespace Replete.IntegrationTests.Cli;

public static partial class HostileCorpus
{
    private const string ObservationTemplate = """
        {"resourceType": {{resourceType}}, "id": "ferritin-1", "status": {{status}},
         "code": {"coding": [{"system": "http://loinc.org", "code": {{loinc}}, "display": "Ferritin"}], "text": {{text}}},
         "effectiveDateTime": {{effective}},
         "valueQuantity": {"value": {{value}}, "unit": {{unit}}, "system": "http://unitsofmeasure.org", "code": {{code}}}}
        """;

    private static readonly Dictionary<string, string> ObservationValues = new(StringComparer.Ordinal)
    {
        ["resourceType"] = "\"Observation\"",
        ["status"] = "\"final\"",
        ["loinc"] = "\"2276-4\"",
        ["text"] = "\"Ferritin\"",
        ["effective"] = "\"2026-10-06T08:00:00Z\"",
        ["value"] = "30",
        ["unit"] = "\"ng/mL\"",
        ["code"] = "\"ng/mL\"",
    };

    private const string MinimalAssessment = """{"profile": {"age": 27, "sex": "female"}, "symptoms": ["fatigue"]}""";

    /// <summary>FHIR Observations and Bundles for <c>assess --fhir</c>: values that are not finite, absurd units, wrong
    /// types in every field, missing values, and broken documents.</summary>
    private static IEnumerable<HostileCase> Fhir()
    {
        var good = Fill(ObservationTemplate, ObservationValues);
        foreach (var (label, raw, valid) in JsonNumbers.Append(("-5", "-5", true)).Append(("null", "null", true)).Append(("object", "{}", true)).Append(("1e-400", "1e-400", true)))
        {
            var expect = label is "null" or "1e-400" or "object" ? HostileOutcome.Either : HostileOutcome.Refused;
            yield return FhirCase($"fhir value {label}", expect, valid ? ["labs.json", "ferritin|value"] : ["labs.json"], Fill(ObservationTemplate, ObservationValues, "value", raw));
        }

        (string Field, string Raw, HostileOutcome Expect)[] fields =
        [
            ("unit", "\"furlongs\"", HostileOutcome.Either), ("code", "\"furlongs\"", HostileOutcome.Refused), ("code", "\"\"", HostileOutcome.Either), ("code", "\"kg/L\"", HostileOutcome.Refused),
            ("code", "\"[bold\"", HostileOutcome.Refused), ("code", "5", HostileOutcome.Either), ("code", "\"ng/mL\\u0000\"", HostileOutcome.Refused), ("code", "\"1e308\"", HostileOutcome.Refused),
            ("unit", "\"ng/mL\\u001b[2J\"", HostileOutcome.Either), ("loinc", "\"\\u001b]0;x\\u0007\"", HostileOutcome.Either), ("loinc", "5", HostileOutcome.Either), ("loinc", "null", HostileOutcome.Either),
            ("text", "\"\\u001b[31mFerritin\\u009b\"", HostileOutcome.Either), ("text", "[]", HostileOutcome.Either), ("status", "\"entered-in-error\"", HostileOutcome.Accepted),
            ("status", "\"\\u001b[31mfinal\"", HostileOutcome.Either), ("status", "42", HostileOutcome.Either), ("resourceType", "\"Patient\"", HostileOutcome.Refused),
            ("resourceType", "\"\\u001b[2JObservation\"", HostileOutcome.Refused), ("resourceType", "5", HostileOutcome.Refused), ("resourceType", "null", HostileOutcome.Refused),
            ("effective", "\"9999-99-99\"", HostileOutcome.Either), ("effective", "\"\\u001b[2J\"", HostileOutcome.Either), ("effective", "1e308", HostileOutcome.Either),
        ];
        foreach (var (field, raw, expect) in fields)
        {
            yield return FhirCase($"fhir {field} {Label(raw)}", expect, ["labs.json"], Fill(ObservationTemplate, ObservationValues, field, raw));
        }

        const string Quantity = "\"valueQuantity\": {\"value\": 30, \"unit\": \"ng/mL\", \"system\": \"http://unitsofmeasure.org\", \"code\": \"ng/mL\"}";
        string Value(string member) => good.Replace(Quantity, member, StringComparison.Ordinal);
        string Bundle(params string[] entries) => $$"""{"resourceType": "Bundle", "type": "collection", "entry": [{{string.Join(", ", entries)}}]}""";
        (string Label, HostileOutcome Expect, string Text)[] documents =
        [
            ("value string censored", HostileOutcome.Either, Value("\"valueString\": \"<5\"")),
            ("value string escape", HostileOutcome.Either, Value("\"valueString\": \"<\\u001b[2J5\"")),
            ("value string 1e400", HostileOutcome.Either, Value("\"valueString\": \"<1e400\"")),
            ("value string 1e308", HostileOutcome.Either, Value("\"valueString\": \">1e308\"")),
            ("no value", HostileOutcome.Either, good.Replace(",\n " + Quantity, "", StringComparison.Ordinal)),
            ("value quantity without value", HostileOutcome.Either, good.Replace("\"value\": 30, ", "", StringComparison.Ordinal)),
            ("value quantity a string", HostileOutcome.Refused, good.Replace("{\"value\": 30, \"unit\": \"ng/mL\", \"system\": \"http://unitsofmeasure.org\", \"code\": \"ng/mL\"}", "\"30 ng/mL\"", StringComparison.Ordinal)),
            ("value codeable concept", HostileOutcome.Either, Value("\"valueCodeableConcept\": {\"text\": \"high\"}")),
            ("comparator junk", HostileOutcome.Either, good.Replace("\"value\": 30,", "\"value\": 30, \"comparator\": \"\\u001b[2J\",", StringComparison.Ordinal)),
            ("coding not an array", HostileOutcome.Either, good.Replace("\"coding\": [", "\"coding\": 5, \"x\": [", StringComparison.Ordinal)),
            ("no resourceType", HostileOutcome.Refused, good.Replace("\"resourceType\": \"Observation\", ", "", StringComparison.Ordinal)),
            ("duplicate value", HostileOutcome.Refused, good.Replace("\"value\": 30,", "\"value\": 30, \"value\": 3000,", StringComparison.Ordinal)),
            ("bundle entry not an array", HostileOutcome.Refused, """{"resourceType": "Bundle", "type": "collection", "entry": {"resource": 5}}"""),
            ("bundle entry null", HostileOutcome.Either, Bundle("null")),
            ("bundle resource null", HostileOutcome.Either, Bundle("""{"resource": null}""")),
            ("bundle empty", HostileOutcome.Either, Bundle()),
            ("bundle of a patient", HostileOutcome.Either, Bundle("""{"resource": {"resourceType": "Patient", "id": "p"}}""")),
            ("bundle in a bundle", HostileOutcome.Either, Bundle($$"""{"resource": {{Bundle($$"""{"resource": {{good}}}""")}}}""")),
            ("bundle with the same result twice", HostileOutcome.Either, Bundle($$"""{"resource": {{good}}}""", $$"""{"resource": {{good.Replace("\"value\": 30", "\"value\": 300", StringComparison.Ordinal)}}}""")),
            ("bundle with a bad value in the second entry", HostileOutcome.Refused, Bundle($$"""{"resource": {{good}}}""", $$"""{"resource": {{Fill(ObservationTemplate, ObservationValues, "value", "1e309")}}}""")),
            ("bundle contained bomb", HostileOutcome.Either, Bundle(string.Join(", ", Enumerable.Repeat($$"""{"resource": {{good}}}""", 2_000)))),
            ("xml", HostileOutcome.Refused, "<Observation xmlns=\"http://hl7.org/fhir\"><status value=\"final\"/></Observation>"),
        ];
        foreach (var (label, expect, text) in documents)
        {
            yield return FhirCase($"fhir {label}", expect, ["labs.json"], text);
        }

        foreach (var (label, expect, bytes) in Structure().Where(s => s.Label is not "duplicate-top-key"))
        {
            var content = bytes(good);
            yield return new HostileCase($"fhir {label}", "assess", expect, ["labs.json"], f => WriteFhir(f, content), f => ["assess", f["assessment.json"], "--fhir", f["labs.json"]]);
        }

        yield return new HostileCase("fhir bundle of 200,000 observations", "assess", HostileOutcome.Either, ["labs.json"],
            f => WriteFhir(f, System.Text.Encoding.UTF8.GetBytes(Bundle(string.Join(", ", Enumerable.Repeat($$"""{"resource": {{good}}}""", 200_000))))),
            f => ["assess", f["assessment.json"], "--fhir", f["labs.json"]])
        { Slow = true };
    }

    private static HostileCase FhirCase(string name, HostileOutcome expect, string[] names, string text) =>
        new(name, "assess", expect, names, f => WriteFhir(f, System.Text.Encoding.UTF8.GetBytes(text)), f => ["assess", f["assessment.json"], "--fhir", f["labs.json"]]);

    private static void WriteFhir(HostileFolder folder, byte[] content)
    {
        folder.Text("assessment.json", MinimalAssessment);
        folder.Bytes("labs.json", content);
    }
}

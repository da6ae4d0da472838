using Replete.Assessment;
using Replete.Documents;
using Replete.Knowledge;
using Replete.References;
using static Replete.Tests.Documents.DocumentTestSource;

namespace Replete.Tests.Assessment;

public class AssessmentRequestTests
{
    private static InputResult<AssessmentRequest> Read(string json)
    {
        using var source = Json(json, "a.json");
        return AssessmentRequest.Read(source);
    }

    [Fact]
    public void Read_EveryField()
    {
        var request = Read("""
            {"profile": {"age": 30, "sex": "female", "diet": "vegetarian"}, "symptoms": ["fatigue"], "risk_factors": ["heavy_periods"],
             "red_flags": [], "labs": [{"biomarker": "ferritin", "value": 18, "unit": "ug/L"}],
             "lab_sample": {"date": "2026-02-10", "latitude": 51.5, "time": "morning", "fasting": true, "after_hard_training": false},
             "diet_log": "log.csv", "supplements": "supplements.json"}
            """).OrThrow();

        Assert.Equal(new Person(30, Sex.Female, Vegetarian: true), request.Person);
        Assert.Equal(["fatigue"], request.Symptoms);
        Assert.Equal(new LabInput("ferritin", 18, "ug/L"), Assert.Single(request.Labs));
        Assert.Equal(new LabSample(new DateOnly(2026, 2, 10), 51.5, true, SampleTime.Morning, false), request.Sample);
        Assert.Equal(["log.csv"], request.DietLogs);
        Assert.Equal("supplements.json", request.Supplements);
    }

    [Fact]
    public void ToInput_AVeganProfile_CountsAsTheRiskFactorVegan_Once()
    {
        var vegan = Read("""{"profile": {"age": 30, "sex": "female", "diet": "vegan"}, "risk_factors": ["heavy_periods"]}""").OrThrow();
        var listed = Read("""{"profile": {"age": 30, "sex": "female", "diet": "vegan"}, "risk_factors": ["vegan"]}""").OrThrow();

        Assert.Equal(["heavy_periods", "vegan"], vegan.ToInput().RiskFactors);
        Assert.Equal(["vegan"], listed.ToInput().RiskFactors);
        Assert.Equal(["heavy_periods"], vegan.RiskFactors); // the document as given is not rewritten
    }

    [Fact]
    public void Read_ReturnsEveryProblem_InDocumentOrder()
    {
        var result = Read("{\"profile\": {\"age\": 30, \"sex\": \"male\"},\n\"symptoms\": [\"fatige\", 3],\n\"labs\": [{\"biomarker\": \"ferritin\", \"value\": 250000, \"unit\": \"ug/L\"}, {\"biomarker\": \"vitamin_d_25oh\", \"value\": 30}],\n\"lab_sample\": {\"time\": \"noon\"},\n\"colour\": 1}");

        Assert.Equal(
            [
                "a.json:2: symptoms[0] unknown_value", "a.json:2: symptoms[1] wrong_type", "a.json:3: labs[0].value out_of_range",
                "a.json:3: labs[1].unit question", "a.json:4: lab_sample.time unknown_value", "a.json:5: unknown_field",
            ],
            result.Problems.Select(p => $"{p.Source}:{p.Line}: {p.Path} {p.Code}".Replace(":  ", ": ", StringComparison.Ordinal)));
        Assert.Contains("did you mean fatigue", result.Problems[0].Message, StringComparison.Ordinal);
    }

    // The README promises the field of a bad lab ("bad.json:5: labs[1].value: must be a number"): a value, unit or test
    // that cannot be read was named only as "labs[0]" (the server then answered "$"), on the line of the lab's first brace.
    [Theory]
    [InlineData("\"biomarker\": \"ferritin\",\n\"value\": 0,\n\"unit\": \"ug/L\"", "a.json:3: labs[0].value out_of_range")]
    [InlineData("\"biomarker\": \"ferritin\",\n\"value\": -0,\n\"unit\": \"ug/L\"", "a.json:3: labs[0].value out_of_range")]
    [InlineData("\"biomarker\": \"ferritin\",\n\"value\": 1e308,\n\"unit\": \"ug/L\"", "a.json:3: labs[0].value out_of_range")]
    [InlineData("\"biomarker\": \"ferritin\",\n\"value\": 40,\n\"unit\": \"furlongs\"", "a.json:4: labs[0].unit unknown_value")]
    [InlineData("\"biomarker\": \"ferritn\",\n\"value\": 40,\n\"unit\": \"ug/L\"", "a.json:2: labs[0].biomarker unknown_value")]
    [InlineData("\"biomarker\": \"vitamin_d_25oh\",\n\"value\": 30", "a.json:2: labs[0].unit question")]
    [InlineData("\"biomarker\": \"ferritin\",\n\"unit\": \"ug/L\"", "a.json:2: labs[0].value required")]
    [InlineData("\"value\": 40,\n\"unit\": \"ug/L\"", "a.json:2: labs[0].biomarker required")]
    public void Read_ALabThatCannotBeRead_NamesItsFieldAndLine(string lab, string expected)
    {
        var result = Read($"{{\"profile\": {{\"age\": 30, \"sex\": \"male\"}},\n\"labs\": [{{{lab}}}]}}");

        var problem = Assert.Single(result.Problems);
        Assert.Equal(expected, $"{problem.Source}:{problem.Line}: {problem.Path} {problem.Code}");
    }

    [Fact]
    public void Read_AReportedRedFlag_LeadsTheProblems_EvenUnderSymptoms()
    {
        var result = Read("""{"profile": {"age": 30}, "symptoms": ["chest_pain_or_fainting"]}""");

        Assert.Equal(InputProblemCodes.RedFlagReported, result.Problems[0].Code);
        Assert.StartsWith("EMERGENCY: get medical care now (", result.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains(result.Problems, p => p.Path == "profile.sex" && p.Code == InputProblemCodes.Required);
    }

    // A red flag in the person's own words must lead even though the phrase is not a known word (a fresh tester's
    // "chest pain when running" used to give only "unknown symptom").
    [Theory]
    [InlineData("symptoms", "chest pain when running", "Chest pain, fainting")]
    [InlineData("red_flags", "chest pain when running", "Chest pain, fainting")]
    [InlineData("symptoms", "passed out during training", "Chest pain, fainting")]
    [InlineData("symptoms", "Dark cola urine after a race!", "Dark (cola- or tea-coloured) urine")]
    [InlineData("risk_factors", "I collapsed at the finish", "Chest pain, fainting")]
    [InlineData("symptoms", "numbness in my groin after cycling", "Numbness or tingling with loss of bladder")]
    [InlineData("symptoms", "my pee is brown since the race", "Dark (cola- or tea-coloured) urine")]
    [InlineData("symptoms", "vomiting blood after the race", "Vomiting blood")]
    [InlineData("symptoms", "black stools for a week", "Black, tarry or dark red stools", "See a doctor today")]
    [InlineData("symptoms", "blood in my pee after long runs", "Blood in the urine", "See a doctor soon")]
    public void Read_ARedFlagInsideAnUnknownPhrase_LeadsTheProblems(string field, string phrase, string label, string headline = "EMERGENCY: get medical care now")
    {
        var result = Read($$"""{"profile": {"age": 30, "sex": "male", "sport": "running"}, "{{field}}": ["{{phrase}}"], "labs": [{"biomarker": "ferritin", "value": 40, "unit": "furlongs"}]}""");

        Assert.Equal(InputProblemCodes.RedFlagReported, result.Problems[0].Code);
        Assert.StartsWith($"{headline} ({label}", result.Problems[0].Message, StringComparison.Ordinal);
        // The phrase is read as the flag it names, not rejected as well (h50 finding 18): only the bad lab is a problem.
        Assert.Equal(("labs[0].unit", InputProblemCodes.UnknownValue), (result.Problems[1].Path, result.Problems[1].Code));
        Assert.Equal(2, result.Problems.Count);
    }

    // An attacker's 180,000 unknown symptoms took 95 s and printed every one. At most DocumentReader.MaximumListed
    // problems are worded and listed, then a count; a red flag in the person's words after them still leads.
    [Fact]
    public void Read_ThousandsOfUnknownSymptoms_ListsTheFirstHundred_AndARedFlagAfterThemStillLeads()
    {
        var unknown = string.Join(", ", Enumerable.Range(0, 5_000).Select(i => $"\"made_up_{i}\""));
        var result = Read($$"""{"profile": {"age": 30, "sex": "male", "sport": "running"}, "symptoms": [{{unknown}}, "passed out during training"]}""");

        Assert.Equal(InputProblemCodes.RedFlagReported, result.Problems[0].Code);
        Assert.Equal(1 + 100 + 1, result.Problems.Count);
        Assert.Equal("4,900 more problems are not listed; fix these first", result.Problems[^1].Message);
        Assert.All(result.Problems.Skip(1).SkipLast(1), p => Assert.StartsWith("unknown symptom 'made_up_", p.Message, StringComparison.Ordinal));
    }

    // h50 finding 18: "black tarry stool" led with "See a doctor today" and was then rejected as an unknown symptom,
    // so the run failed with exit 2 and no report. A phrase that raises a red flag is read as what it names.
    [Theory]
    [InlineData("black tarry stool", "black_or_bloody_stools")]
    [InlineData("fainted at practice", "chest_pain_or_fainting")]
    [InlineData("chest tightness during intervals", "chest_pain_or_fainting")]
    [InlineData("my urine was brown after the marathon", "dark_urine_after_exercise")]
    [InlineData("my wee was dark brown", "dark_urine_after_exercise")]
    [InlineData("passed out", "chest_pain_or_fainting")]
    [InlineData("collapsed", "chest_pain_or_fainting")]
    [InlineData("blacked out", "chest_pain_or_fainting")]
    [InlineData("no chest pain but fainted", "chest_pain_or_fainting")]
    [InlineData("no chest pain, fainted twice", "chest_pain_or_fainting")]
    [InlineData("never had chest pain however I fainted", "chest_pain_or_fainting")]
    [InlineData("not sure if I fainted", "chest_pain_or_fainting")]
    [InlineData("I've lost 8 kg without trying", "unintentional_weight_loss")]
    [InlineData("unintentional weight loss", "unintentional_weight_loss")]
    [InlineData("lost weight without trying", "unintentional_weight_loss")]
    [InlineData("night sweats", "night_sweats")]
    [InlineData("pooped blood", "black_or_bloody_stools")]
    [InlineData("coughing up blood", "coughing_up_blood")]
    [InlineData("shortness of breath at rest", "breathless_at_rest")]
    public void Read_APhraseThatRaisesARedFlag_IsReadAsThatFlag_NotAnUnknownWord(string phrase, string flag)
    {
        var request = Read($$"""{"profile": {"age": 30, "sex": "male", "sport": "running"}, "symptoms": ["fatigue", "{{phrase}}"]}""").OrThrow();

        Assert.Contains(flag, request.ReportedRedFlags().Select(f => f.FlagId));
        Assert.Equal(flag, request.ReportedRedFlags().MaxBy(f => f.Triage)!.FlagId);
    }

    // h50 finding 2: these deny or put in the past what they name, and raised an emergency.
    [Theory]
    [InlineData("denies chest pain or fainting")]
    [InlineData("denies chest pain and fainting")]
    [InlineData("nothing like chest pain")]
    [InlineData("chest pain - no")]
    [InlineData("chest pain: none")]
    [InlineData("chest pain last year, none now")]
    [InlineData("fainted once, not anymore")]
    [InlineData("no chest pain")]
    [InlineData("never fainted")]
    [InlineData("without chest pain")]
    [InlineData("I do not have chest pain")]
    [InlineData("no chest pain or fainting")]
    [InlineData("no coughing up blood")]
    public void Read_APhraseThatDeniesAFlag_RaisesNoFlag(string phrase)
    {
        var result = Read($$"""{"profile": {"age": 30, "sex": "male", "sport": "running"}, "symptoms": ["fatigue", "{{phrase}}"]}""");

        Assert.DoesNotContain(result.Problems, p => p.Code == InputProblemCodes.RedFlagReported);
        if (result.Value is { } request)
        {
            Assert.Empty(request.ReportedRedFlags());
        }
    }

    [Fact]
    public void Read_AnUnknownPhrase_SuggestsTheIdItNames_First()
    {
        var result = Read("""{"profile": {"age": 30, "sex": "male"}, "symptoms": ["tired and low iron when running"]}""");

        Assert.Contains("(did you mean ", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no chest pain when running")]
    [InlineData("never passed out")]
    [InlineData("didn't faint")]
    [InlineData("legs heavy when running")]
    public void Read_AnUnknownPhrase_ThatDeniesOrNamesNoFlag_LeadsWithNothing(string phrase)
    {
        var result = Read($$"""{"profile": {"age": 30, "sex": "male"}, "symptoms": ["{{phrase}}"]}""");

        Assert.Equal(InputProblemCodes.UnknownValue, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void Read_ASymptomThatAloneRaisesAFlag_LeadsWhenTheRestIsBad()
    {
        var result = Read("""{"profile": {"age": 30, "sex": "male"}, "symptoms": ["chest pain"], "labs": [{"biomarker": "ferritin", "value": 40, "unit": "furlongs"}]}""");

        Assert.Equal([InputProblemCodes.RedFlagReported, InputProblemCodes.UnknownValue], result.Problems.Select(p => p.Code));
    }

    [Fact]
    public void ReportedRedFlags_OfAGoodRequest_IncludeThoseItsSymptomsRaise()
    {
        var request = Read("""{"profile": {"age": 30, "sex": "male", "sport": "running"}, "symptoms": ["fainted", "fatigue"]}""").OrThrow();
        var calm = Read("""{"profile": {"age": 30, "sex": "male", "sport": "running"}, "symptoms": ["fatigue"]}""").OrThrow();

        Assert.Equal("chest_pain_or_fainting", Assert.Single(request.ReportedRedFlags()).FlagId);
        Assert.Empty(calm.ReportedRedFlags());
    }

    [Fact]
    public void Read_NoProblems_NoRedFlagProblem()
    {
        var request = Read("""{"profile": {"age": 30, "sex": "male"}, "red_flags": ["chest_pain_or_fainting"]}""").OrThrow();

        Assert.Equal("chest_pain_or_fainting", Assert.Single(request.ReportedRedFlags()).FlagId);
    }

    [Fact]
    public void WithLabs_ChecksTheAddedLabs_AndKeepsTheFlagFirst()
    {
        var request = Read("""{"profile": {"age": 30, "sex": "male"}, "red_flags": ["chest_pain_or_fainting"]}""").OrThrow();

        var added = request.WithLabs([new LabInput("ferritin", 40, "ug/L")], "fhir.json").OrThrow();
        var bad = request.WithLabs([new LabInput("ferritin", 40, "furlongs")], "fhir.json");

        Assert.Single(added.Labs);
        Assert.Equal(["red_flag_reported", "unknown_value"], bad.Problems.Select(p => p.Code));
        Assert.Equal("fhir.json: labs[0].unit: ferritin: unit 'furlongs' is not known for this test (use ug/L, ng/mL)", bad.Problems[1].ToString());
    }

    [Fact]
    public void AListGivenTwice_IsAProblem_AndAFlagInEitherStillLeads()
    {
        var result = Read("{\"profile\": {\"age\": 30, \"sex\": \"male\"},\n\"red_flags\": [\"chest_pain_or_fainting\"],\n\"red_flags\": []}");

        Assert.Equal(InputProblemCodes.RedFlagReported, result.Problems[0].Code);
        Assert.Equal(("a.json", 3, "red_flags", InputProblemCodes.Conflict), (result.Problems[1].Source, result.Problems[1].Line!.Value, result.Problems[1].Path, result.Problems[1].Code));
    }

    [Fact]
    public void SupplementsWithoutADietLog_AreAProblem_NotSilentlyLeftOut()
    {
        var problem = Assert.Single(Read("""{"profile": {"age": 30, "sex": "male"}, "supplements": "supp.json"}""").Problems);

        Assert.Equal(("supplements", InputProblemCodes.Required), (problem.Path, problem.Code));
    }

    [Fact]
    public void Ids_AcceptTheWordsPeopleType_AsTheirIds()
    {
        var request = Read("""{"profile": {"age": 30, "sex": "female"}, "symptoms": ["Pins and needles", "cola-coloured urine", "DOMS"], "risk_factors": ["Atorvastatin", "tick bite"]}""").OrThrow();

        Assert.Equal(["tingling_numbness", "dark_urine", "ordinary_soreness"], request.Symptoms);
        Assert.Equal(["statin", "tick_bite"], request.RiskFactors);
    }

    [Fact]
    public void Ids_AWordThatNamesNothing_IsAProblem_WithNearIds()
    {
        var problem = Assert.Single(Read("""{"profile": {"age": 30, "sex": "female"}, "symptoms": ["tingling_numbnes"]}""").Problems);

        Assert.Equal("symptoms[0]", problem.Path);
        Assert.Contains("tingling_numbness", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void History_MedicinesCountAsTheirRiskFactor_WithTheirStartDate()
    {
        var request = Read("""
            {"profile": {"age": 52, "sex": "male"},
             "history": {"months_without_period": null, "falls_past_year": 2, "years_vegan": 3,
                         "medications": [{"name": "simvastatin", "started": "2026-11-08"}, {"name": "sertraline", "class": "other"}, {"name": "water tablets"}, {"name": "ciprofloxacin"}, {"name": "levothyroxine", "class": "other"}]}}
            """).OrThrow();

        Assert.Equal(2, request.History.FallsPastYear);
        Assert.Equal(new Medication("simvastatin", "statin", new DateOnly(2026, 11, 8)), request.History.Medications[0]);
        Assert.Null(request.History.Medications[1].RiskId);
        // Years on a vegan diet count as vegan; a medicine Replete knows counts as its class even when given as "other".
        Assert.Equal(["vegan", "statin", "diuretic_unknown_class", "quinolone", "levothyroxine"], request.ToInput().RiskFactors);
        Assert.Equal(2, request.ToInput().History.FallsPastYear);
    }

    [Theory]
    [InlineData(4.5, true)]   // more than 4 h: the first EAH risk factor (Rosner & Kirven 2007, Table 1)
    [InlineData(4, false)]    // the source says more than 4 h
    [InlineData(2.5, false)]
    public void History_ASessionOfMoreThanFourHours_IsALongEvent(double hours, bool longEvent)
    {
        var history = "{\"session_hours\": " + hours.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}";
        var request = Read($$"""{"profile": {"age": 40, "sex": "female"}, "history": {{history}}}""").OrThrow();

        Assert.Equal(hours, request.History.SessionHours);
        Assert.Equal(longEvent, request.ToInput().RiskFactors.Contains("long_event"));
    }

    [Fact]
    public void History_ALongSession_WithOnlyWaterAndVomiting_IsAnEmergency_WithoutTheWordLongEvent()
    {
        var input = Read("""
            {"profile": {"age": 40, "sex": "female", "sport": "running"}, "symptoms": ["vomiting_diarrhoea", "headache"], "risk_factors": ["water_only"],
             "history": {"session_hours": 5.5}}
            """).OrThrow().ToInput();

        var result = RecoveryAssessor.Assess(input);

        Assert.Contains(result.RedFlags, f => f.FlagId == "eah_after_long_event");
        Assert.Equal(TriageLevel.Emergency, result.Triage);
    }

    [Theory]
    [InlineData("{\"weekly_distance_km\": 56, \"previous_weekly_distance_km\": 40}", true)]   // +40 %: more than 30 % (Nielsen et al. 2014)
    [InlineData("{\"weekly_distance_km\": 52, \"previous_weekly_distance_km\": 40}", false)]  // +30 %: not more
    [InlineData("{\"weekly_distance_km\": 80}", false)]                                         // no earlier week: nothing inferred
    [InlineData("{\"weekly_distance_km\": 20, \"previous_weekly_distance_km\": 0}", false)]   // from nothing: no percentage
    public void History_WeeklyDistance_UpSharply_IsANewProgramme(string history, bool sharp)
    {
        var request = Read($$"""{"profile": {"age": 22, "sex": "female", "sport": "running"}, "history": {{history}}}""").OrThrow();

        Assert.NotNull(request.History.WeeklyDistanceKm);
        Assert.Equal(sharp, request.ToInput().RiskFactors.Contains("new_programme"));
    }

    [Fact]
    public void History_WeeklyDistance_WithDarkUrine_IsTheRhabdomyolysisEmergency_WithoutTheWordNewProgramme()
    {
        var input = Read("""{"profile": {"age": 30, "sex": "male"}, "symptoms": ["brown pee"], "history": {"weekly_distance_km": 90, "previous_weekly_distance_km": 50}}""").OrThrow().ToInput();

        var result = RecoveryAssessor.Assess(input);

        Assert.Contains(result.RedFlags, f => f.FlagId == "dark_urine_after_exercise");
        Assert.Equal(TriageLevel.Emergency, result.Triage);
    }

    [Fact]
    public void History_WeeklyDistanceOutOfRange_IsAProblem() =>
        Assert.Contains(Read("""{"profile": {"age": 30, "sex": "female"}, "history": {"previous_weekly_distance_km": -3}}""").Problems,
            p => p.Path == "history.previous_weekly_distance_km" && p.Code == InputProblemCodes.OutOfRange);

    [Fact]
    public void History_SessionHoursOutOfRange_IsAProblem() =>
        Assert.Contains(Read("""{"profile": {"age": 30, "sex": "female"}, "history": {"session_hours": 1000}}""").Problems,
            p => p.Path == "history.session_hours" && p.Code == InputProblemCodes.OutOfRange);

    [Fact]
    public void History_EveryProblem_WithItsPath()
    {
        var problems = Read("""
            {"profile": {"age": 30, "sex": "female"},
             "history": {"months_without_period": 1000, "falls_past_year": "two", "pets": 1,
                         "medications": [{"name": "unicorn tonic"}, {"started": "2026-01-01"}, {"name": "statin", "started": "yesterday"}, {"name": "x", "class": "vitamin"}]}}
            """).Problems;

        Assert.Equal(
            ["history", "history.falls_past_year", "history.medications[0].name", "history.medications[1]", "history.medications[2].started", "history.medications[3].class", "history.months_without_period"],
            problems.Select(p => p.Path).Order(StringComparer.Ordinal));
        Assert.Contains(problems, p => p.Code == InputProblemCodes.OutOfRange && p.Message.Contains("720", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"../../../../../../etc/shadow\"", "diet_log")]
    [InlineData("\"/etc/passwd\"", "diet_log")]
    [InlineData("[\"log.csv\", \"sub/../../x.csv\"]", "diet_log[1]")]
    [InlineData("\"~/log.csv\"", "diet_log")]
    public void DietLog_OutsideTheAssessmentFilesFolder_IsAProblem(string log, string path)
    {
        var problem = Assert.Single(Read($$"""{"profile": {"age": 30, "sex": "female"}, "diet_log": {{log}}}""").Problems);

        Assert.Equal(path, problem.Path);
        Assert.Equal(InputProblemCodes.Invalid, problem.Code);
    }

    [Theory]
    [InlineData("log.csv")]
    [InlineData("logs/week1.csv")]
    [InlineData("./logs/../log.csv")]
    public void DietLog_InsideTheFolder_IsAccepted(string log) =>
        Assert.Null(AssessmentRequest.Outside(log));

    [Fact]
    public void ALabReportedAsABound_KeepsItsSide()
    {
        var request = Read("""{"profile": {"age": 30, "sex": "female"}, "labs": [{"biomarker": "ferritin", "value": 8, "unit": "ug/L", "comparator": "<"}, {"biomarker": "crp", "value": 5, "unit": "mg/L", "comparator": "~"}]}""");

        var problem = Assert.Single(request.Problems);
        Assert.Equal("labs[1].comparator", problem.Path);
    }

    /// <summary>A result may carry the day it was drawn (<c>labs[].date</c>), which comes before <c>lab_sample.date</c>:
    /// the server sends each stored result so, and a date that is not a past day is refused naming the result.</summary>
    [Fact]
    public void ALabsOwnDate_ComesBeforeTheSamplesDate_AndAFutureOneIsRefused()
    {
        var request = Read("""{"profile": {"age": 30, "sex": "female"}, "lab_sample": {"date": "2026-11-20"}, "labs": [{"biomarker": "ferritin", "value": 60, "unit": "ug/L", "date": "2025-01-10"}, {"biomarker": "crp", "value": 2, "unit": "mg/L"}]}""").OrThrow();

        Assert.Equal(new DateOnly(2025, 1, 10), request.Labs[0].Drawn);
        Assert.Null(request.Labs[1].Drawn);
        var problem = Assert.Single(Read("""{"profile": {"age": 30, "sex": "female"}, "labs": [{"biomarker": "ferritin", "value": 60, "unit": "ug/L", "date": "2999-01-01"}]}""").Problems);
        Assert.Equal("labs[0].date", problem.Path);
    }
}

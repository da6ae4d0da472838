using System.Text.Json;
using System.Text.Json.Nodes;
using Replete.Assessment;
using Replete.Knowledge;

namespace Replete.Tests.Knowledge;

/// <summary>The scenario suite: each vignette asserts the triage, that no red flag is missed, the top bottleneck, and
/// the nutrients that must not be claimed.</summary>
public class VignetteTests
{
    public static TheoryData<string> Ids => [.. Load().Select(v => v.GetProperty("id").GetString()!)];

    [SkippableTheory]
    [MemberData(nameof(Ids))]
    public void Vignette_TriageTopBottleneckAndClaims(string id)
    {
        var vignette = Load().Single(v => v.GetProperty("id").GetString() == id);
        var expected = vignette.GetProperty("expected");
        var assessed = RecoveryAssessor.Assess(Input(vignette));
        var flagged = assessed.Triage switch { TriageLevel.Emergency => "emergency", TriageLevel.SeeDoctorSoon => "see_doctor_soon", TriageLevel.SeeDoctorToday => "see_doctor_today", _ => "self_care" };

        // A known gap still may not get the triage wrong: red flags are checked for every vignette.
        Assert.Equal(expected.GetProperty("triage").GetString(), flagged);
        Skip.If(vignette.TryGetProperty("known_gap", out var gap), "Known gap in the inference, listed in the issue note: " + gap.ToString());

        var result = assessed;
        foreach (var flag in vignette.GetProperty("red_flags").EnumerateArray())
        {
            Assert.Contains(result.RedFlags, f => f.FlagId == flag.GetString());
        }

        foreach (var flag in expected.TryGetProperty("lab_flags", out var raised) ? raised.EnumerateArray() : default)
        {
            Assert.Contains(result.RedFlags, f => f.FlagId == flag.GetString());
        }

        var top = expected.GetProperty("top_bottleneck");
        Assert.Equal(top.ValueKind == JsonValueKind.Null ? null : top.GetString(), result.Top?.Nutrient);
        if (expected.TryGetProperty("top_likelihood", out var level))
        {
            Assert.Equal(level.GetString(), result.Top?.Likelihood.ToString().ToLowerInvariant());
        }

        if (expected.TryGetProperty("first_other_cause", out var cause))
        {
            Assert.Equal(cause.GetString(), result.OtherCauses.Count > 0 ? result.OtherCauses[0].CauseId : null);
        }

        foreach (var nutrient in expected.GetProperty("must_not_claim").EnumerateArray().Select(n => n.GetString()))
        {
            Assert.DoesNotContain(result.Bottlenecks, b => b.Nutrient == nutrient && b.Likelihood >= Likelihood.Possible);
        }
    }

    /// <summary>The vignette read as an assessment document, through the engine's own reader (the vegan rule and every
    /// check included), from its profile, symptoms, risk factors, red flags, labs and lab sample.</summary>
    internal static AssessmentInput Input(JsonElement vignette)
    {
        var document = new JsonObject();
        foreach (var field in AssessmentRequest.Fields.Where(f => vignette.TryGetProperty(f, out _)))
        {
            document[field] = JsonNode.Parse(vignette.GetProperty(field).GetRawText());
        }

        using var source = Replete.Data.JsonSource.Parse(document.ToJsonString(), vignette.GetProperty("id").GetString() + ".json");
        return AssessmentRequest.Read(source).OrThrow().ToInput();
    }

    internal static List<JsonElement> Load()
    {
        var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Knowledge", "vignettes.json")));
        return [.. document.RootElement.EnumerateArray()];
    }
}

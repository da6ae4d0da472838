using System.Globalization;
using System.Text.Json;
using Replete.Assessment;
using Replete.Knowledge;
using Replete.References;

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

        foreach (var nutrient in expected.GetProperty("must_not_claim").EnumerateArray().Select(n => n.GetString()))
        {
            Assert.DoesNotContain(result.Bottlenecks, b => b.Nutrient == nutrient && b.Likelihood >= Likelihood.Possible);
        }
    }

    internal static AssessmentInput Input(JsonElement vignette)
    {
        var profile = vignette.GetProperty("profile");
        var sex = profile.GetProperty("sex").GetString() == "female" ? Sex.Female : Sex.Male;
        var diet = profile.TryGetProperty("diet", out var d) ? d.GetString() : null;
        var person = new Person(profile.GetProperty("age").GetDouble(), sex, BodyMassKg: Optional(profile, "body_mass_kg"),
            Sport: profile.TryGetProperty("sport", out var s) ? s.GetString() : null, TrainingHoursPerWeek: Optional(profile, "training_hours_per_week"),
            Vegetarian: diet is "vegetarian" or "vegan");
        static string[] Ids(JsonElement element, string name) => [.. element.GetProperty(name).EnumerateArray().Select(e => e.GetString()!)];
        var labs = vignette.GetProperty("labs").EnumerateArray()
            .Select(l => new LabInput(l.GetProperty("biomarker").GetString()!, l.GetProperty("value").GetDouble(), l.TryGetProperty("unit", out var u) ? u.GetString() : null))
            .ToList();
        var sample = LabSample.Unknown;
        if (vignette.TryGetProperty("lab_sample", out var drawn))
        {
            sample = new LabSample(
                drawn.TryGetProperty("date", out var date) ? DateOnly.Parse(date.GetString()!, CultureInfo.InvariantCulture) : null,
                Optional(drawn, "latitude"),
                drawn.TryGetProperty("fasting", out var fasting) ? fasting.GetBoolean() : null,
                drawn.TryGetProperty("time", out var time) ? Enum.Parse<SampleTime>(time.GetString()!, ignoreCase: true) : null,
                drawn.TryGetProperty("after_hard_training", out var hard) ? hard.GetBoolean() : null);
        }

        return new AssessmentInput(person, Ids(vignette, "symptoms"), Ids(vignette, "risk_factors"), Ids(vignette, "red_flags"), labs) { Sample = sample };
    }

    private static double? Optional(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    private static List<JsonElement> Load()
    {
        var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Knowledge", "vignettes.json")));
        return [.. document.RootElement.EnumerateArray()];
    }
}

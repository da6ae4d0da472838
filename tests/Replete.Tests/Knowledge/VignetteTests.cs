using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Replete.Assessment;
using Replete.Knowledge;
using Xunit.Abstractions;

namespace Replete.Tests.Knowledge;

/// <summary>The scenario suite: each vignette checks the triage, that no red flag is missed, the top bottleneck, and
/// the nutrients that must not be claimed. The set is split in two: tuned vignettes (rules may be changed until they
/// pass, and each must pass) and held-out vignettes (written before the rules were run on them; their failures are never
/// used to tune rules). Both pass rates are reported; a held-out miss does not fail the build, a collapse below
/// <see cref="HeldOutFloor"/> does.</summary>
public class VignetteTests(ITestOutputHelper output)
{
    /// <summary>The lowest held-out pass rate the build accepts: Replete's choice, set before the held-out vignettes
    /// were first run. It catches a broad regression without asking anyone to tune rules on a held-out miss.</summary>
    private const double HeldOutFloor = 0.5;

    /// <summary>Every vignette, for invariants that hold whatever the answer (points add up to the score).</summary>
    public static TheoryData<string> Ids => [.. Load().Select(v => v.GetProperty("id").GetString()!)];

    public static TheoryData<string> TunedIds => [.. Load().Where(v => !HeldOut(v)).Select(v => v.GetProperty("id").GetString()!)];

    /// <summary>Every expectation of a tuned vignette holds. A vignette with a <c>known_gap</c> states which of its
    /// expectations the design cannot express and why (also in data/KNOWLEDGE.md): every other expectation must hold,
    /// and the stated ones must still be missed, so that the statement is removed the day the design expresses them.</summary>
    [Theory]
    [MemberData(nameof(TunedIds))]
    public void TunedVignette_TriageTopBottleneckAndClaims(string id)
    {
        var vignette = Load().Single(v => v.GetProperty("id").GetString() == id);
        var assessed = RecoveryAssessor.Assess(Input(vignette));

        // A known gap still may not get the triage wrong: red flags are checked for every vignette.
        Assert.Equal(vignette.GetProperty("expected").GetProperty("triage").GetString(), Triage(assessed));
        var misses = Misses(vignette, assessed);
        if (vignette.TryGetProperty("known_gap", out var gap))
        {
            output.WriteLine($"{id}: not expressible by design: {gap.GetProperty("why").GetString()}");
            var stated = gap.GetProperty("not_expressible").EnumerateArray().Select(e => e.GetString()!.Replace('_', ' ')).ToList();
            Assert.All(stated, kind => Assert.Contains(misses, m => m.StartsWith(kind, StringComparison.Ordinal)));
            misses = [.. misses.Where(m => !stated.Any(kind => m.StartsWith(kind, StringComparison.Ordinal)))];
        }

        Assert.Equal([], misses);
    }

    /// <summary>Both figures, over the whole set: tuned and held-out pass rates (a known gap counts as a miss). Held-out
    /// misses are counted, not listed, so that nobody tunes rules on them; under-triage (a lower level than expected,
    /// the unsafe direction) is counted on its own.</summary>
    [Fact]
    public void PassRates_AreReported_TunedAndHeldOut()
    {
        var all = Load();
        var scores = all.GroupBy(HeldOut).ToDictionary(g => g.Key, g => g.Select(v => (Vignette: v, Result: RecoveryAssessor.Assess(Input(v)))).ToList());
        var tuned = scores.GetValueOrDefault(false) ?? [];
        var heldOut = scores.GetValueOrDefault(true) ?? [];
        int Passed(IEnumerable<(JsonElement Vignette, RecoveryAssessment Result)> set) =>
            set.Count(s => !s.Vignette.TryGetProperty("known_gap", out _) && Triage(s.Result) == s.Vignette.GetProperty("expected").GetProperty("triage").GetString() && Misses(s.Vignette, s.Result).Count == 0);
        int UnderTriaged(IEnumerable<(JsonElement Vignette, RecoveryAssessment Result)> set) =>
            set.Count(s => Rank(Triage(s.Result)) < Rank(s.Vignette.GetProperty("expected").GetProperty("triage").GetString()!));

        var heldOutPassed = Passed(heldOut);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"tuned {Passed(tuned)}/{tuned.Count} (the {tuned.Count(s => s.Vignette.TryGetProperty("known_gap", out _))} with a design limit stated count as misses), held out {heldOutPassed}/{heldOut.Count} ({(heldOut.Count == 0 ? 0 : 100.0 * heldOutPassed / heldOut.Count):0}%); under-triaged: tuned {UnderTriaged(tuned)}, held out {UnderTriaged(heldOut)}"));

        // Naming held-out misses spends them: once read, a vignette belongs to the tuned set and a new blind one replaces
        // it. Only on purpose (REPLETE_SHOW_HELD_OUT=1), like REPLETE_UPDATE_GOLDEN.
        if (Environment.GetEnvironmentVariable("REPLETE_SHOW_HELD_OUT") == "1")
        {
            foreach (var (vignette, result) in heldOut)
            {
                var triage = vignette.GetProperty("expected").GetProperty("triage").GetString();
                var misses = Triage(result) == triage ? Misses(vignette, result) : [$"triage {Triage(result)}, expected {triage}", .. Misses(vignette, result)];
                if (misses.Count > 0)
                {
                    output.WriteLine($"held out {vignette.GetProperty("id").GetString()}: {string.Join("; ", misses)}");
                }
            }
        }

        Assert.True(heldOut.Count * 3 >= all.Count, $"a third of the vignettes are held out ({heldOut.Count} of {all.Count})");
        Assert.True(heldOutPassed >= HeldOutFloor * heldOut.Count, string.Create(CultureInfo.InvariantCulture, $"held-out pass rate {heldOutPassed}/{heldOut.Count} is below the floor of {HeldOutFloor:P0}"));
    }

    /// <summary>What the assessment gets wrong beyond the triage, one line each (empty when it is right).</summary>
    internal static List<string> Misses(JsonElement vignette, RecoveryAssessment result)
    {
        var misses = new List<string>();
        var expected = vignette.GetProperty("expected");
        var ticked = vignette.GetProperty("red_flags").EnumerateArray();
        var raised = expected.TryGetProperty("lab_flags", out var flags) ? flags.EnumerateArray() : default;
        foreach (var flag in ticked.Concat(raised).Select(f => f.GetString()).Where(f => !result.RedFlags.Any(r => r.FlagId == f)))
        {
            misses.Add($"red flag {flag} not raised");
        }

        var top = expected.GetProperty("top_bottleneck");
        var expectedTop = top.ValueKind == JsonValueKind.Null ? null : top.GetString();
        if (expectedTop != result.Top?.Nutrient)
        {
            misses.Add($"top bottleneck {result.Top?.Nutrient ?? "none"}, expected {expectedTop ?? "none"}");
        }

        if (expected.TryGetProperty("top_likelihood", out var level) && level.GetString() != result.Top?.Likelihood.ToString().ToLowerInvariant())
        {
            misses.Add($"top likelihood {result.Top?.Likelihood.ToString().ToLowerInvariant() ?? "none"}, expected {level.GetString()}");
        }

        var firstCause = result.OtherCauses.Count > 0 ? result.OtherCauses[0].CauseId : null;
        if (expected.TryGetProperty("first_other_cause", out var cause) && cause.GetString() != firstCause)
        {
            misses.Add($"first other cause {firstCause ?? "none"}, expected {cause.GetString()}");
        }

        foreach (var nutrient in expected.GetProperty("must_not_claim").EnumerateArray().Select(n => n.GetString()))
        {
            if (result.Bottlenecks.Any(b => b.Nutrient == nutrient && b.Likelihood >= Likelihood.Possible))
            {
                misses.Add($"{nutrient} claimed");
            }
        }

        return misses;
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

    private static bool HeldOut(JsonElement vignette) => vignette.TryGetProperty("held_out", out var held) && held.GetBoolean();

    private static string Triage(RecoveryAssessment assessed) => assessed.Triage switch
    {
        TriageLevel.Emergency => "emergency",
        TriageLevel.SeeDoctorSoon => "see_doctor_soon",
        TriageLevel.SeeDoctorToday => "see_doctor_today",
        _ => "self_care",
    };

    private static int Rank(string triage) => triage switch { "emergency" => 3, "see_doctor_today" => 2, "see_doctor_soon" => 1, _ => 0 };
}

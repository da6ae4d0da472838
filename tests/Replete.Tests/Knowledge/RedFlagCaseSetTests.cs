using System.Text.Json;
using Replete.Assessment;
using Replete.Data;
using Replete.Knowledge;
using Xunit.Abstractions;

namespace Replete.Tests.Knowledge;

/// <summary>The red-flag case set (red_flag_cases.json): every case, with no flag ticked, raises its flag at its
/// triage level, and no control raises its flag or reaches an emergency. Each case is read as the document a person
/// would write (their own words, history and labs), through <see cref="AssessmentRequest.Read"/>.</summary>
public class RedFlagCaseSetTests(ITestOutputHelper output)
{
    private static readonly JsonElement Set = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Knowledge", "red_flag_cases.json"))).RootElement;

    public static TheoryData<string> Cases => [.. Set.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("id").GetString()!)];

    public static TheoryData<string> Controls => [.. Set.GetProperty("controls").EnumerateArray().Select(c => c.GetProperty("id").GetString()!)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_RaisesItsFlag_AtItsLevel(string id)
    {
        var item = Find("cases", id);
        var result = Assess(item);

        Assert.Empty(item.GetProperty("doc").TryGetProperty("red_flags", out var ticked) ? ticked.EnumerateArray() : default);
        Assert.Contains(result.RedFlags, f => f.FlagId == item.GetProperty("flag").GetString());
        Assert.Equal(item.GetProperty("triage").GetString(), Wire(result.Triage));
    }

    [Theory]
    [MemberData(nameof(Controls))]
    public void Control_DoesNotRaiseItsFlag_NorAnEmergency(string id)
    {
        var item = Find("controls", id);
        var result = Assess(item);

        Assert.DoesNotContain(result.RedFlags, f => f.FlagId == item.GetProperty("not_flag").GetString());
        Assert.NotEqual(TriageLevel.Emergency, result.Triage);
    }

    /// <summary>Recall at the right level, over the tuned and the held-out cases separately (both are reported).</summary>
    [Fact]
    public void Recall_IsComplete_OnTunedAndHeldOutCases()
    {
        var cases = Set.GetProperty("cases").EnumerateArray().ToList();
        var scores = cases.GroupBy(c => c.TryGetProperty("held_out", out var h) && h.GetBoolean())
            .ToDictionary(g => g.Key, g => (Hit: g.Count(c => Assess(c) is var r && r.RedFlags.Any(f => f.FlagId == c.GetProperty("flag").GetString()) && Wire(r.Triage) == c.GetProperty("triage").GetString()), Total: g.Count()));
        output.WriteLine($"tuned {scores[false].Hit}/{scores[false].Total}, held out {scores[true].Hit}/{scores[true].Total}");

        Assert.True(scores[true].Total * 4 >= cases.Count, "about a third of the cases are held out");
        Assert.Equal(scores[false].Total, scores[false].Hit);
        Assert.Equal(scores[true].Total, scores[true].Hit);
    }

    [Fact]
    public void EveryRuleFlag_HasACase_AndAControl()
    {
        var withCase = Set.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("flag").GetString()).ToHashSet();
        var withControl = Set.GetProperty("controls").EnumerateArray().Select(c => c.GetProperty("not_flag").GetString()).ToHashSet();
        var ruled = KnowledgeBase.Default.RedFlagRules.Select(r => r.FlagId).Distinct().ToList();

        Assert.Equal([], ruled.Where(f => !withCase.Contains(f)).ToArray());
        // Flags that fire on one sign alone (chest pain, speech) have no control that could say the sign without it.
        string[] oneSign = ["palpitations", "chest_pain_or_fainting", "sudden_speech_difficulty", "bone_stress_injury", "sudden_confusion"];
        Assert.Equal([], ruled.Where(f => !withControl.Contains(f) && !oneSign.Contains(f)).ToArray());
    }

    private static JsonElement Find(string list, string id) => Set.GetProperty(list).EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);

    private static RecoveryAssessment Assess(JsonElement item)
    {
        using var source = JsonSource.Parse(item.GetProperty("doc").GetRawText(), $"{item.GetProperty("id").GetString()}.json");
        return RecoveryAssessor.Assess(AssessmentRequest.Read(source).OrThrow().ToInput());
    }

    private static string Wire(TriageLevel level) => JsonSerializer.Serialize(level, WireJson.Options).Trim('"');
}

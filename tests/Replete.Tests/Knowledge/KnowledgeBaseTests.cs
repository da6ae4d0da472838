using System.Text.Json;
using Replete.Knowledge;
using Replete.Nutrients;

namespace Replete.Tests.Knowledge;

/// <summary>The knowledge base is reviewed source: every entry names its source and grade, every id resolves, and
/// the scenario set's expected triage follows from its red flags.</summary>
public class KnowledgeBaseTests
{
    private static readonly KnowledgeBase Knowledge = KnowledgeBase.Default;

    public static TheoryData<string> IssueSymptoms => new()
    {
        "muscle_cramps", "muscle_twitches", "eyelid_twitching", "poor_sleep", "fatigue", "breathlessness", "low_stamina",
        "muscle_weakness", "bone_pain", "frequent_illness", "slow_wound_healing", "low_appetite", "tingling_numbness",
        "poor_coordination", "palpitations", "constipation", "pale_skin", "spasms_tetany", "muscle_stiffness", "prolonged_soreness",
        "anxiety", "low_mood", "restless_legs", "ice_craving", "hair_loss",
    };

    [Fact]
    public void EveryEntry_HasASource()
    {
        Assert.All(Knowledge.Symptoms, s => Assert.False(string.IsNullOrWhiteSpace(s.Source), s.SymptomId));
        Assert.All(Knowledge.RiskFactors, r => Assert.False(string.IsNullOrWhiteSpace(r.Source), r.RiskId));
        Assert.All(Knowledge.RedFlags, f => Assert.False(string.IsNullOrWhiteSpace(f.Source), f.FlagId));
        Assert.All(Knowledge.OtherCauses, c => Assert.False(string.IsNullOrWhiteSpace(c.Source), c.CauseId));
    }

    /// <summary>data/KNOWLEDGE.md lists every rule with its grade (issue 12's "done when"): each row of the rule files
    /// has a line in its table naming the rule's conditions and grade.</summary>
    [Theory]
    [InlineData("red_flag_rules.csv", "flag_id", "when")]
    [InlineData("critical_labs.csv", "biomarker", "below,above,flag")]
    [InlineData("lab_confounders.csv", "biomarker", "condition,effect")]
    [InlineData("other_causes.csv", "cause_id", "requires")]
    public void KnowledgeMd_ListsEveryRule_WithItsGrade(string file, string id, string columns)
    {
        var lines = File.ReadAllLines(Path.Combine(SharedFiles.RepositoryRoot, "data", "KNOWLEDGE.md")).Where(l => l.StartsWith('|')).ToList();
        var rows = Replete.Data.ReferenceSet.Default.Rows(file);

        Assert.NotEmpty(rows);
        Assert.All(rows, row =>
        {
            var grade = row.Text("evidence");
            var listed = lines.Any(l => l.StartsWith($"| {row.Text(id)} |", StringComparison.Ordinal) && l.Contains($"| {grade} |", StringComparison.Ordinal)
                && columns.Split(',').All(c => row.Text(c).Length == 0 || l.Contains($" {row.Text(c)} ", StringComparison.Ordinal) || l.Contains($"`{row.Text(c)}`", StringComparison.Ordinal)));
            Assert.True(listed, $"{file}:{row.Line}: {row.Text(id)} {string.Join(" ", columns.Split(',').Select(row.Text))} ({grade}) is not listed in data/KNOWLEDGE.md");
        });
    }

    [Fact]
    public void EveryNutrient_IsInTheCatalog()
    {
        var known = NutrientCatalog.Default.All.Select(n => n.Id).ToHashSet();
        Assert.All(Knowledge.Symptoms, s => Assert.Contains(s.Nutrient, known));
        Assert.All(Knowledge.RiskFactors.Where(r => r.Effect != "not_a_deficiency"), r => Assert.Contains(r.Nutrient, known));
    }

    [Theory]
    [MemberData(nameof(IssueSymptoms))]
    public void EverySymptomTheIssueNames_IsCovered(string symptom) =>
        Assert.Contains(Knowledge.Symptoms, s => s.SymptomId == symptom || s.SymptomId.StartsWith(symptom, StringComparison.Ordinal));

    [Fact]
    public void MagnesiumForCramps_IsMarkedWeak() =>
        Assert.Equal(LinkStrength.Weak, Knowledge.Symptoms.Single(s => s.SymptomId == "muscle_cramps" && s.Nutrient == "magnesium").Strength);

    [Fact]
    public void DarkUrineAfterExercise_IsAnEmergency() =>
        Assert.Equal(TriageLevel.Emergency, Knowledge.Triage(["dark_urine_after_exercise"]));

    [Fact]
    public void Triage_TakesTheMostUrgentFlag_AndNoFlagIsSelfCare()
    {
        Assert.Equal(TriageLevel.SelfCare, Knowledge.Triage([]));
        Assert.Equal(TriageLevel.Emergency, Knowledge.Triage(["tick_bite", "chest_pain_or_fainting"]));
        Assert.Throws<ArgumentException>(() => Knowledge.Triage(["no_such_flag"]));
    }

    [Fact]
    public void Vignettes_AtLeastTwenty_ReferToKnownEntries_AndTheirTriageFollowsFromTheirFlags()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Knowledge", "vignettes.json")));
        var vignettes = document.RootElement.EnumerateArray().ToList();
        Assert.True(vignettes.Count >= 20, $"{vignettes.Count} vignettes");
        var symptoms = Knowledge.Symptoms.Select(s => s.SymptomId).Concat(Knowledge.Terms.Where(t => t.Kind == KnowledgeIdKind.Symptom).Select(t => t.Id)).ToHashSet();
        var risks = Knowledge.RiskFactors.Select(r => r.RiskId).Concat(Knowledge.Terms.Where(t => t.Kind == KnowledgeIdKind.RiskFactor).Select(t => t.Id)).ToHashSet();
        foreach (var vignette in vignettes)
        {
            var id = vignette.GetProperty("id").GetString();
            Assert.All(vignette.GetProperty("symptoms").EnumerateArray(), s => Assert.True(symptoms.Contains(s.GetString()!), $"{id}: symptom {s}"));
            Assert.All(vignette.GetProperty("risk_factors").EnumerateArray(), r => Assert.True(risks.Contains(r.GetString()!), $"{id}: risk factor {r}"));
            // The flags the person reports, and those the vignette's labs must raise (expected.lab_flags).
            var flags = vignette.GetProperty("red_flags").EnumerateArray().Select(f => f.GetString()!).ToList();
            if (vignette.GetProperty("expected").TryGetProperty("lab_flags", out var raised))
            {
                flags.AddRange(raised.EnumerateArray().Select(f => f.GetString()!));
            }

            var expected = vignette.GetProperty("expected").GetProperty("triage").GetString();
            var triage = Knowledge.Triage(flags) switch
            {
                TriageLevel.Emergency => "emergency",
                TriageLevel.SeeDoctorSoon => "see_doctor_soon",
                TriageLevel.SeeDoctorToday => "see_doctor_today",
                _ => "self_care",
            };
            Assert.True(expected == triage, $"{id}: flags {string.Join(", ", flags)} give {triage}, the vignette expects {expected}");
        }
    }
}

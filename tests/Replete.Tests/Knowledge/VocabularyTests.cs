using Replete.Knowledge;
using Replete.References;

namespace Replete.Tests.Knowledge;

/// <summary>The words people type (issue 12, item 5): everyday words and plurals resolve to their ids, in files and in
/// the questionnaire, and every id has aliases.</summary>
public class VocabularyTests
{
    private static readonly KnowledgeBase Knowledge = KnowledgeBase.Default;

    [Theory]
    [InlineData("cramps", "muscle_cramps")]
    [InlineData("Calf cramps", "muscle_cramps")]
    [InlineData("night cramps", "muscle_cramps")]
    [InlineData("tired all the time", "fatigue")]
    [InlineData("Tired", "fatigue")]
    [InlineData("exhausted", "fatigue")]
    [InlineData("tingling", "tingling_numbness")]
    [InlineData("numbness", "tingling_numbness")]
    [InlineData("numb fingers", "tingling_numbness")]
    [InlineData("weak", "muscle_weakness")]
    [InlineData("racing heart", "palpitations")]
    [InlineData("can't sleep", "poor_sleep")]
    [InlineData("out of breath", "breathlessness_on_exertion")]
    [InlineData("always getting sick", "frequent_illness")]
    [InlineData("spasms", "spasms_tetany")]
    [InlineData("hair falling out", "hair_loss")]
    [InlineData("period stopped", "missed_periods")]
    [InlineData("aches", "muscle_pain")]
    [InlineData("headaches", "headache")]
    [InlineData("chest pains", "chest_pain")]
    [InlineData("tingly lips", "perioral_tingling")]
    [InlineData("fell over", "falls")]
    [InlineData("joint pains", "joint_pain")]
    [InlineData("threw up", "vomiting_diarrhoea")]
    public void EverydaySymptomWords_ResolveToTheirIds(string words, string id) =>
        Assert.Equal(id, Knowledge.Resolve(words, KnowledgeIdKind.Symptom));

    [Theory]
    [InlineData("statins", "statin")]
    [InlineData("on the pill", "oral_contraceptives")]
    [InlineData("give blood", "blood_donation")]
    [InlineData("coeliac", "gut_malabsorption")]
    [InlineData("cutting weight", "low_energy_intake")]
    [InlineData("stress fractures", "stress_fracture")]
    [InlineData("water tablets", "diuretic_unknown_class")]
    [InlineData("marathons", "long_event")]
    public void EverydayRiskWords_ResolveToTheirIds(string words, string id) =>
        Assert.Equal(id, Knowledge.Resolve(words, KnowledgeIdKind.RiskFactor));

    [Fact]
    public void AWordThatNamesNothing_StillNamesNothing_AndSuggestsByTheWordsPeopleUse()
    {
        Assert.Null(Knowledge.Resolve("purple", KnowledgeIdKind.Symptom));
        Assert.Contains("tingling_numbness", Knowledge.Unknown("tinglin", KnowledgeIdKind.Symptom), StringComparison.Ordinal);
        Assert.Contains("but a risk factor", Knowledge.Unknown("atorvastatin", KnowledgeIdKind.Symptom), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryId_HasAliases()
    {
        Assert.All(Knowledge.Symptoms, s => Assert.NotEmpty(s.Aliases));
        Assert.All(Knowledge.RiskFactors, r => Assert.NotEmpty(r.Aliases));
        Assert.All(Knowledge.RedFlags, f => Assert.NotEmpty(f.Aliases));
        Assert.All(Knowledge.Terms, t => Assert.NotEmpty(t.Aliases));
        Assert.All(Sports.All, s => Assert.NotEmpty(s.Aliases));
    }

    [Theory]
    [InlineData("runner", "running")]
    [InlineData("Bouldering", "climbing")]
    [InlineData("MMA", "martial_arts")]
    [InlineData("weight training", "weightlifting")]
    [InlineData("Wrestling", "wrestling")]
    public void SportWords_ResolveToTheirIds_AndTheProfileKeepsTheId(string words, string id)
    {
        Assert.True(Sports.TryGet(words, out var sport));
        Assert.Equal(id, sport.Id);
        var person = new Profile(30, Sex.Female, Sport: words).ToPerson().OrThrow();
        Assert.Equal(id, person.Sport);
    }
}

using Replete.Assessment;
using Replete.References;

namespace Replete.Tests.Assessment;

/// <summary>The prior by sex, age, diet and sport: risk factors the profile implies, counted as weak base rates.</summary>
public class PriorTests
{
    [Fact]
    public void Profile_ImpliesItsRiskFactors()
    {
        var runner = new Person(55, Sex.Female, Sport: "running", TrainingHoursPerWeek: 9, Vegetarian: true);

        Assert.Equal(["female_athlete", "older_age", "endurance_running"], RecoveryAssessor.Implied(runner));
        Assert.Empty(RecoveryAssessor.Implied(new Person(30, Sex.Male, Sport: "running", TrainingHoursPerWeek: 3)));
    }

    [Fact]
    public void VegetarianProfile_CountsInFull_AsThePersonsOwnDiet()
    {
        var result = RecoveryAssessor.Assess(new AssessmentInput(new Person(30, Sex.Male, Vegetarian: true), [], [], [], []));

        Assert.Contains(result.Bottlenecks.Single(b => b.Nutrient == "iron").For, e => e.What == "Vegetarian diet: raises (strong)");
    }

    [Fact]
    public void ImpliedPrior_IsShownAndCountsAsWeak_AndAStatedOneCountsInFull()
    {
        var woman = new Person(30, Sex.Female, Sport: "running", TrainingHoursPerWeek: 9);

        var implied = RecoveryAssessor.Assess(new AssessmentInput(woman, ["fatigue"], [], [], []));
        var stated = RecoveryAssessor.Assess(new AssessmentInput(woman, ["fatigue"], ["female_athlete", "endurance_running"], [], []));

        var iron = implied.Bottlenecks.Single(b => b.Nutrient == "iron");
        Assert.Contains(iron.For, e => e.What == "Female athlete: raises (moderate), a prior from the profile: counted as weak");
        Assert.Equal(Likelihood.Weak, iron.Likelihood); // priors alone are not the person's own evidence
        Assert.True(stated.Bottlenecks.Single(b => b.Nutrient == "iron").Score > iron.Score);
        Assert.Equal(1, stated.Bottlenecks.Single(b => b.Nutrient == "iron").For.Count(e => e.What.StartsWith("Female athlete", StringComparison.Ordinal)));
    }

    [Fact]
    public void TrainingVolumeRaisesIron_OnlyInEnduranceSports()
    {
        IReadOnlyList<string> risks = ["high_training_volume"];
        var lineman = RecoveryAssessor.Assess(new AssessmentInput(new Person(22, Sex.Male, Sport: "american_football", TrainingHoursPerWeek: 15), ["fatigue"], risks, [], []));
        var rower = RecoveryAssessor.Assess(new AssessmentInput(new Person(22, Sex.Male, Sport: "rowing", TrainingHoursPerWeek: 15), ["fatigue"], risks, [], []));

        Assert.DoesNotContain(lineman.Bottlenecks.Single(b => b.Nutrient == "iron").For, e => e.What.StartsWith("High training volume", StringComparison.Ordinal));
        Assert.Contains(rower.Bottlenecks.Single(b => b.Nutrient == "iron").For, e => e.What.StartsWith("High training volume", StringComparison.Ordinal));
    }
}

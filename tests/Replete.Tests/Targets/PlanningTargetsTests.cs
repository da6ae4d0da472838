using Replete.References;
using Replete.Targets;

namespace Replete.Tests.Targets;

/// <summary>Planning aims at the RDA or AI, never the EAR (IOM 2003), with athlete ranges where higher, and leaves out
/// what a food plan does not aim at.</summary>
public class PlanningTargetsTests
{
    private static readonly PersonalTargets Runner = TargetCalculator.For(new Person(27, Sex.Female, BodyMassKg: 56, Sport: "running", TrainingHoursPerWeek: 9, Vegetarian: true));

    private static PlanningTarget Goal(string id) => PlanningTargets.For(Runner).Single(t => t.Nutrient.Id == id);

    [Fact]
    public void Goals_AreTheRdaOrAi_NotTheEar()
    {
        Assert.Equal(Runner.For("vitamin_d").Rda, Goal("vitamin_d").Goal);
        Assert.Equal(PlanningGoalKind.Rda, Goal("vitamin_d").Kind);
        Assert.Equal(Runner.For("potassium").Ai, Goal("potassium").Goal);
        Assert.Equal(PlanningGoalKind.Ai, Goal("potassium").Kind);
        Assert.True(Goal("iron").Goal > Runner.For("iron").Ear);
    }

    [Fact]
    public void IronGoal_CarriesTheVegetarianAndEnduranceFactors_UpToTheUl()
    {
        // The runner is vegetarian and trains for endurance: 18 x1.8 x1.5 = 48.6 mg, above the UL of 45 (h68 finding 11).
        Assert.True(Runner.For("iron").RequirementFactor > 1);
        Assert.Equal(Runner.For("iron").Rda, Goal("iron").AboveUl);
        Assert.Equal(Runner.For("iron").Ul, Goal("iron").Goal);
        Assert.True(Goal("iron").Goal < Runner.For("iron").Rda);
    }

    [Fact]
    public void AGoalBelowTheUl_IsNotCapped()
    {
        Assert.Null(Goal("zinc").AboveUl);
        Assert.Equal(Runner.For("zinc").Rda, Goal("zinc").Goal);
    }

    [Fact]
    public void Protein_AimsAtTheAthleteRange_WhereItIsAboveTheRda()
    {
        Assert.Equal(PlanningGoalKind.AthleteRange, Goal("protein").Kind);
        Assert.Equal(Runner.For("protein").AthleteLow, Goal("protein").Goal);
    }

    [Fact]
    public void EnergyWaterSodiumAndRetinol_AreNotPlanned() =>
        Assert.DoesNotContain(PlanningTargets.For(Runner), t => PlanningTargets.NotPlanned.Contains(t.Nutrient.Id));

    [Fact]
    public void MagnesiumUl_DoesNotLimitFood_VitaminAUl_Does()
    {
        Assert.False(Goal("magnesium").UlLimitsFood);
        Assert.True(Goal("vitamin_a").UlLimitsFood);
        Assert.True(Goal("iron").UlLimitsFood);
    }
}

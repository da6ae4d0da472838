using Replete.Diet;
using Replete.Planning;
using Replete.References;
using Replete.Targets;

namespace Replete.IntegrationTests.Planning;

/// <summary>Supplement guidance appears only where it belongs, and every dose stays within what the UL leaves.</summary>
public class SupplementAdvisorTests
{
    private static readonly PersonalTargets Targets = TargetCalculator.For(new Person(30, Sex.Female, BodyMassKg: 60, Sport: "running", TrainingHoursPerWeek: 8));

    private static readonly DietAnalysis NoDiet = DietAnalyzer.Analyze([], [], Targets);

    private static PlannedNutrient Planned(string id, double after, bool problem)
    {
        var target = PlanningTargets.For(Targets).Single(t => t.Nutrient.Id == id);
        return new PlannedNutrient(id, target.Nutrient.Name, target.Nutrient.Unit, target.Goal, target.Kind, target.UlLimitsFood ? target.Ul : null,
            after, after, after, null, null, Math.Max(0, target.Goal - after), problem, null)
        { UlIntakeAfter = target.UlLimitsFood ? after : null };
    }

    private static PlanRequest Request(IReadOnlyList<Supplement>? taken = null) => new(Targets, NoDiet, [], taken ?? [], []) { Athlete = true };

    [Fact]
    public void OnlyProblemNutrients_LabConfirmedLows_AndVeganB12_GetAdvice()
    {
        var nutrients = new[] { Planned("vitamin_d", 9, problem: true), Planned("calcium", 1100, problem: false), Planned("carbohydrate", 200, problem: true) };
        var advice = SupplementAdvisor.Advise(Request() with { LabConfirmed = ["vitamin_b12"], Pattern = DietPattern.Vegan }, nutrients);
        Assert.Equal(["vitamin_d", "vitamin_b12"], advice.Select(a => a.Nutrient).Order().Reverse());
        Assert.Equal([SupplementReason.LabConfirmed, SupplementReason.Vegan], advice.Single(a => a.Nutrient == "vitamin_b12").Reasons);
        Assert.DoesNotContain(advice, a => a.Nutrient is "calcium" or "carbohydrate");
    }

    [Fact]
    public void VitaminD_TheSourcedDose_WithinTheUl()
    {
        var d = SupplementAdvisor.Advise(Request(), [Planned("vitamin_d", 9, problem: true)]).Single();
        Assert.Equal(50, d.Dose);
        Assert.Contains("fat", d.Timing, StringComparison.Ordinal);
        Assert.Contains(SupplementAdvisor.TestedProducts, d.Cautions);
        // Already near the UL of 100 ug: the dose shrinks to what is left strictly below the UL (h89: 80 + 20 reached it).
        var near = SupplementAdvisor.Advise(Request(), [Planned("vitamin_d", 70, problem: true) with { Shortfall = 1 }]).Single();
        Assert.Equal(29, near.Dose);
        var at = SupplementAdvisor.Advise(Request(), [Planned("vitamin_d", 80, problem: true) with { Shortfall = 1 }]).Single();
        Assert.True(at.Dose is null or < 20, $"dose {at.Dose}: 80 + 20 reaches the UL of 100");
    }

    [Fact]
    public void IronTreatmentDose_AboveWhatTheUlLeaves_IsADoctorsDecision()
    {
        var iron = SupplementAdvisor.Advise(Request(), [Planned("iron", 14, problem: true)]).Single();
        Assert.Null(iron.Dose);
        Assert.True(iron.DoctorsDecision);
        Assert.Contains("alternate days", iron.Timing, StringComparison.Ordinal);
    }

    [Fact]
    public void Magnesium_TheShortfall_WithinTheSupplementOnlyUl_AndPpiIsNamed()
    {
        var current = new Supplement("magnesium oxide", null, 1, new Dictionary<string, double> { ["magnesium"] = 300 });
        var mg = SupplementAdvisor.Advise(Request([current]) with { Medications = ["ppi"] }, [Planned("magnesium", 200, problem: true)]).Single();
        // 300 mg taken, a UL of 350 mg for supplements: 49 mg more, strictly below the UL (h89: 50 reached it).
        Assert.Equal(49, mg.Dose);
        Assert.Contains("citrate", mg.Form, StringComparison.Ordinal);
        Assert.Contains(mg.Cautions, c => c.Contains("Proton pump inhibitors", StringComparison.Ordinal));
    }

    [Fact]
    public void Potassium_IsNeverSelfSupplemented()
    {
        var k = SupplementAdvisor.Advise(Request(), [Planned("potassium", 1500, problem: true)]).Single();
        Assert.Null(k.Dose);
        Assert.True(k.DoctorsDecision);
    }

    [Fact]
    public void ANutrientWithoutSourcedGuidance_GetsNoDose()
    {
        var e = SupplementAdvisor.Advise(Request(), [Planned("vitamin_e", 8, problem: true)]).Single();
        Assert.Null(e.Dose);
        Assert.False(e.DoctorsDecision);
    }

    [Fact]
    public void SeeADoctor_KeepsTheReason_ButEveryDoseIsTheDoctors()
    {
        var advice = SupplementAdvisor.Advise(Request() with { Triage = Knowledge.TriageLevel.SeeDoctorSoon, Pattern = DietPattern.Vegan }, [Planned("vitamin_d", 9, problem: true)]);
        Assert.Equal(["vitamin_b12", "vitamin_d"], advice.Select(a => a.Nutrient).Order());
        Assert.All(advice, a => Assert.True(a.DoctorsDecision && a.Dose is null));
    }

    [Fact]
    public void ALabShowingItAdequate_OutranksADietShortfall() =>
        Assert.Empty(SupplementAdvisor.Advise(Request() with { LabAdequate = ["vitamin_d"] }, [Planned("vitamin_d", 9, problem: true)]));

    [Fact]
    public void NoRoomUnderTheUl_IsNeverUpToZero()
    {
        var full = new Supplement("magnesium citrate", null, 1, new Dictionary<string, double> { ["magnesium"] = 350 });
        var mg = SupplementAdvisor.Advise(Request([full]), [Planned("magnesium", 200, problem: true)]).Single();
        Assert.Null(mg.Dose);
        Assert.True(mg.DoctorsDecision);
    }

    [Fact]
    public void UnknownFoodIntake_LeavesTheRoomUnknown_SoTheDoseIsTheDoctors()
    {
        var unknown = Planned("iron", 10, problem: false) with { Before = null, After = null, UlIntakeAfter = null, NotPlannedBecause = "not planned: only 40 % of logged foods report it" };
        var iron = SupplementAdvisor.Advise(Request() with { LabConfirmed = ["iron"] }, [unknown]).Single();
        Assert.Null(iron.Dose);
        Assert.True(iron.DoctorsDecision);
    }

    [Fact]
    public void AnExcessNutrient_GetsNoSupplementAdvice() =>
        Assert.Empty(SupplementAdvisor.Advise(Request() with { LabConfirmed = ["vitamin_d"], Excess = ["vitamin_d"] }, [Planned("vitamin_d", 9, problem: true)]));

    [Fact]
    public void FolateDose_IsFolicAcid_TheDfeShortfallOverOnePointSeven()
    {
        var folate = SupplementAdvisor.Advise(Request(), [Planned("folate", 230, problem: true)]).Single();
        Assert.Equal(Math.Floor((400 - 230) / 1.7), folate.Dose);
    }

    [Fact]
    public void Medicines_AddTheirSpacing_ToTheSupplementsTheyBind()
    {
        var iron = SupplementAdvisor.Advise(Request() with { LabConfirmed = ["iron"], Medications = ["quinolone", "levothyroxine"] }, [Planned("iron", 10, problem: true)]).Single();
        Assert.Contains(iron.Cautions, c => c.Contains("quinolone", StringComparison.Ordinal) && c.Contains("6 hours", StringComparison.Ordinal));
        Assert.Contains(iron.Cautions, c => c.Contains("levothyroxine", StringComparison.Ordinal));
        var k = SupplementAdvisor.Advise(Request() with { Medications = ["ace_inhibitor"] }, [Planned("potassium", 1500, problem: true)]).Single();
        Assert.Contains(k.Cautions, c => c.Contains("hyperkalaemia", StringComparison.Ordinal));
    }
}

using Replete.Knowledge;
using Replete.Assessment;
using Replete.Diet;
using Replete.Intake;
using Replete.Nutrients;
using Replete.References;
using Replete.Targets;

namespace Replete.Tests.Assessment;

/// <summary>The assessment's "possible excess" section: an exposure, with the symptoms of excess that go with it.</summary>
public class ExcessTests
{
    private static readonly Person Cyclist = new(40, Sex.Female, BodyMassKg: 60, Sport: "cycling", TrainingHoursPerWeek: 8);

    [Fact]
    public void HighDoseB6_WithTingling_IsAnExcessWithItsSymptom_AndAdviceToSeeADoctor()
    {
        var result = RecoveryAssessor.Assess(new AssessmentInput(Cyclist, ["tingling_numbness"], ["high_dose_b6_supplement"], [], []));

        var b6 = Assert.Single(result.Excess);
        Assert.Equal("vitamin_b6", b6.Nutrient);
        Assert.Contains(b6.Evidence, e => e.What.StartsWith("Tingling or numbness: a sign of excess", StringComparison.Ordinal) && e.Source.Contains("EFSA", StringComparison.Ordinal));
        Assert.Contains("doctor", b6.Advice, StringComparison.Ordinal);
        // The advice is shown once, with the excess; the next steps point to it.
        Assert.Contains(result.NextSteps, n => n.Contains("possible excess of vitamin b6", StringComparison.Ordinal));
        Assert.DoesNotContain(b6.Advice, result.NextSteps);
    }

    [Fact]
    public void TinglingAlone_IsNoExcess()
    {
        var result = RecoveryAssessor.Assess(new AssessmentInput(Cyclist, ["tingling_numbness"], [], [], []));

        Assert.Empty(result.Excess);
    }

    [Fact]
    public void SupplementZincAboveTheUl_IsAnExcess_FromTheDiet()
    {
        var items = Enumerable.Range(1, 7).Select(day => new IntakeItem(new DateOnly(2026, 11, day), null, "lunch", "beef", new Dictionary<string, double> { ["zinc"] = 10 }, $"log.csv:{day}"));
        var zinc = new Supplement("Zinc picolinate", "picolinate", 1, new Dictionary<string, double> { ["zinc"] = 50 });
        var diet = DietAnalyzer.Analyze(items, [zinc], TargetCalculator.For(Cyclist));

        var result = RecoveryAssessor.Assess(new AssessmentInput(Cyclist, [], [], [], []), diet: diet);

        var excess = Assert.Single(result.Excess);
        Assert.Equal("zinc", excess.Nutrient);
        Assert.Contains("above the UL of 40", excess.Evidence[0].What, StringComparison.Ordinal);
    }

    [Fact]
    public void VitaminDAboveTheUpperCutOff_IsAnExcess_FromTheLab()
    {
        var result = RecoveryAssessor.Assess(new AssessmentInput(Cyclist, [], [], [], [new LabInput("vitamin_d_25oh", 60, "ng/mL")]));

        Assert.Equal("vitamin_d", Assert.Single(result.Excess).Nutrient);
    }

    private static RecoveryAssessment WithSupplement(string nutrient, double foodPerDay, double supplementPerDay, Person? person = null)
    {
        person ??= Cyclist;
        var items = Enumerable.Range(1, 7).Select(day => new IntakeItem(new DateOnly(2026, 11, day), null, "lunch", "food", new Dictionary<string, double> { [nutrient] = foodPerDay }, $"log.csv:{day}"));
        var supplement = new Supplement("Tablet", null, 1, new Dictionary<string, double> { [nutrient] = supplementPerDay });
        var diet = DietAnalyzer.Analyze(items, [supplement], TargetCalculator.For(person));
        return RecoveryAssessor.Assess(new AssessmentInput(person, [], [], [], []), diet: diet);
    }

    /// <summary>h65 finding 1: an intake at the LOAEL a UL rests on (zinc 60 mg/d, IOM 2001 p.486) goes to a doctor
    /// without any symptom; between the UL and it, the advice is to lower the dose and the triage stays self-care.</summary>
    [Theory]
    [InlineData(50, true)]
    [InlineData(50_000, true)]
    [InlineData(35, false)]
    public void Zinc_AtItsLoael_GoesToADoctor_WithoutSymptoms(double supplement, bool referred)
    {
        var result = WithSupplement("zinc", 10, supplement);

        var zinc = Assert.Single(result.Excess);
        Assert.Equal(referred ? TriageLevel.SeeDoctorSoon : TriageLevel.SelfCare, result.Triage);
        Assert.Equal(referred, result.RedFlags.Any(f => f.FlagId == "intake_at_harm_level" && f.Message.Contains("at or above 60 mg/d", StringComparison.Ordinal)));
        Assert.Equal(referred, zinc.Evidence.Any(e => e.What.Contains("(IOM's LOAEL)", StringComparison.Ordinal) && e.Source.Contains("IOM 2001", StringComparison.Ordinal) && e.Source.Contains("p.486", StringComparison.Ordinal)));
        Assert.Contains(referred ? "doctor" : "Lower the supplement", zinc.Advice, StringComparison.Ordinal);
    }

    /// <summary>B6 at 62 mg/d reaches 50 mg/d, EFSA 2023's reference point (EFSA could not set a LOAEL from human data),
    /// below IOM's UL of 100 mg/d that Replete applies (IOM 1998 p.186, from a NOAEL of 200 mg/d): every report says
    /// whose level it is and of what kind, and never calls it a LOAEL or the lowest intake at which harm was seen.</summary>
    [Fact]
    public void VitaminB6_AtEfsasReferencePoint_IsWordedAsEfsas_NotAsALoael()
    {
        var result = WithSupplement("vitamin_b6", 2, 60);

        var b6 = Assert.Single(result.Excess);
        Assert.StartsWith("62 mg/d is at or above 50 mg/d, the reference point EFSA set its own UL from (not a LOAEL or NOAEL; the UL applied here, 100 mg/d, is IOM's): sensory neuropathy", b6.Advice, StringComparison.Ordinal);
        Assert.DoesNotContain("harm was seen", b6.Advice, StringComparison.Ordinal);
        Assert.DoesNotContain(b6.Evidence, e => e.What.Contains("LOAEL)", StringComparison.Ordinal));
        var flag = Assert.Single(result.RedFlags, f => f.FlagId == "intake_at_harm_level");
        Assert.Contains("vitamin b6: 62 mg/d is at or above 50 mg/d (EFSA's reference point)", flag.Message, StringComparison.Ordinal);
    }

    /// <summary>A LOAEL whose effect is mild and stops with a lower dose (vitamin C, osmotic diarrhoea, IOM 2000 p.162)
    /// is named in the advice but sends no one to a doctor.</summary>
    [Fact]
    public void VitaminC_AtItsLoael_IsNamed_ButNotAReferral()
    {
        var result = WithSupplement("vitamin_c", 100, 3000);

        var c = Assert.Single(result.Excess);
        Assert.Equal(TriageLevel.SelfCare, result.Triage);
        Assert.StartsWith("3,100 mg/d is at or above 3,000 mg/d, the lowest intake at which harm was seen (IOM's LOAEL)", c.Advice, StringComparison.Ordinal);
        Assert.Contains("Lower the supplement", c.Advice, StringComparison.Ordinal);
    }

    /// <summary>Iron at 40 mg per kg of body mass or more a day is a poisoning dose (Manoguerra 2005): emergency. Without a
    /// body mass the per-kg level cannot be judged, and the LOAEL (70 mg/d) still names the excess.</summary>
    [Fact]
    public void Iron_AtAPoisoningDose_IsAnEmergency_OnlyWhereBodyMassIsKnown()
    {
        var known = WithSupplement("iron", 10, 3000);
        var unknown = WithSupplement("iron", 10, 3000, Cyclist with { BodyMassKg = null });

        Assert.Equal(TriageLevel.Emergency, known.Triage);
        Assert.Contains(known.RedFlags, f => f.FlagId == "iron_poisoning_dose" && f.Message.Contains("at or above 2,400 mg/d (40 mg per kg)", StringComparison.Ordinal));
        Assert.DoesNotContain(unknown.RedFlags, f => f.FlagId == "iron_poisoning_dose");
        Assert.Contains("(IOM's LOAEL)", Assert.Single(unknown.Excess).Advice, StringComparison.Ordinal);
    }

    /// <summary>Folic acid above its UL: the advice gives IOM's reason, that it hides the anaemia of a B12 deficiency
    /// (h65 finding 6).</summary>
    [Fact]
    public void FolicAcid_AboveTheUl_AsksForAB12Test()
    {
        var result = WithSupplement("folate", 300, 1500);

        Assert.Contains("B12 test", Assert.Single(result.Excess).Advice, StringComparison.Ordinal);
    }

    /// <summary>h68 finding 3: B6 has its harm level (EFSA 2023, 50 mg/d) below IOM's UL (100 mg/d): it is checked
    /// whether or not the UL is passed.</summary>
    [Fact]
    public void B6_AtTheEfsaLevel_BelowTheIomUl_GoesToADoctor()
    {
        var result = WithSupplement("vitamin_b6", 2, 60);

        Assert.Equal(TriageLevel.SeeDoctorSoon, result.Triage);
        Assert.Contains("at or above 50 mg/d", Assert.Single(result.Excess).Advice, StringComparison.Ordinal);
    }

    /// <summary>h68 finding 1 and 12: at a poisoning dose the next step is to get care and take no more; without a body
    /// mass the per-kg level is said first, as a warning, never passed over.</summary>
    [Fact]
    public void IronPoisoning_SaysTakeNoMore_AndAnUnknownMassIsAWarning()
    {
        var known = WithSupplement("iron", 10, 3000);
        var unknown = WithSupplement("iron", 10, 3000, Cyclist with { BodyMassKg = null });

        Assert.Contains("take no more of them", Assert.Single(known.NextSteps), StringComparison.Ordinal);
        Assert.DoesNotContain("keep to it", Assert.Single(known.Excess).Advice, StringComparison.Ordinal);
        Assert.Contains(unknown.Warnings, w => w.StartsWith("Body mass not given: at 40 mg per kg", StringComparison.Ordinal));
    }

    /// <summary>h68 finding 14: an excess from food alone names the foods, not a supplement.</summary>
    [Fact]
    public void FoodOnlyExcess_NamesTheFoods()
    {
        var items = Enumerable.Range(1, 7).Select(day => new IntakeItem(new DateOnly(2026, 11, day), null, "lunch", "liver", new Dictionary<string, double> { ["zinc"] = 70 }, $"log.csv:{day}"));
        var diet = DietAnalyzer.Analyze(items, [], TargetCalculator.For(Cyclist));

        var advice = Assert.Single(RecoveryAssessor.Assess(new AssessmentInput(Cyclist, [], [], [], []), diet: diet).Excess).Advice;

        Assert.Contains("the foods that provide most of it", advice, StringComparison.Ordinal);
        Assert.DoesNotContain("supplement", advice, StringComparison.Ordinal);
    }

    /// <summary>New-user report h82: a vegetarian teen's whole grains gave 9.6 mg/d of manganese (UL 9) and the next steps
    /// said "Act first on the possible excess of manganese" before her ferritin of 12. Above the UL from food alone, with
    /// no harm level, symptom, lab or supplement, the excess is shown after the findings; a supplement that gives the
    /// same amount still comes first.</summary>
    [Theory]
    [InlineData(0, false)]
    [InlineData(4, true)]
    public void AnExcessFromFoodAlone_ComesAfterTheFindings_ASupplementsFirst(double supplement, bool actFirst)
    {
        var items = Enumerable.Range(1, 7).Select(day => new IntakeItem(new DateOnly(2026, 11, day), null, "lunch", "brown rice", new Dictionary<string, double> { ["manganese"] = 12 - supplement }, $"log.csv:{day}"));
        Supplement[] supplements = supplement > 0 ? [new Supplement("Manganese", "manganese gluconate", 1, new Dictionary<string, double> { ["manganese"] = supplement })] : [];
        var diet = DietAnalyzer.Analyze(items, supplements, TargetCalculator.For(Cyclist));

        var result = RecoveryAssessor.Assess(new AssessmentInput(Cyclist, [], [], [], []), diet: diet);

        var excess = Assert.Single(result.Excess);
        Assert.Equal(!actFirst, excess.FromFoodAlone);
        Assert.Equal(actFirst, result.NextSteps.Any(n => n.StartsWith("Act first on the possible excess of manganese", StringComparison.Ordinal)));
        Assert.Equal(!actFirst, result.NextSteps.Any(n => n.StartsWith("Possible excess of manganese from food alone", StringComparison.Ordinal)));
    }

    private static RecoveryAssessment WithVitaminA(double retinolPerDay, Person person)
    {
        var items = Enumerable.Range(1, 7).Select(day => new IntakeItem(new DateOnly(2026, 11, day), null, "lunch", "food", new Dictionary<string, double> { ["vitamin_a"] = 300, ["retinol"] = 100 }, $"log.csv:{day}"));
        var supplement = new Supplement("Vitamin A", "retinyl palmitate", 1, new Dictionary<string, double> { ["vitamin_a"] = retinolPerDay, ["retinol"] = retinolPerDay });
        var diet = DietAnalyzer.Analyze(items, [supplement], TargetCalculator.For(person));
        return RecoveryAssessor.Assess(new AssessmentInput(person, [], [], [], []), diet: diet);
    }

    /// <summary>h68 finding 2: in pregnancy preformed vitamin A above IOM's teratogenicity threshold of 4,500 ug/d (IOM
    /// 2001 ch.4) goes to a doctor; the same intake outside pregnancy is above the UL but below the liver LOAEL.</summary>
    [Fact]
    public void VitaminA_AboveTheTeratogenicityThreshold_GoesToADoctor_InPregnancyOnly()
    {
        var pregnant = WithVitaminA(6000, Cyclist with { AgeYears = 27, Reproductive = ReproductiveStatus.Pregnant });
        var notPregnant = WithVitaminA(6000, Cyclist with { AgeYears = 27 });

        Assert.Equal(TriageLevel.SeeDoctorSoon, pregnant.Triage);
        Assert.Contains("above 4,500 ug/d", Assert.Single(pregnant.Excess).Advice, StringComparison.Ordinal);
        Assert.Contains("in pregnancy", Assert.Single(pregnant.Excess).Advice, StringComparison.Ordinal);
        Assert.Equal(TriageLevel.SelfCare, notPregnant.Triage);
        Assert.StartsWith("Likely above the UL", Assert.Single(notPregnant.Excess).Advice, StringComparison.Ordinal);
    }

    /// <summary>h68 finding 7: a child's harm level is the adult one scaled by the child's UL (vitamin D 250 ug x 63/100
    /// at age 2 = 157.5 ug): 8,000 IU (200 ug) of supplement goes to a doctor, and the text says the level is an
    /// estimate. An adult at 200 ug is below the adult NOAEL.</summary>
    [Fact]
    public void Child_AboveTheScaledLevel_GoesToADoctor_AndIsToldItIsAnEstimate()
    {
        var child = WithSupplement("vitamin_d", 2, 200, new Person(2, Sex.Female, BodyMassKg: 12));
        var adult = WithSupplement("vitamin_d", 2, 200);

        Assert.Equal(TriageLevel.SeeDoctorSoon, child.Triage);
        var advice = Assert.Single(child.Excess, e => e.Nutrient == "vitamin_d").Advice;
        Assert.Contains("above 157.5 ug/d", advice, StringComparison.Ordinal);
        Assert.Contains("Replete's estimate", advice, StringComparison.Ordinal);
        Assert.Equal(TriageLevel.SelfCare, adult.Triage);
    }

    /// <summary>The scaled level is judged whatever provides the intake (h71 finding 1): drops logged as a food are a
    /// dose all the same, and a wrong all-clear is the worse error. A toddler's 9 mg of zinc from food stays under the
    /// scaled 10.5 mg.</summary>
    [Fact]
    public void Child_ScaledLevel_CountsFromFoodToo()
    {
        var toddler = new Person(2, Sex.Male, BodyMassKg: 12);
        RecoveryAssessment FromFood(double zinc) => RecoveryAssessor.Assess(new AssessmentInput(toddler, [], [], [], []),
            diet: DietAnalyzer.Analyze(Enumerable.Range(1, 7).Select(day => new IntakeItem(new DateOnly(2026, 11, day), null, "lunch", "food", new Dictionary<string, double> { ["zinc"] = zinc }, $"log.csv:{day}")), [], TargetCalculator.For(toddler)));

        Assert.Equal(TriageLevel.SeeDoctorSoon, FromFood(12).Triage);
        Assert.Contains("the foods that provide most of it", Assert.Single(FromFood(12).Excess).Advice, StringComparison.Ordinal);
        Assert.Equal(TriageLevel.SelfCare, FromFood(9).Triage);
    }

    /// <summary>h71 finding 3: an infant with no UL to scale by is held at the least to the adult levels: 100 mg of B6 at
    /// six months goes to a doctor.</summary>
    [Fact]
    public void Infant_AtAnAdultLevel_GoesToADoctor()
    {
        var result = WithSupplement("vitamin_b6", 0.1, 100, new Person(0.5, Sex.Female, BodyMassKg: 7));

        Assert.Equal(TriageLevel.SeeDoctorSoon, result.Triage);
        Assert.Contains("100.1 mg/d is at or above 50 mg/d for adults, the reference point EFSA set its own UL from (not a LOAEL or NOAEL), which an infant's intake is held to", Assert.Single(result.Excess).Advice, StringComparison.Ordinal);
    }

    /// <summary>h71 finding 2: a dose whose poisoning level cannot be judged without a body mass is never met with "keep
    /// to it", and the finding says it is unjudged (the reports' headlines read it).</summary>
    [Fact]
    public void AnUnjudgedPoisoningLevel_IsNoAllClear()
    {
        var unknown = WithSupplement("iron", 10, 3000, Cyclist with { BodyMassKg = null });
        var known = WithSupplement("iron", 10, 30);

        var iron = Assert.Single(unknown.Excess);
        Assert.True(iron.PoisoningUnjudged);
        Assert.StartsWith("A poisoning level could not be judged without a body mass", iron.Advice, StringComparison.Ordinal);
        Assert.DoesNotContain("keep to it", iron.Advice, StringComparison.Ordinal);
        Assert.DoesNotContain(known.Excess, e => e.PoisoningUnjudged);
    }

    /// <summary>h68 finding 10: an intake a hair from a level is not shown as the level ("59.99", not "60", beside a
    /// LOAEL of 60; "250.04" above a NOAEL of 250).</summary>
    [Fact]
    public void AnIntakeNearALevel_IsNotShownAsTheLevel()
    {
        var below = WithSupplement("zinc", 9.99, 50);
        var above = WithSupplement("vitamin_d", 0.04, 250);

        Assert.Equal(TriageLevel.SelfCare, below.Triage);
        Assert.Contains("(59.99 mg/d; UL 40)", Assert.Single(below.Excess).Advice, StringComparison.Ordinal);
        Assert.Contains("250.04 ug/d is above 250 ug/d", Assert.Single(above.Excess).Advice, StringComparison.Ordinal);
    }

    /// <summary>h68 finding 17: the effect is said once, with the excess; the red flag names the intake and level.</summary>
    [Fact]
    public void TheRedFlag_NamesTheLevel_WithoutRepeatingTheEffect()
    {
        var result = WithSupplement("zinc", 10, 50);

        var flag = Assert.Single(result.RedFlags, f => f.FlagId == "intake_at_harm_level");
        Assert.Contains("zinc: 60 mg/d is at or above 60 mg/d (IOM's LOAEL)", flag.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("copper", flag.Message, StringComparison.Ordinal);
        Assert.Contains("copper", Assert.Single(result.Excess).Advice, StringComparison.Ordinal);
    }

    /// <summary>h68 finding 4: an intake checked on its own (replete analyze) reaches the same levels and flags as in an
    /// assessment, and lists only the excesses at a level.</summary>
    [Fact]
    public void CheckIntake_GivesTheAssessmentsFlags_ForTheIntakeAlone()
    {
        var items = Enumerable.Range(1, 7).Select(day => new IntakeItem(new DateOnly(2026, 11, day), null, "lunch", "food", new Dictionary<string, double> { ["zinc"] = 10, ["vitamin_c"] = 100 }, $"log.csv:{day}"));
        var zinc = new Supplement("Zinc", null, 1, new Dictionary<string, double> { ["zinc"] = 50, ["vitamin_c"] = 2500 });
        var diet = DietAnalyzer.Analyze(items, [zinc], TargetCalculator.For(Cyclist));

        var safety = RecoveryAssessor.CheckIntake(Cyclist, diet);
        var low = RecoveryAssessor.CheckIntake(Cyclist, DietAnalyzer.Analyze(items, [], TargetCalculator.For(Cyclist)));

        Assert.Equal(TriageLevel.SeeDoctorSoon, safety.Triage);
        Assert.Equal("intake_at_harm_level", Assert.Single(safety.RedFlags).FlagId);
        Assert.Equal("zinc", Assert.Single(safety.Excess).Nutrient);
        Assert.Equal(TriageLevel.SelfCare, low.Triage);
        Assert.Empty(low.Excess);
    }

    /// <summary>One nutrient's intake checked on its own (replete adequacy) gets the same finding, advice, red flag and
    /// triage as the assessment of a diet with that intake: one excess check serves both.</summary>
    [Theory]
    [InlineData("zinc", 10, 50, TriageLevel.SeeDoctorSoon)]
    [InlineData("zinc", 10, 40, TriageLevel.SelfCare)]
    [InlineData("vitamin_b6", 2, 60, TriageLevel.SeeDoctorSoon)]
    public void CheckIntake_OfOneNutrient_MatchesTheAssessment(string nutrient, double food, double supplement, TriageLevel triage)
    {
        var assessed = WithSupplement(nutrient, food, supplement);
        var targets = TargetCalculator.For(Cyclist);
        var observation = new IntakeObservation(nutrient, food + supplement, 7, null, supplement);
        var adequacy = AdequacyAssessor.Assess(observation, targets.For(nutrient), targets.LifeStage, Cyclist.Sex);

        var alone = RecoveryAssessor.CheckIntake(Cyclist, new NutrientIntake(NutrientCatalog.Default.Get(nutrient), targets.For(nutrient), food + supplement, supplement, 7, 1, adequacy, [], []));

        Assert.Equal(triage, alone.Triage);
        Assert.Equal(assessed.Triage, alone.Triage);
        Assert.Equal(assessed.RedFlags.Select(f => f.Message), alone.RedFlags.Select(f => f.Message));
        Assert.Equal(Assert.Single(assessed.Excess).Advice, Assert.Single(alone.Excess).Advice);
    }

    /// <summary>IOM could not set a UL for infants for most nutrients ("ND": intake from food only). A supplement of one
    /// for a baby of six months is named, with a doctor to ask; one with an infant UL (vitamin D, 25 ug at 0-6 months)
    /// is judged against it as for anyone.</summary>
    [Fact]
    public void Infant_ASupplementWithNoInfantUl_IsNamed_WithADoctorToAsk()
    {
        var baby = new Person(0.5, Sex.Female, BodyMassKg: 7);

        var b6 = WithSupplement("vitamin_b6", 0.1, 2, baby);
        var vitaminD = WithSupplement("vitamin_d", 0.5, 10, baby);

        var excess = Assert.Single(b6.Excess);
        Assert.Equal("vitamin_b6", excess.Nutrient);
        Assert.Contains("IOM sets no UL for infants", excess.Advice, StringComparison.Ordinal);
        Assert.Contains("Ask a doctor", excess.Advice, StringComparison.Ordinal);
        Assert.Contains("not determinable", excess.Evidence[0].Source, StringComparison.Ordinal);
        Assert.Empty(vitaminD.Excess);
    }
}

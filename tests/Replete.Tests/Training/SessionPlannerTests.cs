using Replete.Targets;
using Replete.Training;

namespace Replete.Tests.Training;

public class SessionPlannerTests
{
    private static SessionPlan Plan(double minutes, Intensity intensity = Intensity.Hard, double? mass = 60, double? sweat = null, double? next = null) =>
        SessionPlanner.Plan(new SessionRequest("running", minutes, intensity, 28, mass, sweat, null, next));

    [Fact]
    public void During_Fluid_KeepsLossUnder2Percent_AndNeverAboveSweatLoss()
    {
        var plan = Plan(120, sweat: 1.2);
        var fluid = plan.During.Single(i => i.What == "fluid");
        // 2 % of 60 kg = 1.2 L over 2 h allows 0.6 L/h of deficit: drink 0.6-1.2 L/h.
        Assert.Equal(600, fluid.Low!.Value, 6);
        Assert.Equal(1200, fluid.High!.Value, 6);
        Assert.Contains(plan.Warnings, w => w.Contains("hyponatremia", StringComparison.Ordinal));
    }

    [Fact]
    public void During_Fluid_WithoutASweatTest_IsTheStartingPoint_NotTheTopOfATypicalSweatRange()
    {
        // Tester's report h50, finding 6: 600 min, hard, 35 °C, 40 kg gave "630-1850 mL/h" (up to 18 L in 10 h).
        var plan = SessionPlanner.Plan(new SessionRequest("running", 600, Intensity.Hard, 35, 40, null, null, null));

        var fluid = plan.During.Single(i => i.What == "fluid");
        Assert.Equal(400, fluid.Low!.Value, 6);
        Assert.Equal(800, fluid.High!.Value, 6); // Sawka et al. 2007 (ACSM): 0.4-0.8 L/h where the sweat rate is not known
        Assert.Contains("Sawka et al. 2007", fluid.Source, StringComparison.Ordinal);
        Assert.Contains("lighter", fluid.Amount, StringComparison.Ordinal);
    }

    [Theory] // Jeukendrup 2014; Thomas et al. 2016
    [InlineData(20, null, null)]
    [InlineData(60, null, null)]
    [InlineData(120, 30.0, 60.0)]
    [InlineData(180, 60.0, 90.0)]
    public void During_Carbohydrate_FollowsDuration(double minutes, double? low, double? high)
    {
        var carbohydrate = Plan(minutes).During.Single(i => i.What == "carbohydrate");
        Assert.Equal(low, carbohydrate.Low);
        Assert.Equal(high, carbohydrate.High);
    }

    [Fact]
    public void Before_And_After_ScaleWithBodyMass()
    {
        var plan = Plan(150, next: 6);
        var meal = plan.Before.Single(i => i.What == "carbohydrate");
        Assert.Equal(60, meal.Low); // 1-4 g/kg at 60 kg
        Assert.Equal(240, meal.High);
        var refuel = plan.After.Single(i => i.What == "carbohydrate");
        Assert.Equal(60, refuel.Low); // 1.0-1.2 g/kg/h when the next session is within 8 h
        Assert.Equal(EvidenceStrength.Limited, refuel.Evidence);
        var protein = plan.After.Single(i => i.What == "protein");
        Assert.Equal(15, protein.Low!.Value, 6);
        Assert.Equal(18, protein.High!.Value, 6);
        Assert.Equal(1.25, plan.After.Single(i => i.What == "fluid").Low);
    }

    [Fact]
    public void WithoutASweatTest_TheRateIsATypicalRange_AndSaysSo()
    {
        var plan = Plan(90);
        Assert.False(plan.SweatRateMeasured);
        Assert.True(plan.SweatRate.High > plan.SweatRate.Low);
        Assert.Contains(plan.Warnings, w => w.Contains("sweat-rate test", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0, 20.0, "minutes must be more than 0")]
    [InlineData(60, 80.0, "temperature must be between")]
    [InlineData(60, -60.0, "temperature must be between")]
    public void Validate_RejectsImpossibleSessions(double minutes, double temp, string message) =>
        Assert.Contains(new SessionRequest("running", minutes, Intensity.Hard, temp).Validate(), p => p.Contains(message, StringComparison.Ordinal));

    [Fact]
    public void PeriodizedTargets_FollowEachDaysLoad()
    {
        var sessions = new List<PlannedSession>
        {
            new(DayOfWeek.Monday, "running", 40, Intensity.Easy),
            new(DayOfWeek.Tuesday, "running", 60, Intensity.Hard),
            new(DayOfWeek.Saturday, "running", 150, Intensity.Moderate),
        };
        var week = PeriodizedTargets.For(TrainingPhase.Build, sessions, 58);
        Assert.Equal(7, week.Days.Count);
        var day = week.Days.ToDictionary(d => d.Day);
        Assert.Equal(TrainingLoad.Light, day[DayOfWeek.Monday].Load);
        Assert.Equal(TrainingLoad.Light, day[DayOfWeek.Friday].Load);
        Assert.Equal(TrainingLoad.Moderate, day[DayOfWeek.Tuesday].Load);
        Assert.Equal(TrainingLoad.High, day[DayOfWeek.Saturday].Load);
        Assert.Equal(6 * 58, day[DayOfWeek.Saturday].CarbohydrateGrams.Low, 6);
        Assert.Equal(10 * 58, day[DayOfWeek.Saturday].CarbohydrateGrams.High, 6);
        Assert.Equal(3 * 58, day[DayOfWeek.Friday].CarbohydrateGrams.Low, 6);
        Assert.All(week.Days, d => Assert.Equal(1.2 * 58, d.ProteinGrams.Low, 6));
    }

    [Theory] // Loucks & Thuma 2003: below 30 kcal/kg FFM/d; Holtzman & Ackerman 2021: about 45
    [InlineData(2000, 800, 48, true)]   // 25 kcal/kg FFM
    [InlineData(2600, 700, 48, false)]  // 39.6
    [InlineData(3000, 600, 48, false)]  // 50
    public void EnergyAvailability_FlagsBelow30(double intake, double exercise, double ffm, bool low)
    {
        var screen = EnergyAvailability.Screen(intake, exercise, ffm);
        Assert.Equal((intake - exercise) / ffm, screen.KcalPerKgFatFreeMass, 6);
        Assert.Equal(low, screen.IsLow);
        if (low)
        {
            Assert.Contains("RED-S", screen.Message, StringComparison.Ordinal);
        }
    }
}

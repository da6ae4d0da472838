using Replete.Training;
using static Replete.Tests.Documents.DocumentTestSource;

namespace Replete.Tests.Training;

public class TrainingWeekTests
{
    [Fact]
    public void Read_PhaseMassAndSessions()
    {
        using var source = Json("""{"phase": "off-season", "body_mass_kg": 58, "sessions": [{"day": "tue", "sport": "running", "minutes": 75, "intensity": "race"}, {"day": "SATURDAY", "sport": "cycling", "minutes": 150}]}""");

        var week = TrainingWeek.Read(source).OrThrow();

        Assert.Equal(TrainingPhase.OffSeason, week.Phase);
        Assert.Equal(58, week.BodyMassKg);
        Assert.Equal(
            [new PlannedSession(DayOfWeek.Tuesday, "running", 75, Intensity.Hard), new PlannedSession(DayOfWeek.Saturday, "cycling", 150, Intensity.Moderate)],
            week.Sessions);
    }

    [Fact]
    public void Read_EverySessionProblem_WithItsPath()
    {
        using var source = Json("""{"phase": "build", "sessions": [{"day": "x", "sport": "running", "minutes": 60}, {"day": "mon", "sport": "chess", "minutes": 0, "intensity": "brutal"}, 3]}""", "w.json");

        var result = TrainingWeek.Read(source);

        Assert.Equal(
            ["sessions[0].day unknown_value", "sessions[1].sport unknown_value", "sessions[1].minutes out_of_range", "sessions[1].intensity unknown_value", "sessions[2] wrong_type"],
            result.Problems.Select(p => $"{p.Path} {p.Code}"));
    }

    [Fact]
    public void Read_SessionsOfOneDayBeyondTheMinutesInADay_AreRefusedAtTheSessionThatPassesIt()
    {
        // Tester's report h50, finding 15: 3 x 700 min on Tuesday gave "Tuesday 2100 min".
        using var source = Json("""{"phase": "build", "sessions": [{"day": "mon", "sport": "running", "minutes": 60}, {"day": "tue", "sport": "running", "minutes": 700}, {"day": "tue", "sport": "running", "minutes": 700}, {"day": "tue", "sport": "running", "minutes": 700}]}""", "w.json");

        var problem = Assert.Single(TrainingWeek.Read(source).Problems);

        Assert.Equal(("sessions[3].minutes", "out_of_range"), (problem.Path, problem.Code));
        Assert.Contains("more than the 1440 minutes in a day", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ADayOfExactly1440Minutes_IsAccepted()
    {
        using var source = Json("""{"phase": "build", "sessions": [{"day": "sat", "sport": "running", "minutes": 720}, {"day": "sat", "sport": "cycling", "minutes": 720}]}""");

        Assert.Empty(TrainingWeek.Read(source).Problems);
    }

    [Theory]
    [InlineData(null, null, "required")]
    [InlineData(null, 12.0, "out_of_range")]
    [InlineData(350.0, 60.0, "out_of_range")]
    public void Targets_NeedABodyMassWithinTheAthleteRange(double? given, double? inFile, string code)
    {
        var week = new TrainingWeek(TrainingPhase.Base, inFile, [new PlannedSession(DayOfWeek.Monday, "running", 60, Intensity.Easy)]);

        var problem = Assert.Single(week.Targets(given).Problems);

        Assert.Equal(("body_mass_kg", code), (problem.Path, problem.Code));
    }

    [Fact]
    public void Targets_TheGivenMassOverridesTheWeeks()
    {
        var week = new TrainingWeek(TrainingPhase.Base, 58, [new PlannedSession(DayOfWeek.Monday, "running", 60, Intensity.Easy)]);

        var light = week.Targets().OrThrow();
        var heavy = week.Targets(116).OrThrow();

        Assert.Equal(2 * light.Days[0].CarbohydrateGrams.Low, heavy.Days[0].CarbohydrateGrams.Low, 6);
    }
}

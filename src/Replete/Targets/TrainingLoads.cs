namespace Replete.Targets;

/// <summary>Maps weekly training hours to a <see cref="TrainingLoad"/>.</summary>
/// <remarks>The position stand describes the bands in hours per day (Thomas, Erdman &amp; Burke 2016, Table 2:
/// moderate ~1 h/d, high 1-3 h/d, very high &gt;4-5 h/d). Replete divides weekly hours by 7 and draws the edges at
/// 0.75, 1.25 and 4 h/d: the midpoints between the described volumes. That mapping is Replete's choice.</remarks>
public static class TrainingLoads
{
    /// <summary>The load band for a weekly training volume.</summary>
    public static TrainingLoad FromWeeklyHours(double hoursPerWeek)
    {
        var perDay = hoursPerWeek / 7;
        return perDay switch
        {
            < 0.75 => TrainingLoad.Light,
            < 1.25 => TrainingLoad.Moderate,
            < 4 => TrainingLoad.High,
            _ => TrainingLoad.VeryHigh,
        };
    }

    /// <summary>The key used in data/athlete_targets.csv.</summary>
    public static string Key(this TrainingLoad load) => load switch
    {
        TrainingLoad.Light => "light",
        TrainingLoad.Moderate => "moderate",
        TrainingLoad.High => "high",
        _ => "very_high",
    };
}

namespace Replete.Training;

/// <summary>How hard a session is.</summary>
public enum Intensity
{
    /// <summary>Easy or recovery.</summary>
    Easy,

    /// <summary>Steady, moderate.</summary>
    Moderate,

    /// <summary>Hard: intervals, tempo, race.</summary>
    Hard,
}

/// <summary>Reads intensity words.</summary>
public static class Intensities
{
    /// <summary>"easy" (or "recovery"), "moderate" (or "steady"), "hard" (or "race", "intervals"), any case; null for
    /// anything else.</summary>
    public static Intensity? Parse(string text) => text?.Trim().ToUpperInvariant() switch
    {
        "EASY" or "RECOVERY" => Intensity.Easy,
        "MODERATE" or "STEADY" => Intensity.Moderate,
        "HARD" or "RACE" or "INTERVALS" => Intensity.Hard,
        _ => null,
    };
}

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

namespace Replete.Targets;

/// <summary>The daily training load bands of the ACSM/AND/DC 2016 carbohydrate guidance.</summary>
public enum TrainingLoad
{
    /// <summary>Low intensity or skill-based activities.</summary>
    Light,

    /// <summary>About an hour a day of moderate exercise.</summary>
    Moderate,

    /// <summary>1-3 hours a day of moderate to high intensity.</summary>
    High,

    /// <summary>More than 4-5 hours a day.</summary>
    VeryHigh,
}

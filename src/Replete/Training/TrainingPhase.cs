namespace Replete.Training;

/// <summary>Where the athlete is in the season.</summary>
public enum TrainingPhase
{
    /// <summary>Base: volume building at mostly easy intensity.</summary>
    Base,

    /// <summary>Build: volume and intensity rising.</summary>
    Build,

    /// <summary>Peak: the hardest, most specific block.</summary>
    Peak,

    /// <summary>Taper: volume cut before competition.</summary>
    Taper,

    /// <summary>Off-season: rest and light training.</summary>
    OffSeason,
}

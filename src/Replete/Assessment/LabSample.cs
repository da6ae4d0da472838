namespace Replete.Assessment;

/// <summary>When of the day a blood sample was taken.</summary>
public enum SampleTime
{
    /// <summary>Before noon.</summary>
    Morning,

    /// <summary>Noon or later.</summary>
    Afternoon,
}

/// <summary>How and when the labs were drawn: what the confounders in data/lab_confounders.csv depend on. Every field
/// is optional; what is not given is not assumed, and the report says which cut-off it used.</summary>
/// <param name="Drawn">The day of the blood draw (for the season of a 25(OH)D).</param>
/// <param name="Latitude">Where the person lives, in degrees (negative south): the hemisphere decides the season.</param>
/// <param name="Fasting">Whether the sample was taken fasting (serum zinc).</param>
/// <param name="Time">Morning or afternoon (serum zinc).</param>
/// <param name="AfterHardTraining">Whether the blood was taken soon after hard training (ferritin).</param>
public sealed record LabSample(DateOnly? Drawn = null, double? Latitude = null, bool? Fasting = null, SampleTime? Time = null, bool? AfterHardTraining = null)
{
    /// <summary>Nothing known about the sample.</summary>
    public static LabSample Unknown { get; } = new();
}

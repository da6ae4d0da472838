namespace Replete.Training;

/// <summary>A range of values (low and high equal for a single figure), with the source behind it.</summary>
public sealed record Range(double Low, double High, string Unit, string Source)
{
    /// <summary>Scales both ends.</summary>
    public Range Times(double factor, string unit) => new(Low * factor, High * factor, unit, Source);
}

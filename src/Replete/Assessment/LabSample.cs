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

    /// <summary>Whether this sample describes a result drawn on <paramref name="drawn"/>: the same day, or either of
    /// them undated (nothing tells them apart, as a request without dates has always been read).</summary>
    public bool Describes(DateOnly? drawn) => drawn is null || Drawn is null || drawn == Drawn;

    /// <summary>The sample a result drawn on <paramref name="drawn"/> is read under: this one, dated with the result's
    /// own day, where it <see cref="Describes"/> that draw; else nothing known of how it was drawn but its day.</summary>
    /// <remarks>A request gives one <c>lab_sample</c>, and a report of stored results gives each result its own date: the
    /// time of day, fasting and hard training of one morning say nothing of a draw years before (reviewer brief h102).
    /// Serum zinc of another draw is therefore read as with the time or fasting not given (the highest cut-off, and the
    /// report says so), a ferritin of another draw is not taken as drawn after hard training. <see cref="Latitude"/> is
    /// kept: it says where the person lives, not how the blood was taken, and with it an old summer 25(OH)D is still
    /// read against its own season's low, the careful reading, as before.</remarks>
    public LabSample For(DateOnly? drawn) =>
        drawn is not { } day || day == Drawn ? this
        : Describes(drawn) ? this with { Drawn = day }
        : new LabSample(day, Latitude);

    /// <summary>Why a result drawn on <paramref name="drawn"/> is read without this sample's time of day, fasting state
    /// and hard training, for the result's caveats; null where the sample describes its draw or gives none of them.</summary>
    public string? OtherDraw(DateOnly? drawn) =>
        Describes(drawn) || (Time is null && Fasting is null && AfterHardTraining is null) ? null
        : string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"lab_sample describes the draw of {Drawn:yyyy-MM-dd}; this result of {drawn:yyyy-MM-dd} is read without its sampling conditions (time of day, fasting, after hard training), which are not known for its day.");
}

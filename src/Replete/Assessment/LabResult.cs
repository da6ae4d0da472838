namespace Replete.Assessment;

/// <summary>A lab result as a source gives it, for <see cref="LabRepeats"/>.</summary>
/// <param name="Input">The result (its <see cref="LabInput.Drawn"/> day, where the source gives one).</param>
/// <param name="Name">How a message names it ("file: Ferritin (observation 'f1')").</param>
public sealed record LabResult(LabInput Input, string Name)
{
    /// <summary>Its id in the source (a FHIR Observation id), or null.</summary>
    public string? Id { get; init; }

    /// <summary>When the sample was taken, to the instant, where the source gives it; else the day of
    /// <see cref="LabInput.Drawn"/> is compared.</summary>
    public DateTimeOffset? Taken { get; init; }
}

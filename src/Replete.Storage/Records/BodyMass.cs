namespace Replete.Storage.Records;

/// <summary>One weighing: an assessment uses the latest on or before its last day.</summary>
public sealed class BodyMass
{
    /// <summary>Row id.</summary>
    public long Id { get; set; }

    /// <summary>The athlete's account id.</summary>
    public string AccountId { get; set; } = "";

    /// <summary>The day weighed.</summary>
    public DateOnly Date { get; set; }

    /// <summary>Body mass, kg (held to the engine's InputLimits at the door).</summary>
    public double Kilograms { get; set; }
}

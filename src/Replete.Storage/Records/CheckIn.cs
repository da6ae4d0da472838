namespace Replete.Storage.Records;

/// <summary>A dated symptom check-in: what the person reports that day, in the engine's ids (the words people use are
/// resolved at the door). An assessment reads the latest check-in of its range.</summary>
public sealed class CheckIn
{
    /// <summary>Row id.</summary>
    public long Id { get; set; }

    /// <summary>The athlete's account id.</summary>
    public string AccountId { get; set; } = "";

    /// <summary>The day of the check-in.</summary>
    public DateOnly Date { get; set; }

    /// <summary>The check-in document (symptoms, risk_factors, red_flags, history, lab_sample) as JSON.</summary>
    public string Document { get; set; } = "{}";

    /// <summary>When it was written (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; }
}

namespace Replete.Storage.Records;

/// <summary>A note a coach (with the annotate scope) or the athlete wrote on the athlete's record.</summary>
public sealed class Annotation
{
    /// <summary>Row id.</summary>
    public long Id { get; set; }

    /// <summary>Whose record.</summary>
    public string AthleteId { get; set; } = "";

    /// <summary>Who wrote it.</summary>
    public string AuthorId { get; set; } = "";

    /// <summary>The snapshot it is about, or null.</summary>
    public long? SnapshotId { get; set; }

    /// <summary>When (UTC).</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>The note (plain text, at most 4,000 characters).</summary>
    public string Text { get; set; } = "";

    /// <summary>The sensitive classes the note may speak of: for a coach's note, those the coach's grant shared when it was
    /// written; for the athlete's, those the athlete named. Only a reader who sees all of them sees the note.</summary>
    public SharedClasses Classes { get; set; }
}

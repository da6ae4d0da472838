namespace Replete.Storage.Records;

/// <summary>A dated engine document of one kind: a supplement plan (from its date until the next), a training week, or a
/// sweat test. Read through the engine's readers, which check it.</summary>
public sealed class DatedDocument
{
    /// <summary>Row id.</summary>
    public long Id { get; set; }

    /// <summary>The athlete's account id.</summary>
    public string AccountId { get; set; } = "";

    /// <summary>What the document is.</summary>
    public DocumentKind Kind { get; set; }

    /// <summary>The day it starts (a plan), the week's first day, or the day of the test.</summary>
    public DateOnly Date { get; set; }

    /// <summary>The document as JSON.</summary>
    public string Document { get; set; } = "{}";

    /// <summary>When it was written (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; }
}

namespace Replete.Storage.Records;

/// <summary>One read or write of an athlete's data by someone else (HIPAA 164.312(b) asks systems holding health data to
/// record and examine activity; plan-facts.md section 4). Append-only: once its request is over, nothing updates or
/// deletes an entry but the deletion of the athlete's account.</summary>
public sealed class AuditEntry
{
    /// <summary>Row id.</summary>
    public long Id { get; set; }

    /// <summary>Whose data.</summary>
    public string AthleteId { get; set; } = "";

    /// <summary>Who read or wrote it.</summary>
    public string ActorId { get; set; } = "";

    /// <summary>When (UTC).</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>"read" or "write"; "refused" for a request the grant's scopes did not cover (answered 403, nothing read).</summary>
    public string Action { get; set; } = "";

    /// <summary>What was touched: the route pattern, such as "GET /api/v1/athletes/{athleteId}/snapshots".</summary>
    public string Resource { get; set; } = "";

    /// <summary>The record read or written, where the request names or makes one: the <c>{id}</c> of the route (a
    /// snapshot, a food log entry), or the id of what it created (a snapshot, a note); null for a list or the profile.</summary>
    public long? RecordId { get; set; }
}

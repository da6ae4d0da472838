namespace Replete.Storage.Records;

/// <summary>An assessment with its plan, computed from the stored inputs of a date range and kept as it was shown, stamped
/// with the reference-data version, so a past report reads the same later and can be compared with today's.</summary>
public sealed class Snapshot
{
    /// <summary>Row id.</summary>
    public long Id { get; set; }

    /// <summary>The athlete's account id.</summary>
    public string AccountId { get; set; } = "";

    /// <summary>First day of the range.</summary>
    public DateOnly From { get; set; }

    /// <summary>Last day of the range.</summary>
    public DateOnly To { get; set; }

    /// <summary>When it was computed (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The reference data it was computed with (a hash of the embedded data files).</summary>
    public string ReferenceVersion { get; set; } = "";

    /// <summary>The triage level, wire name ("self_care", "see_doctor", "emergency" ...), for lists.</summary>
    public string Triage { get; set; } = "";

    /// <summary>The report: the assessment with its plan under "plan", in the wire JSON every front end reads.</summary>
    public string Report { get; set; } = "{}";

    /// <summary>Who asked for it: the athlete, or a coach with the right to.</summary>
    public string CreatedBy { get; set; } = "";

    /// <summary>What a coach who lacks some sensitive classes sees instead of <see cref="Report"/>: the sensitive classes
    /// the inputs held, and for each combination of them the report computed again from the inputs without it (JSON,
    /// written and read by the server). Null for a snapshot saved before these were kept: a coach lacking any class is
    /// shown none of its report.</summary>
    public string? SharedViews { get; set; }
}

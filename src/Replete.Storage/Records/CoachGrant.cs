namespace Replete.Storage.Records;

/// <summary>What an athlete lets one coach see and do, from when, until when. The athlete can revoke it at once; revoking
/// or ending it never deletes anyone's data.</summary>
public sealed class CoachGrant
{
    /// <summary>Row id.</summary>
    public long Id { get; set; }

    /// <summary>The athlete who shares.</summary>
    public string AthleteId { get; set; } = "";

    /// <summary>The coach shared with.</summary>
    public string CoachId { get; set; } = "";

    /// <summary>What the coach may do.</summary>
    public GrantScopes Scopes { get; set; }

    /// <summary>Sensitive data classes the athlete turned on one by one (none by default).</summary>
    public SharedClasses Shared { get; set; }

    /// <summary>When the grant began (UTC).</summary>
    public DateTimeOffset GrantedAt { get; set; }

    /// <summary>When it ends by itself, or null for until revoked.</summary>
    public DateTimeOffset? EndsAt { get; set; }

    /// <summary>When the athlete revoked it, or null.</summary>
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>Whether the grant is in force at <paramref name="now"/>.</summary>
    public bool InForce(DateTimeOffset now) => RevokedAt is null && GrantedAt <= now && (EndsAt is null || now < EndsAt);
}

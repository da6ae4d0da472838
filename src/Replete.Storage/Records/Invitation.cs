namespace Replete.Storage.Records;

/// <summary>An invitation to share: made by an athlete for a coach, or by a coach for an athlete; single use, expiring
/// within 7 days (Cronometer's practitioner invitation expires after 7 days; plan-facts.md section 4). No e-mail is sent:
/// the code is shown once to the person who made it; only its hash is kept.</summary>
public sealed class Invitation
{
    /// <summary>Row id.</summary>
    public long Id { get; set; }

    /// <summary>SHA-256 of the code, hex.</summary>
    public string CodeHash { get; set; } = "";

    /// <summary>Who made it.</summary>
    public string FromId { get; set; } = "";

    /// <summary>True when an athlete made it for a coach; false when a coach made it for an athlete.</summary>
    public bool FromAthlete { get; set; }

    /// <summary>Scopes the grant will carry (an athlete's invitation sets them; a coach's asks for them, and the athlete
    /// may narrow them on accepting).</summary>
    public GrantScopes Scopes { get; set; }

    /// <summary>Sensitive classes shared (only an athlete sets these).</summary>
    public SharedClasses Shared { get; set; }

    /// <summary>When the grant will end, or null.</summary>
    public DateTimeOffset? GrantEndsAt { get; set; }

    /// <summary>When the invitation expires (UTC).</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>When it was used, or null.</summary>
    public DateTimeOffset? UsedAt { get; set; }
}

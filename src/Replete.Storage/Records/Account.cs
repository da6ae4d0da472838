using Microsoft.AspNetCore.Identity;

namespace Replete.Storage.Records;

/// <summary>A person who signs in: an athlete (whose data this is) or a coach or sports dietitian (who sees only what an
/// athlete shares). ASP.NET Core Identity keeps the password hash, lockout and security stamp.</summary>
public sealed class Account : IdentityUser
{
    /// <summary>Athlete or coach; decided at registration.</summary>
    public AccountKind Kind { get; set; }

    /// <summary>The name shown to people the account shares with.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>When the account was created (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; }
}

namespace Replete.Storage.Records;

/// <summary>An athlete's profile: date of birth (age is worked out for each assessment date) and the rest of the engine's
/// profile document (<c>Replete.References.Profile</c>) without <c>age</c> and <c>body_mass_kg</c>, which come from the
/// date of birth and the body-mass history.</summary>
public sealed class AthleteProfile
{
    /// <summary>The athlete's account id (the key).</summary>
    public string AccountId { get; set; } = "";

    /// <summary>Date of birth.</summary>
    public DateOnly DateOfBirth { get; set; }

    /// <summary>The profile document's other fields, as JSON (snake_case, as the CLI reads them).</summary>
    public string Document { get; set; } = "{}";

    /// <summary>Last change (UTC).</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}

namespace Replete.Storage.Records;

/// <summary>What an account is for.</summary>
public enum AccountKind
{
    /// <summary>A person whose own data Replete keeps.</summary>
    Athlete,

    /// <summary>A coach or sports dietitian with a roster of athletes who shared with them.</summary>
    Coach,
}

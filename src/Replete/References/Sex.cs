namespace Replete.References;

/// <summary>Sex as used by the DRI life-stage groups.</summary>
public enum Sex
{
    /// <summary>Female.</summary>
    Female,

    /// <summary>Male.</summary>
    Male,
}

namespace Replete.References;

/// <summary>Pregnancy and lactation have their own DRI life-stage groups.</summary>
public enum ReproductiveStatus
{
    /// <summary>Neither pregnant nor lactating.</summary>
    None,

    /// <summary>Pregnant.</summary>
    Pregnant,

    /// <summary>Lactating.</summary>
    Lactating,
}

namespace Replete.Targets;

/// <summary>How well an adjustment or association is supported.</summary>
public enum EvidenceStrength
{
    /// <summary>Consistent trials or an official reference value.</summary>
    Strong,

    /// <summary>A consensus position built on reasonable evidence.</summary>
    Moderate,

    /// <summary>Few or indirect studies; shown with a warning.</summary>
    Limited,
}

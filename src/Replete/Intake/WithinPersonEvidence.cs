namespace Replete.Intake;

/// <summary>Where a within-person (day-to-day) SD of intake comes from.</summary>
public enum WithinPersonEvidence
{
    /// <summary>The IOM's pooled CSFII SD for the life stage, as the method prescribes.</summary>
    Pooled,

    /// <summary>Back-calculated from a worked example of the IOM report.</summary>
    PooledDerived,

    /// <summary>A published CV from another age group or population, applied to the person's mean.</summary>
    Proxy,

    /// <summary>An assumed CV where no value could be retrieved; the result is approximate.</summary>
    Assumed,
}

namespace Replete.Storage.Records;

/// <summary>Data classes never shared unless the athlete turns each on (cycle and pregnancy data are never shared in
/// SparkyFitness; ../shared/reference/plan-facts.md section 4). A coach without one sees the record with it left out.</summary>
[Flags]
public enum SharedClasses
{
    /// <summary>None shared.</summary>
    None = 0,

    /// <summary>Menstrual history (months without a period, heavy periods).</summary>
    MenstrualHistory = 1,

    /// <summary>Pregnancy and lactation.</summary>
    Pregnancy = 2,

    /// <summary>Medicines.</summary>
    Medications = 4,
}

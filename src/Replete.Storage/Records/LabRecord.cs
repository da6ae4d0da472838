namespace Replete.Storage.Records;

/// <summary>One dated lab result, entered by hand or from a FHIR Observation.</summary>
public sealed class LabRecord
{
    /// <summary>Row id.</summary>
    public long Id { get; set; }

    /// <summary>The athlete's account id.</summary>
    public string AccountId { get; set; } = "";

    /// <summary>The day the sample was taken.</summary>
    public DateOnly Collected { get; set; }

    /// <summary>Biomarker id (data/biomarkers.csv).</summary>
    public string Biomarker { get; set; } = "";

    /// <summary>The value as reported.</summary>
    public double Value { get; set; }

    /// <summary>The unit as reported (data/lab_units.csv spellings, UCUM).</summary>
    public string Unit { get; set; } = "";

    /// <summary>"&lt;", "&lt;=", "&gt;" or "&gt;=" when the laboratory reported a bound; else null.</summary>
    public string? Comparator { get; set; }

    /// <summary>The person confirmed a value that sits where a unit slip would put it.</summary>
    public bool Confirmed { get; set; }

    /// <summary>"manual", or the uploaded FHIR file's name.</summary>
    public string Source { get; set; } = "manual";

    /// <summary>The LOINC code, when the result came with one.</summary>
    public string? Loinc { get; set; }
}

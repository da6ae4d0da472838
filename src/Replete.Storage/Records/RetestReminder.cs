namespace Replete.Storage.Records;

/// <summary>A retest a fix calls for (a ferritin after an iron course, a 25(OH)D after a vitamin D dose), due at a sourced
/// interval or at one the person set where no source gives one.</summary>
public sealed class RetestReminder
{
    /// <summary>Row id.</summary>
    public long Id { get; set; }

    /// <summary>The athlete's account id.</summary>
    public string AccountId { get; set; } = "";

    /// <summary>The snapshot whose plan started the fix.</summary>
    public long? SnapshotId { get; set; }

    /// <summary>What to retest: a biomarker id, or a nutrient id for a diet change.</summary>
    public string What { get; set; } = "";

    /// <summary>When it is due.</summary>
    public DateOnly Due { get; set; }

    /// <summary>Where the interval comes from (a source), or that the person set it.</summary>
    public string Basis { get; set; } = "";

    /// <summary>The person chose the interval because no source gives one.</summary>
    public bool SetByPerson { get; set; }

    /// <summary>When it was marked done, or null.</summary>
    public DateTimeOffset? DoneAt { get; set; }
}

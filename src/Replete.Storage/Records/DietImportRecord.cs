namespace Replete.Storage.Records;

/// <summary>One uploaded diet file (a Cronometer or MyFitnessPal export, or a Replete food log), stored whole or not at
/// all: its rows are <see cref="IntakeRecord"/>s with this id.</summary>
public sealed class DietImportRecord
{
    /// <summary>Row id.</summary>
    public long Id { get; set; }

    /// <summary>The athlete's account id.</summary>
    public string AccountId { get; set; } = "";

    /// <summary>The file's name as uploaded.</summary>
    public string FileName { get; set; } = "";

    /// <summary>SHA-256 of the file, hex: the same file twice is refused.</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>When it was imported (UTC).</summary>
    public DateTimeOffset ImportedAt { get; set; }

    /// <summary>Rows stored.</summary>
    public int Items { get; set; }

    /// <summary>First day in the file.</summary>
    public DateOnly FirstDay { get; set; }

    /// <summary>Last day in the file.</summary>
    public DateOnly LastDay { get; set; }

    /// <summary>Food-log lines read (an app export's rows carry their own nutrients and are not matched: 0).</summary>
    public int Lines { get; set; }

    /// <summary>Of <see cref="Lines"/>, those not counted (no food matched, or the amount could not be weighed): with
    /// them an analysis reads its means as lower bounds where the engine says so (<c>FoodLogCheck.Counted</c>).</summary>
    public int LinesNotCounted { get; set; }

    /// <summary>Every day each file of the import logged (the engine's <c>LoggedDay</c>s, as a JSON array), against which
    /// a later import is checked so that no day counts twice; null for an import stored before they were kept, which is
    /// not checked against (delete and import it again to have it checked).</summary>
    public string? Days { get; set; }

    /// <summary>The import's notes (wire JSON list of problems that did not stop it).</summary>
    public string Notes { get; set; } = "[]";
}

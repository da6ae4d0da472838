namespace Replete.Storage.Records;

/// <summary>What a coach may do with an athlete's data (the granular, read-only-by-default sharing of comparable products:
/// SparkyFitness' permissions, wger's read-only switch; ../shared/reference/plan-facts.md section 4).</summary>
[Flags]
public enum GrantScopes
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>Read saved reports (assessments and plans) and trends.</summary>
    ReadReports = 1,

    /// <summary>Read food logs, imports, labs, check-ins and training.</summary>
    ReadLogs = 2,

    /// <summary>Add to the athlete's record without changing what they entered: write notes on their reports, and (with
    /// <see cref="ReadReports"/> and <see cref="ReadLogs"/>, which a report is made of) save a new snapshot.</summary>
    Annotate = 4,

    /// <summary>Change the athlete's profile fields that set targets (sport, training hours, diet).</summary>
    EditTargets = 8,
}

namespace Replete.Storage.Records;

/// <summary>The kinds of <see cref="DatedDocument"/>.</summary>
public enum DocumentKind
{
    /// <summary>A supplement plan (<c>Replete.Diet.SupplementPlan</c>), in force from its date until the next.</summary>
    Supplements,

    /// <summary>A training week (<c>Replete.Training.TrainingWeek</c>).</summary>
    TrainingWeek,

    /// <summary>A sweat test (<c>Replete.Training.SweatTest</c>).</summary>
    SweatTest,
}

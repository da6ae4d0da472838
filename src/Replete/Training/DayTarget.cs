using Replete.Targets;

namespace Replete.Training;

/// <summary>One day's carbohydrate and protein targets, following that day's training.</summary>
/// <param name="Day">Day of the week.</param>
/// <param name="Minutes">Planned training minutes.</param>
/// <param name="Load">The day's load band.</param>
/// <param name="CarbohydrateGrams">Carbohydrate range, g/d.</param>
/// <param name="ProteinGrams">Protein range, g/d.</param>
/// <param name="Source">Sources of the ranges.</param>
public sealed record DayTarget(DayOfWeek Day, double Minutes, TrainingLoad Load, Range CarbohydrateGrams, Range ProteinGrams, string Source);

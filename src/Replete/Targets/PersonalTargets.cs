using Replete.References;

namespace Replete.Targets;

/// <summary>Every nutrient's targets for one person.</summary>
public sealed record PersonalTargets(Person Person, LifeStage LifeStage, TrainingLoad? Load, IReadOnlyList<NutrientTarget> Targets)
{
    /// <summary>The target for one nutrient.</summary>
    public NutrientTarget For(string nutrientId) => Targets.First(t => t.Nutrient.Id == nutrientId);
}

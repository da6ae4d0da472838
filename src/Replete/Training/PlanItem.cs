using Replete.Targets;

namespace Replete.Training;

/// <summary>One line of a session plan: what to take, how much, and on what evidence.</summary>
/// <param name="What">fluid, carbohydrate, sodium, protein...</param>
/// <param name="Amount">The amount, in words with units, ready to show.</param>
/// <param name="Low">Lower figure, or null where the line has none.</param>
/// <param name="High">Upper figure, or null.</param>
/// <param name="Unit">Unit of the figures.</param>
/// <param name="Evidence">Strength of the evidence.</param>
/// <param name="Source">Where the figure comes from.</param>
public sealed record PlanItem(string What, string Amount, double? Low, double? High, string Unit, EvidenceStrength Evidence, string Source);

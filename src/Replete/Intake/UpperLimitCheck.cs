using Replete.References;

namespace Replete.Intake;

/// <summary>The UL test for one nutrient (IOM 2000 p.65 and Table 3-4).</summary>
/// <param name="Ul">The UL.</param>
/// <param name="Scope">What the UL covers.</param>
/// <param name="IntakeCompared">The intake compared with it: total, or supplements only.</param>
/// <param name="ProbabilityAbove">Probability that usual intake is at or above the UL, or null where the intake is a
/// fixed supplement dose compared directly.</param>
/// <param name="LikelyExcess">True where usual intake is more likely above the UL than below it.</param>
/// <param name="Note">What the check compared, in words.</param>
public sealed record UpperLimitCheck(double Ul, UpperLimitScope Scope, double IntakeCompared, double? ProbabilityAbove, bool LikelyExcess, string Note)
{
    /// <summary>False when the source cannot show what the UL covers (vitamin A as a % Daily Value gives no retinol):
    /// the check is neither "below" nor "above", and <see cref="Note"/> says why.</summary>
    public bool Judged { get; init; } = true;
}

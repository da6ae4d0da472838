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

    /// <summary>True when the check is not judged because the intake compared is only a lower bound (few logged foods
    /// report the nutrient, or a daily summary that cannot say how many do): it could show intake above the UL, never
    /// below it (<see cref="Diet.DietAnalyzer"/>).</summary>
    public bool LowerBound { get; init; }

    /// <summary>The part of <see cref="IntakeCompared"/> that is folic acid added to fortified food, ug a day, for the
    /// folate UL, which covers synthetic folic acid from supplements and fortified food together (IOM 1998, Dietary
    /// Reference Intakes for Thiamin ... Choline, doi:10.17226/6015, ch.8, the UL section); null for every other UL and
    /// where no food data gave folic acid.</summary>
    public double? FromFortifiedFood { get; init; }

    /// <summary>Said with every supplement to lower: a UL is for the healthy general population, not for a dose a doctor
    /// gives as treatment. IOM 2001 (Dietary Reference Intakes for Vitamin A, ..., Zinc, NAP 10026) p.125: "the UL is
    /// not meant to apply to individuals who are receiving vitamin A under medical supervision"; p.377 for iron: "iron
    /// supplementation is usually supervised in pre- and postnatal care programs", and individuals taking iron salts
    /// above the UL may meet gastrointestinal side effects. Said for every nutrient, not only these two: Replete's reading
    /// that a UL set for the general population does not judge a prescribed treatment (data/PROVENANCE.md, "Supplements
    /// above a UL"). Said with a possible excess in an assessment and with a supplement to lower in a plan.</summary>
    public const string MedicalSupervision = "If a doctor prescribed this dose, keep to it and ask them before changing it: the UL does not cover treatment under medical supervision (IOM 2001 p.125).";
}

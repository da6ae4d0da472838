using System.Globalization;
using Replete.Intake;

namespace Replete.Diet;

/// <summary>What a report may say about a nutrient's adequacy.</summary>
public enum AdequacyStatus
{
    /// <summary>Nothing to assess: no intake reported, or no EAR or AI for the nutrient.</summary>
    NotAssessed,

    /// <summary>A probability of adequacy can be shown (the EAR or iron method).</summary>
    Probability,

    /// <summary>At or above the AI with enough confidence: adequate (IOM 2000 p.61, Appendix B p.199); the figure is the
    /// confidence that usual intake is at or above the AI.</summary>
    AboveAi,

    /// <summary>Below the AI: adequacy is not known, neither shown nor ruled out (IOM 2000 p.61).</summary>
    BelowAi,

    /// <summary>At or above the AI, but too close to it over too few days for the AI test to conclude adequacy (IOM 2000
    /// Appendix B p.199, Table 3-2): not known.</summary>
    NearAi,

    /// <summary>The mean is a lower bound (few logged foods report the nutrient, or many food-log lines were not counted),
    /// and it is not high enough to show adequacy: a lower bound cannot show inadequacy, so adequacy is not known.</summary>
    LowerBound,

    /// <summary>Below the athlete range (protein, carbohydrate): the probability against the general EAR does not apply.</summary>
    BelowAthleteRange,

    /// <summary>An athlete's range (protein, carbohydrate) is per kg of body mass and no body mass is given: the range is
    /// not known, and the probability against the general EAR does not apply (<see cref="Targets.NutrientTarget.AthleteRangeUnknown"/>).</summary>
    AthleteRangeUnknown,

    /// <summary>The log fails the plausibility check (<see cref="DietAnalysis.Implausible"/>): it is not a real intake, so
    /// whatever adequacy it computes is not shown and never counts as evidence that the nutrient is adequate.</summary>
    Implausible,
}

/// <summary>The probability of adequacy a report may show for a nutrient, or why none can be shown. Every report (table,
/// markdown, JSON, chart, web) shows this, never <see cref="ProbabilityOfAdequacy.Probability"/> on its own: that figure
/// is computed on the mean as if it were the whole usual intake and against the general EAR or AI, which a lower bound,
/// an AI or an athlete range does not allow to be read as a chance of inadequacy.</summary>
/// <param name="Status">What can be said.</param>
/// <param name="Probability">The probability to show (for <see cref="AdequacyStatus.AboveAi"/> the confidence that usual
/// intake is at or above the AI); null when it is not known.</param>
/// <param name="Reason">Why no probability is shown, in words with its source; null when one is.</param>
public sealed record AdequacyReading(AdequacyStatus Status, double? Probability, string? Reason)
{
    /// <summary>Nothing to assess.</summary>
    public static AdequacyReading NotAssessed { get; } = new(AdequacyStatus.NotAssessed, null, null);

    /// <summary>The reading for an intake: <paramref name="adequacy"/> as computed, <paramref name="mean"/> the mean daily
    /// intake, <paramref name="target"/> the person's target, and <paramref name="lowerBound"/> why the mean is a lower bound
    /// ("only 32 % of logged foods report it"), or null when it is not one.</summary>
    /// <remarks>A lower bound that already reaches <see cref="AdequacyAssessor.SettledProbability"/> still shows adequacy
    /// (usual intake is at least that much); below it, a lower bound says nothing about inadequacy. Below an athlete range
    /// the row reads "below the athlete range" whatever the general EAR gives, unless the mean is a lower bound (then it
    /// is not known whether it is below). An athlete range not known for want of a body mass is never read against the
    /// general EAR. The AI test can show adequacy, never inadequacy (IOM 2000 p.61).</remarks>
    public static AdequacyReading For(ProbabilityOfAdequacy? adequacy, double? mean, Targets.NutrientTarget target, string? lowerBound)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (adequacy?.Probability is not { } p || mean is not { } m)
        {
            return NotAssessed;
        }

        var unit = target.Nutrient.Unit;
        var bound = lowerBound is null ? null
            : $"not known: {lowerBound}, so the mean is a lower bound, which can show adequacy but never inadequacy";
        if (target.AthleteRangeUnknown is { } unknown)
        {
            // Thomas, Erdman & Burke 2016: the athlete ranges are per kg of body mass; without one the range is not known,
            // and the general EAR (far below it) would read "adequate" for an intake short of it (new user h86: 140 g/d of
            // carbohydrate "settled" at 97 % for a runner whose range at 80 kg is 400-560 g/d).
            return new(AdequacyStatus.AthleteRangeUnknown, null,
                $"not known: {unknown}, so the probability against the general EAR does not apply, since athletes' needs exceed it; give a body mass to judge it");
        }

        if (target.AthleteLow is { } low && m < low)
        {
            // Thomas, Erdman & Burke 2016 (the athlete ranges): athletes' needs exceed the general EAR, so a probability
            // against it would read "adequate" for an intake below the range.
            return bound is not null ? new(AdequacyStatus.LowerBound, null, bound)
                : new(AdequacyStatus.BelowAthleteRange, null, string.Create(CultureInfo.InvariantCulture,
                    $"below the athlete range ({low:0.#}{(target.AthleteHigh is { } high ? $"-{high:0.#}" : " or more")} {unit}/d, {target.AthleteSource ?? "athlete guidance"}): the probability against the general EAR does not apply, since athletes' needs exceed it"));
        }

        if (p >= AdequacyAssessor.SettledProbability)
        {
            return new(adequacy.Method == AdequacyMethod.AiTest ? AdequacyStatus.AboveAi : AdequacyStatus.Probability, p, null);
        }

        if (bound is not null)
        {
            return new(AdequacyStatus.LowerBound, null, bound);
        }

        if (adequacy.Method == AdequacyMethod.AiTest && adequacy.Reference is { } ai)
        {
            return m < ai
                ? new(AdequacyStatus.BelowAi, null, string.Create(CultureInfo.InvariantCulture,
                    $"not known: below the AI ({ai:0.##} {unit}/d); an AI is not a requirement, and intake below it can be neither judged adequate nor shown inadequate (IOM 2000, DRIs: Applications in Dietary Assessment, p.61)"))
                : new(AdequacyStatus.NearAi, null, string.Create(CultureInfo.InvariantCulture,
                    $"not known: above the AI ({ai:0.##} {unit}/d) but too close to it for the days logged to conclude adequacy ({p:P0} confidence, {AdequacyAssessor.SettledProbability:P0} needed; IOM 2000 Appendix B p.199, Table 3-2); it is not shown inadequate"));
        }

        return new(AdequacyStatus.Probability, p, null);
    }
}

namespace Replete.Training;

/// <summary>Fluid, electrolytes and fuel before, during and after one session.</summary>
/// <param name="Request">The session.</param>
/// <param name="SweatRate">The sweat rate used, L/h: measured, or a typical range.</param>
/// <param name="SweatRateMeasured">True where the athlete's own test was used.</param>
/// <param name="Losses">Electrolyte losses per hour.</param>
/// <param name="Before">Before the session.</param>
/// <param name="During">During the session.</param>
/// <param name="After">After the session.</param>
/// <param name="Warnings">Safety warnings, each a sentence.</param>
public sealed record SessionPlan(
    SessionRequest Request,
    Range SweatRate,
    bool SweatRateMeasured,
    IReadOnlyList<ElectrolyteLoss> Losses,
    IReadOnlyList<PlanItem> Before,
    IReadOnlyList<PlanItem> During,
    IReadOnlyList<PlanItem> After,
    IReadOnlyList<string> Warnings);

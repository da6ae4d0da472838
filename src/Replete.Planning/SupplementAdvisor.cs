using System.Globalization;
using Replete.Diet;
using Replete.References;

namespace Replete.Planning;

/// <summary>Why a supplement is considered at all.</summary>
public enum SupplementReason
{
    /// <summary>Food within the plan's limits cannot reach the goal.</summary>
    ProblemNutrient,

    /// <summary>A lab result shows it low.</summary>
    LabConfirmed,

    /// <summary>A vegan diet has no reliable vitamin B12 source without a supplement or fortified food, whatever the labs
    /// say (IOM 1998, ch. 9).</summary>
    Vegan,
}

/// <summary>Supplement guidance for one nutrient.</summary>
/// <param name="Nutrient">Catalog id.</param>
/// <param name="Reasons">Why it is considered.</param>
/// <param name="Dose">The dose Replete suggests, in <paramref name="Unit"/> per <paramref name="Per"/>, within what the
/// UL leaves; null where Replete suggests none (no sourced dose, never self-supplemented, or a doctor's decision).</param>
/// <param name="Unit">The unit.</param>
/// <param name="Per">"day" or "alternate_days".</param>
/// <param name="Form">The form to choose, or empty.</param>
/// <param name="Timing">When to take it and what to keep apart, or empty.</param>
/// <param name="Retest">What to retest and when, where a source gives it, or empty.</param>
/// <param name="Cautions">What else the person must know: the UL, their medicines, testing for banned substances.</param>
/// <param name="DoctorsDecision">True where the dose is a doctor's to set (the usual dose is above what the UL leaves,
/// a lab-confirmed low the diet already covers, or a nutrient never self-supplemented).</param>
/// <param name="Source">The sources.</param>
public sealed record SupplementAdvice(
    string Nutrient, IReadOnlyList<SupplementReason> Reasons, double? Dose, string Unit, string Per, string Form, string Timing, string Retest,
    IReadOnlyList<string> Cautions, bool DoctorsDecision, string Source);

/// <summary>Supplement guidance only where it belongs: problem nutrients, lab-confirmed deficiencies, and B12 for vegans;
/// every dose within the UL (food and supplements, or supplements alone where the UL covers only them).</summary>
public static class SupplementAdvisor
{
    /// <summary>Said to every athlete in a sport: contamination and strict liability. Geyer et al., Int J Sports Med
    /// 2004;25:124 (94 of 634 supplements, 14.8 %, held undeclared anabolic steroids); WADA Code (strict liability).</summary>
    public const string TestedProducts = "Choose a product tested for banned substances, batch by batch (NSF Certified for Sport, Informed Sport): 14.8 % of 634 supplements held undeclared anabolic steroids (Geyer et al. 2004), and an athlete is liable for what is in it (WADA Code).";

    /// <summary>The advice for the nutrients that call for it.</summary>
    /// <param name="request">The plan's request (targets, supplements, lab-confirmed lows, diet, sport, medicines).</param>
    /// <param name="nutrients">The plan's nutrients, after the plan.</param>
    public static IReadOnlyList<SupplementAdvice> Advise(PlanRequest request, IReadOnlyList<PlannedNutrient> nutrients)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(nutrients);
        var reasons = new Dictionary<string, List<SupplementReason>>(StringComparer.Ordinal);
        void Add(string nutrient, SupplementReason reason)
        {
            if (!reasons.TryGetValue(nutrient, out var list))
            {
                reasons[nutrient] = list = [];
            }

            list.Add(reason);
        }

        // A lab showing the nutrient adequate outranks a diet shortfall: no supplement for it. Where so many log lines
        // were not counted that every intake is a lower bound, a shortfall may not be one: no supplement from it.
        foreach (var n in nutrients.Where(n => n.IsProblem && !request.Diet.FoodLog.MuchNotCounted && n.Nutrient is not ("protein" or "carbohydrate" or "fiber") && !request.LabAdequate.Contains(n.Nutrient)))
        {
            Add(n.Nutrient, SupplementReason.ProblemNutrient);
        }

        foreach (var nutrient in request.LabConfirmed)
        {
            Add(nutrient, SupplementReason.LabConfirmed);
        }

        if (request.Pattern == DietPattern.Vegan)
        {
            Add("vitamin_b12", SupplementReason.Vegan);
        }

        var advice = new List<SupplementAdvice>();
        foreach (var (nutrient, why) in reasons.Where(r => !request.Excess.Contains(r.Key)))
        {
            var one = Advise(request, nutrients.FirstOrDefault(n => n.Nutrient == nutrient), nutrient, why);
            // Where the triage says see a doctor, every supplement is the doctor's decision; the reason stays visible.
            advice.Add(request.Triage == Knowledge.TriageLevel.SelfCare ? one
                : one with { Dose = null, DoctorsDecision = true, Cautions = [.. one.Cautions, "The assessment says see a doctor: whether and how much to take is the doctor's decision."] });
        }

        return advice;
    }

    private static SupplementAdvice Advise(PlanRequest request, PlannedNutrient? planned, string nutrient, List<SupplementReason> why)
    {
        var cautions = new List<string>();
        var target = request.Targets.Targets.FirstOrDefault(t => t.Nutrient.Id == nutrient);
        var unit = target?.Nutrient.Unit ?? "";
        if (!SupplementGuide.All.TryGetValue(nutrient, out var guide))
        {
            cautions.Add("Ask a sports dietitian about anything beyond food.");
            return new SupplementAdvice(nutrient, why, null, unit, "day", "", "", "", cautions, false, "");
        }

        cautions.AddRange(SupplementInteraction.All.Where(i => i.Nutrient == nutrient && request.Medications.Contains(i.Medication)).Select(i => $"{i.Caution} ({i.Source})"));
        if (guide.Route == "never")
        {
            cautions.Add($"Never self-supplemented: {guide.Source}. Food only; a doctor decides on anything more.");
            return new SupplementAdvice(nutrient, why, null, guide.Unit, guide.Per, "", "", "", cautions, true, guide.Source);
        }

        if (request.Athlete)
        {
            cautions.Add(TestedProducts);
        }

        // What the UL leaves: food and supplements with the plan for a UL of total intake, supplements alone where the
        // UL covers only them, and for folate the folic acid of supplements and fortified food with the plan (IOM 1998
        // ch.8, the UL section; PlannedNutrient.UlIntakeAfter).
        var fromSupplements = request.Supplements.Sum(s => nutrient == "folate" ? s.FolateTowardUl : s.PerDose.GetValueOrDefault(nutrient) * s.DosesPerDay);
        var current = nutrient == "folate" ? Math.Max(fromSupplements, planned?.UlIntakeAfter ?? 0) : fromSupplements;
        double room = double.PositiveInfinity;
        if (target?.Ul is { } ul)
        {
            if (target.UlScope == UpperLimitScope.TotalIntake && (planned?.UlIntakeAfter ?? planned?.After) is null)
            {
                // Food intake unknown (or only partly known): the room under the UL is unknown, so no dose.
                cautions.Add(string.Create(CultureInfo.InvariantCulture,
                    $"Too few logged foods report it to know the intake, so the room under the UL ({ul:0.#} {unit}/d from food and supplements) is unknown: the dose is a doctor's decision."));
                return new SupplementAdvice(nutrient, why, null, guide.Unit, guide.Per, guide.Form, guide.Timing, guide.Retest, cautions, true, guide.Source);
            }

            room = target.UlScope == UpperLimitScope.TotalIntake ? ul - (planned!.UlIntakeAfter ?? planned.After!.Value) : ul - current;
            // The largest whole amount that keeps the intake strictly below the UL: nothing suggested may reach it.
            room = Math.Max(0, Math.Ceiling(room) - 1);
            cautions.Add(Room(request, target, ul, room, unit));
        }

        double? dose;
        var doctors = false;
        if (guide.Route == "dose")
        {
            var high = Math.Min(guide.DoseHigh ?? double.PositiveInfinity, room);
            if (guide.DoseLow is { } low && high < low)
            {
                doctors = true;
                dose = null;
                cautions.Add(string.Create(CultureInfo.InvariantCulture,
                    $"The usual dose ({low:0.#}-{guide.DoseHigh:0.#} {guide.Unit} {Per(guide.Per)}) is above what the UL leaves: the dose is a doctor's decision."));
            }
            else
            {
                dose = high;
            }
        }
        else
        {
            // Folate's shortfall is in DFE; a folic acid supplement with food gives 1.7 ug DFE per ug (IOM 1998, ch. 8).
            var shortfall = (planned?.Shortfall ?? 0) / (nutrient == "folate" ? 1.7 : 1);
            dose = Math.Floor(Math.Min(Math.Min(shortfall, guide.DoseHigh ?? double.PositiveInfinity), room));
            if (planned?.After is null)
            {
                doctors = true;
                dose = null;
                cautions.Add(planned?.NotPlannedBecause?.StartsWith("not computed", StringComparison.Ordinal) == true
                    ? "The plan could not be computed, so what food leaves short is not known: the dose is a doctor's decision."
                    : "The intake from food is unknown (too few logged foods report it): the dose is a doctor's decision.");
            }
            else if (shortfall <= 0)
            {
                doctors = true;
                dose = null;
                cautions.Add("With the plan, food meets the goal: a low lab result then points to absorption or losses, which are a doctor's question.");
            }
        }

        if (dose is <= 0)
        {
            // No room left under the UL: never "up to 0 mg".
            doctors = true;
            dose = null;
            cautions.Add("There is no room left under the UL for a supplement: a doctor decides whether any is needed.");
        }

        return new SupplementAdvice(nutrient, why, dose, guide.Unit, guide.Per, guide.Form, guide.Timing, guide.Retest, cautions, doctors, guide.Source);
    }

    /// <summary>What the UL leaves, naming the supplements the person already takes that supply the nutrient, so that
    /// "no more" says why (tester: "at most 0 mg more" named no supplement). Where nothing is left, no amount is given.</summary>
    private static string Room(PlanRequest request, Targets.NutrientTarget target, double ul, double room, string unit)
    {
        var scope = target.UlScope == UpperLimitScope.TotalIntake ? " from food and supplements"
            : target.Nutrient.Id == "folate" && target.UlScope == UpperLimitScope.SupplementsAndFortificants ? " of folic acid from supplements and fortified food"
            : " from supplements";
        var taken = request.Supplements
            .Select(s => (s.Name, PerDay: DayPlanner.UlAmount(s, target.Nutrient.Id, target.UlScope)))
            .Where(s => s.PerDay > 0)
            .OrderByDescending(s => s.PerDay)
            .Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Name}, {s.PerDay:0.#} {unit}/d"))
            .ToList();
        var already = taken.Count == 0 ? "" : $" the supplement{(taken.Count == 1 ? "" : "s")} you already take ({string.Join("; ", taken)})";
        return room > 0
            ? string.Create(CultureInfo.InvariantCulture, $"The UL is {ul:0.#} {unit}/d{scope}: at most {room:0.#} {unit} more a day{(already.Length > 0 ? $", on top of{already}" : "")}.")
            : taken.Count > 0
                ? string.Create(CultureInfo.InvariantCulture, $"The UL is {ul:0.#} {unit}/d{scope}, and{(target.UlScope == UpperLimitScope.TotalIntake ? " with food" : "")}{already} bring{(taken.Count == 1 ? "s" : "")} the intake to it: that is why no more is suggested.")
                : string.Create(CultureInfo.InvariantCulture, $"The UL is {ul:0.#} {unit}/d{scope}, and food with the plan already reaches it: no more is suggested.");
    }

    private static string Per(string per) => per == "alternate_days" ? "on alternate days" : "a day";
}

using System.Globalization;
using Replete.Nutrients;
using Replete.References;

namespace Replete.Targets;

/// <summary>Turns a person into targets for every catalog nutrient: the DRI of their life stage, then athlete and
/// diet adjustments, each with its source.</summary>
public static class TargetCalculator
{
    /// <summary>Endurance training counts as "intense daily exercise" (IOM 2001 p.574) from about an hour a day.
    /// Replete's reading of the report, which gives no hours.</summary>
    public const double EnduranceIronHoursPerWeek = 7;

    /// <summary>kcal in a gram of protein or of carbohydrate: the Atwater general factors (FAO 2003, Food energy:
    /// methods of analysis and conversion factors, FAO Food and Nutrition Paper 77, ch. 3: 4 kcal/g (17 kJ/g) for
    /// protein and for carbohydrate, 9 for fat).</summary>
    public const double AtwaterKcalPerGram = 4;

    /// <summary>Computes the targets. Call <see cref="Person.Validate"/> first.</summary>
    public static PersonalTargets For(Person person, ProteinGoal goal = ProteinGoal.General) =>
        For(person, goal, NutrientCatalog.Default, DriTable.Default);

    /// <summary>Computes the targets from the given catalog and table.</summary>
    public static PersonalTargets For(Person person, ProteinGoal goal, NutrientCatalog catalog, DriTable table)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(table);
        var stage = LifeStages.For(person);
        var isAthlete = person.Sport is not null || person.TrainingHoursPerWeek is > 0;
        TrainingLoad? load = person.TrainingHoursPerWeek is { } hours and > 0 ? TrainingLoads.FromWeeklyHours(hours) : null;
        var targets = new List<NutrientTarget>(catalog.All.Count);
        // Retinol is tracked as the part of vitamin A that the vitamin A UL covers (IOM 2001 ch.4); it has no target of
        // its own.
        foreach (var nutrient in catalog.All.Where(n => n.Id != "retinol"))
        {
            var dri = table.Find(stage.Id, nutrient.Id);
            var target = new NutrientTarget(
                nutrient, dri?.Ear, dri?.Rda, dri?.Ai, dri?.Ul, dri?.UlScope ?? UpperLimitScope.TotalIntake, dri?.Cdrr,
                null, null, 1, dri?.Source ?? "no DRI set for this nutrient and life stage", []);
            target = nutrient.Id switch
            {
                "protein" => Protein(target, dri, person, isAthlete, goal),
                "carbohydrate" => Carbohydrate(target, person, load),
                "iron" => Iron(target, person, stage),
                "zinc" => Zinc(target, person),
                _ => target,
            };
            targets.Add(target);
        }

        return new PersonalTargets(person, stage, load, WithEnergyFloor(targets));
    }

    /// <summary>The targets with energy's <see cref="NutrientTarget.AthleteFloor"/> set from the low ends of the
    /// carbohydrate and protein athlete ranges (both needed), at <see cref="AtwaterKcalPerGram"/>: an intake below it
    /// cannot meet them, whatever it holds of fat.</summary>
    internal static List<NutrientTarget> WithEnergyFloor(IReadOnlyList<NutrientTarget> targets)
    {
        var carbohydrate = targets.FirstOrDefault(t => t.Nutrient.Id == "carbohydrate")?.AthleteLow;
        var protein = targets.FirstOrDefault(t => t.Nutrient.Id == "protein");
        return [.. targets.Select(t => t.Nutrient.Id != "energy" ? t
            : carbohydrate is { } c && protein?.AthleteLow is { } p && protein.AthleteHigh is not null
                ? t with
                {
                    AthleteFloor = AtwaterKcalPerGram * (c + p),
                    AthleteFloorBasis = string.Create(CultureInfo.InvariantCulture,
                        $"the athlete carbohydrate ({c:0} g/d) and protein ({p:0} g/d) lows at {AtwaterKcalPerGram} kcal/g (Atwater general factors, FAO 2003, FAO Food and Nutrition Paper 77); a floor the targets cannot be met below, not an energy requirement"),
                }
                : t with { AthleteFloor = null, AthleteFloorBasis = null })];
    }

    private static NutrientTarget Protein(NutrientTarget target, DietaryReferenceIntake? dri, Person person, bool isAthlete, ProteinGoal goal)
    {
        if (dri is null)
        {
            return target;
        }

        var adjustments = new List<TargetAdjustment>();
        double? ear = null;
        var rda = target.Rda;
        if (person.BodyMassKg is { } kg && dri.EarPerKg is { } earPerKg && dri.RdaPerKg is { } rdaPerKg)
        {
            ear = earPerKg * kg;
            rda = rdaPerKg * kg;
            adjustments.Add(new TargetAdjustment(
                string.Create(CultureInfo.InvariantCulture, $"EAR {earPerKg} and RDA {rdaPerKg} g/kg/d at {kg:0.#} kg"),
                EvidenceStrength.Strong, dri.Source));
        }
        else if (dri.EarPerKg is { } earPerKg2 && dri.RdaPerKg is { } rdaPerKg2 && target.Rda is { } rdaPerDay)
        {
            // The g/d RDA is the g/kg RDA at the report's reference body mass; the EAR scales the same way.
            ear = rdaPerDay * earPerKg2 / rdaPerKg2;
            adjustments.Add(new TargetAdjustment(
                "no body mass given: g/d values at the DRI reference body mass", EvidenceStrength.Strong, dri.Source));
        }

        var guidance = AthleteGuidance.Get("protein", goal == ProteinGoal.EnergyRestriction ? "energy_restriction" : "general");
        if (!isAthlete || person.BodyMassKg is not { } mass)
        {
            return target with
            {
                Ear = ear ?? target.Ear,
                Rda = rda,
                Adjustments = adjustments,
                AthleteRangeUnknown = isAthlete ? RangeUnknown(guidance) : null,
            };
        }

        adjustments.Add(new TargetAdjustment(
            string.Create(CultureInfo.InvariantCulture,
                $"athlete range {guidance.Low}{(guidance.High is { } h ? $"-{h}" : " or more")} g/kg/d"),
            guidance.Evidence, guidance.Source));
        return target with
        {
            Ear = ear ?? target.Ear,
            Rda = rda,
            AthleteLow = guidance.Low * mass,
            AthleteHigh = guidance.High * mass,
            AthleteSource = guidance.Source,
            Adjustments = adjustments,
        };
    }

    private static NutrientTarget Carbohydrate(NutrientTarget target, Person person, TrainingLoad? load)
    {
        if (load is not { } band)
        {
            return target;
        }

        var guidance = AthleteGuidance.Get("carbohydrate", band.Key());
        if (person.BodyMassKg is not { } mass)
        {
            return target with { AthleteRangeUnknown = RangeUnknown(guidance) };
        }

        return target with
        {
            AthleteLow = guidance.Low * mass,
            AthleteHigh = guidance.High * mass,
            AthleteSource = guidance.Source,
            Adjustments =
            [
                new TargetAdjustment(
                    string.Create(CultureInfo.InvariantCulture,
                        $"{band} training load ({person.TrainingHoursPerWeek:0.#} h/week): {guidance.Low}-{guidance.High} g/kg/d"),
                    guidance.Evidence, guidance.Source),
            ],
        };
    }

    /// <summary>Why an athlete range given per kg of body mass is not known: no body mass.</summary>
    private static string RangeUnknown(AthleteGuidance guidance) => string.Create(CultureInfo.InvariantCulture,
        $"the athlete range is {guidance.Low}{(guidance.High is { } h ? $"-{h}" : " or more")} {guidance.Unit} ({guidance.Source}) and no body mass is given");

    /// <summary>Zinc for a vegetarian or vegan: the EAR and RDA up to 50 % higher (data/athlete_targets.csv, IOM 2001
    /// p.480), for phytate in grains and legumes. Infants (an AI, no EAR) are left as they are.</summary>
    private static NutrientTarget Zinc(NutrientTarget target, Person person)
    {
        if (!person.Vegetarian || target.Ear is null)
        {
            return target;
        }

        var veg = AthleteGuidance.Get("zinc", "vegetarian");
        var adjustment = new TargetAdjustment(
            string.Create(CultureInfo.InvariantCulture, $"vegetarian diet: requirement up to x{veg.Low} (phytate; x{veg.Low} used, evidence limited)"), veg.Evidence, veg.Source)
        { Covers = ["vegetarian", "vegan"] };
        return target with { Ear = target.Ear * veg.Low, Rda = target.Rda * veg.Low, RequirementFactor = veg.Low, Adjustments = [adjustment] };
    }

    private static NutrientTarget Iron(NutrientTarget target, Person person, LifeStage stage)
    {
        var adjustments = new List<TargetAdjustment>();
        var factor = 1.0;
        if (person.Vegetarian)
        {
            var veg = AthleteGuidance.Get("iron", "vegetarian");
            factor *= veg.Low;
            adjustments.Add(new TargetAdjustment(
                string.Create(CultureInfo.InvariantCulture, $"vegetarian diet: requirement x{veg.Low}"), veg.Evidence, veg.Source)
            { Covers = ["vegetarian", "vegan"] });
        }

        var endurance = person.Sport is { } id && Sports.TryGet(id, out var sport) && sport.IsEndurance
            && person.TrainingHoursPerWeek >= EnduranceIronHoursPerWeek;
        if (endurance)
        {
            var athlete = AthleteGuidance.Get("iron", "endurance");
            var mid = (athlete.Low + athlete.High!.Value) / 2;
            factor *= mid;
            adjustments.Add(new TargetAdjustment(
                string.Create(CultureInfo.InvariantCulture,
                    $"intense daily endurance training: requirement x{athlete.Low}-{athlete.High} (x{mid} used; evidence limited, mostly runners)"),
                athlete.Evidence, athlete.Source)
            { Covers = ["endurance_running", "high_training_volume"] });
        }

        if (factor == 1 || stage.Id == "infant_0_6mo")
        {
            return target;
        }

        var ear = target.Ear * factor;
        var rda = target.Rda * factor;
        if (rda > target.Ul)
        {
            adjustments.Add(new TargetAdjustment(
                string.Create(CultureInfo.InvariantCulture,
                    $"adjusted RDA {rda:0.#} mg exceeds the UL {target.Ul:0.#} mg: iron beyond the UL only under medical supervision"),
                EvidenceStrength.Strong, target.Source));
        }

        return target with { Ear = ear, Rda = rda, RequirementFactor = factor, Adjustments = adjustments };
    }
}

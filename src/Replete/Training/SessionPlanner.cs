using System.Globalization;
using Replete.References;
using Replete.Targets;

namespace Replete.Training;

/// <summary>Plans fluid, electrolytes and carbohydrate around one session. Every figure comes from data/fueling.csv
/// or data/sweat.csv with its source.</summary>
public static class SessionPlanner
{
    private const string HyponatremiaSource =
        "Hew-Butler et al. 2015, Statement of the 3rd International Exercise-Associated Hyponatremia Consensus Development Conference, Clin J Sport Med 25:303-320";

    /// <summary>Builds the plan. Call <see cref="SessionRequest.Validate"/> first.</summary>
    public static SessionPlan Plan(SessionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Sports.TryGet(request.SportId, out var sport);
        var measured = request.MeasuredSweatRateLitresPerHour is not null;
        var sweat = request.MeasuredSweatRateLitresPerHour is { } rate
            ? new Range(rate, rate, "L/h", "the athlete's sweat-rate test")
            : SweatComposition.TypicalSweatRate(sport.Id, sport.Category);
        var hours = request.Minutes / 60;
        var losses = ElectrolyteLosses.PerHour(sweat, request.SweatSodiumMmolPerLitre);
        var warnings = new List<string>
        {
            "Do not drink more than you sweat: drinking beyond sweat loss, especially of plain water over long events, can cause exercise-associated hyponatremia, which can be fatal (" + HyponatremiaSource + ").",
        };
        if (!measured)
        {
            warnings.Add("No sweat-rate test given: the sweat figures are a typical range for athletes and vary several-fold between people and with heat; do a sweat-rate test (weigh before and after a session) in similar conditions.");
        }

        if (request.TemperatureC is >= 25 && !measured)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"At {request.TemperatureC:0} °C expect to sweat toward the top of the range or beyond; a test in the heat matters most."));
        }

        return new SessionPlan(request, sweat, measured, losses,
            Before(request), During(request, sweat, hours, losses, measured), After(request, sweat, hours), warnings);
    }

    private static List<PlanItem> Before(SessionRequest request)
    {
        var items = new List<PlanItem>();
        var fluid = FuelingGuidance.Get("fluid_4h");
        var extra = FuelingGuidance.Get("fluid_2h_if_dark_urine");
        items.Add(PerKg("fluid", fluid, request.BodyMassKg, "mL", "at least 4 h before"));
        items.Add(PerKg("fluid", extra, request.BodyMassKg, "mL", "about 2 h before, only if no urine or dark urine"));
        if (request.Minutes > 60)
        {
            items.Add(PerKg("carbohydrate", FuelingGuidance.Get("carbohydrate_1_4h"), request.BodyMassKg, "g", "in a meal 1-4 h before"));
        }

        return items;
    }

    private static List<PlanItem> During(SessionRequest request, Range sweat, double hours, IReadOnlyList<ElectrolyteLoss> losses, bool measured)
    {
        var items = new List<PlanItem>();
        var limit = FuelingGuidance.Get("body_mass_loss_limit");
        if (!measured)
        {
            // Without a sweat test the top of a typical sweat range is no drinking target (tester's report h50, finding
            // 6: 1,850 mL/h for 10 h offered to a 40 kg runner): the drinking range is the position stand's starting
            // point, never above it; no source gives a body-mass scaling, so the light-athlete advice is in words.
            // A short session where even the low sweat rate cannot reach the 2 % limit needs no drinking (from 0).
            var start = FuelingGuidance.Get("fluid_without_sweat_test");
            var needed = request.BodyMassKg is { } mass ? Math.Max(0, sweat.Low - (mass * limit.Low / 100 / hours)) : 0;
            var from = Math.Min(needed, start.Low);
            items.Add(new PlanItem("fluid",
                Say($"{from * 1000:0}-{start.High!.Value * 1000:0} mL/h without a sweat test ({start.Low * 1000:0}-{start.High!.Value * 1000:0} mL/h is the usual starting point, the lower end for lighter or slower athletes and cool weather); drink to keep body-mass loss under {limit.Low}% and never gain weight during the session"),
                from * 1000, start.High!.Value * 1000, "mL/h", start.Evidence, start.Source + "; " + limit.Source));
        }
        else if (request.BodyMassKg is { } kg)
        {
            // Keep the deficit under 2 % of body mass (1 kg = 1 L), and never drink more than is sweated.
            var allowedDeficit = kg * limit.Low / 100;
            var low = Math.Max(0, sweat.Low - (allowedDeficit / hours));
            var high = sweat.High;
            items.Add(new PlanItem("fluid",
                Say($"{low * 1000:0}-{high * 1000:0} mL/h: keeps body-mass loss under {limit.Low}% ({allowedDeficit:0.0} kg) without drinking more than the {Span(sweat.Low, sweat.High, "0.00")} L/h sweated"),
                low * 1000, high * 1000, "mL/h", limit.Evidence, limit.Source + "; sweat rate: " + sweat.Source));
        }
        else
        {
            items.Add(new PlanItem("fluid",
                Say($"up to {sweat.High * 1000:0} mL/h, enough to keep body-mass loss under {limit.Low}% and not more than sweat loss (give body mass for a figure)"),
                0, sweat.High * 1000, "mL/h", limit.Evidence, limit.Source));
        }

        var sodium = losses.First(l => l.Electrolyte == "sodium");
        items.Add(new PlanItem("sodium",
            Say($"sweat losses about {Span(sodium.MilligramsPerHour.Low, sodium.MilligramsPerHour.High, "0")} mg/h ({(sodium.Measured ? "measured sweat sodium" : "typical sweat sodium range")}); replacing part of it matters most in long sessions, heavy or salty sweaters and the heat"),
            sodium.MilligramsPerHour.Low, sodium.MilligramsPerHour.High, "mg/h", EvidenceStrength.Moderate, sodium.MilligramsPerHour.Source));

        var carbohydrate = request.Minutes switch
        {
            < 75 => null,
            <= 150 => FuelingGuidance.Get("carbohydrate_1_2_5h"),
            _ => FuelingGuidance.Get("carbohydrate_over_2_5h"),
        };
        if (request.Minutes is >= 30 and < 75 && request.Intensity == Intensity.Hard)
        {
            items.Add(new PlanItem("carbohydrate", "small amounts or a carbohydrate mouth rinse (no amount is set for 30-75 min of hard work)",
                null, null, "g/h", EvidenceStrength.Limited, "Jeukendrup 2014, Sports Med 44 Suppl 1:S25-S33"));
        }
        else if (carbohydrate is not null)
        {
            var text = carbohydrate.Item switch
            {
                "carbohydrate_over_2_5h" => Say($"{carbohydrate.Low:0}-{carbohydrate.High:0} g/h; above 60 g/h only as mixed sugars (glucose:fructose), practised in training"),
                _ => Say($"{carbohydrate.Low:0}-{carbohydrate.High:0} g/h"),
            };
            items.Add(new PlanItem("carbohydrate", text, carbohydrate.Low, carbohydrate.High, "g/h", carbohydrate.Evidence, carbohydrate.Source));
        }
        else
        {
            items.Add(new PlanItem("carbohydrate", "none needed for this duration and intensity", null, null, "g/h", EvidenceStrength.Moderate,
                "Jeukendrup 2014, Sports Med 44 Suppl 1:S25-S33"));
        }

        return items;
    }

    private static List<PlanItem> After(SessionRequest request, Range sweat, double hours)
    {
        var items = new List<PlanItem>();
        var fluid = FuelingGuidance.Get("fluid_per_kg_lost");
        items.Add(new PlanItem("fluid",
            Say($"{fluid.Low}-{fluid.High} L for every kg of body mass lost (weigh before and after), with sodium from food or drinks"),
            fluid.Low, fluid.High, "L/kg lost", fluid.Evidence, fluid.Source));
        if (request.HoursToNextSession is < 8 && request.Minutes >= 60)
        {
            var refuel = FuelingGuidance.Get("carbohydrate_rapid_refuel");
            items.Add(PerKg("carbohydrate", refuel, request.BodyMassKg, "g/h", "for the first 4 h: the next session is within 8 h"));
        }
        else
        {
            items.Add(new PlanItem("carbohydrate", "normal meals: the next session is not within 8 h", null, null, "g", EvidenceStrength.Moderate,
                "Thomas, Erdman & Burke 2016, J Acad Nutr Diet 116:501-528"));
        }

        items.Add(PerKg("protein", FuelingGuidance.Get("protein"), request.BodyMassKg, "g", "within about 2 h"));
        return items;
    }

    private static PlanItem PerKg(string what, FuelingGuidance guidance, double? bodyMassKg, string unit, string when)
    {
        var high = guidance.High ?? guidance.Low;
        var perKg = Say($"{guidance.Low}-{high} {guidance.Unit}");
        return bodyMassKg is { } kg
            ? new PlanItem(what, Say($"{guidance.Low * kg:0}-{high * kg:0} {unit} ({perKg}) {when}"), guidance.Low * kg, high * kg, unit, guidance.Evidence, guidance.Source)
            : new PlanItem(what, $"{perKg} {when}", guidance.Low, high, guidance.Unit, guidance.Evidence, guidance.Source);
    }

    private static string Say(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>A range as written: "1.10" when both ends read the same in <paramref name="format"/> (a measured value),
    /// else "0.80-1.40".</summary>
    /// <param name="low">The low end.</param>
    /// <param name="high">The high end.</param>
    /// <param name="format">A .NET number format, such as "0.00".</param>
    public static string Span(double low, double high, string format)
    {
        var from = low.ToString(format, CultureInfo.InvariantCulture);
        var to = high.ToString(format, CultureInfo.InvariantCulture);
        return from == to ? from : $"{from}-{to}";
    }
}

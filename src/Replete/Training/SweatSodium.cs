using System.Globalization;

namespace Replete.Training;

/// <summary>Sodium one athlete loses in sweat, from their sweat test: per hour of training, and over the training hours
/// of their week where the profile gives them. The engine's sweat computation (<see cref="ElectrolyteLosses.PerHour"/>,
/// as <c>replete sweat-test</c> and the session plans use it): sweat rate (L/h) times sweat sodium (mmol/L, at the
/// molar mass of sodium, 22.99 mg/mmol, data/unit_conversions.csv). A part not measured is the typical range with its
/// source (data/sweat.csv).</summary>
/// <param name="MilligramsPerHour">Sodium lost per hour of training, with the source of the concentration.</param>
/// <param name="SodiumMeasured">Whether the sweat sodium is the athlete's own.</param>
/// <param name="SweatRate">The sweat rate used, L/h, with its source.</param>
/// <param name="RateMeasured">Whether the sweat rate is the athlete's own.</param>
/// <param name="TrainingHoursPerWeek">The profile's training hours a week, or null.</param>
public sealed record SweatSodium(Range MilligramsPerHour, bool SodiumMeasured, Range SweatRate, bool RateMeasured, double? TrainingHoursPerWeek)
{
    /// <summary>Sodium lost over a training week (per hour times the profile's training hours), or null without them.</summary>
    public Range? MilligramsPerWeek => TrainingHoursPerWeek is { } hours ? MilligramsPerHour.Times(hours, "mg/week") : null;

    /// <summary>The reading in words, every number with its source.</summary>
    public string Text
    {
        get
        {
            static string Span(double low, double high, string format) => Math.Abs(high - low) < 1e-9
                ? low.ToString(format, CultureInfo.InvariantCulture)
                : string.Create(CultureInfo.InvariantCulture, $"{low.ToString(format, CultureInfo.InvariantCulture)}-{high.ToString(format, CultureInfo.InvariantCulture)}");
            var concentration = SodiumMeasured
                ? string.Create(CultureInfo.InvariantCulture, $"sweat sodium {MilligramsPerHour.Low / SweatRate.Low / SweatComposition.MgPerMmol("sodium"):0.#} mmol/L (your sweat test)")
                : $"a typical sweat sodium ({MilligramsPerHour.Source})";
            var week = MilligramsPerWeek is { } w
                ? string.Create(CultureInfo.InvariantCulture, $"; at {TrainingHoursPerWeek:0.#} h of training a week (your profile), about {Span(w.Low / 1000, w.High / 1000, "0.0")} g a week")
                : "";
            return string.Create(CultureInfo.InvariantCulture,
                $"Sodium lost in sweat: about {Span(MilligramsPerHour.Low, MilligramsPerHour.High, "0")} mg per hour of training = sweat rate {Span(SweatRate.Low, SweatRate.High, "0.00")} L/h ({(RateMeasured ? "your sweat test" : SweatRate.Source)}) x {concentration} x {SweatComposition.MgPerMmol("sodium"):0.##} mg/mmol (molar mass of sodium, data/unit_conversions.csv){week}. Shown, not added to an intake target: no source Replete holds turns sweat losses into a daily intake.");
        }
    }

    /// <summary>The reading for a profile's sweat test, or null when it gives neither a sweat rate nor a sweat sodium.</summary>
    /// <param name="sportId">The sport, for the typical sweat rate when none was measured.</param>
    /// <param name="sweatRateLitresPerHour">A measured sweat rate, L/h.</param>
    /// <param name="sweatSodiumMmolPerLitre">A measured sweat sodium, mmol/L.</param>
    /// <param name="trainingHoursPerWeek">Training hours a week, for the weekly loss.</param>
    public static SweatSodium? For(string? sportId, double? sweatRateLitresPerHour, double? sweatSodiumMmolPerLitre, double? trainingHoursPerWeek)
    {
        if (sweatRateLitresPerHour is null && sweatSodiumMmolPerLitre is null)
        {
            return null;
        }

        var category = sportId is not null && References.Sports.TryGet(sportId, out var sport) ? sport.Category : null;
        var rate = sweatRateLitresPerHour is { } measured
            ? new Range(measured, measured, "L/h", "the athlete's sweat-rate test")
            : SweatComposition.TypicalSweatRate(sportId, category);
        var sodium = ElectrolyteLosses.PerHour(rate, sweatSodiumMmolPerLitre).Single(l => l.Electrolyte == "sodium");
        return new SweatSodium(sodium.MilligramsPerHour, sodium.Measured, rate, sweatRateLitresPerHour is not null, trainingHoursPerWeek);
    }
}

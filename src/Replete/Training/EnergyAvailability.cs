using System.Globalization;

namespace Replete.Training;

/// <summary>The result of a low-energy-availability screen.</summary>
/// <param name="KcalPerKgFatFreeMass">Energy availability: (intake - exercise energy) / fat-free mass, per day.</param>
/// <param name="IsLow">Below 30 kcal/kg FFM/d: risk of relative energy deficiency in sport.</param>
/// <param name="Message">What it means and what to do.</param>
/// <param name="Source">The thresholds' sources.</param>
public sealed record EnergyAvailabilityScreen(double KcalPerKgFatFreeMass, bool IsLow, string Message, string Source);

/// <summary>Screens energy availability (Loucks &amp; Thuma 2003; IOC RED-S consensus).</summary>
public static class EnergyAvailability
{
    /// <summary>Computes the screen. Intake and exercise energy in kcal/day, fat-free mass in kg.</summary>
    public static EnergyAvailabilityScreen Screen(double intakeKcal, double exerciseKcal, double fatFreeMassKg)
    {
        if (!double.IsFinite(intakeKcal) || intakeKcal < 0 || intakeKcal > 15000)
        {
            throw new ArgumentOutOfRangeException(nameof(intakeKcal), intakeKcal, "energy intake must be between 0 and 15000 kcal/d");
        }

        if (!double.IsFinite(exerciseKcal) || exerciseKcal < 0 || exerciseKcal > 15000)
        {
            throw new ArgumentOutOfRangeException(nameof(exerciseKcal), exerciseKcal, "exercise energy must be between 0 and 15000 kcal/d");
        }

        if (!double.IsFinite(fatFreeMassKg) || fatFreeMassKg < 15 || fatFreeMassKg > 150)
        {
            throw new ArgumentOutOfRangeException(nameof(fatFreeMassKg), fatFreeMassKg, "fat-free mass must be between 15 and 150 kg");
        }

        var low = FuelingGuidance.Get("energy_availability_low");
        var optimal = FuelingGuidance.Get("energy_availability_optimal");
        var ea = (intakeKcal - exerciseKcal) / fatFreeMassKg;
        var message = ea switch
        {
            _ when ea < low.Low => string.Create(CultureInfo.InvariantCulture,
                $"Low energy availability ({ea:0.#} < {low.Low:0} kcal/kg FFM/d): risk of relative energy deficiency in sport (RED-S). Discuss with a sports physician or dietitian: menstrual function or libido, bone health and stress fractures, illness, performance, and eating behaviour. Do not cut intake further."),
            _ when ea < optimal.Low => string.Create(CultureInfo.InvariantCulture,
                $"Reduced energy availability ({ea:0.#} kcal/kg FFM/d, between {low.Low:0} and {optimal.Low:0}): acceptable for a short, planned weight change; sustained, it raises RED-S risk."),
            _ => string.Create(CultureInfo.InvariantCulture, $"Energy availability {ea:0.#} kcal/kg FFM/d: at or above the {optimal.Low:0} that supports normal function."),
        };
        return new EnergyAvailabilityScreen(ea, ea < low.Low, message, low.Source + "; " + optimal.Source);
    }
}

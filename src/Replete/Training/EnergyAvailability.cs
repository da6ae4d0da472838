using System.Globalization;
using Replete.Documents;

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
    /// <summary>Why these values cannot be screened (each outside its <see cref="InputLimits"/> range); paths are
    /// intake_kcal, exercise_kcal and ffm_kg.</summary>
    public static IReadOnlyList<InputProblem> Problems(double intakeKcal, double exerciseKcal, double fatFreeMassKg)
    {
        var problems = new List<InputProblem>();
        void Check(Limit limit, double value, string path)
        {
            if (limit.Check(value) is { } message)
            {
                problems.Add(new InputProblem("", null, path, InputProblemCodes.OutOfRange, message));
            }
        }

        Check(InputLimits.DailyKcal with { Name = "energy intake" }, intakeKcal, "intake_kcal");
        Check(InputLimits.DailyKcal with { Name = "exercise energy" }, exerciseKcal, "exercise_kcal");
        Check(InputLimits.FatFreeMassKg, fatFreeMassKg, "ffm_kg");
        return problems;
    }

    /// <summary>Fat-free mass from body mass and body fat: mass x (1 - fat % / 100), the two-compartment model.</summary>
    /// <returns>The fat-free mass in kg, or the problem: body mass outside <see cref="InputLimits.BodyMassKg"/>, body
    /// fat outside <see cref="InputLimits.BodyFatPercent"/>. Paths are weight_kg and body_fat_percent.</returns>
    public static (double? FatFreeMassKg, IReadOnlyList<InputProblem> Problems) FatFreeMass(double bodyMassKg, double bodyFatPercent)
    {
        var problems = new List<InputProblem>();
        if (InputLimits.BodyMassKg.Check(bodyMassKg) is { } mass)
        {
            problems.Add(new InputProblem("", null, "weight_kg", InputProblemCodes.OutOfRange, mass));
        }

        if (InputLimits.BodyFatPercent.Check(bodyFatPercent) is { } fat)
        {
            problems.Add(new InputProblem("", null, "body_fat_percent", InputProblemCodes.OutOfRange, fat));
        }

        return problems.Count > 0 ? (null, problems) : (bodyMassKg * (1 - (bodyFatPercent / 100)), problems);
    }

    /// <summary>Computes the screen. Intake and exercise energy in kcal/day, fat-free mass in kg.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value outside its range: check input with <see cref="Problems"/>.</exception>
    public static EnergyAvailabilityScreen Screen(double intakeKcal, double exerciseKcal, double fatFreeMassKg)
    {
        if (Problems(intakeKcal, exerciseKcal, fatFreeMassKg) is [var problem, ..])
        {
            throw new ArgumentOutOfRangeException(problem.Path, problem.Message);
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

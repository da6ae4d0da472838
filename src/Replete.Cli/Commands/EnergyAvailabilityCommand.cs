using System.CommandLine;
using Replete.Cli.Rendering;
using Replete.Training;
using Spectre.Console;

namespace Replete.Cli.Commands;

/// <summary><c>replete energy-availability</c>: the low-energy-availability screen.</summary>
internal static class EnergyAvailabilityCommand
{
    public static Command Create(CliContext context)
    {
        var intake = new Option<double?>("--intake-kcal") { Description = "Energy intake, kcal/day", Required = true };
        var exercise = new Option<double?>("--exercise-kcal") { Description = "Exercise energy expenditure, kcal/day", Required = true };
        var ffm = new Option<double?>("--ffm-kg") { Description = "Fat-free mass, kg" };
        var weight = new Option<double?>("--weight-kg") { Description = "Body mass, kg (with --body-fat-percent)" };
        var fat = new Option<double?>("--body-fat-percent") { Description = "Body fat, percent (with --weight-kg)" };
        var json = new Option<bool>("--json") { Description = "Print JSON for scripts" };
        var command = new Command("energy-availability", "Screen for low energy availability (RED-S risk)") { intake, exercise, ffm, weight, fat, json };
        command.SetAction(parse =>
        {
            var fatFree = parse.GetValue(ffm);
            if (fatFree is null)
            {
                if (parse.GetValue(weight) is not { } kg || parse.GetValue(fat) is not { } percent)
                {
                    throw new UsageException("give --ffm-kg, or --weight-kg with --body-fat-percent");
                }

                var (computed, problems) = EnergyAvailability.FatFreeMass(kg, percent);
                fatFree = computed ?? throw UsageException.FromFlags(problems, ["weight_kg", "body_fat_percent"]);
            }

            var intakeKcal = parse.GetValue(intake)!.Value;
            var exerciseKcal = parse.GetValue(exercise)!.Value;
            if (EnergyAvailability.Problems(intakeKcal, exerciseKcal, fatFree.Value) is { Count: > 0 } invalid)
            {
                throw UsageException.FromFlags(invalid, ["intake_kcal", "exercise_kcal", "ffm_kg"]);
            }

            var screen = EnergyAvailability.Screen(intakeKcal, exerciseKcal, fatFree.Value);
            return context.Emit(parse.GetValue(json), screen, (console, s) =>
            {
                console.MarkupLine((s.IsLow ? "[red]" : "[green]") + Shown.Markup(s.Message) + "[/]");
                console.MarkupLine($"[dim]Sources: {Shown.Markup(s.Source)}. Decision support, not a diagnosis.[/]");
            });
        });
        return command;
    }
}

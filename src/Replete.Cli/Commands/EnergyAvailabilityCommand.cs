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

                if (percent is < 2 or > 70)
                {
                    throw new UsageException(FormattableString.Invariant($"--body-fat-percent must be between 2 and 70 (got {percent})"));
                }

                fatFree = kg * (1 - (percent / 100));
            }

            EnergyAvailabilityScreen screen;
            try
            {
                screen = EnergyAvailability.Screen(parse.GetValue(intake)!.Value, parse.GetValue(exercise)!.Value, fatFree.Value);
            }
            catch (ArgumentOutOfRangeException ex)
            {
                throw new UsageException(ex.Message.Split(" (Parameter", 2)[0]);
            }

            return context.Emit(parse.GetValue(json), screen, (console, s) =>
            {
                console.MarkupLine((s.IsLow ? "[red]" : "[green]") + Markup.Escape(s.Message) + "[/]");
                console.MarkupLine($"[dim]Sources: {Markup.Escape(s.Source)}. Decision support, not a diagnosis.[/]");
            });
        });
        return command;
    }
}

using System.CommandLine;
using Replete.Cli.Rendering;
using Replete.Training;

namespace Replete.Cli.Commands;

/// <summary><c>replete sweat-test</c>: sweat rate and electrolyte losses from a before/after weighing.</summary>
internal static class SweatTestCommand
{
    public static Command Create(CliContext context)
    {
        var preKg = new Option<double?>("--pre-kg") { Description = "Nude body mass before, kg" };
        var postKg = new Option<double?>("--post-kg") { Description = "Nude body mass after, kg" };
        var preLb = new Option<double?>("--pre-lb") { Description = "Nude body mass before, lb" };
        var postLb = new Option<double?>("--post-lb") { Description = "Nude body mass after, lb" };
        var drankMl = new Option<double?>("--drank-ml") { Description = "Fluid drunk during the session, mL" };
        var drankOz = new Option<double?>("--drank-oz") { Description = "Fluid drunk during the session, US fl oz" };
        var urineMl = new Option<double?>("--urine-ml") { Description = "Urine passed during the session, mL" };
        var urineOz = new Option<double?>("--urine-oz") { Description = "Urine passed during the session, US fl oz" };
        var minutes = new Option<double?>("--minutes") { Description = "Session duration, minutes", Required = true };
        var sodium = new Option<double?>("--sweat-sodium-mmol-l") { Description = "Measured sweat sodium, mmol/L (otherwise a typical range)" };
        var json = new Option<bool>("--json") { Description = "Print JSON for scripts" };
        var command = new Command("sweat-test", "Sweat rate and electrolyte losses from body mass before and after a session");
        foreach (var option in new Option[] { preKg, postKg, preLb, postLb, drankMl, drankOz, urineMl, urineOz, minutes, sodium, json })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            var pre = Mass(parse.GetValue(preKg), parse.GetValue(preLb), "--pre-kg", "--pre-lb", required: true)!.Value;
            var post = Mass(parse.GetValue(postKg), parse.GetValue(postLb), "--post-kg", "--post-lb", required: true)!.Value;
            var drank = Volume(parse.GetValue(drankMl), parse.GetValue(drankOz), "--drank-ml", "--drank-oz");
            var urine = Volume(parse.GetValue(urineMl), parse.GetValue(urineOz), "--urine-ml", "--urine-oz");
            var test = new SweatRateTest(pre, post, drank, urine, parse.GetValue(minutes)!.Value);
            if (test.Validate() is { Count: > 0 } problems)
            {
                throw new UsageException(string.Join("; ", problems));
            }

            var measuredSodium = parse.GetValue(sodium);
            if (measuredSodium is { } na && (!double.IsFinite(na) || na < 10 || na > 150))
            {
                throw new UsageException(FormattableString.Invariant($"--sweat-sodium-mmol-l must be between 10 and 150 (got {na})"));
            }

            var rate = new Replete.Training.Range(test.LitresPerHour, test.LitresPerHour, "L/h", "sweat-rate test");
            var losses = ElectrolyteLosses.PerHour(rate, measuredSodium);
            if (parse.GetValue(json))
            {
                TrainingViews.WriteSweatJson(context.Output, test, losses);
            }
            else
            {
                TrainingViews.RenderSweat(context.Console, test, losses);
            }

            return 0;
        });
        return command;
    }

    private static double? Mass(double? kg, double? lb, string kgName, string lbName, bool required)
    {
        if (kg is not null && lb is not null)
        {
            throw new UsageException($"give {kgName} or {lbName}, not both");
        }

        if (kg is null && lb is null && required)
        {
            throw new UsageException($"{kgName} (or {lbName}) is required");
        }

        return kg ?? lb * SweatRateTest.KilogramsPerPound;
    }

    private static double Volume(double? ml, double? oz, string mlName, string ozName)
    {
        if (ml is not null && oz is not null)
        {
            throw new UsageException($"give {mlName} or {ozName}, not both");
        }

        return ml is { } m ? m / 1000 : oz is { } o ? o * SweatRateTest.LitresPerFluidOunce : 0;
    }
}

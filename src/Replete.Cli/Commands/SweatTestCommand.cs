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
            var given = new SweatTest(
                parse.GetValue(preKg), parse.GetValue(postKg), parse.GetValue(preLb), parse.GetValue(postLb), parse.GetValue(drankMl), parse.GetValue(drankOz),
                parse.GetValue(urineMl), parse.GetValue(urineOz), parse.GetValue(minutes), parse.GetValue(sodium));
            var test = given.ToRateTest();
            if (!test.IsValid)
            {
                throw UsageException.FromFlags(test.Problems, SweatTest.Fields);
            }

            var rate = new Replete.Training.Range(test.Value!.LitresPerHour, test.Value.LitresPerHour, "L/h", "sweat-rate test");
            var losses = ElectrolyteLosses.PerHour(rate, given.SweatSodiumMmolPerLitre);
            if (parse.GetValue(json))
            {
                TrainingViews.WriteSweatJson(context.Output, test.Value, losses);
            }
            else
            {
                TrainingViews.RenderSweat(context.Console, test.Value, losses);
            }

            return 0;
        });
        return command;
    }
}

using System.CommandLine;
using Replete.Cli.Rendering;
using Replete.Targets;

namespace Replete.Cli.Commands;

/// <summary><c>replete targets</c>: every nutrient's targets for a person, with sources.</summary>
internal static class TargetsCommand
{
    public static Command Create(CliContext context)
    {
        var person = new PersonOptions();
        var goal = new Option<string>("--protein-goal") { Description = "general or energy-restriction", DefaultValueFactory = _ => "general" };
        var json = new Option<bool>("--json") { Description = "Print JSON for scripts" };
        var command = new Command("targets", "Show EAR, RDA, AI and UL for every nutrient, adjusted for training and diet");
        person.AddTo(command);
        command.Options.Add(goal);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            var proteinGoal = parse.GetValue(goal) switch
            {
                "general" => ProteinGoal.General,
                "energy-restriction" => ProteinGoal.EnergyRestriction,
                var other => throw new UsageException($"--protein-goal must be 'general' or 'energy-restriction' (got '{other}')"),
            };
            var targets = TargetCalculator.For(person.Read(parse), proteinGoal);
            if (parse.GetValue(json))
            {
                TargetsView.WriteJson(context.Output, targets);
            }
            else
            {
                TargetsView.Render(context.Console, targets);
            }

            return 0;
        });
        return command;
    }
}

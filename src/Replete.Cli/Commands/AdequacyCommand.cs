using System.CommandLine;
using Replete.Assessment;
using Replete.Cli.Rendering;
using Replete.Diet;
using Replete.Intake;
using Replete.Nutrients;
using Replete.Targets;

namespace Replete.Cli.Commands;

/// <summary><c>replete adequacy</c>: probability that a usual intake is adequate (IOM 2000 Appendix B).</summary>
internal static class AdequacyCommand
{
    public static Command Create(CliContext context)
    {
        var person = new PersonOptions();
        var nutrient = new Option<string>("--nutrient") { Description = "Catalog id, such as magnesium or vitamin_d", Required = true };
        var intake = new Option<double?>("--intake") { Description = "Mean daily intake in the nutrient's unit (see 'replete targets')", Required = true };
        var days = new Option<int>("--days") { Description = "Number of days the mean covers", DefaultValueFactory = _ => 1 };
        var supplement = new Option<double>("--supplement") { Description = "Part of the intake that comes from supplements" };
        var json = new Option<bool>("--json") { Description = "Print JSON for scripts" };
        var command = new Command("adequacy", "Probability that usual intake of one nutrient is adequate, with the UL check");
        command.Options.Add(nutrient);
        command.Options.Add(intake);
        command.Options.Add(days);
        command.Options.Add(supplement);
        person.AddTo(command);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            var id = parse.GetValue(nutrient)!;
            if (!NutrientCatalog.Default.TryGet(id, out var found))
            {
                throw new UsageException(
                    $"unknown nutrient '{id}'; did you mean {string.Join(", ", NutrientCatalog.Default.Suggest(id))}?");
            }

            var observation = new IntakeObservation(found.Id, parse.GetValue(intake)!.Value, parse.GetValue(days), null, parse.GetValue(supplement));
            if (observation.Validate() is { Count: > 0 } problems)
            {
                throw new UsageException(string.Join("; ", problems).Replace("intake must", "--intake must", StringComparison.Ordinal)
                    .Replace("days must", "--days must", StringComparison.Ordinal));
            }

            var who = person.Read(parse);
            var targets = TargetCalculator.For(who);
            var target = targets.For(found.Id);
            var result = AdequacyAssessor.Assess(observation, target, targets.LifeStage, who.Sex);
            // The excess check assess runs (the UL, the levels where harm was seen, their red flags), on this one intake.
            var safety = RecoveryAssessor.CheckIntake(who, new NutrientIntake(found, target, observation.MeanIntake, observation.SupplementIntake, observation.Days, 1, result, [], []));
            if (parse.GetValue(json))
            {
                AdequacyView.WriteJson(context.Output, observation, found, targets, result, safety);
            }
            else
            {
                AdequacyView.Render(context.Console, observation, found, targets, result, safety);
            }

            return 0;
        });
        return command;
    }
}

using System.CommandLine;
using Replete.Cli.Rendering;
using Replete.Training;

namespace Replete.Cli.Commands;

/// <summary><c>replete training week FILE</c>: daily carbohydrate and protein targets from a week of planned sessions.</summary>
/// <remarks>The plan file is a <see cref="TrainingWeek"/> document (JSON or YAML).</remarks>
internal static class TrainingCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<FileInfo>("plan") { Description = "Training week file (JSON or YAML)" };
        var weight = new Option<double?>("--weight-kg") { Description = "Body mass, kg (overrides the file)" };
        var json = new Option<bool>("--json") { Description = "Print JSON for scripts" };
        var week = new Command("week", "Daily carbohydrate and protein targets that follow a week of planned sessions") { file, weight, json };
        week.SetAction(parse =>
        {
            var plan = InputFile.Read(parse.GetValue(file)!.FullName, TrainingWeek.Read, parse.GetValue(file)!.ToString());
            var targets = plan.Targets(parse.GetValue(weight)).OrThrow();
            return context.Emit(parse.GetValue(json), targets, TrainingViews.RenderWeek);
        });
        return new Command("training", "Targets that follow the training plan") { week };
    }
}

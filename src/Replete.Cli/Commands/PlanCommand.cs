using System.CommandLine;
using Replete.Assessment;
using Replete.Cli.Rendering;
using Replete.Documents;
using Replete.Planning;
using Replete.References;

namespace Replete.Cli.Commands;

/// <summary><c>replete plan FILE</c>: the fix, food first: the smallest change to the usual diet that meets the planning
/// targets within every upper limit, and the problem nutrients food cannot close.</summary>
internal static class PlanCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<FileInfo>("file") { Description = "Assessment file (JSON or YAML) with a diet_log; its profile's diet and avoid list shape the plan" };
        var format = new Option<string>("--format") { Description = "table, markdown, html (a printable page) or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "markdown", "html", "json");
        var fhir = new Option<FileInfo[]>("--fhir") { Description = "Lab results as FHIR R4 Observation or Bundle JSON, added to the file's labs", AllowMultipleArgumentsPerToken = true };
        var dataDir = new Option<string?>("--data-dir") { Description = "Where Replete keeps its food database" };
        var command = new Command("plan", "Plan the fix, food first: changes to your usual diet that meet your targets within every upper limit") { file, format, fhir, dataDir };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!.FullName;
            var shown = parse.GetValue(file)!.ToString();
            context.Foods.Warm(parse.GetValue(dataDir));
            var read = AssessCommand.ReadFile(context, path, parse.GetValue(fhir) ?? [], parse.GetValue(dataDir), shown);
            var diet = read.Diet ?? throw new InputException([new InputProblem(shown, null, "diet_log", InputProblemCodes.Required,
                "a plan needs a usual diet: add \"diet_log\" (a food log or an app export) to the assessment file")]);
            if (diet.Analysis.Days == 0)
            {
                // As analyze refuses a log without a day to analyse: a plan from no day of food would be no plan at all.
                throw new InputException([new InputProblem(shown, null, "diet_log", InputProblemCodes.Invalid,
                    $"{string.Join(", ", read.Request.DietLogs)}: no logged day to plan from (no entry could be counted)")]);
            }

            var assessment = RecoveryAssessor.Assess(read.Input with { AsOf = context.Today }, diet: diet.Analysis);
            var plan = Plan(context, read, diet, assessment, parse.GetValue(dataDir));
            return context.Report(parse.GetValue(format), plan, PlanViews.Render, PlanViews.Markdown, PlanViews.Html);
        });
        return command;
    }

    /// <summary>The plan for an assessment file's diet: new foods from the food database that fit the profile's diet
    /// pattern and avoid list.</summary>
    internal static NutritionPlan Plan(CliContext context, AssessmentFile read, LoadedDiet diet, RecoveryAssessment assessment, string? dataDir)
    {
        IReadOnlyList<PlanFood> candidates = [];
        IReadOnlyList<string> notMatched = [];
        UsualDiet? usual = null;
        if (assessment.Triage != Knowledge.TriageLevel.Emergency)
        {
            // The solver loads while the foods are read; a failure to load surfaces again, with its message, in Plan.
            _ = Task.Run(DayPlanner.LoadSolver);
            // The person's own foods, vitamin A and meals, read with the analysis (or once here), shared with the planner.
            usual = diet.Usual ?? UsualDiet.Read(diet.Items, diet.Analysis);
            var catalog = context.Foods.Open(dataDir).Catalog;
            var pool = CommandFoods.PlanPool(catalog);
            candidates = PlanFoods.Offered(pool, usual.Own, read.Request.Profile);
            notMatched = pool.Unmatched(read.Request.Profile.Avoid);
        }

        return DayPlanner.Plan(PlanRequest.For(read.Request, read.Input, assessment, diet.Targets, diet.Analysis, diet.Items, diet.Supplements.Supplements, candidates, read.Week, usual) with { AvoidNotMatched = notMatched });
    }
}

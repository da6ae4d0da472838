using Replete.Intake;
using Replete.Nutrients;
using Replete.Targets;
using Spectre.Console;

namespace Replete.Cli.Rendering;

/// <summary>Renders a <see cref="ProbabilityOfAdequacy"/> as a table or JSON, after what the intake says about safety.</summary>
internal static class AdequacyView
{
    public static void Render(IAnsiConsole console, IntakeObservation observation, Nutrient nutrient, PersonalTargets targets, ProbabilityOfAdequacy result, Assessment.IntakeSafety safety)
    {
        SafetyView.Render(console, safety, []);
        var table = new Table().Border(TableBorder.Rounded).AddColumn("").AddColumn("");
        table.HideHeaders();
        table.AddRow("Nutrient", Shown.Markup($"{nutrient.Name} ({targets.LifeStage.Label})"));
        table.AddRow("Mean intake", $"{Format.Amount(observation.MeanIntake)} {nutrient.Unit}/d over {observation.Days} day(s)");
        table.AddRow("Method", Describe(result.Method));
        table.AddRow("Compared with", result.Reference is { } r ? $"{(result.Method == AdequacyMethod.AiTest ? "AI" : "EAR")} {Format.Amount(r)} {nutrient.Unit}" : "-");
        if (result.WithinPersonSd is { } sd)
        {
            table.AddRow("Day-to-day SD", Shown.Markup($"{Format.Amount(sd.Value)} {nutrient.Unit} ({sd.Evidence}: {sd.Explanation})"));
        }

        if (result.Z is { } z)
        {
            table.AddRow("z", Format.Amount(z));
        }

        var label = result.Method == AdequacyMethod.AiTest ? "Confidence intake >= AI" : "Probability adequate";
        table.AddRow(label, $"[bold]{Format.Percent(result.Probability)}[/]"
            + (result.TableB1Confidence is { } b1 ? $" (IOM Table B-1 reading: {Format.Percent(b1)})" : ""));
        table.AddRow("Conclusion", Shown.Markup(result.Conclusion) + (result.IsApproximate ? " [yellow](approximate)[/]" : ""));
        if (result.UpperLimit is { } ul)
        {
            var verdict = !ul.Judged ? "[yellow]not judged[/]" : ul.LikelyExcess ? "[red]likely above the UL[/]" : "below the UL";
            table.AddRow("Upper limit", $"{verdict}: {Shown.Markup(ul.Note)}"
                + (ul.ProbabilityAbove is { } pa ? $" (P above {Format.Percent(pa)})" : ""));
        }

        console.Write(table);
        foreach (var note in result.Notes)
        {
            console.MarkupLine($"[dim]- {Shown.Markup(note)}[/]");
        }

        console.MarkupLine("[dim]Decision support, not a diagnosis.[/]");
    }

    public static void WriteJson(TextWriter output, IntakeObservation observation, Nutrient nutrient, PersonalTargets targets, ProbabilityOfAdequacy result, Assessment.IntakeSafety safety) =>
        Json.Write(output, new
        {
            nutrient = nutrient.Id,
            unit = nutrient.Unit,
            life_stage = targets.LifeStage.Id,
            mean_intake = observation.MeanIntake,
            days = observation.Days,
            method = result.Method,
            reference = result.Reference,
            probability = Format.Round(result.Probability),
            z = Format.Round(result.Z),
            table_b1_probability = result.TableB1Confidence,
            conclusion = result.Conclusion,
            approximate = result.IsApproximate,
            sd_within = result.WithinPersonSd is { } sd
                ? new { value = Format.Round(sd.Value), evidence = sd.Evidence, fallback = sd.IsFallback, explanation = sd.Explanation, source = sd.Source }
                : null,
            upper_limit = result.UpperLimit is { } ul
                ? new { ul = ul.Ul, scope = ul.Scope, intake_compared = ul.IntakeCompared, probability_above = Format.Round(ul.ProbabilityAbove), likely_excess = ul.LikelyExcess, judged = ul.Judged, note = ul.Note }
                : null,
            notes = result.Notes,
            safety,
        });

    private static string Describe(AdequacyMethod method) => method switch
    {
        AdequacyMethod.EarProbability => "EAR probability approach (IOM 2000 Appendix B)",
        AdequacyMethod.AiTest => "AI test (IOM 2000 p.199): can show adequacy, never inadequacy",
        AdequacyMethod.IronProbabilityTable => "IOM 2001 Table 14-1 iron probability table",
        AdequacyMethod.IronLogNormalApproximation => "log-normal iron requirement (approximation of the IOM tables)",
        _ => "no reference value",
    };
}

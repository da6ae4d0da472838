using Replete.Assessment;
using Spectre.Console;

namespace Replete.Cli.Rendering;

/// <summary>What an intake alone says about safety (<see cref="RecoveryAssessor.CheckIntake(References.Person, Diet.DietAnalysis, Knowledge.KnowledgeBase?)"/>),
/// shown first by <c>analyze</c> and <c>adequacy</c>: the triage, the red flags, each possible excess and what could not be
/// judged.</summary>
internal static class SafetyView
{
    /// <summary>The triage line, or null where no red flag is raised and nothing went unjudged.</summary>
    public static string? Headline(IntakeSafety? safety) => safety?.Triage switch
    {
        Knowledge.TriageLevel.Emergency => "EMERGENCY: get medical care now. Do not self-treat.",
        Knowledge.TriageLevel.SeeDoctorToday => "See a doctor today, before acting on this analysis.",
        Knowledge.TriageLevel.SeeDoctorSoon => "See a doctor soon, before acting on this analysis.",
        _ when safety?.Excess.Any(e => e.PoisoningUnjudged) == true => ExcessFinding.PoisoningUnjudgedHeadline,
        _ => null,
    };

    /// <summary>Renders the triage panel, red flags, possible excesses and warnings (the safety's, then
    /// <paramref name="warnings"/>).</summary>
    public static void Render(IAnsiConsole console, IntakeSafety? safety, IEnumerable<string> warnings)
    {
        if (Headline(safety) is { } headline)
        {
            console.Write(new Panel(new Markup($"[bold red]{Shown.Markup(headline)}[/]")).Header("Triage").BorderColor(Color.Red));
        }

        foreach (var flag in safety?.RedFlags ?? [])
        {
            console.MarkupLine($"[red]{Shown.Markup(flag.Label)}[/]: {Shown.Markup(flag.Message)} [grey]({Shown.Markup(flag.Source)})[/]");
        }

        foreach (var excess in safety?.Excess ?? [])
        {
            console.MarkupLine($"[red]Possible excess of {Shown.Markup(excess.Nutrient.Replace('_', ' '))}[/]: {Shown.Markup(excess.Advice)}");
        }

        foreach (var warning in (safety?.Warnings ?? []).Concat(warnings))
        {
            console.MarkupLine($"[red]Check[/]: {Shown.Markup(warning)}");
        }
    }
}

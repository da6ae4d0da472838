using System.Globalization;
using System.Text;
using Replete.Assessment;
using Replete.Knowledge;
using Spectre.Console;

namespace Replete.Cli.Rendering;

/// <summary>The assessment for a person: triage first, then bottlenecks, systems, other causes and next steps.</summary>
internal static class AssessmentViews
{
    public static void Render(IAnsiConsole console, RecoveryAssessment result)
    {
        var (colour, headline) = Headline(result.Triage);
        console.Write(new Panel(new Markup($"[bold {colour}]{Shown.Markup(headline)}[/]")).Header("Triage").BorderColor(result.Triage == TriageLevel.SelfCare ? Color.Green : Color.Red));
        foreach (var flag in result.RedFlags)
        {
            console.MarkupLine($"[{colour}]{Shown.Markup(flag.Label)}[/]: {Shown.Markup(flag.Message)} [grey]({Shown.Markup(flag.Source)})[/]");
        }

        var table = new Table().Title(result.SelfTreatmentStopped ? "Nutrition findings (for the doctor; do not self-treat)" : "Likely recovery bottlenecks")
            .AddColumn("nutrient").AddColumn("likelihood").AddColumn("evidence for").AddColumn("evidence against").AddColumn("what would settle it");
        foreach (var finding in result.Listed)
        {
            table.AddRow(Shown.Markup(finding.Nutrient.Replace('_', ' ')), Level(finding.Likelihood),
                Shown.Markup(string.Join("\n", finding.For.Select(Brief))), Shown.Markup(string.Join("\n", finding.Against.Select(Brief))),
                Shown.Markup(Settle(finding, result)));
        }

        if (result.ShowsNutritionFindings)
        {
            console.Write(table);
        }

        foreach (var excess in result.Excess)
        {
            console.MarkupLine($"[red]Possible excess[/] of {Shown.Markup(excess.Nutrient.Replace('_', ' '))}: {Shown.Markup(string.Join("; ", excess.Evidence.Select(Brief)))}");
        }

        if (result.Labs.Count > 0)
        {
            var labs = new Table().Title("Labs").AddColumn("test").AddColumn("value").AddColumn("reading").AddColumn("notes");
            foreach (var lab in result.Labs)
            {
                labs.AddRow(Shown.Markup(lab.Label), Shown.Markup(Value(lab)), Shown.Markup(Reading(lab)), Shown.Markup(string.Join("\n", lab.Caveats.Select(c => c.Text))));
            }

            console.Write(labs);
        }

        foreach (var left in result.LabsLeftOut)
        {
            console.MarkupLine($"[grey]Lab left out[/]: {Shown.Markup(left)}");
        }

        var systems = new Table().Title("Recovery systems").AddColumn("system").AddColumn("status").AddColumn("depends on");
        foreach (var system in result.Systems)
        {
            systems.AddRow(Shown.Markup(system.Label), Shown.Markup(system.Status), Shown.Markup(string.Join(", ", system.Nutrients).Replace('_', ' ')));
        }

        if (result.ShowsNutritionFindings)
        {
            console.Write(systems);
        }

        foreach (var cause in result.OtherCauses)
        {
            console.MarkupLine($"[yellow]Also consider[/] {Shown.Markup(cause.Label)}: {Shown.Markup(cause.WhatToConsider)}");
        }

        foreach (var step in result.NextSteps)
        {
            console.MarkupLine($"[bold]Next[/]: {Shown.Markup(step)}");
        }

        console.MarkupLine("[grey]Each piece of evidence names its source in --format markdown, html or json.[/]");
        console.MarkupLine($"[grey]{Shown.Markup(result.Disclaimer)} Likelihood is an ordinal score (labs 8/5, or half with an unverified cut-off; strong 3, moderate 2, weak 1; unverified links count as weak), not a probability.[/]");
    }

    public static string Markdown(RecoveryAssessment result)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Recovery assessment\n\n**Triage: {Headline(result.Triage).Text}**\n\n");
        foreach (var flag in result.RedFlags)
        {
            text.Append(CultureInfo.InvariantCulture, $"- **{flag.Label}**: {flag.Message} ({flag.Source})\n");
        }

        text.Append(result.ShowsNutritionFindings ? "\n## Bottlenecks\n\n| nutrient | likelihood | evidence for | evidence against | what would settle it |\n|---|---|---|---|---|\n" : "");
        foreach (var f in result.Listed)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {f.Nutrient.Replace('_', ' ')} | {Words(f.Likelihood)} | {string.Join("; ", f.For.Select(Describe))} | {string.Join("; ", f.Against.Select(Describe))} | {Settle(f, result)} |\n");
        }

        if (result.Excess.Count > 0)
        {
            text.Append("\n## Possible excess\n\n");
            foreach (var excess in result.Excess)
            {
                text.Append(CultureInfo.InvariantCulture, $"- **{excess.Nutrient}**: {string.Join("; ", excess.Evidence.Select(Describe))}\n");
            }
        }

        if (result.Labs.Count > 0)
        {
            text.Append("\n## Labs\n\n| test | value | reading | notes |\n|---|---|---|---|\n");
            foreach (var lab in result.Labs)
            {
                text.Append(CultureInfo.InvariantCulture, $"| {lab.Label} | {Value(lab)} | {Reading(lab)} | {string.Join("; ", lab.Caveats)} |\n");
            }
        }

        if (result.LabsLeftOut.Count > 0)
        {
            text.Append("\n## Lab results left out\n\n");
            foreach (var left in result.LabsLeftOut)
            {
                text.Append(CultureInfo.InvariantCulture, $"- {left}\n");
            }
        }

        text.Append(result.ShowsNutritionFindings ? "\n## Recovery systems\n\n| system | status |\n|---|---|\n" : "");
        foreach (var s in result.Systems.Where(_ => result.ShowsNutritionFindings))
        {
            text.Append(CultureInfo.InvariantCulture, $"| {s.Label} | {s.Status} |\n");
        }

        foreach (var cause in result.OtherCauses)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n- Also consider **{cause.Label}**: {cause.WhatToConsider}");
        }

        text.Append(result.NextSteps.Count > 0 ? "\n\n## Next\n\n" : "\n");
        foreach (var step in result.NextSteps)
        {
            text.Append(CultureInfo.InvariantCulture, $"- {step}\n");
        }

        return text.Append(CultureInfo.InvariantCulture, $"\n_{result.Disclaimer}_\n").ToString();
    }

    public static string Html(RecoveryAssessment result)
    {
        static string E(string text) => System.Net.WebUtility.HtmlEncode(text);
        var text = new StringBuilder();
        var (_, headline) = Headline(result.Triage);
        var colour = result.Triage == TriageLevel.SelfCare ? "#2e7d32" : "#c62828";
        text.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Recovery assessment</title>\n");
        text.Append("<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;line-height:1.4}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.3rem;vertical-align:top;text-align:left}.triage{padding:1rem;color:#fff}</style></head><body>\n");
        text.Append(CultureInfo.InvariantCulture, $"<h1>Recovery assessment</h1>\n<div class=\"triage\" style=\"background:{colour}\"><strong>{E(headline)}</strong></div>\n");
        foreach (var flag in result.RedFlags)
        {
            text.Append(CultureInfo.InvariantCulture, $"<p><strong>{E(flag.Label)}</strong>: {E(flag.Message)} <small>({E(flag.Source)})</small></p>\n");
        }

        text.Append(result.ShowsNutritionFindings ? "<h2>Bottlenecks</h2>\n<table><tr><th>nutrient</th><th>likelihood</th><th>evidence for</th><th>evidence against</th><th>what would settle it</th></tr>\n" : "<table>\n");
        foreach (var f in result.Listed)
        {
            text.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(f.Nutrient.Replace('_', ' '))}</td><td>{E(Words(f.Likelihood))}</td><td>{string.Join("<br>", f.For.Select(x => E(Describe(x))))}</td><td>{string.Join("<br>", f.Against.Select(x => E(Describe(x))))}</td><td>{E(Settle(f, result))}</td></tr>\n");
        }

        text.Append("</table>\n");

        if (result.Excess.Count > 0)
        {
            text.Append("<h2>Possible excess</h2>\n<ul>\n");
            foreach (var excess in result.Excess)
            {
                text.Append(CultureInfo.InvariantCulture, $"<li><strong>{E(excess.Nutrient)}</strong>: {string.Join("; ", excess.Evidence.Select(x => E(Describe(x))))}</li>\n");
            }

            text.Append("</ul>\n");
        }

        if (result.Labs.Count > 0)
        {
            text.Append("<h2>Labs</h2>\n<table><tr><th>test</th><th>value</th><th>reading</th><th>notes</th></tr>\n");
            foreach (var lab in result.Labs)
            {
                text.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(lab.Label)}</td><td>{E(Value(lab))}</td><td>{E(Reading(lab))}</td><td>{string.Join("<br>", lab.Caveats.Select(c => E(c.ToString())))}</td></tr>\n");
            }

            text.Append("</table>\n");
        }

        if (result.LabsLeftOut.Count > 0)
        {
            text.Append("<h2>Lab results left out</h2>\n<ul>\n");
            foreach (var left in result.LabsLeftOut)
            {
                text.Append(CultureInfo.InvariantCulture, $"<li>{E(left)}</li>\n");
            }

            text.Append("</ul>\n");
        }

        text.Append("<h2>Recovery systems</h2>\n<table><tr><th>system</th><th>status</th></tr>\n");
        foreach (var system in result.Systems)
        {
            text.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(system.Label)}</td><td>{E(system.Status)}</td></tr>\n");
        }

        text.Append("</table>\n<h2>Next</h2>\n<ul>\n");
        foreach (var item in result.OtherCauses.Select(c => $"Also consider {c.Label}: {c.WhatToConsider}").Concat(result.NextSteps))
        {
            text.Append(CultureInfo.InvariantCulture, $"<li>{E(item)}</li>\n");
        }

        return text.Append(CultureInfo.InvariantCulture, $"</ul>\n<p><em>{E(result.Disclaimer)}</em></p>\n</body></html>\n").ToString();
    }

    /// <summary>Three significant figures at most: 27.2 ng/mL, not 27.24; 425 ug/dL, not 424.97.</summary>
    private static string Value(LabReading lab) => string.Create(CultureInfo.InvariantCulture, $"{lab.Value.ToString(Math.Abs(lab.Value) >= 100 ? "0" : Math.Abs(lab.Value) >= 10 ? "0.#" : "0.##", CultureInfo.InvariantCulture)} {lab.Unit}");

    private static string Words(Likelihood likelihood) => likelihood switch
    {
        Likelihood.NotIndicated => "not indicated",
        _ => likelihood.ToString().ToLowerInvariant(),
    };

    /// <summary>The status and the cut-off it was read against, with the cut-off's source grade.</summary>
    private static string Reading(LabReading lab)
    {
        var cutoff = lab.Status switch
        {
            LabStatus.Deficient when lab.Deficient is { } d => string.Create(CultureInfo.InvariantCulture, $" (below {d:0.##})"),
            LabStatus.Low or LabStatus.Normal when lab.Low is { } l => string.Create(CultureInfo.InvariantCulture, $" ({(lab.Status == LabStatus.Low ? "below" : "cut-off")} {l:0.##}{(lab.ConditionalCutoff ? ", conditional" : "")})"),
            LabStatus.High when lab.High is { } h => string.Create(CultureInfo.InvariantCulture, $" (above {h:0.##})"),
            _ => "",
        };
        var counted = lab.CountsForDeficiency ? "" : ", not counted";
        return $"{lab.StatusLabel}{cutoff}{counted}{(lab.Evidence == EvidenceGrade.Unverified ? ", unverified cut-off: half weight" : "")}";
    }

    private static string Brief(Evidence e) => e.Grade == EvidenceGrade.Unverified && !e.What.Contains("unverified", StringComparison.Ordinal) ? $"{e.What} (unverified)" : e.What;

    private static string Describe(Evidence e) => $"{e.What} [{e.Grade.ToString().ToLowerInvariant()}: {e.Source}]";

    private static string Level(Likelihood likelihood) => likelihood switch
    {
        Likelihood.Likely => "[red]likely[/]",
        Likelihood.Possible => "[yellow]possible[/]",
        Likelihood.Weak => "weak signal",
        _ => "[green]not indicated[/]",
    };

    private static (string Colour, string Text) Headline(TriageLevel triage) => triage switch
    {
        TriageLevel.Emergency => ("red", "EMERGENCY: get medical care now. Do not self-treat."),
        TriageLevel.SeeDoctorToday => ("red", "See a doctor today, before acting on the nutrition findings."),
        TriageLevel.SeeDoctorSoon => ("red", "See a doctor soon, before acting on the nutrition findings."),
        _ => ("green", "No red flag: self-care is reasonable. Findings below."),
    };

    /// <summary>What would settle a finding, then its own notes (an athlete iron stage, low energy availability as the
    /// cause); the labs' caveats are shown with the labs, not again here.</summary>
    private static string Settle(NutrientFinding finding, RecoveryAssessment result)
    {
        var labNotes = result.Labs.SelectMany(l => l.Caveats).ToHashSet();
        var notes = finding.Notes.Where(n => !labNotes.Contains(n)).Select(n => $" Note: {n.Text}.".Replace("..", ".", StringComparison.Ordinal));
        return finding.SettleIt + string.Concat(notes);
    }
}

using System.Globalization;
using System.Text;
using Replete.Assessment;
using Replete.Knowledge;
using Spectre.Console;

namespace Replete.Cli.Rendering;

/// <summary>The assessment for a person, answer first: triage, one line per likely bottleneck, the plan in brief, next
/// steps and other causes; then the detail (evidence with grades and numbered sources, labs, systems, the plan) and the
/// sources in full. Every format carries the same sections in the same order (<see cref="AssessmentReport"/>).</summary>
internal static class AssessmentViews
{
    /// <summary>The title of the rule that separates the answer from the detail (tests count the lines above it).</summary>
    public const string DetailTitle = "Detail";

    public static void Render(IAnsiConsole console, AssessmentReport report)
    {
        var result = report.Result;
        var colour = result.Triage == TriageLevel.SelfCare ? "green" : "red";
        console.Write(new Panel(new Markup($"[bold {colour}]{Shown.Markup(report.Headline)}[/]")).Header("Triage").BorderColor(result.Triage == TriageLevel.SelfCare ? Color.Green : Color.Red));
        foreach (var flag in result.RedFlags)
        {
            console.MarkupLine($"[{colour}]{Shown.Markup(flag.Label)}[/]: {Shown.Markup(flag.Message)} [grey]{Shown.Markup(report.Cite(flag.Source))}[/]");
        }

        foreach (var warning in result.Warnings)
        {
            console.MarkupLine($"[yellow]Check[/]: {Shown.Markup(warning)}");
        }

        if (result.ShowsNutritionFindings)
        {
            console.MarkupLine($"[bold]{Shown.Markup(report.BottleneckHeading)}[/]");
            if (report.Answer.Count == 0)
            {
                console.MarkupLine("  No nutrient reaches \"possible\": nothing here points to one nutrient.");
            }
            else
            {
                var answer = new Grid().AddColumn(new GridColumn().NoWrap().Padding(2, 0, 2, 0)).AddColumn(new GridColumn().NoWrap()).AddColumn().AddColumn()
                    .AddRow(["[grey]nutrient[/]", "[grey]likelihood[/]", "[grey]strongest evidence[/]", "[grey]next step[/]"]);
                foreach (var finding in report.Answer)
                {
                    answer.AddRow(new Markup($"[bold]{Shown.Markup(AssessmentReport.Name(finding.Nutrient))}[/]"), new Markup(Level(finding.Likelihood)),
                        new Markup(Shown.Markup(AssessmentReport.Strongest(finding)?.What ?? "-")), new Markup(Shown.Markup(AssessmentReport.NextStep(finding))));
                }

                console.Write(answer);
            }

            WriteNames(console, "Weak signal only", report.Weak);
            WriteNames(console, "Deficiency not indicated", report.NotIndicated, " (--all shows their evidence)");
        }

        foreach (var excess in result.Excess)
        {
            console.MarkupLine($"[red]Possible excess[/] of {Shown.Markup(AssessmentReport.Name(excess.Nutrient))}: {Shown.Markup(excess.Advice)}");
        }

        if (report.Plan is { } plan)
        {
            console.MarkupLine($"[bold]Plan[/]: {Shown.Markup(PlanViews.Headline(plan))}");
            foreach (var line in PlanViews.Summary(plan))
            {
                Layout.Bullet(console, Shown.Markup(line));
            }
        }

        if (report.FoodLogSummary is { } foodLog)
        {
            console.MarkupLine($"[yellow]{Shown.Markup(foodLog)}[/] (listed under Food log in the detail)");
        }

        foreach (var step in report.NextSteps)
        {
            Layout.Bullet(console, Shown.Markup(step), "[bold]Next[/]:");
        }

        if (result.OtherCauses.Count > 0)
        {
            console.MarkupLine("[bold]Other causes to weigh[/] (why here; what to do in the detail):");
            foreach (var cause in result.OtherCauses)
            {
                Layout.Bullet(console, $"[yellow]{Shown.Markup(cause.Label)}[/]: {Shown.Markup(report.WhyHere(cause))}");
            }
        }

        console.MarkupLine($"[grey]{Shown.Markup(result.Disclaimer)}[/]");
        console.Write(new Rule($"[bold]{DetailTitle}[/]").LeftJustified());
        RenderEvidence(console, report);
        RenderLabs(console, result);
        foreach (var left in result.LabsLeftOut)
        {
            console.MarkupLine($"[grey]Lab left out[/]: {Shown.Markup(left)}");
        }

        if (report.FoodLog is { } log)
        {
            if (log.ToConfirm.Count > 0)
            {
                console.MarkupLine($"[yellow]Food log: please confirm these matches[/] ({ConfirmHow}):");
                foreach (var line in DietViews.ToConfirmLines(log.ToConfirm))
                {
                    Layout.Bullet(console, Shown.Markup(line));
                }
            }

            if (log.NotCounted.Count > 0)
            {
                console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"[red]Food log: not counted[/] ({log.LinesNotCounted} of {log.Lines} lines):"));
                foreach (var line in DietViews.NotCountedLines(log.NotCounted))
                {
                    Layout.Bullet(console, Shown.Markup(line));
                }

                console.MarkupLine($"  {Shown.Markup(DietViews.NotCountedAdvice(log) ?? "")}");
            }
        }

        if (result.ShowsNutritionFindings)
        {
            var systems = new Table().Title("Recovery systems").AddColumn(new TableColumn("system")).AddColumn("status").AddColumn("depends on");
            foreach (var system in result.Systems)
            {
                systems.AddRow(Shown.Markup(system.Label), Shown.Markup(system.Status), Shown.Markup(AssessmentReport.Name(string.Join(", ", system.Nutrients))));
            }

            console.Write(systems);
        }

        foreach (var cause in result.OtherCauses)
        {
            console.MarkupLine($"[yellow]{Shown.Markup(cause.Label)}[/] [grey]{Shown.Markup(report.Cite(cause.Source))}[/]: {Shown.Markup(cause.WhatToConsider)}");
        }

        if (result.SweatSodium is { } sweat)
        {
            console.MarkupLine($"[yellow]Sweat sodium[/]: {Shown.Markup(sweat.Text)}");
        }

        if (report.Plan is { } detail)
        {
            PlanViews.Render(console, detail);
        }

        if (report.Sources.Count > 0)
        {
            console.MarkupLine("[bold]Sources[/]");
            for (var i = 0; i < report.Sources.Count; i++)
            {
                console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"[grey][[{i + 1}]][/] {Shown.Markup(report.Sources[i])}"));
            }
        }

        console.MarkupLine($"[grey]{Shown.Markup(AssessmentReport.Scoring)}[/]");
    }

    public static string Markdown(AssessmentReport report)
    {
        var result = report.Result;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Recovery assessment\n\n**Triage: {report.Headline}**\n\n");
        foreach (var flag in result.RedFlags)
        {
            text.Append(CultureInfo.InvariantCulture, $"- **{flag.Label}**: {flag.Message} {report.Cite(flag.Source)}\n");
        }

        text.Append(result.Warnings.Count > 0 && result.RedFlags.Count > 0 ? "\n" : "");
        text.AppendJoin("", result.Warnings.Select(warning => $"- **Check**: {Format.MarkdownText(warning)}\n"));

        if (result.ShowsNutritionFindings)
        {
            text.Append(CultureInfo.InvariantCulture, $"{(result.RedFlags.Count > 0 ? "\n" : "")}## {report.BottleneckHeading}\n\n");
            text.Append(report.Answer.Count == 0 ? "No nutrient reaches \"possible\": nothing here points to one nutrient.\n" : "| nutrient | likelihood | strongest evidence | next step |\n|---|---|---|---|\n");
            foreach (var f in report.Answer)
            {
                text.Append(CultureInfo.InvariantCulture, $"| {AssessmentReport.Name(f.Nutrient)} | {AssessmentReport.Words(f.Likelihood)} | {Cell(AssessmentReport.Strongest(f)?.What ?? "-")} | {Cell(AssessmentReport.NextStep(f))} |\n");
            }

            text.Append(Names("Weak signal only", report.Weak, "")).Append(Names("Deficiency not indicated", report.NotIndicated, " (--all shows their evidence)"));
        }

        foreach (var excess in result.Excess)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n**Possible excess** of {AssessmentReport.Name(excess.Nutrient)}: {excess.Advice}\n");
        }

        if (report.Plan is { } plan)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n## Plan in brief\n\n**{PlanViews.Headline(plan)}**\n\n");
            text.AppendJoin("", PlanViews.Summary(plan).Select(line => $"- {line}\n"));
        }

        text.Append(report.FoodLogSummary is { } foodLog ? $"\n**{foodLog}** (listed under Food log in the detail)\n" : "");
        text.Append(report.NextSteps.Count > 0 ? "\n## Next\n\n" : "");
        text.AppendJoin("", report.NextSteps.Select(step => $"- {step}\n"));
        text.Append(result.OtherCauses.Count > 0 ? "\n## Other causes to weigh\n\n" : "");
        text.AppendJoin("", result.OtherCauses.Select(c => $"- **{c.Label}**: why here: {report.WhyHere(c)}\n"));
        text.Append(CultureInfo.InvariantCulture, $"\n_{result.Disclaimer}_\n\n## {DetailTitle}\n");
        foreach (var f in report.Detailed)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n### {AssessmentReport.Name(f.Nutrient)}: {AssessmentReport.Words(f.Likelihood)} (score {f.Score})\n\n");
            text.AppendJoin("", EvidenceLines(report, f).Select(line => $"- {line}\n"));
        }

        foreach (var excess in result.Excess)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n### Possible excess: {AssessmentReport.Name(excess.Nutrient)}\n\n");
            text.AppendJoin("", excess.Evidence.Select(e => $"- {Describe(report, e)}\n"));
        }

        if (result.Labs.Count > 0)
        {
            text.Append("\n### Labs\n\n| test | value | reading | notes |\n|---|---:|---|---|\n");
            foreach (var lab in result.Labs)
            {
                text.Append(CultureInfo.InvariantCulture, $"| {Cell(lab.Label)} | {Value(lab)} | {Cell(Reading(lab))} | {Cell(string.Join("; ", lab.Caveats))} |\n");
            }
        }

        if (result.NotCurrentLabs.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n### {NotCurrentTitle}\n\n| test | value | reading then | date |\n|---|---:|---|---|\n");
            foreach (var lab in result.NotCurrentLabs)
            {
                text.Append(CultureInfo.InvariantCulture, $"| {Cell(lab.Label)} | {Value(lab)} | {Cell(lab.StatusLabel)} | {Cell(lab.Age?.Dated ?? "")} |\n");
            }
        }

        if (result.LabsLeftOut.Count > 0)
        {
            text.Append("\n### Lab results left out\n\n");
            text.AppendJoin("", result.LabsLeftOut.Select(left => $"- {left}\n"));
        }

        if (report.FoodLog is { ToConfirm.Count: > 0 } confirm)
        {
            // Every format lists the matches below the confirmation threshold, as analyze does: counted, never silently.
            text.Append(CultureInfo.InvariantCulture, $"\n### Food log: please confirm these matches\n\n{Capital(ConfirmHow)}.\n\n");
            text.AppendJoin("", DietViews.ToConfirmLines(confirm.ToConfirm, Format.MarkdownText).Select(line => $"- {line}\n"));
        }

        if (report.FoodLog is { NotCounted.Count: > 0 } missed)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n### Food log: not counted ({missed.LinesNotCounted} of {missed.Lines} lines)\n\n");
            text.AppendJoin("", DietViews.NotCountedLines(missed.NotCounted, Format.MarkdownText).Select(line => $"- {line}\n"));
            text.Append(CultureInfo.InvariantCulture, $"\n{DietViews.NotCountedAdvice(missed)}\n");
        }

        if (result.ShowsNutritionFindings)
        {
            text.Append("\n### Recovery systems\n\n| system | status |\n|---|---|\n");
            text.AppendJoin("", result.Systems.Select(s => $"| {s.Label} | {s.Status} |\n"));
        }

        text.Append(result.OtherCauses.Count > 0 ? "\n### Other causes\n\n" : "");
        text.AppendJoin("", result.OtherCauses.Select(c => $"- **{c.Label}** {report.Cite(c.Source)}: {c.WhatToConsider}\n"));
        text.Append(result.SweatSodium is { } sweat ? $"\n### Sweat sodium\n\n{sweat.Text}\n" : "");
        if (report.Plan is { } detail)
        {
            text.Append('\n').Append(PlanViews.Markdown(detail, "###"));
        }

        text.Append(report.Sources.Count > 0 ? "\n## Sources\n\n" : "");
        text.AppendJoin("", report.Sources.Select((s, i) => string.Create(CultureInfo.InvariantCulture, $"{i + 1}. {s}\n")));
        return text.Append(CultureInfo.InvariantCulture, $"\n_{AssessmentReport.Scoring}_\n").ToString();
    }

    public static string Html(AssessmentReport report)
    {
        static string E(string text) => System.Net.WebUtility.HtmlEncode(text);
        var result = report.Result;
        var text = new StringBuilder();
        var colour = result.Triage == TriageLevel.SelfCare ? "#2e7d32" : "#c62828";
        text.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Recovery assessment</title>\n<style>");
        text.Append(PrintStyles);
        text.Append("</style></head><body>\n");
        text.Append(CultureInfo.InvariantCulture, $"<h1>Recovery assessment</h1>\n<div class=\"triage\" style=\"background:{colour}\"><strong>{E(report.Headline)}</strong></div>\n");
        foreach (var flag in result.RedFlags)
        {
            text.Append(CultureInfo.InvariantCulture, $"<p><strong>{E(flag.Label)}</strong>: {E(flag.Message)} <sup>{report.Cite(flag.Source)}</sup></p>\n");
        }

        text.AppendJoin("", result.Warnings.Select(warning => $"<p class=\"problem\"><strong>Check</strong>: {E(warning)}</p>\n"));

        if (result.ShowsNutritionFindings)
        {
            text.Append(CultureInfo.InvariantCulture, $"<h2>{E(report.BottleneckHeading)}</h2>\n");
            text.Append(report.Answer.Count == 0 ? "<p>No nutrient reaches \"possible\": nothing here points to one nutrient.</p>\n"
                : "<table><tr><th>nutrient</th><th>likelihood</th><th>strongest evidence</th><th>next step</th></tr>\n");
            foreach (var f in report.Answer)
            {
                text.Append(CultureInfo.InvariantCulture, $"<tr><td><strong>{E(AssessmentReport.Name(f.Nutrient))}</strong></td><td>{E(AssessmentReport.Words(f.Likelihood))}</td><td>{E(AssessmentReport.Strongest(f)?.What ?? "-")}</td><td>{E(AssessmentReport.NextStep(f))}</td></tr>\n");
            }

            text.Append(report.Answer.Count == 0 ? "" : "</table>\n");
            var names = (Names("Weak signal only", report.Weak, "") + Names("Deficiency not indicated", report.NotIndicated, " (--all shows their evidence)")).Trim();
            text.Append(names.Length > 0 ? $"<p>{E(names)}</p>\n" : "");
        }

        foreach (var excess in result.Excess)
        {
            text.Append(CultureInfo.InvariantCulture, $"<p class=\"problem\">Possible excess of {E(AssessmentReport.Name(excess.Nutrient))}: {E(excess.Advice)}</p>\n");
        }

        if (report.Plan is { } plan)
        {
            text.Append(CultureInfo.InvariantCulture, $"<h2>Plan in brief</h2>\n<p><strong>{E(PlanViews.Headline(plan))}</strong></p>\n<ul>\n");
            text.AppendJoin("", PlanViews.Summary(plan).Select(line => $"<li>{E(line)}</li>\n"));
            text.Append("</ul>\n");
        }

        text.Append(report.FoodLogSummary is { } foodLog ? $"<p class=\"problem\">{E(foodLog)} (listed under Food log in the detail)</p>\n" : "");
        List(text, "Next", report.NextSteps.Select(E));
        List(text, "Other causes to weigh", result.OtherCauses.Select(c => $"<strong>{E(c.Label)}</strong>: why here: {E(report.WhyHere(c))}"));
        text.Append(CultureInfo.InvariantCulture, $"<p><em>{E(result.Disclaimer)}</em></p>\n<h2>{DetailTitle}</h2>\n");
        foreach (var f in report.Detailed)
        {
            // A finding a person may act on is open; a weak or absent signal is folded to its one line, on screen and
            // on paper (a closed <details> prints its summary only).
            text.Append(CultureInfo.InvariantCulture, $"<details class=\"finding\"{(f.Likelihood >= Likelihood.Possible ? " open" : "")}><summary><h3>{E(AssessmentReport.Name(f.Nutrient))}: {E(AssessmentReport.Words(f.Likelihood))} (score {f.Score})</h3></summary>\n<ul class=\"evidence\">\n");
            text.AppendJoin("", EvidenceLines(report, f).Select(line => $"<li>{E(line)}</li>\n"));
            text.Append("</ul></details>\n");
        }

        foreach (var excess in result.Excess)
        {
            List(text, $"Possible excess: {E(AssessmentReport.Name(excess.Nutrient))}", excess.Evidence.Select(e => E(Describe(report, e))), "h3");
        }

        if (result.Labs.Count > 0)
        {
            text.Append("<h3>Labs</h3>\n<table><tr><th>test</th><th>value</th><th>reading</th><th>notes</th></tr>\n");
            foreach (var lab in result.Labs)
            {
                text.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(lab.Label)}</td><td class=\"num\">{E(Value(lab))}</td><td>{E(Reading(lab))}</td><td>{string.Join("<br>", lab.Caveats.Select(c => E(c.ToString())))}</td></tr>\n");
            }

            text.Append("</table>\n");
        }

        List(text, NotCurrentTitle, result.NotCurrentLabs.Select(l => E($"{l.Label} {Value(l)}, {l.StatusLabel} then; {l.Age?.Dated}")), "h3");
        List(text, "Lab results left out", result.LabsLeftOut.Select(E), "h3");
        if (report.FoodLog is { } log)
        {
            if (log.ToConfirm.Count > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"<h3>Food log: please confirm these matches</h3>\n<p>{E(Capital(ConfirmHow))}.</p>\n<ul>\n");
                // On paper the other candidates are left out (class detail): the page is for the match to check.
                text.AppendJoin("", DietViews.ToConfirmParts(log.ToConfirm).Select(line => $"<li>{E(line.Match)}<span class=\"detail\">{E(line.Others)}</span></li>\n"));
                text.Append("</ul>\n");
            }

            List(text, string.Create(CultureInfo.InvariantCulture, $"Food log: not counted ({log.LinesNotCounted} of {log.Lines} lines)"), DietViews.NotCountedLines(log.NotCounted).Select(E), "h3");
            text.Append(DietViews.NotCountedAdvice(log) is { } advice ? $"<p>{E(advice)}</p>\n" : "");
        }

        if (result.ShowsNutritionFindings)
        {
            text.Append("<details class=\"systems\"><summary><h3>Recovery systems</h3></summary>\n<table><tr><th>system</th><th>status</th></tr>\n");
            text.AppendJoin("", result.Systems.Select(s => $"<tr><td>{E(s.Label)}</td><td>{E(s.Status)}</td></tr>\n"));
            text.Append("</table></details>\n");
        }

        List(text, "Other causes", result.OtherCauses.Select(c => $"<strong>{E(c.Label)}</strong> <sup>{report.Cite(c.Source)}</sup>: {E(c.WhatToConsider)}"), "h3");
        List(text, "Sweat sodium", result.SweatSodium is { } sweat ? [E(sweat.Text)] : [], "h3");
        if (report.Plan is { } detail)
        {
            text.Append(PlanViews.HtmlSection(detail, "h3"));
        }

        if (report.Sources.Count > 0)
        {
            text.Append("<h2>Sources</h2>\n<ol class=\"sources\">\n");
            text.AppendJoin("", report.Sources.Select(s => $"<li>{E(s)}</li>\n"));
            text.Append("</ol>\n");
        }

        return text.Append(CultureInfo.InvariantCulture, $"<p><small>{E(AssessmentReport.Scoring)}</small></p>\n</body></html>\n").ToString();
    }

    /// <summary>Screen and print styles. On paper (A4 or Letter: the printer's paper, 8 mm margins) the answer, the
    /// evidence and the plan fit one or two pages for a dietitian to hand over: 7 pt type (7.5 pt until each lab's date
    /// and retest interval and the plan's counted-lines and UL notes came in), tight tables, a finding never
    /// split across pages, the folded details (weak signals, recovery systems) as their one-line summary, the plan's met
    /// nutrients and food ideas left to the screen, and the sources in full in three narrow columns.</summary>
    private const string PrintStyles = "body{font-family:sans-serif;max-width:60rem;margin:2rem auto;line-height:1.4}table{border-collapse:collapse;width:100%;margin-bottom:.6rem}"
        + "td,th{border:1px solid #ccc;padding:.3rem;vertical-align:top;text-align:left}.num{text-align:right;white-space:nowrap}.triage{padding:1rem;color:#fff}.problem{color:#b71c1c;font-weight:bold}"
        + "summary{cursor:pointer}summary h3{display:inline}"
        + "@media print{@page{size:auto;margin:8mm}body{margin:0;max-width:none;font-size:7pt;line-height:1.05}h1{font-size:12pt;margin:0 0 .2rem}h2{font-size:9.5pt;margin:.35rem 0 .15rem}h3,h4{font-size:8.5pt;margin:.25rem 0 .1rem}"
        + "p,ul,ol{margin:.1rem 0}ul,ol{padding-left:1.1rem}td,th{padding:.05rem .2rem}table{margin-bottom:.2rem}.triage{padding:.25rem .5rem;-webkit-print-color-adjust:exact;print-color-adjust:exact}"
        + "summary{list-style:none}summary::-webkit-details-marker{display:none}details:not([open])>summary h3{font-weight:normal}"
        + ".detail{display:none}.finding{break-inside:avoid}.sources{columns:3;column-gap:1rem;font-size:6.5pt;line-height:1.15}h2,h3,h4,summary{break-after:avoid}tr,li{break-inside:avoid}}";

    /// <summary>What a match to confirm means and how to change it (assess reads its log without asking).</summary>
    private const string ConfirmHow = "counted as shown; log the food id, or check them with 'replete analyze --interactive', to change them";

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static void List(StringBuilder text, string heading, IEnumerable<string> items, string level = "h2")
    {
        var list = items.ToList();
        if (list.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"<{level}>{heading}</{level}>\n<ul>\n");
            text.AppendJoin("", list.Select(item => $"<li>{item}</li>\n"));
            text.Append("</ul>\n");
        }
    }

    /// <summary>Each nutrient's evidence as a tree sized to the console: for and against as bullet lines with the
    /// source's grade and number, then what would settle it.</summary>
    private static void RenderEvidence(IAnsiConsole console, AssessmentReport report)
    {
        if (report.Detailed.Count == 0)
        {
            return;
        }

        console.MarkupLine("[bold]Evidence[/] [grey](+ for, - against; the source's grade and [[number]], listed under Sources)[/]");
        foreach (var f in report.Detailed)
        {
            var tree = new Outline(new Markup($"[bold]{Shown.Markup(AssessmentReport.Name(f.Nutrient))}[/]: {Level(f.Likelihood)} [grey](score {f.Score})[/]"));
            foreach (var e in f.For)
            {
                tree.AddNode(new Markup($"+ {Shown.Markup(e.What)} [grey]{Graded(report, e)}[/]"));
            }

            foreach (var e in f.Against)
            {
                tree.AddNode(new Markup($"- {Shown.Markup(e.What)} [grey]{Graded(report, e)}[/]"));
            }

            tree.AddNode(new Markup($"[bold]settle[/]: {Shown.Markup(Settle(f, report.Result))}"));
            console.Write(tree);
        }

        foreach (var excess in report.Result.Excess)
        {
            var tree = new Outline(new Markup($"[red]Possible excess[/] of [bold]{Shown.Markup(AssessmentReport.Name(excess.Nutrient))}[/]"));
            foreach (var e in excess.Evidence)
            {
                tree.AddNode(new Markup($"{Shown.Markup(e.What)} [grey]{Graded(report, e)}[/]"));
            }

            console.Write(tree);
        }
    }

    /// <summary>The heading of the results too old to read as now, the same in every format.</summary>
    private const string NotCurrentTitle = "Lab results not current (not read as now)";

    private static void RenderLabs(IAnsiConsole console, RecoveryAssessment result)
    {
        if (result.NotCurrentLabs.Count > 0)
        {
            var old = new Table().Title(NotCurrentTitle).AddColumn("test").AddColumn(new TableColumn("value").RightAligned().NoWrap()).AddColumn("reading then").AddColumn("date");
            foreach (var lab in result.NotCurrentLabs)
            {
                old.AddRow(Shown.Markup(lab.Label), Shown.Markup(Value(lab)), Shown.Markup(lab.StatusLabel), Shown.Markup(lab.Age?.Dated ?? ""));
            }

            console.Write(old);
        }

        if (result.Labs.Count == 0)
        {
            return;
        }

        var labs = new Table().Title("Labs").AddColumn("test").AddColumn(new TableColumn("value").RightAligned().NoWrap()).AddColumn("reading");
        foreach (var lab in result.Labs)
        {
            labs.AddRow(Shown.Markup(lab.Label), Shown.Markup(Value(lab)), Shown.Markup(Reading(lab)));
        }

        console.Write(labs);
        foreach (var lab in result.Labs)
        {
            foreach (var caveat in lab.Caveats)
            {
                console.MarkupLine($"  [grey]{Shown.Markup(lab.Label)}:[/] {Shown.Markup(caveat.ToString())}");
            }
        }
    }

    private static void WriteNames(IAnsiConsole console, string label, IReadOnlyList<NutrientFinding> findings, string suffix = "")
    {
        if (findings.Count > 0)
        {
            console.MarkupLine($"[grey]{label}:[/] {Shown.Markup(string.Join(", ", findings.Select(f => AssessmentReport.Name(f.Nutrient))) + suffix)}");
        }
    }

    private static string Names(string label, IReadOnlyList<NutrientFinding> findings, string suffix) =>
        findings.Count == 0 ? "" : $"\n{label}: {string.Join(", ", findings.Select(f => AssessmentReport.Name(f.Nutrient)))}{suffix}.\n";

    /// <summary>Three significant figures at most: 27.2 ng/mL, not 27.24; 425 ug/dL, not 424.97.</summary>
    private static string Value(LabReading lab) => string.Create(CultureInfo.InvariantCulture, $"{lab.Value.ToString(Math.Abs(lab.Value) >= 100 ? "0" : Math.Abs(lab.Value) >= 10 ? "0.#" : "0.##", CultureInfo.InvariantCulture)} {lab.Unit}");

    /// <summary>The status and the cut-off it was read against, with the cut-off's source grade.</summary>
    private static string Reading(LabReading lab)
    {
        var cutoff = lab.Status switch
        {
            LabStatus.Deficient when lab.Deficient is { } d => string.Create(CultureInfo.InvariantCulture, $" (below {d:0.##})"),
            LabStatus.Low or LabStatus.Normal or LabStatus.GreyZone when lab.Low is { } l => string.Create(CultureInfo.InvariantCulture, $" ({(lab.Status == LabStatus.Low ? "below" : "cut-off")} {l:0.##}{(lab.ConditionalCutoff ? ", conditional" : "")})"),
            LabStatus.High when lab.High is { } h => string.Create(CultureInfo.InvariantCulture, $" (above {h:0.##})"),
            _ => "",
        };
        var counted = lab.CountsForDeficiency ? "" : ", not counted";
        return $"{lab.StatusLabel}{cutoff}{counted}{(lab.Evidence == EvidenceGrade.Unverified ? ", unverified cut-off: half weight" : "")}{(lab.Age is { } age ? $"; {age.Dated}" : "")}";
    }

    /// <summary>"(primary [3])": the grade of the evidence's source and its number in the list of sources.</summary>
    private static string Graded(AssessmentReport report, Evidence e) => Shown.Markup($"({AssessmentReport.Grade(e.Grade)} {report.Cite(e.Source)})");

    /// <summary>A finding's evidence for and against, each with its grade and source number, then what would settle it.</summary>
    private static IEnumerable<string> EvidenceLines(AssessmentReport report, NutrientFinding f) =>
        f.For.Select(e => $"for: {Describe(report, e)}").Concat(f.Against.Select(e => $"against: {Describe(report, e)}"))
            .Append($"what would settle it: {Settle(f, report.Result)}");

    private static string Describe(AssessmentReport report, Evidence e) => $"{e.What} ({AssessmentReport.Grade(e.Grade)} {report.Cite(e.Source)})";

    private static string Level(Likelihood likelihood) => likelihood switch
    {
        Likelihood.Likely => "[red]likely[/]",
        Likelihood.Possible => "[yellow]possible[/]",
        Likelihood.Weak => "weak signal",
        _ => "[green]not indicated[/]",
    };

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    /// <summary>What would settle a finding, then its own notes (an athlete iron stage, low energy availability as the
    /// cause); the labs' caveats are shown with the labs, not again here.</summary>
    private static string Settle(NutrientFinding finding, RecoveryAssessment result)
    {
        var labNotes = result.Labs.SelectMany(l => l.Caveats).ToHashSet();
        var notes = finding.Notes.Where(n => !labNotes.Contains(n)).Select(n => $" Note: {n.Text}.".Replace("..", ".", StringComparison.Ordinal));
        return AssessmentReport.NextStep(finding) + string.Concat(notes);
    }
}

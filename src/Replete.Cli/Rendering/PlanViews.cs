using System.Globalization;
using System.Text;
using Replete.Diet;
using Replete.Planning;
using Replete.Targets;
using Spectre.Console;

namespace Replete.Cli.Rendering;

/// <summary>Renders a <see cref="NutritionPlan"/> as tables, markdown or a printable HTML page.</summary>
internal static class PlanViews
{
    /// <summary>From this many columns a terminal shows the folded columns too (the plan's "loosely" and P(adequate)).</summary>
    public const int WideColumns = 110;

    /// <summary>The plan's headline: what kind of plan, in words.</summary>
    public static string Headline(NutritionPlan plan) => plan.Status switch
    {
        PlanStatus.NoPlan => "No plan: an emergency comes first. Get medical care now.",
        PlanStatus.NoDiet => "No plan: no usual diet to plan from.",
        PlanStatus.LogNotCounted => "No plan: too much of the food log was not counted (see the note).",
        _ when plan.NotComputed is { } failed => $"{(plan.SupplementsToLower.Count > 0 ? $"First lower {plan.SupplementsToLower.Count} supplement(s) above an upper limit. " : "")}The plan could not be computed: {failed.Reason} (solver status {failed.SolverStatus}). Your usual diet is shown unchanged; this does not mean no food change helps.",
        PlanStatus.FoodOnly => "Food plan only: see a doctor about what the assessment flagged; any supplement for it is the doctor's decision.",
        _ when plan.SupplementsToLower.Count > 0 => $"First lower {plan.SupplementsToLower.Count} supplement(s) above an upper limit; then {(plan.Changes.Count == 0 ? "no food change within the plan's limits helps" : $"{plan.Changes.Count} food change(s) a day")}.",
        _ when plan.Changes.Count == 0 && plan.ProblemNutrients.Count == 0 => "Your usual diet already meets every planned goal: no change needed.",
        _ when plan.Changes.Count == 0 => "No food change within the plan's limits helps; see the problem nutrients.",
        _ => $"{plan.Changes.Count} food change(s) a day.",
    };

    /// <summary>The plan in brief, for the answer at the top of an assessment: the changes in one line, the nutrients
    /// food cannot close, and the supplements, each in one line.</summary>
    public static IReadOnlyList<string> Summary(NutritionPlan plan)
    {
        var lines = new List<string>();
        if (plan.SupplementsToLower.Count > 0)
        {
            lines.Add("Lower first: " + string.Join("; ", plan.SupplementsToLower.Select(Cut)));
        }

        if (plan.Changes.Count > 0)
        {
            lines.Add("Changes a day: " + string.Join("; ", plan.Changes.Select(c => $"{Name(c)} {Signed(c.ChangeGrams)} g")));
        }

        if (plan.ProblemNutrients.Count > 0)
        {
            lines.Add("Food cannot close: " + string.Join(", ", plan.ProblemNutrients.Select(n => string.Create(CultureInfo.InvariantCulture, $"{n.Name} ({n.ShortfallShare:P0} short)"))));
        }

        if (plan.Supplements.Count > 0)
        {
            lines.Add("Supplements: " + string.Join(", ", plan.Supplements.Select(s => $"{Nutrient(s.Nutrient)} ({Dose(s)})")));
        }

        return lines;
    }

    public static void Render(IAnsiConsole console, NutritionPlan plan)
    {
        // At 80 columns the tables keep the columns a person acts on; a wider terminal adds the rest (the markdown and
        // HTML always carry every column).
        var wide = console.Profile.Width >= WideColumns;
        console.MarkupLine($"[bold]Plan[/]: {Shown.Markup(Headline(plan))}");
        if (plan.FoodLog.Describe() is { } log)
        {
            console.MarkupLine($"[bold red]Food log[/]: {Shown.Markup(log)}");
        }
        if (plan.SupplementsToLower.Count > 0)
        {
            console.MarkupLine("[bold red]Lower these supplements first[/] (above an upper limit; the plan adds none of these nutrients):");
            foreach (var cut in plan.SupplementsToLower)
            {
                Layout.Bullet(console, Shown.Markup(cut.Advice));
            }
        }

        if (plan.Changes.Count > 0)
        {
            var changes = new Table().Title("Day plan: changes to your usual diet").AddColumn("food");
            if (wide)
            {
                changes.AddColumn(Layout.Number("now g/d")).AddColumn(Layout.Number("plan g/d"));
            }

            changes.AddColumn(Layout.Number("change g")).AddColumn("portion").AddColumn("raises");
            foreach (var c in plan.Changes)
            {
                string[] numbers = wide ? [Grams(c.UsualGrams), Grams(c.PlannedGrams)] : [];
                changes.AddRow([Shown.Markup(Name(c)), .. numbers, Signed(c.ChangeGrams), Shown.Markup(c.Portion), Shown.Markup(Raises(c))]);
            }

            console.Write(changes);
        }

        if (plan.Nutrients.Count > 0)
        {
            var nutrients = new Table().Title(wide ? "Nutrients a day: goal, now, with the plan, and if followed loosely" : "Nutrients a day: goal, now and with the plan")
                .AddColumn(new TableColumn("nutrient").NoWrap()).AddColumn(Layout.Number("goal")).AddColumn(Layout.Number("now")).AddColumn(Layout.Number("plan"));
            if (wide)
            {
                nutrients.AddColumn(Layout.Number("loosely")).AddColumn(Layout.Number("P(adequate)"));
            }

            nutrients.AddColumn("status");
            foreach (var n in plan.Nutrients)
            {
                string[] more = wide ? [Format.Amount(n.WorstCase), $"{Format.Percent(n.ProbabilityBefore)} → {Format.Percent(n.ProbabilityAfter)}"] : [];
                // At 80 columns the goal column has no room for the mark: the name carries it (the nutrient column never wraps).
                nutrients.AddRow([Shown.Markup(n.GoalAdjustments.Count > 0 ? $"{n.Name} (goal adjusted)" : n.Name), Shown.Markup(Amount(n.Goal, n.Unit)), Format.Amount(n.Before), Format.Amount(n.After), .. more, Shown.Markup(Status(n))]);
            }

            console.Write(nutrients);
            foreach (var n in plan.Nutrients.Where(n => n.GoalAdjustments.Count > 0))
            {
                Layout.Bullet(console, Shown.Markup($"Adjusted goal: {Adjusted(n)}"));
            }
        }

        if (plan.ProblemNutrients.Count > 0)
        {
            console.MarkupLine("[bold]Problem nutrients[/] (food cannot close them within the plan's limits):");
            foreach (var n in plan.ProblemNutrients)
            {
                Layout.Bullet(console, Shown.Markup(Problem(n)));
            }
        }

        if (plan.Gaps.Count > 0)
        {
            console.MarkupLine("[bold]Food first[/]: what could carry more (per usual portion)");
            foreach (var gap in plan.Gaps)
            {
                var unit = plan.Nutrients.FirstOrDefault(n => n.Nutrient == gap.Nutrient)?.Unit ?? "";
                var tree = new Outline(new Markup($"[bold]{Shown.Markup(Nutrient(gap.Nutrient))}[/]"));
                foreach (var idea in gap.Ideas)
                {
                    tree.AddNode(Shown.Markup(Idea(idea, unit)));
                }

                if (gap.Unknown.Count > 0)
                {
                    tree.AddNode($"[grey]unknown in your foods:[/] {Shown.Markup(string.Join(", ", gap.Unknown))}");
                }

                console.Write(tree);
            }
        }

        if (plan.Supplements.Count > 0)
        {
            console.MarkupLine("[bold]Supplements[/] (only for problem nutrients, lab-confirmed lows, and B12 on a vegan diet):");
            foreach (var s in plan.Supplements)
            {
                Layout.Bullet(console, Shown.Markup(Supplement(s)));
                foreach (var caution in s.Cautions)
                {
                    Layout.Bullet(console, Shown.Markup(caution), "     ");
                }
            }
        }

        if (plan.Pairings.Count > 0)
        {
            console.MarkupLine("[bold]Meal pairing[/] (your own meals):");
            foreach (var p in plan.Pairings)
            {
                Layout.Bullet(console, Shown.Markup(Pairing(p)));
            }
        }

        if (plan.MealInhibitors.Count > 0)
        {
            console.MarkupLine("[bold]Iron inhibitors[/] (phytate and polyphenols, where the foods' table reports them):");
            foreach (var load in plan.MealInhibitors)
            {
                Layout.Bullet(console, Shown.Markup(Inhibitors(load)));
            }
        }

        if (plan.TrainingFuel is { } fuel)
        {
            console.MarkupLine("[bold]Training fuel[/] (the week in the file):");
            TrainingViews.RenderWeek(console, fuel.Days);
            console.MarkupLine("[bold]Each session[/]: during it");
            foreach (var session in fuel.Sessions)
            {
                var tree = new Outline(Shown.Markup($"{Session(session)} (sweat {Sweat(session)} L/h)"));
                foreach (var item in session.During)
                {
                    tree.AddNode(Shown.Markup($"{item.What}: {item.Amount}"));
                }

                console.Write(tree);
            }
        }

        foreach (var note in plan.Notes)
        {
            console.MarkupLine($"[dim]Note:[/] {Shown.Markup(note)}");
        }
    }

    public static string Markdown(NutritionPlan plan) => Markdown(plan, "#");

    /// <summary>The plan in markdown under a <paramref name="heading"/> ("#" on its own, "###" inside an assessment),
    /// with the same sections in the same order as <see cref="HtmlSection"/>.</summary>
    public static string Markdown(NutritionPlan plan, string heading)
    {
        var sub = heading + "#";
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{heading} Nutrition plan\n\n**{Headline(plan)}**\n\n");
        if (plan.FoodLog.Describe() is { } log)
        {
            text.Append(CultureInfo.InvariantCulture, $"**Food log: {log}**\n\n");
        }
        if (plan.SupplementsToLower.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{sub} Lower these supplements first\n\n");
            foreach (var cut in plan.SupplementsToLower)
            {
                text.Append(CultureInfo.InvariantCulture, $"- {cut.Advice}\n");
            }

            text.Append('\n');
        }

        if (plan.Changes.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{sub} Day plan\n\n");
            text.Append("| food | now g/d | plan g/d | change | portion | raises |\n|---|---:|---:|---:|---|---|\n");
            foreach (var c in plan.Changes)
            {
                text.Append(CultureInfo.InvariantCulture, $"| {Cell(Name(c))} | {Grams(c.UsualGrams)} | {Grams(c.PlannedGrams)} | {Signed(c.ChangeGrams)} | {Cell(c.Portion)} | {Cell(Raises(c))} |\n");
            }

            text.Append('\n');
        }

        if (plan.Nutrients.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{sub} Nutrients\n\n");
            text.Append("| nutrient | goal | now | plan | if loosely followed | P(adequate) now -> plan | UL | status |\n|---|---:|---:|---:|---:|---|---:|---|\n");
            foreach (var n in plan.Nutrients)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"| {Cell(n.Name)} | {Cell(Goal(n))} | {Amount(n.Before, n.Unit)} | {Amount(n.After, n.Unit)} | {Amount(n.WorstCase, n.Unit)} | {Format.Percent(n.ProbabilityBefore)} -> {Format.Percent(n.ProbabilityAfter)} | {Amount(n.Ul, n.Unit)} | {Cell(Status(n))} |\n");
            }

            text.Append('\n');
            foreach (var n in plan.Nutrients.Where(n => n.GoalAdjustments.Count > 0))
            {
                text.Append(CultureInfo.InvariantCulture, $"- Adjusted goal: {Adjusted(n)} (source: {AdjustmentSources(n)})\n");
            }

            text.Append(plan.Nutrients.Any(n => n.GoalAdjustments.Count > 0) ? "\n" : "");
        }

        foreach (var n in plan.ProblemNutrients)
        {
            text.Append(CultureInfo.InvariantCulture, $"- Problem nutrient: {Problem(n)}\n");
        }

        text.Append(plan.Gaps.Count > 0 ? $"{(plan.ProblemNutrients.Count > 0 ? "\n" : "")}{sub} Food first\n\n" : "");
        foreach (var gap in plan.Gaps)
        {
            var unit = plan.Nutrients.FirstOrDefault(n => n.Nutrient == gap.Nutrient)?.Unit ?? "";
            text.Append(CultureInfo.InvariantCulture, $"- Food first for {Nutrient(gap.Nutrient)}: {string.Join("; ", gap.Ideas.Select(i => Idea(i, unit)))}");
            text.Append(gap.Unknown.Count > 0 ? $" (unknown in: {string.Join(", ", gap.Unknown)})\n" : "\n");
        }

        text.Append(plan.Supplements.Count > 0 ? $"\n{sub} Supplements\n\n" : "");
        foreach (var s in plan.Supplements)
        {
            text.Append(CultureInfo.InvariantCulture, $"- Supplement: {Supplement(s)} {string.Join(" ", s.Cautions)}{(s.Source.Length > 0 ? $" (source: {s.Source})" : "")}\n");
        }

        text.Append(plan.Pairings.Count > 0 ? $"\n{sub} Meal pairing\n\n" : "");
        foreach (var p in plan.Pairings)
        {
            text.Append(CultureInfo.InvariantCulture, $"- Meal pairing: {Pairing(p)} (source: {p.Rule.Source})\n");
        }

        foreach (var load in plan.MealInhibitors)
        {
            text.Append(CultureInfo.InvariantCulture, $"- Iron inhibitors: {Inhibitors(load)} (source: {MealInhibitorLoad.Source})\n");
        }

        if (plan.TrainingFuel is { } fuel)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{sub} Training fuel\n\n| day | training | carbohydrate g | protein g |\n|---|---:|---:|---:|\n");
            foreach (var day in fuel.Days.Days)
            {
                text.Append(CultureInfo.InvariantCulture, $"| {day.Day} | {day.Minutes:0} min | {day.CarbohydrateGrams.Low:0}-{day.CarbohydrateGrams.High:0} | {day.ProteinGrams.Low:0}-{day.ProteinGrams.High:0} |\n");
            }

            foreach (var session in fuel.Sessions)
            {
                text.Append(CultureInfo.InvariantCulture, $"- Session {Session(session)} (sweat {Sweat(session)} L/h): {string.Join("; ", session.During.Select(i => $"{i.What}: {i.Amount}"))}\n");
            }
        }

        foreach (var note in plan.Notes)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n_Note: {note}_\n");
        }

        return text.ToString();
    }

    /// <summary>A printable plan to hand to a coach or dietitian: on screen in full; on paper (print styles) the day plan,
    /// the nutrients still short or changed, supplements, pairing and the week's fuel, with the food ideas, met nutrients
    /// and long sources left to the screen, so that it fits one A4 page.</summary>
    public static string Html(NutritionPlan plan)
    {
        var text = new StringBuilder();
        text.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Nutrition plan</title>\n");
        text.Append("<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;line-height:1.4;font-size:11pt}table{border-collapse:collapse;width:100%;margin-bottom:1rem}td,th{border:1px solid #ccc;padding:.2rem .3rem;vertical-align:top;text-align:left}.num{text-align:right}.problem{color:#b71c1c;font-weight:bold}@media print{body{margin:0;max-width:none;font-size:8pt;line-height:1.2}h1{font-size:13pt;margin:0 0 .3rem}h2{font-size:10pt;margin:.4rem 0 .2rem}p,ul{margin:.2rem 0}td,th{padding:.05rem .2rem}.detail{display:none}@page{size:A4;margin:10mm}}</style></head><body>\n");
        text.Append(HtmlSection(plan, "h1"));
        text.Append("<p><small>Decision support, not a diagnosis. Replete plans food within every upper limit; a doctor or sports dietitian decides on anything more.</small></p>\n</body></html>\n");
        return text.ToString();
    }

    /// <summary>The plan as an HTML section under a <paramref name="heading"/> ("h1" on its own page, "h3" in a report),
    /// its parts one level below.</summary>
    public static string HtmlSection(NutritionPlan plan, string heading)
    {
        static string E(string text) => System.Net.WebUtility.HtmlEncode(text);
        var sub = $"h{heading[1] - '0' + 1}";
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"<{heading}>Nutrition plan</{heading}>\n<p><strong>{E(Headline(plan))}</strong></p>\n");
        if (plan.FoodLog.Describe() is { } log)
        {
            text.Append(CultureInfo.InvariantCulture, $"<p class=\"problem\">Food log: {E(log)}</p>\n");
        }
        if (plan.SupplementsToLower.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"<{sub}>Lower these supplements first</{sub}>\n<ul>\n");
            foreach (var cut in plan.SupplementsToLower)
            {
                text.Append(CultureInfo.InvariantCulture, $"<li class=\"problem\">{E(cut.Advice)}</li>\n");
            }

            text.Append("</ul>\n");
        }

        if (plan.Changes.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"<{sub}>Day plan</{sub}>\n");
            text.Append("<table><tr><th>food</th><th>now g/d</th><th>plan g/d</th><th>change</th><th>portion</th><th>raises</th></tr>\n");
            foreach (var c in plan.Changes)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"<tr><td>{E(Name(c))}</td><td class=\"num\">{Grams(c.UsualGrams)}</td><td class=\"num\">{Grams(c.PlannedGrams)}</td><td class=\"num\">{Signed(c.ChangeGrams)}</td><td>{E(c.Portion)}</td><td>{E(Raises(c))}</td></tr>\n");
            }

            text.Append("</table>\n");
        }

        if (plan.Nutrients.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"<{sub}>Nutrients</{sub}>\n");
            text.Append("<table><tr><th>nutrient</th><th>goal</th><th>now</th><th>plan</th><th>if loosely followed</th><th>P(adequate) now &rarr; plan</th><th>UL</th><th>status</th></tr>\n");
            foreach (var n in plan.Nutrients)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"<tr{(n.IsProblem || n.Before is not { } b || b < n.Goal ? "" : " class=\"detail\"")}><td>{E(n.Name)}</td><td class=\"num\">{E(Goal(n))}</td><td class=\"num\">{E(Amount(n.Before, n.Unit))}</td><td class=\"num\">{E(Amount(n.After, n.Unit))}</td><td class=\"num\">{E(Amount(n.WorstCase, n.Unit))}</td><td>{Format.Percent(n.ProbabilityBefore)} &rarr; {Format.Percent(n.ProbabilityAfter)}</td><td class=\"num\">{E(Amount(n.Ul, n.Unit))}</td><td{(n.IsProblem ? " class=\"problem\"" : "")}>{E(Status(n))}</td></tr>\n");
            }

            text.Append("</table>\n");
            if (plan.Nutrients.Any(n => n.GoalAdjustments.Count > 0))
            {
                // On screen only, like the food ideas: the printed page keeps the "(adjusted)" mark in the goal column and
                // stays within two pages.
                text.Append("<ul class=\"detail\">\n");
                foreach (var n in plan.Nutrients.Where(n => n.GoalAdjustments.Count > 0))
                {
                    text.Append(CultureInfo.InvariantCulture, $"<li>Adjusted goal: {E(Adjusted(n))} <small class=\"detail\">({E(AdjustmentSources(n))})</small></li>\n");
                }

                text.Append("</ul>\n");
            }
        }

        if (plan.Gaps.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"<div class=\"detail\"><{sub}>Food first</{sub}>\n<ul>\n");
            foreach (var gap in plan.Gaps)
            {
                var unit = plan.Nutrients.FirstOrDefault(n => n.Nutrient == gap.Nutrient)?.Unit ?? "";
                text.Append(CultureInfo.InvariantCulture, $"<li><strong>{E(Nutrient(gap.Nutrient))}</strong>: {E(string.Join("; ", gap.Ideas.Select(i => Idea(i, unit))))}{(gap.Unknown.Count > 0 ? E($" (unknown in: {string.Join(", ", gap.Unknown)})") : "")}</li>\n");
            }

            text.Append("</ul></div>\n");
        }

        if (plan.Supplements.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"<{sub}>Supplements</{sub}>\n<ul>\n");
            foreach (var s in plan.Supplements)
            {
                text.Append(CultureInfo.InvariantCulture, $"<li>{E(Supplement(s))} {E(string.Join(" ", s.Cautions))} <small class=\"detail\">{E(s.Source)}</small></li>\n");
            }

            text.Append("</ul>\n");
        }

        if (plan.Pairings.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"<{sub}>Meal pairing</{sub}>\n<ul>\n");
            foreach (var p in plan.Pairings)
            {
                text.Append(CultureInfo.InvariantCulture, $"<li>{E(Pairing(p))} <small class=\"detail\">({E(p.Rule.Source)})</small></li>\n");
            }

            text.Append("</ul>\n");
        }

        if (plan.MealInhibitors.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"<{sub}>Iron inhibitors</{sub}>\n<ul>\n");
            foreach (var load in plan.MealInhibitors)
            {
                text.Append(CultureInfo.InvariantCulture, $"<li>{E(Inhibitors(load))} <small class=\"detail\">({E(MealInhibitorLoad.Source)})</small></li>\n");
            }

            text.Append("</ul>\n");
        }

        if (plan.TrainingFuel is { } fuel)
        {
            // The week across the page, a day a column: four rows where a day a row takes eight.
            var days = fuel.Days.Days;
            string Row(string header, Func<Replete.Training.DayTarget, string> cell) =>
                $"<tr><th scope=\"row\">{header}</th>{string.Concat(days.Select(d => $"<td class=\"num\">{cell(d)}</td>"))}</tr>\n";
            text.Append(CultureInfo.InvariantCulture, $"<{sub}>Training fuel</{sub}>\n<table>\n<tr><th scope=\"col\">day</th>{string.Concat(days.Select(d => $"<th scope=\"col\">{d.Day}</th>"))}</tr>\n");
            text.Append(Row("training", d => string.Create(CultureInfo.InvariantCulture, $"{d.Minutes:0}\u00a0min")));
            text.Append(Row("carbohydrate g", d => string.Create(CultureInfo.InvariantCulture, $"{d.CarbohydrateGrams.Low:0}-{d.CarbohydrateGrams.High:0}")));
            text.Append(Row("protein g", d => string.Create(CultureInfo.InvariantCulture, $"{d.ProteinGrams.Low:0}-{d.ProteinGrams.High:0}")));
            text.Append("</table>\n<ul class=\"detail\">\n");
            foreach (var session in fuel.Sessions)
            {
                text.Append(CultureInfo.InvariantCulture, $"<li>{E(Session(session))} (sweat {E(Sweat(session))} L/h): {E(string.Join("; ", session.During.Select(i => $"{i.What}: {i.Amount}")))}</li>\n");
            }

            text.Append("</ul>\n");
        }

        foreach (var note in plan.Notes)
        {
            text.Append(CultureInfo.InvariantCulture, $"<p><small>{E(note)}</small></p>\n");
        }

        return text.ToString();
    }

    /// <summary>What a change raises, or why a food is cut: to make room within the energy band or under a UL. A food
    /// added that raises no nutrient below its goal by 5 % of the goal (the threshold for naming one) says so rather
    /// than leaving the cell empty (the solver may have taken it for several small amounts together, or for energy).</summary>
    private static string Raises(FoodChange change) => change.Carries.Count > 0
        ? string.Join(", ", change.Carries.Select(Nutrient))
        : change.ChangeGrams < 0 ? "less, to make room (energy or a UL)" : "— (no short nutrient by 5 % of its goal or more)";

    private static string Name(FoodChange change) => change.Origin == PlanFoodOrigin.New ? $"{change.Food} (new)" : change.Food;

    private static string Nutrient(string id) => id.Replace('_', ' ');

    private static string Grams(double grams) => grams.ToString("0", CultureInfo.InvariantCulture);

    private static string Signed(double grams) => grams.ToString("+0;-0;0", CultureInfo.InvariantCulture);

    private static string Amount(double? value, string unit) => value is { } v ? $"{Format.Amount(v)} {unit}" : "-";

    /// <summary>A nutrient's status; where its supplements are above the UL (the plan's supplements to lower), it says
    /// so, so that a nutrient to lower never reads plain "met"; a goal that fell back to the RDA (its adjusted goal not below
    /// the UL) says the adjusted goal is not reachable.</summary>
    private static string Status(PlannedNutrient n) => (n switch
    {
        { NotPlannedBecause: { } why } => why,
        { IsProblem: true } => string.Create(CultureInfo.InvariantCulture, $"problem: {n.ShortfallShare:P0} short"),
        { UlIntakeAfter: { } after, Ul: { } ul } when after > ul => "above UL",
        _ => n.GoalAboveUl is { } high ? string.Create(CultureInfo.InvariantCulture, $"RDA met; adjusted {Format.Amount(high)} not reachable below the UL") : "met",
    }) + (n.SupplementsAboveUl ? "; supplements above the UL" : "");

    /// <summary>The goal, marked "(adjusted)" where the targets adjusted it for training or diet (any nutrient).</summary>
    private static string Goal(PlannedNutrient n) => Amount(n.Goal, n.Unit) + (n.GoalAboveUl is not null ? " (RDA; adjusted goal not below the UL)" : n.GoalAdjustments.Count > 0 ? " (adjusted)" : "");

    /// <summary>How an adjusted goal was set, from the target's own adjustments, each with "(limited evidence)" where
    /// it rests on little.</summary>
    private static string Adjusted(PlannedNutrient n) => string.Create(CultureInfo.InvariantCulture,
        $"{n.Name} {Format.Amount(n.GoalAboveUl ?? n.Goal)} {n.Unit}/d is x{n.GoalFactor:0.##} the RDA: {string.Join("; ", n.GoalAdjustments.Select(a => a.Description + (a.Evidence == EvidenceStrength.Limited ? " (limited evidence)" : "")))}.")
        + (n.GoalAboveUl is null ? "" : string.Create(CultureInfo.InvariantCulture,
            $" That is not below the UL ({Amount(n.Ul, n.Unit)}/d, food and supplements), so the plan aims at the RDA, {Format.Amount(n.Goal)} {n.Unit}/d: nothing it suggests reaches a UL; more only under a doctor's supervision."));

    private static string AdjustmentSources(PlannedNutrient n) => string.Join("; ", n.GoalAdjustments.Select(a => a.Source).Distinct(StringComparer.Ordinal));

    private static string Problem(PlannedNutrient n) => string.Create(CultureInfo.InvariantCulture,
        $"{n.Name}: {Format.Amount(n.After)} of {Format.Amount(n.Goal)} {n.Unit}/d with the plan, {Format.Amount(n.Shortfall)} {n.Unit} ({n.ShortfallShare:P0}) short");

    private static string Idea(FoodIdea idea, string unit) =>
        $"{idea.Food}{(idea.Origin == PlanFoodOrigin.New ? " (new)" : "")}: {Format.Amount(idea.PerPortion)} {unit} in {idea.Portion}{(idea.PerHundredKcal is { } k ? $", {Format.Amount(k)} {unit} per 100 kcal" : "")}{(idea.Note is { } note ? $" [{note}]" : "")}";

    private static string Session(Replete.Training.SessionPlan session) =>
        string.Create(CultureInfo.InvariantCulture, $"{session.Request.SportId}, {session.Request.Minutes:0} min, {session.Request.Intensity.ToString().ToLowerInvariant()}");

    private static string Sweat(Replete.Training.SessionPlan session) =>
        string.Create(CultureInfo.InvariantCulture, $"{session.SweatRate.Low:0.0#}-{session.SweatRate.High:0.0#}{(session.SweatRateMeasured ? " measured" : "")}");

    private static string Supplement(SupplementAdvice s)
    {
        var why = string.Join(", ", s.Reasons.Select(r => r switch
        {
            SupplementReason.ProblemNutrient => "food cannot reach the goal",
            SupplementReason.LabConfirmed => "a lab shows it low",
            _ => "vegan diet",
        }));
        var dose = Dose(s);
        var form = s.Form.Length > 0 ? $"; {s.Form}" : "";
        var timing = s.Timing.Length > 0 ? $"; {s.Timing}" : "";
        var retest = s.Retest.Length > 0 ? $"; retest {s.Retest}" : "";
        return $"{Nutrient(s.Nutrient)} ({why}): {dose}{form}{timing}{retest}.";
    }

    private static string Dose(SupplementAdvice s) => s.Dose is { } d
        ? string.Create(CultureInfo.InvariantCulture, $"up to {Format.Amount(d)} {s.Unit} {(s.Per == "alternate_days" ? "on alternate days" : "a day")}")
        : s.DoctorsDecision ? "dose: a doctor's decision" : "no sourced dose: food first";


    /// <summary>A meal's inhibitor load in words, and the iron absorption estimate or why it is not made.</summary>
    private static string Inhibitors(MealInhibitorLoad load)
    {
        var days = load.Days == 1 ? "1 day" : $"{load.Days} days";
        var unreported = load.Unreported.Count > 0 ? $" (no inhibitor values for {string.Join(", ", load.Unreported)})" : "";
        var estimate = load.IronAbsorption.Percent is { } percent
            ? string.Create(CultureInfo.InvariantCulture, $"estimated iron absorption {percent:0.#} %")
            : $"no iron absorption estimate: {string.Join("; ", load.IronAbsorption.WhyNot)}";
        return $"{load.Meal} ({days}): {load.Describe()}{unreported}. {estimate}.";
    }

    /// <summary>A supplement to lower, in brief: which, by how much, for which nutrient.</summary>
    private static string Cut(SupplementCut cut) => string.Create(CultureInfo.InvariantCulture,
        $"{string.Join(", ", cut.Supplements.Select(s => s.Supplement))} by at least {cut.LowerBy:0.#} {cut.Unit}/d of {cut.Name.ToLowerInvariant()} (UL {cut.Ul:0.#})");

    private static string Pairing(Replete.Diet.PairingAdvice p) => p.Meal == "supplements"
        ? $"{p.Rule.Label} ({p.Detail}): {p.Rule.Advice} Certainty: {p.Rule.Certainty}."
        : $"{p.Meal}, {p.Days} of {p.OfDays} days, {p.Rule.Label} ({p.Detail}): {p.Rule.Advice} Certainty: {p.Rule.Certainty}.";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}

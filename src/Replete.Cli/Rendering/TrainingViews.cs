using System.Globalization;
using Replete.Targets;
using Replete.Training;
using Spectre.Console;

namespace Replete.Cli.Rendering;

/// <summary>Renders sweat tests, session plans and periodized targets.</summary>
internal static class TrainingViews
{
    public static void RenderSweat(IAnsiConsole console, SweatRateTest test, IReadOnlyList<ElectrolyteLoss> losses)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Sweat-rate test").AddColumn(new TableColumn("").RightAligned());
        table.AddRow("Sweat lost", Invariant($"{test.SweatLossLitres:0.00} L"));
        table.AddRow("Sweat rate", Invariant($"[bold]{test.LitresPerHour * 1000:0} mL/h[/]"));
        table.AddRow("Body mass lost", Invariant($"{test.PercentBodyMassLost:0.0} %"));
        console.Write(table);
        if (test.PercentBodyMassLost > 2)
        {
            console.MarkupLine("[yellow]More than 2 % of body mass lost: drink more next time (Sawka et al. 2007).[/]");
        }

        if (test.PostMassKg > test.PreMassKg)
        {
            console.MarkupLine("[red]You gained weight: you drank more than you sweated. Over-drinking risks exercise-associated hyponatremia (Hew-Butler et al. 2015).[/]");
        }

        RenderLosses(console, losses);
    }

    public static void WriteSweatJson(TextWriter output, SweatRateTest test, IReadOnlyList<ElectrolyteLoss> losses) => Json.Write(output, new
    {
        sweat_loss_l = Math.Round(test.SweatLossLitres, 4),
        sweat_rate_ml_per_h = Math.Round(test.LitresPerHour * 1000, 1),
        percent_body_mass_lost = Math.Round(test.PercentBodyMassLost, 2),
        losses = losses.Select(l => new
        {
            electrolyte = l.Electrolyte,
            mg_per_h_low = Math.Round(l.MilligramsPerHour.Low, 1),
            mg_per_h_high = Math.Round(l.MilligramsPerHour.High, 1),
            measured = l.Measured,
            source = l.MilligramsPerHour.Source,
        }),
    });

    public static void RenderSession(IAnsiConsole console, SessionPlan plan)
    {
        var r = plan.Request;
        console.MarkupLine(Shown.Markup(Invariant($"Session plan: {r.SportId}, {r.Minutes:0} min, {r.Intensity.ToString().ToLowerInvariant()}{(r.TemperatureC is { } t ? $", {t:0} °C" : "")}")));
        foreach (var warning in plan.Warnings)
        {
            console.MarkupLine($"[yellow]! {Shown.Markup(warning)}[/]");
        }

        console.MarkupLine(Shown.Markup(Invariant($"Sweat rate used: {SessionPlanner.Span(plan.SweatRate.Low, plan.SweatRate.High, "0.00")} L/h ({(plan.SweatRateMeasured ? "measured" : "typical range")})")));
        var table = new Table().Border(TableBorder.Rounded).AddColumn("When").AddColumn("What").AddColumn("How much").AddColumn("Evidence");
        void Add(string when, IReadOnlyList<PlanItem> items)
        {
            foreach (var item in items)
            {
                table.AddRow(when, item.What, Shown.Markup(item.Amount), item.Evidence.ToString().ToLowerInvariant());
                when = "";
            }
        }

        Add("Before", plan.Before);
        Add("During", plan.During);
        Add("After", plan.After);
        console.Write(table);
        RenderLosses(console, plan.Losses);
        var sources = plan.Before.Concat(plan.During).Concat(plan.After).Select(i => i.Source).Distinct().ToList();
        console.MarkupLine("[dim]Sources:[/]");
        foreach (var source in sources)
        {
            console.MarkupLine($"[dim]- {Shown.Markup(source)}[/]");
        }

        console.MarkupLine("[dim]Decision support, not a diagnosis.[/]");
    }

    public static void RenderWeek(IAnsiConsole console, PeriodizedTargets targets)
    {
        console.MarkupLine($"[bold]{Shown.Markup(targets.PhaseNote)}[/]");
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Day").AddColumn(new TableColumn("Training").RightAligned())
            .AddColumn("Load").AddColumn(new TableColumn("Carbohydrate g").RightAligned()).AddColumn(new TableColumn("Protein g").RightAligned());
        foreach (var day in targets.Days)
        {
            table.AddRow(day.Day.ToString(), Invariant($"{day.Minutes:0} min"), LoadWords(day.Load),
                Invariant($"{day.CarbohydrateGrams.Low:0}-{day.CarbohydrateGrams.High:0}"), Invariant($"{day.ProteinGrams.Low:0}-{day.ProteinGrams.High:0}"));
        }

        console.Write(table);
        console.MarkupLine("[dim]Carbohydrate by each day's load (light 3-5, moderate 5-7, high 6-10, very high 8-12 g/kg) and protein 1.2-2.0 g/kg: Thomas, Erdman & Burke 2016, J Acad Nutr Diet 116:501-528, Table 2. Decision support, not a diagnosis.[/]");
    }

    private static void RenderLosses(IAnsiConsole console, IReadOnlyList<ElectrolyteLoss> losses)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Electrolyte").AddColumn(new TableColumn("Lost per hour").RightAligned()).AddColumn("Basis");
        foreach (var loss in losses)
        {
            var range = loss.MilligramsPerHour;
            var amount = Math.Abs(range.High - range.Low) < 0.5 ? Invariant($"{range.Low:0} mg") : Invariant($"{range.Low:0}-{range.High:0} mg");
            table.AddRow(loss.Electrolyte, amount, loss.Measured ? "measured sweat sodium" : "typical concentration (mean ± 1 SD)");
        }

        console.Write(table);
        console.MarkupLine("[dim]Trace-mineral losses in sweat are small; sodium is the one that matters (Baker 2019, Temperature 6:211-259).[/]");
    }

    /// <summary>A training load in words: "very high", not "VeryHigh".</summary>
    internal static string LoadWords(Replete.Targets.TrainingLoad load) =>
        System.Text.RegularExpressions.Regex.Replace(load.ToString(), "(?<=[a-z])(?=[A-Z])", " ").ToLowerInvariant();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

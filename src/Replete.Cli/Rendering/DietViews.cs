using System.Globalization;
using System.Text;
using Replete.Diet;
using Spectre.Console;

namespace Replete.Cli.Rendering;

/// <summary>The analysis, how each log line was matched, and what was skipped.</summary>
internal sealed record DietReport(DietAnalysis Analysis, IReadOnlyList<ResolvedFood> Matches, IReadOnlyList<string> Problems)
{
    /// <summary>The codes of import notes that describe something still counted (lines joined, the separator, rows
    /// taken as supplements); the rest were not counted.</summary>
    public static readonly string[] CountedCodes = ["joined", "format", "supplements"];

    public IReadOnlyList<ResolvedFood> ToConfirm => [.. Matches.Where(m => m.NeedsConfirmation)];

    /// <summary>Food-log lines read, and how many of them were not counted (each is in <see cref="Problems"/>).</summary>
    public int LogLines => Analysis.FoodLog.Lines;

    /// <summary>Food-log lines not counted.</summary>
    public int LogLinesNotCounted => Analysis.FoodLog.LinesNotCounted;

    /// <summary>What the import recovered or decided and still counted, as opposed to <see cref="Problems"/>.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Whether the intake reaches a level where harm was seen (h68 finding 4: only <c>assess</c> said so), with
    /// the red flags it raises; shown first in every format.</summary>
    public Assessment.IntakeSafety? Safety { get; init; }

    /// <summary>The triage line for <see cref="Safety"/>, or null where no red flag is raised (not in JSON, which has the
    /// triage itself).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? SafetyHeadline => SafetyView.Headline(Safety);
}

/// <summary>Tables, markdown and the chart for <c>replete analyze</c>.</summary>
internal static class DietViews
{
    private static readonly string[] DayColumns = ["energy", "protein", "carbohydrate", "iron", "magnesium", "calcium", "sodium", "vitamin_d"];

    public static void Render(IAnsiConsole console, DietReport report)
    {
        var analysis = report.Analysis;
        console.MarkupLine($"[bold]Usual intake[/], {analysis.Held} from {analysis.From:yyyy-MM-dd} to {analysis.To:yyyy-MM-dd}{(analysis.SupplementsAlone ? "" : $", {analysis.Entries} entries")}. [grey]Decision support, not a diagnosis.[/]");
        SafetyView.Render(console, report.Safety, analysis.Warnings);

        // At 80 columns the main table keeps what a person acts on (mean, target, P(adequate)); share of target, coverage
        // and upper limits fold into a second table below it, and any intake above its UL is also named in red under the
        // first. From PlanViews.WideColumns the columns sit in one table.
        var wide = console.Profile.Width >= PlanViews.WideColumns;
        var rows = Rows(analysis, newLine: !wide).ToList();
        var table = new Table().Border(TableBorder.Rounded).AddColumn(new TableColumn("nutrient").NoWrap()).AddColumn(Layout.Number("mean/day"))
            .AddColumn(new TableColumn("target").RightAligned()).AddColumn(Layout.Number("P(adequate)"));
        if (wide)
        {
            table.AddColumn(Layout.Number("% target")).AddColumn(Layout.Number("coverage")).AddColumn("upper limit");
        }

        foreach (var row in rows)
        {
            string[] more = wide ? [row.Percent, row.Coverage, Shown.Markup(row.UpperLimit)] : [];
            table.AddRow([Shown.Markup(row.Name), row.Mean, Shown.Markup(row.Target), Colour(row), .. more]);
        }

        console.Write(table);
        foreach (var row in rows.Where(r => r.UpperLimit.StartsWith("ABOVE", StringComparison.Ordinal)))
        {
            console.MarkupLine($"[red]{Shown.Markup(row.Name)}: {Shown.Markup(row.UpperLimit)}[/] ({(row.WithSupplements ? "usual intake with supplements above the upper limit" : "usual intake from food above the upper limit")})");
        }

        console.MarkupLine($"[grey]{Legend}[/]");
        if (!wide)
        {
            var folded = new Table().Title("Share of target, coverage and upper limits").AddColumn(new TableColumn("nutrient").NoWrap())
                .AddColumn(Layout.Number("% target")).AddColumn(Layout.Number("coverage")).AddColumn("upper limit");
            foreach (var row in rows)
            {
                folded.AddRow(Shown.Markup(row.Name), row.Percent, row.Coverage, Shown.Markup(row.UpperLimit));
            }

            console.Write(folded);
        }

        var sources = new Table().Title("Where it comes from (top foods, share of food intake)").AddColumn(new TableColumn("nutrient").NoWrap()).AddColumn("foods");
        foreach (var n in analysis.Nutrients.Where(n => n.TopFoods.Count > 0))
        {
            sources.AddRow(Shown.Markup(n.Nutrient.Name), Shown.Markup(string.Join("\n", n.TopFoods.Select(f => $"{Shorten(f.Food)} {f.Share:P0}"))));
        }

        console.Write(sources);
        foreach (var (n, notes) in NotesOf(analysis))
        {
            console.MarkupLine($"[yellow]{Shown.Markup(n.Nutrient.Name)}[/]: {Shown.Markup(notes)}");
        }

        RenderDays(console, analysis, wide);
        if (report.ToConfirm.Count > 0)
        {
            console.MarkupLine("[yellow]Please confirm these matches[/] (or run with --interactive, or log the food id):");
            foreach (var line in ToConfirmLines(report.ToConfirm))
            {
                console.MarkupLine(Shown.Markup("  " + line));
            }
        }

        foreach (var note in Capped(report.Notes))
        {
            console.MarkupLine($"[grey]Note[/]: {Shown.Markup(note)}");
        }

        foreach (var problem in Capped(report.Problems))
        {
            console.MarkupLine($"[red]Not counted[/]: {Shown.Markup(problem)}");
        }

        // The confirm list is just above: the line adds what was not counted, and how many lines of how many.
        if (report.LogLinesNotCounted > 0 && FoodLogSummary(report.Analysis.FoodLog) is { } summary)
        {
            console.MarkupLine($"[yellow]{Shown.Markup(summary)}[/]{(report.Analysis.FoodLog.MuchNotCounted ? "" : " " + Shown.Markup(NotCountedAdvice(report.Analysis.FoodLog) ?? ""))}");
        }
    }

    /// <summary>Day by day: a date a row where the console is wide; at 80 columns a nutrient a row with up to seven dates
    /// a table, so that no header or name is cut.</summary>
    private static void RenderDays(IAnsiConsole console, DietAnalysis analysis, bool wide)
    {
        string Cell(DayIntake day, string id) => day.Totals.TryGetValue(id, out var v) ? Format.Amount(v) : "-";
        static string Header(string id) => $"{id.Replace('_', ' ')} {Nutrients.NutrientCatalog.Default.Get(id).Unit}";
        if (wide)
        {
            var days = new Table().Title("Day by day").AddColumn("date").AddColumn(Layout.Number("entries"));
            foreach (var id in DayColumns)
            {
                days.AddColumn(Layout.Number(Header(id)));
            }

            foreach (var day in analysis.DayByDay)
            {
                days.AddRow([day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), day.Entries.ToString(CultureInfo.InvariantCulture), .. DayColumns.Select(id => Cell(day, id))]);
            }

            console.Write(days);
            return;
        }

        foreach (var week in analysis.DayByDay.Chunk(7))
        {
            var days = new Table().Title(week.Length == analysis.DayByDay.Count ? "Day by day" : $"Day by day from {week[0].Date:yyyy-MM-dd}").AddColumn(new TableColumn("").NoWrap());
            foreach (var day in week)
            {
                days.AddColumn(Layout.Number(day.Date.ToString("MM-dd", CultureInfo.InvariantCulture)));
            }

            days.AddRow(["entries", .. week.Select(d => d.Entries.ToString(CultureInfo.InvariantCulture))]);
            foreach (var id in DayColumns)
            {
                days.AddRow([Shown.Markup(Header(id)), .. week.Select(d => Cell(d, id))]);
            }

            console.Write(days);
        }
    }


    public static string Markdown(DietReport report)
    {
        var analysis = report.Analysis;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Usual intake, {analysis.From:yyyy-MM-dd} to {analysis.To:yyyy-MM-dd}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"{analysis.Held}{(analysis.SupplementsAlone ? "" : $", {analysis.Entries} entries")}. Decision support, not a diagnosis.\n\n");
        if (report.SafetyHeadline is { } headline)
        {
            text.Append(CultureInfo.InvariantCulture, $"**Triage: {headline}**\n\n");
        }

        text.AppendJoin("", (report.Safety?.RedFlags ?? []).Select(flag => $"- **{Format.MarkdownText(flag.Label)}**: {Format.MarkdownText(flag.Message)} ({Format.MarkdownText(flag.Source)})\n"));
        text.AppendJoin("", (report.Safety?.Excess ?? []).Select(excess => $"- **Possible excess of {excess.Nutrient.Replace('_', ' ')}**: {Format.MarkdownText(excess.Advice)}\n"));
        text.Append(report.Safety is { RedFlags.Count: > 0 } or { Excess.Count: > 0 } ? "\n" : "");
        foreach (var warning in (report.Safety?.Warnings ?? []).Concat(analysis.Warnings))
        {
            text.Append("**Check:** ").Append(Format.MarkdownText(warning)).Append("\n\n");
        }

        text.Append("| nutrient | mean/day | target | % target | P(adequate) | coverage | upper limit | top foods |\n|---|---:|---:|---:|---:|---:|---|---|\n");
        foreach (var row in Rows(analysis))
        {
            text.Append(CultureInfo.InvariantCulture, $"| {row.Name} | {row.Mean} | {row.Target} | {row.Percent} | {row.Adequacy} | {row.Coverage} | {row.UpperLimit} | {Format.MarkdownText(row.TopFoods)} |\n");
        }

        text.Append('\n').Append(Legend).Append('\n');
        foreach (var (n, notes) in NotesOf(analysis))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n- **{n.Nutrient.Name}**: {notes}");
        }

        text.Append("\n\n## Day by day\n\n| date | entries | ");
        text.AppendJoin(" | ", DayColumns).Append(" |\n|---|---:|");
        text.Append(string.Concat(Enumerable.Repeat("---:|", DayColumns.Length))).Append('\n');
        foreach (var day in analysis.DayByDay)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {day.Date:yyyy-MM-dd} | {day.Entries} | ");
            text.AppendJoin(" | ", DayColumns.Select(id => day.Totals.TryGetValue(id, out var v) ? Format.Amount(v) : "-")).Append(" |\n");
        }

        if (report.ToConfirm.Count > 0)
        {
            // Every format lists the matches below the confirmation threshold: a doubtful food must never be counted
            // silently (issue 17: a markdown report counted "creme fraiche" as a liqueur without saying so).
            text.Append("\n\n## Please confirm these matches\n\nCounted as shown; run with --interactive, or log the food id, to change them.\n");
            foreach (var line in ToConfirmLines(report.ToConfirm, Format.MarkdownText))
            {
                text.Append("\n- ").Append(line);
            }
        }

        foreach (var problem in Capped(report.Problems))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n- Not counted: {Format.MarkdownText(problem)}");
        }

        // The confirm list is just above: the line adds what was not counted, and how many lines of how many.
        if (report.LogLinesNotCounted > 0 && FoodLogSummary(report.Analysis.FoodLog) is { } summary)
        {
            text.Append("\n\n").Append(summary).Append(!report.Analysis.FoodLog.MuchNotCounted && NotCountedAdvice(report.Analysis.FoodLog) is { } advice ? " " + advice : "");
        }

        return text.Append('\n').ToString();
    }

    /// <summary>One line per food-log name and matched food below the confirmation threshold: the name, its log lines,
    /// the food counted with its match percentage, and the alternatives. <paramref name="text"/> makes the names safe
    /// for the format (markdown escapes them; the terminal escapes whole lines).</summary>
    internal static IEnumerable<string> ToConfirmLines(IEnumerable<ResolvedFood> toConfirm, Func<string, string>? text = null) =>
        ToConfirmParts(toConfirm, text).Select(part => part.Match + part.Others);

    /// <summary>How many foods a list for a person (to confirm, not counted, notes) shows in a table, markdown or HTML
    /// report: 50. Replete's choice: a page of them is as many as anyone works through; the rest are counted in a last
    /// line and all of them are in the JSON (a log of 20,000 different names printed 2 million lines).</summary>
    public const int ListedInReports = 50;

    /// <summary>The first <see cref="ListedInReports"/> of <paramref name="lines"/> and, when there are more, a line
    /// saying how many more and where they all are.</summary>
    internal static IEnumerable<string> Capped(IEnumerable<string> lines)
    {
        var shown = 0;
        foreach (var line in lines)
        {
            if (shown++ < ListedInReports)
            {
                yield return line;
            }
        }

        if (shown > ListedInReports)
        {
            yield return More(shown - ListedInReports);
        }
    }

    /// <summary>"... and N more: every one is in --format json".</summary>
    internal static string More(int more) =>
        string.Create(CultureInfo.InvariantCulture, $"... and {more:N0} more (the first {ListedInReports} are shown; every one is in --format json)");

    /// <summary>Each line of <see cref="ToConfirmLines"/> as the match ("'oatmeal' (lines 2, 17) -> Oats (20038, match
    /// 75 %)") and the other candidates ("; others: ..."), so that a printed page can leave the second out.</summary>
    internal static IEnumerable<(string Match, string Others)> ToConfirmParts(IEnumerable<ResolvedFood> toConfirm, Func<string, string>? text = null)
    {
        text ??= t => t;
        var groups = toConfirm.GroupBy(m => (m.Entry.Food, m.Match!.FoodId)).ToList();
        return groups.Take(ListedInReports).Select(group =>
        {
            var m = group.First();
            return (string.Create(CultureInfo.InvariantCulture,
                $"'{text(m.Entry.Food)}' (lines {LineNumbers(group)}) -> {text(m.Match!.Label)} ({m.Match.FoodId}, match {m.Match.Confidence:P0}{(m.Match.Tied ? ", as good as another food's" : "")})"),
                $"; others: {string.Join("; ", m.Alternatives.Select(a => $"{text(a.Label)} ({a.FoodId})"))}");
        }).Concat(groups.Count > ListedInReports ? [(More(groups.Count - ListedInReports), "")] : []);
    }

    /// <summary>One line per food-log name and amount not counted: the name, its log lines and why.</summary>
    internal static IEnumerable<string> NotCountedLines(IEnumerable<ResolvedFood> notCounted, Func<string, string>? text = null)
    {
        text ??= t => t;
        return Capped(notCounted.GroupBy(m => (m.Entry.Food, m.Problem)).Select(group =>
            $"'{text(group.First().Entry.Food)}' (lines {LineNumbers(group)}): {text(group.Key.Problem ?? "not counted")}"));
    }

    /// <summary>"Food log: N of M lines not counted; K lines counted from uncertain matches", or null when there is
    /// nothing to say.</summary>
    internal static string? FoodLogSummary(FoodLogCheck check)
    {
        var parts = new List<string>();
        if (check.LinesNotCounted > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{check.LinesNotCounted} of {check.Lines} lines not counted{(check.MuchNotCounted ? ", so every intake is a lower bound" : "")}"));
        }

        if (check.ToConfirm.Count > 0)
        {
            var lines = check.ToConfirm.Sum(m => m.Lines);
            var foods = check.ToConfirm.Select(m => m.Entry.Food).Distinct(StringComparer.OrdinalIgnoreCase).Count();
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{lines} {(lines == 1 ? "line" : "lines")} ({foods} {(foods == 1 ? "food" : "foods")}) counted from uncertain matches: please confirm them"));
        }

        // Where so much is missing that intakes are lower bounds, how to count it belongs in the answer too.
        return parts.Count == 0 ? null : "Food log: " + string.Join("; ", parts) + "." + (check.MuchNotCounted ? " " + NotCountedAdvice(check) : "");
    }

    /// <summary>What to do about the lines not counted, or null when every line was counted.</summary>
    internal static string? NotCountedAdvice(FoodLogCheck check) =>
        check.AnyUnmatched ? $"To count foods that matched nothing, {FoodLogCheck.ImportAdvice}."
        : check.NotCounted.Count > 0 ? "To count them, log their amounts in grams." : null;

    private static string LineNumbers(IEnumerable<ResolvedFood> group)
    {
        var list = group.ToList();
        var shown = list.SelectMany(g => g.Origins).Take(DietImport.OriginsShown).ToList();
        var more = list.Sum(g => g.Lines) - shown.Count;
        return string.Join(", ", shown.Select(o => o.Split(':')[^1])) + (more > 0 ? $" and {more} more" : "");
    }

    /// <summary>What the P(adequate) column and its "not known" mean, under the table in every format.</summary>
    private const string Legend = "P(adequate): IOM 2000 method; ~ marks an approximate result (a fallback day-to-day variation); "
        + "for a nutrient with only an AI, the confidence that usual intake is at or above it. \"not known\": below or near an AI, "
        + "or a mean that is only a lower bound, which can show adequacy but never inadequacy (the notes say which). "
        + "Coverage: share of logged foods that report the nutrient.";

    /// <summary>Each nutrient with something to say: why no probability is shown (the engine's reading), then its notes.</summary>
    private static IEnumerable<(NutrientIntake Intake, string Notes)> NotesOf(DietAnalysis analysis) => analysis.Nutrients
        .Select(n => (n, Notes: string.Join(" ", (n.Reading.Reason is { } reason ? [Sentence(reason)] : Array.Empty<string>()).Concat(n.Notes).Concat(Adjusted(n)))))
        .Where(x => x.Notes.Length > 0);

    /// <summary>A reading's reason as a sentence: capitalised, with a full stop.</summary>
    private static string Sentence(string reason) => char.ToUpperInvariant(reason[0]) + reason[1..] + ".";

    /// <summary>How a target adjusted for training or diet (<see cref="Targets.NutrientTarget.RequirementFactor"/>) was
    /// set, in the words of <c>replete targets</c>: its adjustments.</summary>
    private static IEnumerable<string> Adjusted(NutrientIntake n) => n.Target.RequirementFactor != 1
        ? [string.Create(CultureInfo.InvariantCulture, $"Target adjusted (x{n.Target.RequirementFactor:0.##} the DRI): {string.Join("; ", n.Target.Adjustments.Select(a => a.Description))}.")]
        : [];

    private static string Colour(Row row) => row.Status switch
    {
        AdequacyStatus.BelowAthleteRange => $"[yellow]{row.Adequacy}[/]",
        _ => row.Probability switch
        {
            null => row.Adequacy,
            < 0.5 => $"[red]{row.Adequacy}[/]",
            < 0.85 => $"[yellow]{row.Adequacy}[/]",
            _ => $"[green]{row.Adequacy}[/]",
        },
    };

    /// <summary>The P(adequate) cell: the probability the engine lets a report show, or what stands in for it.</summary>
    internal static string AdequacyCell(NutrientIntake n, string separator = " ") => n.Reading.Status switch
    {
        AdequacyStatus.Probability or AdequacyStatus.AboveAi when n.Reading.Probability is { } p => Format.Percent(p) + (n.Adequacy?.IsApproximate == true ? "~" : ""),
        AdequacyStatus.BelowAi => $"not known{separator}(below AI)",
        AdequacyStatus.NearAi => $"not known{separator}(near AI)",
        AdequacyStatus.LowerBound => $"not known{separator}(lower bound)",
        AdequacyStatus.BelowAthleteRange => $"below{separator}athlete range",
        AdequacyStatus.AthleteRangeUnknown => $"not known{separator}(no body mass)",
        AdequacyStatus.Implausible => $"not read{separator}(implausible log)",
        _ => "-",
    };

    private static IEnumerable<Row> Rows(DietAnalysis analysis, bool newLine = false) => analysis.Nutrients.Select(n =>
    {
        var target = Target(n);
        var unit = n.Nutrient.Unit;
        var mean = n.MeanDaily is { } m ? $"{Format.Amount(m)} {unit}" : "unknown";
        // A target adjusted for training or diet (iron x1.5) says so: "RDA 27" alone reads like another life stage's RDA.
        var targetText = target is { } t
            ? (n.Target.AthleteLow is not null ? $"athlete {Format.Range(n.Target.AthleteLow, n.Target.AthleteHigh)}"
                : $"{(n.Target.RequirementFactor != 1 ? "adjusted " : "")}{(n.Target.Rda is null ? "AI" : "RDA")} {Format.Amount(t)}")
            : "-";
        var percent = n.MeanDaily is { } value && target is > 0 ? Format.Percent(value / target) : "-";
        var adequacy = AdequacyCell(n, newLine ? "\n" : " ");
        var upper = n.Adequacy?.UpperLimit is { } ul ? (!ul.Judged ? $"not judged ({(ul.LowerBound ? "lower bound; " : "")}UL {Format.Amount(ul.Ul)})" : ul.LikelyExcess ? $"ABOVE UL {Format.Amount(ul.Ul)}" : $"below {Format.Amount(ul.Ul)}") : "";
        var top = string.Join(", ", n.TopFoods.Select(f => $"{Shorten(f.Food)} {f.Share:P0}"));
        return new Row(n.Nutrient.Name, mean, targetText, percent, adequacy, n.Reading.Probability, n.CoverageUnknown ? "unknown" : Format.Percent(n.Coverage), upper, top)
        {
            Status = n.Reading.Status,
            WithSupplements = n.MeanFromSupplements > 0,
        };
    });

    /// <summary>What "% of target" compares with: the low end of an athlete range (protein, carbohydrate), else the
    /// RDA, else the AI.</summary>
    internal static double? Target(NutrientIntake n) => n.Target.AthleteLow ?? n.Target.Rda ?? n.Target.Ai;

    private static string Shorten(string food) => food.Length <= 40 ? food : food[..39] + "…";

    private sealed record Row(string Name, string Mean, string Target, string Percent, string Adequacy, double? Probability, string Coverage, string UpperLimit, string TopFoods)
    {
        public AdequacyStatus Status { get; init; }

        /// <summary>True when supplements add to the intake (the words for an intake above the UL say so only then).</summary>
        public bool WithSupplements { get; init; }
    }
}

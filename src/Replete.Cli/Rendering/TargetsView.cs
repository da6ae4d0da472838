using Replete.References;
using Replete.Targets;
using Spectre.Console;

namespace Replete.Cli.Rendering;

/// <summary>Renders <see cref="PersonalTargets"/> as a table or JSON.</summary>
internal static class TargetsView
{
    public static void Render(IAnsiConsole console, PersonalTargets targets)
    {
        console.MarkupLine($"[bold]Targets for {Shown.Markup(targets.LifeStage.Label)}[/]{(targets.Load is { } load ? $", {load} training load" : "")}");
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Nutrient").AddColumn("Unit")
            .AddColumn(new TableColumn("EAR").RightAligned()).AddColumn(new TableColumn("RDA").RightAligned())
            .AddColumn(new TableColumn("AI").RightAligned()).AddColumn(new TableColumn("UL").RightAligned())
            .AddColumn("Athlete").AddColumn("Source");
        var footnotes = new List<string>();
        foreach (var t in targets.Targets)
        {
            var ul = t.Ul is null ? "-" : Format.Amount(t.Ul) + ScopeMark(t.UlScope);
            var marks = "";
            foreach (var a in t.Adjustments)
            {
                footnotes.Add($"[{footnotes.Count + 1}] {t.Nutrient.Name}: {a.Description}{(a.Evidence == EvidenceStrength.Limited ? " (limited evidence)" : "")}");
                marks += $"[{footnotes.Count}]";
            }

            table.AddRow(
                Shown.Markup(t.Nutrient.Name + marks), t.Nutrient.Unit, Format.Amount(t.Ear), Format.Amount(t.Rda), Format.Amount(t.Ai), ul,
                Format.Range(t.AthleteLow, t.AthleteHigh), Shown.Markup(ShortSource(t.Source)));
        }

        console.Write(table);
        foreach (var note in footnotes)
        {
            console.MarkupLine(Shown.Markup(note));
        }

        console.MarkupLine("[dim]UL marks: * supplements only; ** supplements and fortified food; † preformed vitamin A only. Sodium also has a CDRR (reduce intake above it). Decision support, not a diagnosis.[/]");
    }

    public static void WriteJson(TextWriter output, PersonalTargets targets) => Json.Write(output, targets.Targets.Select(t => new
    {
        nutrient = t.Nutrient.Id,
        name = t.Nutrient.Name,
        unit = t.Nutrient.Unit,
        life_stage = targets.LifeStage.Id,
        ear = Format.Round(t.Ear),
        rda = Format.Round(t.Rda),
        ai = Format.Round(t.Ai),
        ul = Format.Round(t.Ul),
        ul_scope = t.Ul is null ? (UpperLimitScope?)null : t.UlScope,
        cdrr = t.Cdrr,
        athlete_low = Format.Round(t.AthleteLow),
        athlete_high = Format.Round(t.AthleteHigh),
        requirement_factor = t.RequirementFactor,
        weak_evidence = t.HasWeakEvidence,
        source = t.Source,
        adjustments = t.Adjustments.Select(a => new { description = a.Description, evidence = a.Evidence, source = a.Source }),
    }));

    private static string ScopeMark(UpperLimitScope scope) => scope switch
    {
        UpperLimitScope.SupplementsOnly => " *",
        UpperLimitScope.SupplementsAndFortificants => " **",
        UpperLimitScope.PreformedVitaminA => " †",
        _ => "",
    };

    /// <summary>"IOM 2001 Vitamin A ... (doi:...)" becomes "IOM 2001"; the full citation is in --json.</summary>
    private static string ShortSource(string source)
    {
        var words = source.Split(' ', 3);
        return words.Length >= 2 && words[1].Length == 4 && char.IsDigit(words[1][0]) ? $"{words[0]} {words[1]}" : source;
    }
}

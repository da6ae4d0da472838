using Replete.References;
using Replete.Targets;
using Spectre.Console;

namespace Replete.Cli.Rendering;

/// <summary>Renders <see cref="PersonalTargets"/> as a table or JSON.</summary>
internal static class TargetsView
{
    public static void Render(IAnsiConsole console, PersonalTargets targets)
    {
        console.MarkupLine($"[bold]Targets for {Shown.Markup(targets.LifeStage.Label)}[/]{(targets.Load is { } load ? $", {TrainingViews.LoadWords(load)} training load" : "")}");
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

    public static void WriteJson(TextWriter output, PersonalTargets targets) => Json.Write(output, targets.Targets.Select(t => new TargetJson(
        t.Nutrient.Id, t.Nutrient.Name, t.Nutrient.Unit, targets.LifeStage.Id,
        Format.Round(t.Ear), Format.Round(t.Rda), Format.Round(t.Ai), Format.Round(t.Ul), t.Ul is null ? null : t.UlScope, t.Cdrr,
        Format.Round(t.AthleteLow), Format.Round(t.AthleteHigh), t.RequirementFactor, t.HasWeakEvidence, t.Source,
        t.Adjustments.Select(a => new AdjustmentJson(a.Description, a.Evidence, a.Source)))));

    /// <summary>One nutrient's targets as <c>targets --json</c> writes them.</summary>
    internal sealed record TargetJson(
        string Nutrient, string Name, string Unit, string LifeStage, double? Ear, double? Rda, double? Ai, double? Ul, UpperLimitScope? UlScope,
        double? Cdrr, double? AthleteLow, double? AthleteHigh, double RequirementFactor, bool WeakEvidence, string Source, IEnumerable<AdjustmentJson> Adjustments);

    /// <summary>One adjustment of a target as <c>targets --json</c> writes it.</summary>
    internal sealed record AdjustmentJson(string Description, EvidenceStrength Evidence, string Source);

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

using System.Globalization;
using System.Text;
using Replete.Diet;
using ScottPlot;

namespace Replete.Cli.Rendering;

/// <summary>The chart of <c>replete analyze --chart</c>, drawn with ScottPlot (PNG or SVG): each nutrient's mean daily
/// intake as a share of its target, with the band a person should be in and the upper limit, and the same in words
/// (<see cref="Text"/>), which is written beside the chart and inside an SVG as its description.</summary>
/// <remarks>The target is the low end of an athlete range (protein, carbohydrate), else the RDA, else the AI (the same
/// as the table's "% target"). The band runs from the EAR to the RDA (IOM 2000, Appendix B: below the EAR, most people
/// fall short), or across the athlete range; an AI has no band, since an intake under it says nothing about
/// inadequacy. Nothing here is a new number: every one comes from the person's targets and the analysis.</remarks>
internal static class IntakeChart
{
    /// <summary>The file kinds a chart can be written as.</summary>
    public static readonly string[] Extensions = [".png", ".svg"];

    /// <summary>Where the axis ends, in % of target; longer bars are cut there and their label gives the value.</summary>
    private const double AxisEnd = 250;

    private const string XLabel = "Mean daily intake, % of target (athlete range low end, else RDA, else AI)";

    /// <summary>One nutrient's bar: mean intake and target in the nutrient's unit a day, the band and the UL in % of the
    /// target (null where there is none).</summary>
    internal sealed record Row(string Name, string Unit, double Mean, double Target, string Kind, double Percent,
        double? BandLow, double? BandHigh, double? UlPercent, bool AboveUl, double? Probability, bool Approximate, bool AiTest)
    {
        /// <summary>What the engine lets the chart say about adequacy (<see cref="NutrientIntake.Reading"/>).</summary>
        public AdequacyReading Reading { get; init; } = AdequacyReading.NotAssessed;

        /// <summary>True when the bar is longer than the axis and is cut at its end.</summary>
        public bool Cut => Percent > AxisEnd;
    }

    /// <summary>The nutrients with a mean and a target, in the analysis's order.</summary>
    internal static IReadOnlyList<Row> Rows(DietAnalysis analysis) => [.. analysis.Nutrients
        .Where(n => n.MeanDaily is not null && DietViews.Target(n) is > 0)
        .Select(n =>
        {
            var t = n.Target;
            var target = DietViews.Target(n)!.Value;
            // A target adjusted for training or diet (iron x1.5) is named so, as in the table.
            var kind = t.AthleteLow is not null ? "athlete range low end" : t.Rda is not null ? (t.RequirementFactor != 1 ? "adjusted RDA" : "RDA") : "AI";
            (double? low, double? high) band = t.AthleteLow is not null ? (100, t.AthleteHigh is { } h ? 100 * h / target : null)
                : t.Rda is not null && t.Ear is { } ear ? (100 * ear / target, 100) : (null, null);
            var ul = n.Adequacy?.UpperLimit;
            return new Row(n.Nutrient.Name, n.Nutrient.Unit, n.MeanDaily!.Value, target, kind, 100 * n.MeanDaily.Value / target,
                // A UL that counts supplements only (magnesium, folic acid, niacin, vitamin E) is not drawn against total
                // intake, where it would look passed when it is not; the words still say when it is.
                band.low, band.high, ul is not null && t.UlScope == References.UpperLimitScope.TotalIntake ? 100 * ul.Ul / target : null, ul?.LikelyExcess == true, n.Reading.Probability, n.Adequacy?.IsApproximate == true,
                n.Adequacy?.Method == Intake.AdequacyMethod.AiTest)
            { Reading = n.Reading };
        })];

    /// <summary>The chart as the bytes of a PNG or the text of an SVG (<paramref name="extension"/> ".png" or ".svg").</summary>
    /// <exception cref="ArgumentException">Another extension.</exception>
    public static byte[] Render(DietAnalysis analysis, string extension)
    {
        var rows = Rows(analysis);
        var plot = new Plot();
        plot.Title($"Usual intake against target, {analysis.Held} from {analysis.From:yyyy-MM-dd} to {analysis.To:yyyy-MM-dd}");
        plot.XLabel(XLabel);
        plot.YLabel("Nutrient");
        var at = (int i) => rows.Count - 1 - i;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.BandLow is { } low)
            {
                var band = plot.Add.Rectangle(low, Math.Min(row.BandHigh ?? AxisEnd, AxisEnd), at(i) - 0.45, at(i) + 0.45);
                band.FillColor = Colors.SteelBlue.WithAlpha(0.18);
                band.LineWidth = 0;
            }
        }

        var bars = plot.Add.Bars(rows.Select((row, i) => new Bar
        {
            Position = at(i),
            Value = Math.Min(row.Percent, AxisEnd),
            Size = 0.6,
            // Red, amber and green only for a probability the engine lets a report show; below an athlete range amber;
            // adequacy not known (below or near an AI, a lower bound) grey: never red (IOM 2000 p.61).
            FillColor = row.Reading.Status == AdequacyStatus.BelowAthleteRange ? Color.FromHex("#f0ad4e")
                : row.Probability switch { < 0.5 => Color.FromHex("#d9534f"), < 0.85 => Color.FromHex("#f0ad4e"), null => Colors.Gray, _ => Color.FromHex("#5cb85c") },
            // A bar cut at the axis end says so in its label, so that 311 % and 494 % do not look alike.
            Label = string.Create(CultureInfo.InvariantCulture, $"{Format.Amount(row.Mean)} {row.Unit}/d ({row.Percent:0} %{(row.Cut ? ", bar cut" : "")})"),
        }).ToList());
        bars.Horizontal = true;
        bars.ValueLabelStyle.FontSize = 11;
        foreach (var (row, i) in rows.Select((row, i) => (row, i)).Where(r => r.row.UlPercent is <= AxisEnd))
        {
            var ul = plot.Add.Marker(row.UlPercent!.Value, at(i), MarkerShape.VerticalBar, 14, Colors.DarkRed);
            ul.MarkerLineWidth = 2;
        }

        foreach (var (row, i) in rows.Select((row, i) => (row, i)).Where(r => r.row.Cut))
        {
            // A white arrow at the end of a cut bar, inside it: the bar goes on beyond the axis.
            var arrow = plot.Add.Arrow(new Coordinates(AxisEnd - 18, at(i)), new Coordinates(AxisEnd - 2, at(i)));
            arrow.ArrowFillColor = Colors.White;
            arrow.ArrowLineColor = Colors.Black;
            arrow.ArrowLineWidth = 1;
        }

        plot.Add.VerticalLine(100, 1.5f, Colors.Black, LinePattern.Dashed);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. rows.Select((_, i) => (double)at(i))], [.. rows.Select(r => r.Name)]);
        // Room to the right of the longest bar for its label.
        plot.Axes.SetLimits(0, AxisEnd * 1.3, -0.7, rows.Count - 0.3);
        var width = 1000;
        var height = 140 + (26 * rows.Count);
        return extension.ToLowerInvariant() switch
        {
            ".png" => plot.GetImage(width, height).GetImageBytes(ImageFormat.Png),
            ".svg" => Encoding.UTF8.GetBytes(Described(plot.GetSvgXml(width, height), Text(analysis))),
            _ => throw new ArgumentException($"charts are written as {string.Join(" or ", Extensions)}, not {extension}", nameof(extension)),
        };
    }

    /// <summary>The chart in words: a line per nutrient with its mean, the share of its target, the band, the UL where
    /// intake passes it, and the probability of adequacy.</summary>
    public static string Text(DietAnalysis analysis)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Usual intake against target, {analysis.Held} from {analysis.From:yyyy-MM-dd} to {analysis.To:yyyy-MM-dd}.\n");
        text.Append("Each bar is the mean daily intake as a share of the target (athlete range low end, else RDA, else AI). ")
            .Append("Shaded: from the EAR to the RDA, or the athlete range. Dashed line: 100 % of target. Dark red mark: the upper limit (UL). ")
            .Append(string.Create(CultureInfo.InvariantCulture, $"Bars longer than {AxisEnd:0} % are cut at the axis end, marked with a white arrow and \"bar cut\" in their label.\n"));
        foreach (var row in Rows(analysis))
        {
            var band = row.Kind switch
            {
                "RDA" or "adjusted RDA" when row.BandLow is { } low => string.Create(CultureInfo.InvariantCulture, $"; the EAR is {low:0} % of it"),
                "athlete range low end" when row.BandHigh is { } high => string.Create(CultureInfo.InvariantCulture, $"; the range runs to {high:0} %"),
                _ => "",
            };
            // The AI test can conclude adequacy, never inadequacy (IOM 2000 p.199): its figure is a confidence. Where the
            // engine shows no probability, its reason says why (below or near an AI, a lower bound, an athlete range).
            var approximate = row.Approximate ? " (approximate)" : "";
            var adequacy = row.Reading switch
            {
                { Status: AdequacyStatus.AboveAi, Probability: { } p } => $"; at or above the AI, adequate with {Format.Percent(p)} confidence{approximate}",
                { Probability: { } p } => $"; probability adequate {Format.Percent(p)}{approximate}",
                { Status: AdequacyStatus.BelowAthleteRange, Reason: { } reason } => $"; {reason}",
                { Reason: { } reason } => $"; adequacy {reason}",
                _ => "",
            };
            var ul = row.AboveUl ? "; ABOVE the upper limit" + (row.UlPercent is { } u ? string.Create(CultureInfo.InvariantCulture, $" ({u:0} % of target)") : " (it counts supplements only)") : "";
            var cut = row.Cut ? string.Create(CultureInfo.InvariantCulture, $"; bar cut at {AxisEnd:0} %") : "";
            text.Append(CultureInfo.InvariantCulture, $"- {row.Name}: {Format.Amount(row.Mean)} {row.Unit} a day, {row.Percent:0} % of the {row.Kind} ({Format.Amount(row.Target)} {row.Unit}{cut}){band}{adequacy}{ul}.\n");
        }

        return text.ToString();
    }

    /// <summary>The SVG with the text alternative as its title and description, for screen readers.</summary>
    private static string Described(string svg, string text)
    {
        var open = svg.IndexOf("<svg", StringComparison.Ordinal);
        var end = open < 0 ? -1 : svg.IndexOf('>', open);
        if (end < 0)
        {
            return svg;
        }

        var escaped = System.Security.SecurityElement.Escape(text);
        return svg[..(end + 1)] + $"<title>Usual intake against target</title><desc>{escaped}</desc>" + svg[(end + 1)..];
    }
}

using System.Globalization;

namespace Replete.Assessment;

/// <summary>Results computed from others of the same draw (the same day, or both undated) when the laboratory gave
/// none, dated as that draw: results of different days are not one set (h97: a calcium of last week with an albumin of
/// 2021 gave an undated adjusted calcium of 11.4 mg/dL and a see-a-doctor flag). The transferrin
/// saturation is serum iron / TIBC x 100 (its definition, data/biomarkers.csv), and counts like a reported one. The
/// albumin-adjusted ("corrected") calcium is measured + 0.8 x (4.0 - albumin), in mg/dL and g/dL (science.md §3.2, from
/// clinical calculators; secondary). Payne et al. 1973 (Br Med J 4:643-646, abstract) print a coefficient of 1.0, and
/// adjustment is inaccurate in general (Lian &amp; Åsberg 2018, BMJ Open): the reading shows both and asks for ionised
/// calcium. It is read against the total-calcium range (8.5-10.5 mg/dL) and raises its own flags (a high or critical
/// value), but it counts neither for nor against a calcium shortfall: the total calcium it came from already does,
/// with the albumin rules of data/lab_confounders.csv.</summary>
public static class DerivedLabs
{
    /// <summary>The albumin the adjustment normalises to, g/dL (Payne et al. 1973; science.md §3.2).</summary>
    public const double NormalAlbumin = 4.0;

    /// <summary>mg/dL of calcium added per g/dL of albumin below <see cref="NormalAlbumin"/>, as clinical calculators
    /// use it (science.md §3.2, secondary).</summary>
    public const double Coefficient = 0.8;

    /// <summary>Payne et al. 1973's own coefficient (adjusted calcium = calcium - albumin + 4.0).</summary>
    public const double PayneCoefficient = 1.0;

    /// <summary>The readings with the computed results added: a transferrin saturation where <paramref name="labs"/>
    /// hold a serum iron and a TIBC and no saturation of their own, an albumin-adjusted calcium where they hold a total
    /// calcium and an albumin and no adjusted calcium; otherwise the readings unchanged.</summary>
    /// <param name="labs">The readings, in the knowledge base's units (calcium mg/dL, albumin g/dL, iron ug/dL).</param>
    /// <param name="sex">The person's sex, for reading the computed values.</param>
    /// <param name="ageYears">The person's age.</param>
    public static IReadOnlyList<LabReading> Add(IReadOnlyList<LabReading> labs, References.Sex sex, double? ageYears)
    {
        ArgumentNullException.ThrowIfNull(labs);
        return AdjustedCalcium(TransferrinSaturation(labs, sex, ageYears), sex, ageYears);
    }

    private static IReadOnlyList<LabReading> TransferrinSaturation(IReadOnlyList<LabReading> labs, References.Sex sex, double? ageYears)
    {
        if (labs.Any(l => l.Biomarker == "transferrin_saturation")
            || labs.FirstOrDefault(l => l.Biomarker == "serum_iron" && l.Bound is null) is not { } iron
            || labs.FirstOrDefault(l => l.Biomarker == "tibc" && l.Bound is null) is not { } tibc
            || iron.Drawn != tibc.Drawn
            || iron.Value > tibc.Value)
        {
            return labs;
        }

        var reading = LabReading.Read(new LabInput("transferrin_saturation", iron.Value / tibc.Value * 100, "%"), sex, ageYears);
        var note = new Caveat(string.Create(CultureInfo.InvariantCulture,
            $"Computed by Replete from serum iron {iron.Value:0.##} and TIBC {tibc.Value:0.##} ug/dL of the same set: {iron.Value:0.##} / {tibc.Value:0.##} x 100 = {reading.Value:0.#} %."),
            "data/biomarkers.csv transferrin_saturation row (TSAT = serum iron / TIBC x 100)");
        return [.. labs, reading with { Label = $"{reading.Label} (computed)", Caveats = [.. reading.Caveats, note], Drawn = iron.Drawn }];
    }

    private static IReadOnlyList<LabReading> AdjustedCalcium(IReadOnlyList<LabReading> labs, References.Sex sex, double? ageYears)
    {
        if (labs.Any(l => l.Biomarker == "calcium_corrected")
            || labs.FirstOrDefault(l => l.Biomarker == "calcium_total" && l.Bound is null) is not { } total
            || labs.FirstOrDefault(l => l.Biomarker == "albumin" && l.Bound is null) is not { } albumin
            || total.Drawn != albumin.Drawn)
        {
            return labs;
        }

        var adjusted = total.Value + (Coefficient * (NormalAlbumin - albumin.Value));
        var payne = total.Value + (PayneCoefficient * (NormalAlbumin - albumin.Value));
        if (adjusted <= 0)
        {
            return labs;
        }

        var reading = LabReading.Read(new LabInput("calcium_corrected", adjusted, "mg/dL"), sex, ageYears);
        var note = new Caveat(string.Create(CultureInfo.InvariantCulture,
            $"Computed by Replete from total calcium {total.Value:0.##} mg/dL and albumin {albumin.Value:0.##} g/dL: {total.Value:0.##} + {Coefficient} x ({NormalAlbumin} - {albumin.Value:0.##}) = {adjusted:0.##} mg/dL; Payne's own coefficient of {PayneCoefficient} gives {payne:0.##}. An estimate: adjustment is often wrong, so ionised calcium settles it. Counted neither for nor against a calcium shortfall (the total calcium is)."),
            "science.md §3.2 (0.8 formula, clinical calculators); Payne et al. 1973, Br Med J 4:643-646; Lian & Åsberg 2018, BMJ Open");
        return [.. labs, reading with
        {
            Label = $"{reading.Label} (computed)",
            CountsForDeficiency = false,
            NormalRulesOut = false,
            Caveats = [.. reading.Caveats, note],
            Drawn = total.Drawn,
        }];
    }
}

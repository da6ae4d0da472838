using System.Globalization;
using Replete.Data;
using Replete.Knowledge;

namespace Replete.Assessment;

/// <summary>The athlete iron stage the labs allow (data/iron_stages.csv: stage 1 iron depletion, ferritin below 35
/// ug/L; stage 2 iron-deficient erythropoiesis, also ferritin below 20 and transferrin saturation below 16 %; stage 3
/// iron-deficiency anaemia, also a low haemoglobin). Named on the iron finding as a note; the thresholds are unverified
/// (science.md §3.1, grade K), and the note says so.</summary>
internal static class IronStaging
{
    private sealed record Stage(int Number, string Label, double FerritinBelow, double? TsatBelow, double? HemoglobinBelowFemale, string Source);

    private static readonly Lazy<IReadOnlyList<Stage>> Stages = new(() => [.. ReferenceSet.Default.Rows("iron_stages.csv")
        .Select(r => new Stage(int.Parse(r.Text("stage"), CultureInfo.InvariantCulture), r.Text("label"), r.Number("ferritin_below"),
            r.OptionalNumber("tsat_below"), r.OptionalNumber("hemoglobin_below_female"), r.Text("source")))
        .OrderBy(s => s.Number)]);

    /// <summary>The stage note for <paramref name="labs"/>, or null without a ferritin that can be read (none, one
    /// to be repeated: raised by inflammation, taken after hard training, or a normal one at or above stage 1's cut-off
    /// without CRP; or one reported as a bound).</summary>
    /// <remarks>A ferritin read against a conditional cut-off that needs no repeat (restless legs, or an athlete's
    /// stage-1 cut-off itself) is still staged: those cut-offs change how it weighs, not what was measured.</remarks>
    public static Caveat? Note(IReadOnlyList<LabReading> labs, References.Sex sex)
    {
        var ferritin = labs.FirstOrDefault(l => l.Biomarker == "ferritin");
        // Without a CRP, inflammation can only have raised ferritin: a value below stage 1's cut-off is staged still,
        // while "no depletion" waits for the repeat with CRP.
        var stagedWithoutCrp = labs.All(l => l.Biomarker != "crp") && ferritin?.Value < Stages.Value[0].FerritinBelow;
        if (ferritin is null || (ferritin.RepeatAdvised && !stagedWithoutCrp) || ferritin.Bound is not null)
        {
            return null;
        }

        var tsat = labs.FirstOrDefault(l => l.Biomarker == "transferrin_saturation")?.Value;
        var hb = labs.FirstOrDefault(l => l.Biomarker.StartsWith("hemoglobin", StringComparison.Ordinal));
        // Anaemia is read against whichever says so: the stage's 115 g/L for women, or the haemoglobin's own cut-off
        // (WHO 120 g/L non-pregnant women, 110 pregnant, 130 men). With anaemia and a ferritin in the stage-2 range the
        // stage is 3 without a transferrin saturation: a low haemoglobin is never named as a milder stage.
        var anaemic = hb is not null && (hb.Status is LabStatus.Low or LabStatus.Deficient);
        bool Holds(Stage s) => ferritin.Value < s.FerritinBelow
            && (s.HemoglobinBelowFemale is not { } h
                ? s.TsatBelow is not { } t || tsat < t
                : (anaemic || (sex == References.Sex.Female && hb is not null && hb.Value < h)) && (tsat is null || s.TsatBelow is not { } t3 || tsat < t3));
        var stage = Stages.Value.LastOrDefault(Holds);
        var next = Stages.Value.FirstOrDefault(s => s.Number == (stage?.Number ?? 0) + 1);
        var text = stage is null
            ? string.Create(CultureInfo.InvariantCulture, $"Athlete iron staging: no iron depletion (ferritin {ferritin.Value:0.##} ug/L, not below {Stages.Value[0].FerritinBelow:0.##})")
            : string.Create(CultureInfo.InvariantCulture, $"Athlete iron staging: stage {stage.Number}, {stage.Label} (ferritin {ferritin.Value:0.##} ug/L{(tsat is { } t ? $", transferrin saturation {t:0.##} %" : "")}{(hb is not null && stage.Number == 3 ? $", haemoglobin {hb.Value:0.##} {hb.Unit}" : "")})");
        if (stage is not null && next is not null && ferritin.Value < next.FerritinBelow && (next.TsatBelow is not null && tsat is null && next.HemoglobinBelowFemale is null || next.HemoglobinBelowFemale is not null && hb is null))
        {
            text += $"; {(tsat is null ? "a transferrin saturation" : "a haemoglobin")} would tell whether it is stage {next.Number}";
        }

        return new Caveat(text + ". The stage thresholds are unverified (science.md §3.1).", (stage ?? Stages.Value[0]).Source);
    }
}

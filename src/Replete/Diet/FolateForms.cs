using System.Globalization;
using Replete.Nutrients;

namespace Replete.Diet;

/// <summary>The form a supplement's folate is in, which decides its DFE and what the folate UL counts.</summary>
public enum FolateForm
{
    /// <summary>The label or log does not say: counted as DFE (x1) for adequacy and, as if it were folic acid, all of it
    /// toward the UL (the cautious reading for each).</summary>
    NotStated,

    /// <summary>Synthetic folic acid: 1.7 ug DFE per ug taken with food (IOM 1998 ch.8); the UL is set for it (IOM 1998
    /// p.280).</summary>
    FolicAcid,

    /// <summary>L-methylfolate (L-5-MTHF: calcium L-methylfolate, Metafolin, Quatrefolic, levomefolate): not folic acid.
    /// 1.7 ug DFE per ug (EFSA 2022, the lower of its two factors); EFSA's UL covers it with folic acid (EFSA 2023).</summary>
    Methylfolate,

    /// <summary>Food folate (<c>ug_food_folate</c>): 1 ug DFE, and no UL covers it.</summary>
    FoodFolate,
}

/// <summary>Reads a folate form from a label's words and says what each form counts for.</summary>
/// <remarks>Sources: IOM 1998 (doi:10.17226/6015) ch.8 for DFE and p.280 for the UL, set for synthetic folic acid from
/// supplements and fortified food; EFSA NDA Panel 2022 (EFSA Journal 20(8):7452, doi:10.2903/j.efsa.2022.7452) for
/// L-5-MTHF's DFE factor (1.7 below 400 ug/d, 2.0 at or above); EFSA NDA Panel 2023 (EFSA Journal 21(11):8353,
/// doi:10.2903/j.efsa.2023.8353): "the ULs apply to the combined intake of folic acid" and the L-5-MTHF salts.</remarks>
public static class FolateForms
{
    /// <summary>Words that name L-methylfolate. Checked before "folic", which "L-5-methyltetrahydrofolic acid" and
    /// "levomefolic acid" also contain.</summary>
    private static readonly string[] MethylfolateWords = ["methylfolate", "methyl folate", "methyl-folate", "methyltetrahydrofol", "mthf", "metafolin", "quatrefolic", "levomefol"];

    /// <summary>Why L-methylfolate counts toward the folate UL, said wherever it does.</summary>
    public const string MethylfolateUl = "IOM set it for folic acid, and EFSA 2023 applies the same adult UL, 1,000 ug/d, to folic acid and L-methylfolate together";

    /// <summary>Whether a logged line's name reads as a folate tablet: it names folic acid or methylfolate, or names folate
    /// with a dose ("Nature Made Folate 1000 mcg DFE"; h71 finding 6). A food's name seldom gives a dose in mcg or mg.</summary>
    public static bool NamesATablet(string? name) =>
        !string.IsNullOrWhiteSpace(name)
        && (Of(name) is FolateForm.FolicAcid or FolateForm.Methylfolate
            || (name.Contains("folate", StringComparison.OrdinalIgnoreCase)
                && System.Text.RegularExpressions.Regex.IsMatch(name, @"\d\s*(mcg|µg|ug|mg)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(100))));

    /// <summary>The form the words (a supplement's name and form, or a logged line's name) say, or
    /// <see cref="FolateForm.NotStated"/>.</summary>
    public static FolateForm Of(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return FolateForm.NotStated;
        }

        if (MethylfolateWords.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase)))
        {
            return FolateForm.Methylfolate;
        }

        return text.Contains("folic", StringComparison.OrdinalIgnoreCase) ? FolateForm.FolicAcid : FolateForm.NotStated;
    }

    /// <summary>The form a unit says (<c>ug_folic_acid_with_food</c>, <c>ug_methylfolate</c>, <c>ug_food_folate</c>), or null
    /// for a plain mass unit.</summary>
    public static FolateForm? OfUnit(string unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return unit.Contains("folic", StringComparison.OrdinalIgnoreCase) ? FolateForm.FolicAcid
            : unit.Contains("methylfolate", StringComparison.OrdinalIgnoreCase) ? FolateForm.Methylfolate
            : unit.Contains("food", StringComparison.OrdinalIgnoreCase) ? FolateForm.FoodFolate
            : null;
    }

    /// <summary>ug DFE per ug of the form as taken, from data/unit_conversions.csv: folic acid with food 1.7 (IOM 1998
    /// ch.8, the lower of the with-food and fasting factors), L-methylfolate 1.7 (EFSA 2022, the lower of 1.7 and 2.0);
    /// 1 where the form is food folate or not stated.</summary>
    public static double DfePerUg(FolateForm form) => form switch
    {
        FolateForm.FolicAcid => Factor("ug_folic_acid_with_food"),
        FolateForm.Methylfolate => Factor("ug_methylfolate"),
        _ => 1,
    };

    /// <summary>Whether the folate UL counts the form: folic acid (IOM 1998 p.280), L-methylfolate (EFSA 2023 applies its
    /// UL to both), and a form not stated (it may be folic acid). Food folate is not counted.</summary>
    public static bool CountsTowardUl(FolateForm form) => form != FolateForm.FoodFolate;

    /// <summary>What the folate UL counts of a supplement logged in an app export (<see cref="IntakeItem.IsSupplement"/>):
    /// all of its folate, as the export gives it, unless its name says food folate. An export does not say whether a
    /// tablet's folate is DFE or micrograms as taken, so the amount is stored unconverted (<see cref="AppExport"/>) and
    /// read the cautious way for each use: as DFE for adequacy (never more than the tablet gives), all of it for the UL
    /// (never less). Rows stored before this reading are read the same way.</summary>
    public static double TowardUl(IntakeItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return CountsTowardUl(Of(item.Name)) ? item.Nutrients.GetValueOrDefault("folate") : 0;
    }

    /// <summary>FoodData Central's "Folic acid" (nutrient 1186, SR nutrient number 431; SR28 ABBREV
    /// <c>Folic_Acid_(ug)</c>, field 28): synthetic folic acid added to a food, ug per 100 g.</summary>
    public const int FolicAcidFdcNutrientId = 1186;

    /// <summary>FoodData Central's "Folate, total" (nutrient 1177, SR nutrient number 417): food folate plus folic acid,
    /// ug per 100 g, so never less than the folic acid in it.</summary>
    public const int TotalFolateFdcNutrientId = 1177;

    /// <summary>The key under which a plan food carries its folic acid per gram (<see cref="IntakeItem.FolicAcid"/>),
    /// beside its catalog nutrients: not a catalog nutrient, as it has no reference value of its own.</summary>
    public const string FolicAcidKey = "folic_acid";

    /// <summary>The most folic acid a food item can give toward the folate UL, in ug: its folic acid where known, else
    /// its <see cref="IntakeItem.FolicAcidAtMost"/>, else its folate DFE / 1.7 (as if all of it were folic acid, IOM 1998
    /// ch.8); null where nothing bounds it.</summary>
    public static double? FolicAcidAtMost(IntakeItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.FolicAcid ?? item.FolicAcidAtMost
            ?? (item.Nutrients.TryGetValue("folate", out var dfe) ? dfe / DfePerUg(FolateForm.FolicAcid) : null);
    }

    /// <summary>The name of what the folate UL counts, for a plan line that lowers it: "Folic acid", "Methylfolate" or
    /// "Folic acid and methylfolate".</summary>
    public static string UlName(IEnumerable<FolateForm> forms)
    {
        var counted = forms.Where(CountsTowardUl).Distinct().ToList();
        var methyl = counted.Contains(FolateForm.Methylfolate);
        return !methyl ? "Folic acid" : counted.Count == 1 ? "Methylfolate" : "Folic acid and methylfolate";
    }

    /// <summary>The sentence that says how folate of <paramref name="form"/> from <paramref name="names"/> was read: the
    /// assumption, the DFE factor and what the UL counts, each with its source.</summary>
    public static string Reading(FolateForm form, IReadOnlyCollection<string> names, bool logged)
    {
        ArgumentNullException.ThrowIfNull(names);
        var shown = string.Join(", ", names.Take(3).Select(n => $"'{n}'")) + (names.Count > 3 ? string.Create(CultureInfo.InvariantCulture, $" and {names.Count - 3} more") : "");
        var inv = CultureInfo.InvariantCulture;
        return form switch
        {
            FolateForm.FolicAcid => logged
                    ? $"Folate from {shown} is read as folic acid by its name. The export does not say whether its folate is DFE or micrograms of folic acid, so it is counted as it stands for adequacy and all of it toward the UL, which is set for folic acid (IOM 1998 p.280): the cautious reading for each."
                    : string.Create(inv, $"Folate from {shown} is read as folic acid: {DfePerUg(form):0.#} ug DFE per ug, taken with food (IOM 1998 ch.8), and all of it counts toward the UL, which is set for folic acid (IOM 1998 p.280)."),
            FolateForm.Methylfolate => logged
                    ? $"Folate from {shown} is read as L-methylfolate (5-MTHF), not folic acid, by its name. The export does not say whether its folate is DFE or micrograms as taken, so it is counted as it stands for adequacy and all of it toward the UL: {MethylfolateUl}."
                    : string.Create(inv, $"Folate from {shown} is read as L-methylfolate (5-MTHF), not folic acid: {DfePerUg(form):0.#} ug DFE per ug (EFSA 2022: 1.7 below 400 ug/d, 2.0 from 400 ug/d; the lower is used). It counts toward the UL: {MethylfolateUl}."),
            _ => $"Folate from {shown} does not say its form (folic acid, methylfolate or food folate): it is counted as DFE, 1 ug per ug, for adequacy, and all of it toward the UL as if it were folic acid, the cautious reading for each (IOM 1998 ch.8 and p.280).",
        };
    }

    private static double Factor(string unit) =>
        NutrientCatalog.Default.Convert(NutrientCatalog.Default.Get("folate"), 1, unit)?.Value
        ?? throw new InvalidOperationException($"data/unit_conversions.csv has no folate row for {unit}");
}

using System.Globalization;

namespace Replete.Data;

/// <summary>What each reference table's coded columns may hold: closed vocabularies, ids that must exist in another
/// table, and conditions in the grammar of <c>Assessment.Circumstances</c>. Free text (labels, notes, sources) is not
/// checked here.</summary>
internal static class ReferenceSchema
{
    private static readonly string[] Grades = ["primary", "secondary", "unverified"];
    private static readonly string[] Strengths = ["strong", "moderate", "weak"];
    private static readonly string[] YesOrEmpty = ["", "yes"];

    /// <summary>Checks <paramref name="set"/>.</summary>
    /// <exception cref="InvalidDataException">The first value that breaks the schema, with file, line and column.</exception>
    public static void Check(ReferenceSet set)
    {
        var nutrients = Ids(set, "nutrients.csv", "id");
        var nutrientOrNone = nutrients.Append("").ToArray();
        var biomarkers = Ids(set, "lab_units.csv", "biomarker");
        Closed(set, "vocabulary.csv", "kind", ["symptom", "risk"]);
        var terms = set.Rows("vocabulary.csv").ToList();
        string[] symptoms = [.. Ids(set, "symptoms.csv", "symptom_id").Concat(terms.Where(t => t.Text("kind") == "symptom").Select(t => t.Text("id")))];
        string[] risks = [.. Ids(set, "risk_factors.csv", "risk_id").Concat(terms.Where(t => t.Text("kind") == "risk").Select(t => t.Text("id")))];
        var flags = Ids(set, "red_flags.csv", "flag_id");
        var lifeStages = Ids(set, "life_stages.csv", "id");

        Closed(set, "symptoms.csv", "direction", ["low", "high"]);
        Closed(set, "symptoms.csv", "strength", Strengths);
        Closed(set, "symptoms.csv", "evidence", Grades);
        Closed(set, "symptoms.csv", "nutrient", nutrients);
        Each(set, "symptoms.csv", "strong_only_if", c => Condition(c, symptoms, risks, biomarkers), "a condition");

        Closed(set, "risk_factors.csv", "effect", ["raises", "lowers", "excess", "lab_confounder", "minimal", "not_a_deficiency"]);
        Closed(set, "risk_factors.csv", "strength", Strengths);
        Closed(set, "risk_factors.csv", "evidence", Grades);
        Closed(set, "risk_factors.csv", "applies_if", ["", "endurance_sport"]);
        Closed(set, "risk_factors.csv", "nutrient", nutrientOrNone);

        Closed(set, "red_flags.csv", "triage", ["emergency", "see_doctor_today", "see_doctor_soon"]);
        Closed(set, "red_flags.csv", "evidence", Grades);
        Closed(set, "red_flag_rules.csv", "flag_id", flags);
        Each(set, "red_flag_rules.csv", "when", w => w.Length > 0 && w.Split('&', StringSplitOptions.TrimEntries).All(c => c.Length > 0 && Condition(c, symptoms, risks, biomarkers)), "conditions joined by '&'");
        Closed(set, "red_flag_rules.csv", "evidence", Grades);
        Closed(set, "harm_levels.csv", "nutrient", nutrients);
        Closed(set, "harm_levels.csv", "kind", ["loael", "noael", "reference_point", "acute"]);
        Closed(set, "harm_levels.csv", "body", ["IOM", "EFSA", "AAPCC"]);
        Closed(set, "harm_levels.csv", "per_kg", YesOrEmpty);
        Closed(set, "harm_levels.csv", "flag", flags.Append("").ToArray());
        Closed(set, "harm_levels.csv", "evidence", Grades);
        Closed(set, "harm_levels.csv", "life_stage", ["", "pregnant"]);
        Each(set, "harm_levels.csv", "level", f => double.TryParse(f, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && x > 0, "a positive number");
        Closed(set, "recovery_systems.csv", "nutrient", nutrients);
        Closed(set, "other_causes.csv", "evidence", Grades);
        Each(set, "other_causes.csv", "requires", r => r.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).All(c => Condition(c, symptoms, risks, biomarkers)), "conditions separated by ';'");

        Closed(set, "biomarkers.csv", "evidence", Grades);
        Closed(set, "biomarkers.csv", "cutoffs_inclusive", YesOrEmpty);
        Closed(set, "biomarkers.csv", "high_is_excess", YesOrEmpty);
        Closed(set, "biomarkers.csv", "low_label", ["", "borderline"]);
        Each(set, "biomarkers.csv", "biomarker_id", id => biomarkers.Contains(id.Split('.')[0]), "a biomarker of lab_units.csv");
        Closed(set, "lab_units.csv", "nutrient", nutrientOrNone);
        // A cut-off is in the unit its test converts to with factor 1.
        var canonical = set.Rows("lab_units.csv").Where(r => r.Number("factor") == 1).Select(r => $"{r.Text("biomarker")}|{r.Text("unit")}").ToHashSet(StringComparer.Ordinal);
        foreach (var row in set.Rows("biomarkers.csv").Where(r => !canonical.Contains($"{r.Text("biomarker_id").Split('.')[0]}|{r.Text("unit")}")))
        {
            throw new InvalidDataException($"biomarkers.csv:{row.Line}: unit: '{row.Text("unit")}' is not the factor-1 unit of {row.Text("biomarker_id").Split('.')[0]} in lab_units.csv.");
        }
        Closed(set, "lab_units.csv", "normal_rules_out", ["yes", "no"]);
        Each(set, "lab_units.csv", "factor", f => double.TryParse(f, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && x > 0, "a positive number");
        Closed(set, "lab_loinc.csv", "biomarker", biomarkers);
        Closed(set, "lab_plausible.csv", "biomarker", biomarkers);
        Closed(set, "lab_plausible.csv", "evidence", Grades);
        Closed(set, "lab_plausible.csv", "kind", ["assay", "case", "def"]);

        Closed(set, "lab_confounders.csv", "biomarker", biomarkers);
        Closed(set, "lab_confounders.csv", "effect",
            ["advice_when_low", "borderline_not_counted", "low_below", "low_cutoff", "low_is_nonspecific", "low_needs_confirmation", "low_not_counted", "low_not_dietary", "normal_not_reassuring", "note", "note_when_normal", "seasonal_trough"]);
        Each(set, "lab_confounders.csv", "condition", c => Condition(c, symptoms, risks, biomarkers), "a condition");
        Closed(set, "lab_confounders.csv", "inclusive", YesOrEmpty);
        Closed(set, "lab_confounders.csv", "repeat", ["yes", "no"]);
        Closed(set, "lab_confounders.csv", "evidence", Grades);

        // A stratum's own rows (hemoglobin.pregnant) or a sex's (ferritin.female) replace the analyte's: a misspelt one
        // would never fire.
        var strata = set.Rows("biomarkers.csv").Select(r => r.Text("biomarker_id"))
            .Concat(biomarkers).Concat(biomarkers.SelectMany(b => new[] { $"{b}.female", $"{b}.male" })).ToHashSet(StringComparer.Ordinal);
        Each(set, "critical_labs.csv", "biomarker", strata.Contains, "a biomarker, a stratum of biomarkers.csv, or <biomarker>.female/.male");
        Closed(set, "critical_labs.csv", "flag", flags);
        Each(set, "critical_labs.csv", "unless", u => u.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).All(c => Condition(c, symptoms, risks, biomarkers)), "conditions separated by ';'");
        Closed(set, "critical_labs.csv", "evidence", Grades);

        Closed(set, "life_stages.csv", "sex", ["any", "female", "male"]);
        Closed(set, "life_stages.csv", "condition", ["none", "pregnancy", "lactation"]);
        Closed(set, "dri.csv", "life_stage", lifeStages);
        Closed(set, "dri.csv", "nutrient", nutrients);
        Closed(set, "dri.csv", "ul_scope", ["", "total", "supplements", "supplements_and_fortificants", "preformed"]);
        Closed(set, "requirement_cv.csv", "evidence", ["default", "published"]);
        Closed(set, "requirement_cv.csv", "nutrient", nutrients);
        Closed(set, "nutrients.csv", "group", ["electrolyte", "macronutrient", "mineral", "vitamin"]);
        Closed(set, "unit_conversions.csv", "nutrient", nutrients);
        Closed(set, "unit_conversions.csv", "estimate", ["true", "false"]);
        Closed(set, "within_person_variation.csv", "nutrient", nutrients.Append("*").ToArray());
        Closed(set, "within_person_variation.csv", "sex", ["any", "female", "male"]);
        Closed(set, "within_person_variation.csv", "evidence", ["assumed", "pooled", "pooled_derived", "proxy"]);
        Each(set, "within_person_variation.csv", "life_stages", s => s == "*" || s.Split(' ').All(lifeStages.Contains), "'*' or life stage ids separated by spaces");
        Closed(set, "sports.csv", "category", ["endurance", "mixed", "skill", "strength", "team"]);
        Closed(set, "athlete_targets.csv", "kind", ["carbohydrate", "iron", "protein", "zinc"]);
        Closed(set, "athlete_targets.csv", "evidence", ["limited", "moderate", "strong"]);
        Closed(set, "fueling.csv", "phase", ["before", "during", "after", "screen"]);
        Closed(set, "fueling.csv", "evidence", ["limited", "moderate", "strong"]);
        Closed(set, "sweat.csv", "kind", ["sweat_concentration", "sweat_rate"]);
        Closed(set, "iron_stages.csv", "evidence", Grades);
        Each(set, "iron_stages.csv", "stage", s => s is "1" or "2" or "3", "1, 2 or 3");
        Closed(set, "export_columns.csv", "app", ["cronometer", "myfitnesspal"]);
        Closed(set, "export_columns.csv", "nutrient", nutrients);
        Closed(set, "export_columns.csv", "zero_is_unknown", YesOrEmpty);
        Closed(set, "fdc_alternates.csv", "nutrient", nutrients);
        Closed(set, "fdc_alternates.csv", "estimate", ["true", "false"]);
        Closed(set, "label_daily_values.csv", "nutrient", nutrients);
        Closed(set, "food_search_words.csv", "role", ["class", "community", "default", "part", "plain", "product", "variant"]);
        Closed(set, "meal_pairing.csv", "id", ["vitamin_c_with_iron_meal", "tea_coffee_with_iron_meal", "calcium_with_iron_meal", "calcium_supplement_with_iron", "zinc_iron_supplements"]);
        Closed(set, "food_exclusions.csv", "kind", ["pattern", "avoid"]);
        Closed(set, "supplement_guidance.csv", "nutrient", nutrients);
        Closed(set, "supplement_guidance.csv", "route", ["dose", "shortfall", "never"]);
        Closed(set, "supplement_guidance.csv", "per", ["day", "alternate_days"]);
        Closed(set, "supplement_guidance.csv", "grade", Grades);
        Closed(set, "supplement_interactions.csv", "nutrient", nutrients);
        Closed(set, "supplement_interactions.csv", "medication", [.. Assessment.History.MedicationRiskIds]);
        var groups = Ids(set, "food_groups.csv", "description");
        Each(set, "food_exclusions.csv", "groups", g => g.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).All(groups.Contains), "SR food group names of food_groups.csv separated by ';'");
        var patterns = set.Rows("food_exclusions.csv").Where(r => r.Text("kind") == "pattern").Select(r => r.Text("id")).ToHashSet(StringComparer.Ordinal);
        foreach (var pattern in Enum.GetNames<References.DietPattern>().Select(n => n.ToLowerInvariant()).Where(p => !patterns.Contains(p)))
        {
            throw new InvalidDataException($"food_exclusions.csv: the diet pattern '{pattern}' has no row.");
        }

        Closed(set, "retest_intervals.csv", "nutrient", nutrients);
        Closed(set, "retest_intervals.csv", "biomarker", biomarkers);
        Closed(set, "retest_intervals.csv", "grade", Grades);
        Each(set, "retest_intervals.csv", "days", d => int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is > 0 and <= 730, "whole days from 1 to 730");
        Closed(set, "absorption_notes.csv", "nutrient", nutrients);
        Closed(set, "absorption_notes.csv", "grade", Grades);
        Each(set, "absorption_notes.csv", "groups", g => g.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).All(groups.Contains), "SR food group names of food_groups.csv separated by ';'");
        Each(set, "absorption_notes.csv", "factor", f => f.Length == 0 || (double.TryParse(f, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && x is > 0 and <= 1), "empty or a share above 0 and at most 1");
    }

    /// <summary>Whether <paramref name="condition"/> is in the grammar, with its ids known.</summary>
    private static bool Condition(string condition, string[] symptoms, string[] risks, string[] biomarkers)
    {
        if (condition.Length == 0)
        {
            return true;
        }

        var parts = condition.Split(':');
        static bool Number(string text) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
        return (parts[0], parts.Length) switch
        {
            ("any" or "not_rested" or "near_peak_season" or "not_pregnant" or "not_lactating" or "athlete" or "takes_supplements", 1) => true,
            ("sex", 2) => parts[1] is "female" or "male",
            ("age_at_least" or "age_below", 2) => Number(parts[1]),
            ("history_at_least" or "history_below", 3) => Assessment.History.NumberFields.Contains(parts[1]) && Number(parts[2]),
            ("no_history", 2) => Assessment.History.NumberFields.Contains(parts[1]),
            ("symptom", 2) => symptoms.Contains(parts[1]),
            ("risk", 2) => risks.Contains(parts[1]),
            ("crp_above", 2) => Number(parts[1]),
            ("lab_below" or "lab_above", 3) => biomarkers.Contains(parts[1]) && Number(parts[2]),
            ("lab_low" or "lab_normal" or "no_lab", 2) => biomarkers.Contains(parts[1]),
            _ => false,
        };
    }

    private static string[] Ids(ReferenceSet set, string file, string column) => [.. set.Rows(file).Select(r => r.Text(column)).Distinct()];

    private static void Closed(ReferenceSet set, string file, string column, string[] allowed) =>
        Each(set, file, column, allowed.Contains, allowed.Length <= 12 ? string.Join(", ", allowed.Select(a => a.Length == 0 ? "empty" : a)) : $"an id from its table ({allowed.Length} known)");

    private static void Each(ReferenceSet set, string file, string column, Func<string, bool> valid, string expected)
    {
        foreach (var row in set.Rows(file))
        {
            var value = row.Text(column);
            if (!valid(value))
            {
                throw new InvalidDataException($"{file}:{row.Line}: {column}: '{value}' is not {expected}.");
            }
        }
    }
}

using System.Globalization;
using Replete.Data;
using Replete.Documents;
using Replete.Knowledge;
using Replete.References;

namespace Replete.Assessment;

/// <summary>A lab result as entered: "ferritin 18 ug/L", "vitamin_d_25oh 15 ng/mL".</summary>
/// <param name="Biomarker">Biomarker id from data/biomarkers.csv; hemoglobin and zinc take the person's sex (and, for
/// zinc, a morning fasting sample unless the id names another stratum).</param>
/// <param name="Value">The value.</param>
/// <param name="Unit">The unit; required where the test is reported in more than one unit.</param>
public sealed record LabInput(string Biomarker, double Value, string? Unit)
{
    /// <summary>The person has checked the value and unit: skips the unit mix-up question.</summary>
    public bool Confirmed { get; init; }

    /// <summary>Whether the laboratory reported a bound rather than a value ("&lt;8", "&gt;100", FHIR
    /// <c>Quantity.comparator</c>): the true value lies below or above <see cref="Value"/>. Null for a measured value.</summary>
    public LabBound? Bound { get; init; }

    /// <summary>The day the sample was drawn, when the result gives it (a FHIR effective date); else the file's
    /// <c>lab_sample.date</c> applies. Used to choose between two differing results of one test (<see cref="LabConflicts"/>).</summary>
    public DateOnly? Drawn { get; init; }
}

/// <summary>Which side of a reported bound the true value lies on.</summary>
public enum LabBound
{
    /// <summary>"&lt;8" or "&lt;=8": the value is at most the bound.</summary>
    AtMost,

    /// <summary>"&gt;100" or "&gt;=100": the value is at least the bound.</summary>
    AtLeast,
}

/// <summary>Why a lab result as entered cannot be read.</summary>
/// <param name="Code">An <see cref="Documents.InputProblemCodes"/> value: <c>unknown_value</c> (biomarker or unit),
/// <c>out_of_range</c> (not positive, or outside the range reported in living people), <c>question</c> (which unit?
/// or a value a unit slip away from sense, such as haemoglobin 13 g/L: set <see cref="LabInput.Confirmed"/> once
/// checked).</param>
/// <param name="Message">What is wrong and what to do.</param>
public sealed record LabInputProblem(string Code, string Message)
{
    /// <summary>The value sits where a unit slip would put it: the person is asked, and may confirm it.</summary>
    public bool IsUnitQuestion { get; init; }

    /// <summary>The field of the result the problem is about (<c>biomarker</c>, <c>value</c> or <c>unit</c>), so that an
    /// error names it; null where it is about the result as a whole (a value that reads right in another unit).</summary>
    public string? Field { get; init; }
}

/// <summary>Where a lab result stands against its cut-offs.</summary>
public enum LabStatus
{
    /// <summary>Below the deficiency cut-off (or above it, for markers that rise in deficiency such as MMA).</summary>
    Deficient,

    /// <summary>Below the low cut-off: depleted or marginal.</summary>
    Low,

    /// <summary>Within the reference cut-offs.</summary>
    Normal,

    /// <summary>Above the upper cut-off.</summary>
    High,

    /// <summary>The test has no sourced reference interval in Replete: the value is shown, never read as normal, and
    /// counts neither way.</summary>
    NotInterpreted,

    /// <summary>Above the low cut-off used here but below where another source puts it (25(OH)D 20-30 ng/mL: sufficient
    /// by IOM 2011, insufficient by the Endocrine Society 2011; data/biomarkers.csv <c>grey_zone_upper</c>): neither
    /// normal nor low, counted neither for nor against.</summary>
    GreyZone,
}

/// <summary>A lab result in the knowledge base's unit, read against its cut-offs.</summary>
public sealed record LabReading(string Biomarker, string Label, string Nutrient, double Value, string Unit, LabStatus Status, double? Low, double? Deficient, double? High, string Source, EvidenceGrade Evidence)
{
    /// <summary>Whether a normal result counts against a deficiency (not for haemoglobin, serum magnesium or zinc).</summary>
    public bool NormalRulesOut { get; init; }

    /// <summary>The status as the source names it: "borderline" for a low serum B12 (Reinstatler et al. 2012); a result
    /// in a critical range says so ("low, critical").</summary>
    public string StatusLabel => (Status switch
    {
        LabStatus.Low when LowLabel is { Length: > 0 } label => label,
        LabStatus.GreyZone => "grey zone (sources disagree)",
        LabStatus.NotInterpreted when AboveLowOnly => string.Create(CultureInfo.InvariantCulture, $"not interpreted at or above {Low ?? Deficient:0.##} (no sourced upper limit)"),
        LabStatus.NotInterpreted when Bound is not null => "not interpreted (reported as a bound on both sides of a cut-off)",
        LabStatus.NotInterpreted => "not interpreted (no sourced reference interval)",
        _ => Status.ToString().ToLowerInvariant(),
    }) + (Critical ? ", critical" : "");

    /// <summary>Whether the result is above the test's lower cut-off while no upper limit is sourced (serum zinc 300 ug/dL
    /// against Hotz et al. 2003's lower cut-off alone): it is not low, so it still counts against a deficiency where a
    /// normal result would, but it is never called normal, since it could be too high (tester's report h50).</summary>
    public bool AboveLowOnly { get; init; }

    /// <summary>The side of a bound the laboratory reported ("&lt;8"), or null for a measured value.</summary>
    public LabBound? Bound { get; init; }

    /// <summary>The bound's sign as a report writes it before the value: "&lt;", "&gt;", or "" for a measured value.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string BoundMark => Bound switch { LabBound.AtMost => "<", LabBound.AtLeast => ">", _ => "" };

    /// <summary>Whether the result is in a critical range (data/critical_labs.csv: a row whose flag needs a doctor the
    /// same day or emergency care), the third level after low and deficient: calcium 5.4 mg/dL, potassium 2.8 mmol/L,
    /// haemoglobin below 80 g/L.</summary>
    public bool Critical { get; init; }

    /// <summary>The day the sample was drawn, where known (<see cref="LabInput.Drawn"/>, else the sample's date).</summary>
    public DateOnly? Drawn { get; init; }

    /// <summary>Whether the result is above the low cut-off but below where another source puts it (25(OH)D 20-30 ng/mL:
    /// sufficient by IOM 2011, insufficient by the Endocrine Society 2011): it counts neither for nor against.</summary>
    public bool GreyZone => Status == LabStatus.GreyZone;

    /// <summary>The source's name for the low band, where it has one.</summary>
    public string? LowLabel { get; init; }

    /// <summary>Whether a result above the high cut-off means too much of the nutrient (25(OH)D), rather than the top
    /// of a reference range (serum magnesium, calcium).</summary>
    public bool HighIsExcess { get; init; }

    /// <summary>Whether a low result counts as evidence of deficiency (not a serum zinc taken during inflammation).</summary>
    public bool CountsForDeficiency { get; init; } = true;

    /// <summary>Whether the result was read against a cut-off that holds only in a condition (restless legs, inflammation),
    /// which weighs less than a lab's own cut-off.</summary>
    public bool ConditionalCutoff { get; init; }

    /// <summary>Whether the result cannot be read until the test is repeated (once well, rested, or at the season's low):
    /// until then it cannot make a deficiency more than possible.</summary>
    public bool RepeatAdvised { get; init; }

    /// <summary>Whether a low result does not show its cause (haemoglobin): it weighs like a strong sign, not a lab.</summary>
    public bool Nonspecific { get; init; }

    /// <summary>The next step for this result when it is not a matter of food or supplements (low potassium).</summary>
    public string? Advice { get; init; }

    /// <summary>When to repeat the test, where <see cref="RepeatAdvised"/>: "Repeat ferritin with CRP once well."</summary>
    public string? RepeatAdvice { get; init; }

    /// <summary>What changes how this result reads (data/lab_confounders.csv), each with its source.</summary>
    public IReadOnlyList<Caveat> Caveats { get; init; } = [];

    /// <summary>How old the result is on the assessment day and whether it is read as now (<see cref="LabCurrency"/>);
    /// null where the caller gave no assessment day (<see cref="AssessmentInput.AsOf"/>).</summary>
    public LabAge? Age { get; init; }

    /// <summary>Why <paramref name="input"/> cannot be read for this person, or null when it can.</summary>
    public static LabInputProblem? Check(LabInput input, Sex sex, double? ageYears = null, LabSample? sample = null, bool pregnant = false) =>
        Resolve(input, sex, ageYears, sample ?? LabSample.Unknown, pregnant, out _);

    /// <summary>Reads <paramref name="input"/> for a person of <paramref name="sex"/>.</summary>
    /// <exception cref="ArgumentException">The input cannot be read (<see cref="Check"/> says why): callers check input
    /// from a person first, so this is a programming error.</exception>
    /// <param name="input">The result as entered.</param>
    /// <param name="sex">The person's sex, for the sex-specific cut-offs.</param>
    /// <param name="ageYears">The person's age, for the age-specific cut-offs (men's zinc from 65, adult phosphate).</param>
    /// <param name="sample">How the blood was drawn; its conditions count only where it describes the result's own draw
    /// (<see cref="LabSample.For"/>).</param>
    /// <param name="pregnant">Whether the person is pregnant (haemoglobin).</param>
    /// <param name="athlete">Whether the profile names a sport or training hours: creatine kinase is then read against
    /// the athletes' interval (Mougios 2007, ages 7-44); otherwise it is not interpreted.</param>
    public static LabReading Read(LabInput input, Sex sex, double? ageYears = null, LabSample? sample = null, bool pregnant = false, bool athlete = false)
    {
        ArgumentNullException.ThrowIfNull(input);
        sample ??= LabSample.Unknown;
        if (Resolve(input, sex, ageYears, sample, pregnant, out var resolved, athlete) is { } problem)
        {
            throw new ArgumentException($"unchecked lab input: {problem.Message}", nameof(input));
        }

        var (baseId, id, unit, reference, value) = resolved;
        var rising = reference.Low is null && reference.Deficient is null && reference.High is not null && baseId == "methylmalonic_acid";
        LabStatus StatusAt(double x)
        {
            bool Below(double? cutoff) => reference.Inclusive ? x <= cutoff : x < cutoff;
            return reference.Low is null && reference.Deficient is null && reference.High is null ? LabStatus.NotInterpreted
                : rising ? (x > reference.High ? LabStatus.Deficient : LabStatus.Normal)
                : Below(reference.Deficient) && reference.Deficient < (reference.Low ?? double.MaxValue) ? LabStatus.Deficient
                : Below(reference.Deficient) ? LabStatus.Low // the same cut-off for both: only "low" is established
                : Below(reference.Low) ? LabStatus.Low
                : x > reference.High ? LabStatus.High
                // A value is normal only inside an interval sourced on both sides: above a lower cut-off alone it
                // could be too high, and Replete cannot say.
                : reference.High is null ? LabStatus.NotInterpreted
                : LabStatus.Normal;
        }

        bool AboveLowOnlyAt(double x) => StatusAt(x) == LabStatus.NotInterpreted && (reference.Low ?? reference.Deficient) is not null;

        var status = StatusAt(value);
        // A bound ("<8", ">100") settles the reading only when every value on its side reads the same: "<8" ferritin is
        // deficient whatever it is, "<40" could be low or normal, so it is not interpreted and says why. The bound
        // itself is outside ("<5" is below 5), so the side is read just inside it and at its far end.
        Caveat? bound = null;
        var aboveLowOnly = AboveLowOnlyAt(value) && input.Bound != LabBound.AtMost;
        if (input.Bound is { } side && (status != LabStatus.NotInterpreted || AboveLowOnlyAt(value)))
        {
            var mark = side == LabBound.AtMost ? "<" : ">";
            var nudge = (Math.Abs(value) * 1e-9) + 1e-12;
            var near = StatusAt(side == LabBound.AtMost ? value - nudge : value + nudge);
            var far = StatusAt(side == LabBound.AtMost ? nudge : double.MaxValue / 4);
            // Low at one end and deficient at the other is at least low: below the cut-off either way.
            status = near == far ? near
                : near is LabStatus.Low or LabStatus.Deficient && far is LabStatus.Low or LabStatus.Deficient ? LabStatus.Low
                : LabStatus.NotInterpreted;
            bound = new Caveat(string.Create(CultureInfo.InvariantCulture,
                $"Reported as {mark}{value:0.##} {reference.Unit}: {(status == LabStatus.NotInterpreted && near != far ? "the true value could lie on either side of a cut-off, so it is not interpreted; ask for the measured value" : "every value on that side reads the same")}"), null);
        }

        aboveLowOnly &= status == LabStatus.NotInterpreted;
        var grey = status == LabStatus.Normal && reference.GreyUpper is { } greyUpper && value < greyUpper;
        var stratumGiven = id.Equals(input.Biomarker.Trim(), StringComparison.OrdinalIgnoreCase);
        var zinc = baseId == "zinc" ? Zinc(id, stratumGiven, value, status, sex, ageYears, sample.For(input.Drawn)) : default;
        // The time and fasting given are of another draw: the reader who gave them is told why they were not used.
        if (baseId == "zinc" && !stratumGiven && (sample.Time is not null || sample.Fasting is not null) && sample.OtherDraw(input.Drawn) is { } otherDraw)
        {
            zinc.Caveats = [new Caveat(otherDraw, null), .. zinc.Caveats ?? []];
        }

        return new LabReading(id, reference.Label, unit.Nutrient, value, reference.Unit, grey ? LabStatus.GreyZone : status, reference.Low, reference.Deficient, reference.High, reference.Source, reference.Evidence)
        {
            CountsForDeficiency = !zinc.Unreadable,
            Bound = input.Bound,
            AboveLowOnly = aboveLowOnly,
            RepeatAdvised = zinc.Unreadable,
            RepeatAdvice = zinc.Unreadable ? "Repeat with the time of day and fasting state noted." : null,
            NormalRulesOut = unit.RulesOut && !grey,
            HighIsExcess = reference.HighIsExcess,
            LowLabel = reference.LowLabel,
            Caveats = grey
                ? [.. zinc.Caveats ?? [], new Caveat(string.Create(CultureInfo.InvariantCulture, $"Between {reference.Low:0.##} and {reference.GreyUpper:0.##} {reference.Unit} the sources disagree: sufficient by the cut-off used here ({reference.Source.Split(';')[0]}), low by another; counted neither for nor against."), reference.GreySource)]
                : [.. zinc.Caveats ?? [], .. bound is null ? Array.Empty<Caveat>() : [bound]],
        };
    }

    /// <summary>Common spellings of laboratory units in the spelling of data/lab_units.csv: the micro sign and Greek mu
    /// are "u", "mcg" is "ug", "gm" is "g" ("gm/dL"), UCUM's "[IU]" is "IU", and spaces are dropped ("ug / L").</summary>
    public static string NormalizeUnit(string unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var u = unit.Trim().Replace(" ", "", StringComparison.Ordinal).Replace('\u00B5', 'u').Replace('\u03BC', 'u')
            .Replace("[IU]", "IU", StringComparison.OrdinalIgnoreCase);
        u = System.Text.RegularExpressions.Regex.Replace(u, "(?i)mcg", "ug");
        return System.Text.RegularExpressions.Regex.Replace(u, "(?i)^gm/", "g/");
    }

    private static LabInputProblem? Resolve(LabInput input, Sex sex, double? ageYears, LabSample sample, bool pregnant, out (string BaseId, string Id, UnitRow Unit, CutoffRow Reference, double Value) resolved, bool athlete = false)
    {
        ArgumentNullException.ThrowIfNull(input);
        resolved = default;
        var baseId = input.Biomarker.Split('.')[0].Trim().ToLowerInvariant();
        var units = Units.Where(u => u.Biomarker == baseId).ToList();
        if (units.Count == 0)
        {
            var suggestions = Suggest(input.Biomarker);
            return new(InputProblemCodes.UnknownValue, $"unknown lab '{input.Biomarker}' (did you mean {string.Join(", ", suggestions)}?)") { Field = "biomarker" };
        }

        if (!double.IsFinite(input.Value) || input.Value <= 0)
        {
            return new(InputProblemCodes.OutOfRange, $"{input.Biomarker}: {input.Value} is not a measured value (must be above zero)") { Field = "value" };
        }

        UnitRow? unit;
        if (string.IsNullOrWhiteSpace(input.Unit))
        {
            if (units.Count > 1 && units.Any(u => u.Factor != units[0].Factor))
            {
                return new(InputProblemCodes.Question, $"{input.Biomarker} {input.Value}: which unit? It could be {string.Join(" or ", units.Select(u => $"{input.Value} {u.Unit}"))}") { Field = "unit" };
            }

            unit = units[0];
        }
        else
        {
            var spelled = NormalizeUnit(input.Unit);
            unit = units.FirstOrDefault(u => u.Unit.Equals(spelled, StringComparison.OrdinalIgnoreCase));
            if (unit is null)
            {
                return new(InputProblemCodes.UnknownValue, $"{input.Biomarker}: unit '{input.Unit}' is not known for this test (use {string.Join(", ", units.Select(u => u.Unit))})") { Field = "unit" };
            }
        }

        // The sample's conditions count only for a result of its draw (LabSample.For).
        var id = Stratum(input.Biomarker.Trim().ToLowerInvariant(), baseId, sex, ageYears, sample.For(input.Drawn), pregnant, athlete);
        var reference = Cutoffs.GetValueOrDefault(id);
        if (reference is null)
        {
            return new(InputProblemCodes.UnknownValue, $"{input.Biomarker}: no reference values for '{id}'") { Field = "biomarker" };
        }

        var value = input.Value * unit.Factor;
        if (!input.Confirmed && MixedUpUnit(input, unit, units, reference) is { } question)
        {
            return new(InputProblemCodes.Question, question) { IsUnitQuestion = true };
        }

        if (Plausible.TryGetValue(baseId, out var range) && (value < range.Lowest || value > range.Highest))
        {
            var bounds = string.Create(CultureInfo.InvariantCulture, $"{(range.Lowest is { } lo ? $"{lo:#,0.##}" : "0")} to {(range.Highest is { } hi ? $"{hi:#,0.##}" : "no upper bound")} {reference.Unit}");
            return new(InputProblemCodes.OutOfRange, string.Create(CultureInfo.InvariantCulture,
                $"{input.Biomarker} {input.Value} {unit.Unit} is outside the range reported in living people ({bounds}; {range.Source}): check the value and its unit"))
            {
                Field = "value",
            };
        }

        resolved = (baseId, id, unit, reference, value);
        return null;
    }

    /// <summary>What serum zinc's sampling leaves open (Hotz et al. 2003 give cut-offs by sex, age, time of day and
    /// fasting, for women of 10-70 years). Where the stratum was not named and the time or fasting state is unknown, the
    /// highest cut-off is used, and a low value above the cut-off of the sample's loosest possible stratum is unreadable.</summary>
    private static (bool Unreadable, IReadOnlyList<Caveat>? Caveats) Zinc(string id, bool stratumGiven, double value, LabStatus status, Sex sex, double? ageYears, LabSample sample)
    {
        var caveats = new List<Caveat>();
        var unreadable = false;
        var loosest = sample.Time is null ? ".afternoon" : sample is { Time: SampleTime.Morning, Fasting: null } ? ".morning_nonfasting" : null;
        if (!stratumGiven && loosest is not null)
        {
            caveats.Add(new("Sampling time or fasting not given: read against the morning-fasting cut-off, the highest of the three (Hotz et al. 2003); a value that would pass the cut-off of the sample's possible times is not counted. Give lab_sample.time and fasting for the right one.", null));
            unreadable = status == LabStatus.Low && Cutoffs.GetValueOrDefault(id[..id.LastIndexOf('.')] + loosest)?.Low is { } lowest && value >= lowest;
        }

        if (sex == Sex.Female && ageYears > 70)
        {
            caveats.Add(new("Hotz et al. 2003 give cut-offs for women of 10-70 years only: the women's row is used, and may not fit.", null));
        }

        return (unreadable, caveats);
    }

    /// <summary>A value below a quarter of the test's lowest cut-off, or above four times its upper one, that would sit
    /// inside those bounds in another unit of the same test, is asked about: haemoglobin 13 g/L is almost surely
    /// 13 g/dL. The factor of four is Replete's choice (a unit slip moves a value tenfold or more).</summary>
    private static string? MixedUpUnit(LabInput input, UnitRow unit, List<UnitRow> units, CutoffRow reference)
    {
        var floor = new[] { reference.Low, reference.Deficient }.Where(c => c is not null).Min() / 4;
        var ceiling = reference.High * 4;
        bool Odd(double value) => value < floor || value > ceiling;
        if (!Odd(input.Value * unit.Factor))
        {
            return null;
        }

        var other = units.FirstOrDefault(u => u.Factor != unit.Factor && !Odd(input.Value * u.Factor));
        return other is null ? null : string.Create(CultureInfo.InvariantCulture,
            $"{input.Biomarker} {input.Value} {unit.Unit} is {(input.Value * unit.Factor < floor ? "far below" : "far above")} its cut-off ({(input.Value * unit.Factor < floor ? floor * 4 : reference.High):0.##} {reference.Unit}), while {input.Value} {other.Unit} would be {input.Value * other.Factor:0.##} {reference.Unit}: check the unit on the report (add \"confirmed\": true if {input.Value} {unit.Unit} is right)");
    }

    /// <summary>The tests Replete reads, each with the nutrient it informs (empty for confounders such as CRP) and the
    /// units it accepts.</summary>
    public static IReadOnlyList<(string Biomarker, string Nutrient, IReadOnlyList<string> Units)> Known => Units
        .GroupBy(u => u.Biomarker)
        .Select(g => (g.Key, g.First().Nutrient, (IReadOnlyList<string>)[.. g.Select(u => u.Unit)]))
        .ToArray();

    /// <summary>Whether <paramref name="first"/> in <paramref name="firstUnit"/> and <paramref name="second"/> in
    /// <paramref name="secondUnit"/> are one result of <paramref name="biomarker"/>: the same value in one unit however it
    /// is spelt ("ug/L", "ug/l", "µg/L"), or in two units of data/lab_units.csv that read it the same (18 ug/L and
    /// 18 ng/mL of ferritin). A unit the test does not list is compared by its spelling only.</summary>
    public static bool SameQuantity(string biomarker, double first, string firstUnit, double second, string secondUnit)
    {
        ArgumentNullException.ThrowIfNull(biomarker);
        ArgumentNullException.ThrowIfNull(firstUnit);
        ArgumentNullException.ThrowIfNull(secondUnit);
        if (first.Equals(second) && string.Equals(NormalizeUnit(firstUnit), NormalizeUnit(secondUnit), StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var baseId = biomarker.Split('.')[0].Trim().ToLowerInvariant();
        double? Factor(string unit) => Units.FirstOrDefault(u => u.Biomarker == baseId && string.Equals(u.Unit, NormalizeUnit(unit), StringComparison.OrdinalIgnoreCase))?.Factor;
        return Factor(firstUnit) is { } a && Factor(secondUnit) is { } b
            && Math.Abs(first * a - second * b) <= 1e-9 * Math.Max(Math.Abs(first * a), Math.Abs(second * b));
    }

    /// <summary>Whether <paramref name="first"/> and <paramref name="second"/> are both units of data/lab_units.csv for
    /// <paramref name="biomarker"/> that give a value different readings (ng/mL and nmol/L for 25(OH)D); two spellings
    /// of one quantity (ug/L and ng/mL) agree, and a unit the test does not list disagrees with nothing.</summary>
    public static bool UnitsDisagree(string biomarker, string first, string second)
    {
        ArgumentNullException.ThrowIfNull(biomarker);
        var baseId = biomarker.Split('.')[0];
        double? Factor(string unit) => Units.FirstOrDefault(u => u.Biomarker == baseId && string.Equals(u.Unit, NormalizeUnit(unit), StringComparison.OrdinalIgnoreCase))?.Factor;
        return Factor(first) is { } a && Factor(second) is { } b && Math.Abs(a - b) > 1e-9 * Math.Max(Math.Abs(a), Math.Abs(b));
    }

    /// <summary>The biomarker a LOINC code reports (data/lab_loinc.csv), or null when Replete does not use it.</summary>
    public static string? BiomarkerForLoinc(string loinc) => Loinc.GetValueOrDefault(loinc);

    /// <summary>The LOINC code Replete writes for <paramref name="biomarker"/> (its first row in data/lab_loinc.csv, the
    /// code of data/biomarkers.csv), or null.</summary>
    public static string? LoincFor(string biomarker) => LoincByBiomarker.GetValueOrDefault(biomarker);

    private static readonly Dictionary<string, string> LoincByBiomarker = ReferenceData.Read("lab_loinc.csv")
        .GroupBy(row => row.Text("biomarker"), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Text("loinc"), StringComparer.Ordinal);

    private static string Stratum(string id, string baseId, Sex sex, double? ageYears, LabSample sample, bool pregnant, bool athlete)
    {
        if (id.Contains('.', StringComparison.Ordinal))
        {
            return id;
        }

        var sexName = sex == Sex.Female ? "female" : "male";
        return baseId switch
        {
            // Pregnancy has its own anaemia cut-off (WHO 2011: 110 g/L).
            "hemoglobin" => pregnant ? "hemoglobin.pregnant" : $"hemoglobin.{sexName}",
            // Men from 65 have their own zinc cut-offs (biomarkers.csv, Hotz et al. 2003).
            // Serum zinc's cut-off depends on the time of day and on fasting (Hotz et al. 2003); unknown reads as the
            // morning-fasting one, the highest, and the reading says so.
            "zinc" => $"zinc.{(sex == Sex.Male && ageYears >= 65 ? "male65" : sexName)}.{sample switch
            {
                { Time: SampleTime.Afternoon } => "afternoon",
                { Time: SampleTime.Morning, Fasting: false } => "morning_nonfasting",
                _ => "morning_fasting",
            }}",
            // Adults only: phosphate runs higher while growing, and no one interval covers every age (biomarkers.csv);
            // an unknown age is not read as an adult's.
            "phosphate" => ageYears >= 18 ? "phosphate.adult" : "phosphate.child",
            // The athletes' interval was measured in athletes aged 7-44 (Mougios 2007); anyone else is not interpreted.
            "creatine_kinase" when athlete && ageYears is >= 7 and <= 44 => $"creatine_kinase.{sexName}_athlete",
            _ => id,
        };
    }

    /// <summary>The three known labs nearest to <paramref name="text"/>: the same words in any order and spelling
    /// ("ionized calcium" is calcium_ionised) first, then those having every word given ("vitamin d" is in
    /// vitamin_d_25oh), then by edit distance; each lab is compared by its id and by its label in biomarkers.csv.</summary>
    private static IEnumerable<string> Suggest(string text)
    {
        var words = LabWords(text);
        var key = string.Join(' ', words);
        (int Rank, int Distance) Nearness(string form)
        {
            var other = LabWords(form);
            var rank = other.SequenceEqual(words) ? 0 : words.Count > 0 && words.All(other.Contains) ? 1 : 2;
            return (rank, Nutrients.EditDistance.Between(key, string.Join(' ', other)));
        }

        return Units.Select(u => u.Biomarker).Distinct()
            .Select(id => (Id: id, Nearness: LabForms(id).Select(Nearness).Min()))
            .OrderBy(x => x.Nearness)
            .Take(3)
            .Select(x => x.Id);
    }

    /// <summary>A lab's id and the labels of its rows in biomarkers.csv ("Calcium, ionised").</summary>
    private static IEnumerable<string> LabForms(string id) =>
        [id, .. Cutoffs.Values.Where(c => c.Id == id || c.Id.StartsWith(id + ".", StringComparison.Ordinal)).Select(c => c.Label)];

    /// <summary>The words of a lab's name, lower case, sorted and without duplicates, with British and American spellings
    /// made one ("ionized" is "ionised", "haemoglobin" is "hemoglobin").</summary>
    private static List<string> LabWords(string text) =>
        [.. System.Text.RegularExpressions.Regex.Split(text.ToLowerInvariant(), "[^a-z0-9]+")
            .Where(w => w.Length > 0)
            .Select(w => w.Replace("iz", "is", StringComparison.Ordinal).Replace("haem", "hem", StringComparison.Ordinal).Replace("aemi", "emi", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];

    private static readonly Dictionary<string, (double? Lowest, double? Highest, string Source)> Plausible = ReferenceData.Read("lab_plausible.csv")
        .ToDictionary(row => row.Text("biomarker"), row => (row.OptionalNumber("lowest"), row.OptionalNumber("highest"), row.Text("source")), StringComparer.Ordinal);

    private static readonly Dictionary<string, string> Loinc = ReferenceData.Read("lab_loinc.csv")
        .ToDictionary(row => row.Text("loinc"), row => row.Text("biomarker"), StringComparer.Ordinal);

    private static readonly IReadOnlyList<UnitRow> Units = ReferenceData.Read("lab_units.csv")
        .Select(row => new UnitRow(row.Text("biomarker"), row.Text("nutrient"), row.Text("unit"), row.Number("factor"), row.Text("normal_rules_out") == "yes"))
        .ToArray();

    private static readonly Dictionary<string, CutoffRow> Cutoffs = ReferenceData.Read("biomarkers.csv")
        .Select(row => new CutoffRow(row.Text("biomarker_id"), row.Text("label"), row.Text("unit"), row.OptionalNumber("low_cutoff"), row.OptionalNumber("deficient_cutoff"),
            row.OptionalNumber("high_cutoff"), row.Text("source"), KnowledgeBase.Grade(row),
            row.Text("cutoffs_inclusive") == "yes", row.Text("high_is_excess") == "yes", row.Text("low_label"))
        {
            GreyUpper = row.OptionalNumber("grey_zone_upper"),
            GreySource = row.Text("grey_zone_source"),
        })
        .ToDictionary(c => c.Id, StringComparer.Ordinal);

    /// <summary>A row of data/lab_units.csv.</summary>
    private sealed record UnitRow(string Biomarker, string Nutrient, string Unit, double Factor, bool RulesOut);

    /// <summary>A row of data/biomarkers.csv.</summary>
    private sealed record CutoffRow(string Id, string Label, string Unit, double? Low, double? Deficient, double? High, string Source, EvidenceGrade Evidence, bool Inclusive, bool HighIsExcess, string LowLabel)
    {
        public double? GreyUpper { get; init; }

        public string GreySource { get; init; } = "";
    }
}

using System.Globalization;

namespace Replete.Assessment;

/// <summary>Whether a lab result can be read as the person's state on the day of the assessment.</summary>
/// <remarks>
/// <para>A result says how someone was when the blood was drawn. Replete reads it as now only within a sourced retest
/// interval (data/retest_intervals.csv: ferritin 182 days, Clénin et al. 2015; 25(OH)D 112 days, IOC consensus 2018).
/// Replete's rule, on the side of a wrong "you are fine" never happening:</para>
/// <list type="bullet">
/// <item><see cref="Current"/>: dated, within its interval: read as now.</item>
/// <item><see cref="NotCurrent"/>: dated, older than its interval, or dated after the assessment day: not read as now at
/// all (no evidence, no red flag, no reassurance). It is shown with its date and age, and gives one next step: retest,
/// and, when it was abnormal or critical, see a doctor to recheck it. It never raises the triage.</item>
/// <item><see cref="NotJudged"/>: dated, but no source gives the test a retest interval (potassium, haemoglobin, B12 and
/// every test but ferritin and 25(OH)D), so Replete cannot say how long it holds and invents no interval. The result is
/// read on the side of caution: a result outside its range still counts and still raises its red flag (which names its
/// date and age), but a normal result is never taken as proof that the person is fine now (it does not count against
/// a deficiency).</item>
/// <item><see cref="Undated"/>: no date at all (no FHIR effective date, no <c>lab_sample.date</c>): read exactly like
/// <see cref="NotJudged"/>, for the same reason.</item>
/// </list>
/// </remarks>
public enum LabCurrency
{
    /// <summary>Dated and within its sourced retest interval: read as now.</summary>
    Current,

    /// <summary>Older than its sourced retest interval, or dated after the assessment day: not read as now.</summary>
    NotCurrent,

    /// <summary>Dated, with no sourced retest interval for the test: abnormal counts, normal does not reassure.</summary>
    NotJudged,

    /// <summary>No date: read like <see cref="NotJudged"/>.</summary>
    Undated,
}

/// <summary>How old a result is on the assessment day, and what that makes of it (<see cref="LabCurrency"/>).</summary>
/// <param name="Currency">Whether it can be read as now.</param>
/// <param name="Dated">The date and status in words, shown with the result in every format: "from 2005-07-05, 21 years
/// ago: not current (older than the 182-day retest interval for ferritin); retest".</param>
/// <param name="Interval">The sourced retest interval it was judged by, or null when there is none.</param>
public sealed record LabAge(LabCurrency Currency, string Dated, RetestInterval? Interval)
{
    /// <summary>Judges a result of <paramref name="biomarker"/> drawn on <paramref name="drawn"/> (null: undated) on the
    /// day <paramref name="asOf"/>.</summary>
    public static LabAge Of(string biomarker, DateOnly? drawn, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(biomarker);
        var analyte = biomarker.Split('.')[0];
        var interval = RetestInterval.All.FirstOrDefault(i => i.Biomarker == analyte);
        if (drawn is not { } day)
        {
            return new(LabCurrency.Undated, interval is null
                ? $"undated, and no sourced retest interval for this test: not known to be current{NoReassurance}"
                : $"undated: not known to be current{NoReassurance}; give the date it was drawn", interval);
        }

        var days = asOf.DayNumber - day.DayNumber;
        var from = string.Create(CultureInfo.InvariantCulture, $"from {day:yyyy-MM-dd}");
        if (days < 0)
        {
            return new(LabCurrency.NotCurrent, string.Create(CultureInfo.InvariantCulture, $"{from}, after the assessment day {asOf:yyyy-MM-dd}: not current; check the date"), interval);
        }

        if (interval is null)
        {
            // The age only from a year on: under it the age changes the report every day, and says nothing a date does not.
            return new(LabCurrency.NotJudged, $"{from}{(Years(day, asOf) >= 1 ? Ago(day, asOf) : "")}; no sourced retest interval for this test: not known to be current{NoReassurance}", null);
        }

        return days <= interval.Days
            ? new(LabCurrency.Current, string.Create(CultureInfo.InvariantCulture, $"{from}, within the {interval.Days}-day retest interval"), interval)
            : new(LabCurrency.NotCurrent, string.Create(CultureInfo.InvariantCulture, $"{from}{Ago(day, asOf)}: not current (older than the {interval.Days}-day retest interval, {interval.Source.Split([", ", " ("], 2, StringSplitOptions.None)[0]}); retest"), interval);
    }

    /// <summary>The words of <see cref="Dated"/> that say a normal result does not reassure.</summary>
    private const string NoReassurance = ", so a normal result is no reassurance";

    /// <summary>This age as it reads beside a result of <paramref name="status"/>: a result whose currency cannot be
    /// judged says "a normal result is no reassurance" only where it reads normal (or above a lower cut-off with no
    /// sourced upper limit), never beside a high or low one (new user: "potassium 5.2, above 5 (..., so a normal result
    /// is no reassurance)").</summary>
    public LabAge Beside(LabStatus status, bool aboveLowOnly) =>
        Currency is LabCurrency.NotJudged or LabCurrency.Undated && !(status == LabStatus.Normal || (status == LabStatus.NotInterpreted && aboveLowOnly))
            ? this with { Dated = Dated.Replace(NoReassurance, "", StringComparison.Ordinal) }
            : this;

    /// <summary>", 21 years ago" or ", 200 days ago"; nothing under a day. Years are whole calendar years: days / 365
    /// had called 3 years and 364 days "4 years ago" when a 29 February fell between.</summary>
    private static string Ago(DateOnly drawn, DateOnly asOf) => (Years(drawn, asOf), asOf.DayNumber - drawn.DayNumber) switch
    {
        ( >= 2, _) and var (years, _) => string.Create(CultureInfo.InvariantCulture, $", {years} years ago"),
        (1, _) => ", 1 year ago",
        (_, 1) => ", 1 day ago",
        (_, > 1) and var (_, days) => string.Create(CultureInfo.InvariantCulture, $", {days} days ago"),
        _ => "",
    };

    /// <summary>Whole calendar years from <paramref name="drawn"/> to <paramref name="asOf"/> (a 29 February counts its
    /// year from 28 February in a common year).</summary>
    private static int Years(DateOnly drawn, DateOnly asOf) =>
        asOf.Year - drawn.Year - (drawn.AddYears(asOf.Year - drawn.Year) > asOf ? 1 : 0);
}

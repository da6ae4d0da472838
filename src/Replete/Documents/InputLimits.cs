using System.Globalization;

namespace Replete.Documents;

/// <summary>Every range Replete holds a person's input to, in one place. A value outside is refused with the range, so
/// a typo or a wrong unit is caught rather than computed with. Most are Replete's choices, not science: each says so,
/// with its reason.</summary>
public static class InputLimits
{
    /// <summary>The latest date a record of the past (a blood draw, a food-log day) may carry: tomorrow in UTC (Replete's
    /// choice: one day's tolerance covers every time zone; a later date is a typo in the year).</summary>
    public static DateOnly LatestPastDate => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);

    /// <summary>The earliest date a record of a person's past (a blood draw, a food-log day, a medicine started) may
    /// carry: 1 January of the year <see cref="AgeYears"/>' 120 years ago (Replete's choice, from the same limit: an
    /// earlier date is before anyone living was born, so a typo in the year). A whole year, so a slashed date whose day
    /// and month the file settles later never crosses it.</summary>
    public static DateOnly EarliestPastDate => new(DateTime.UtcNow.Year - (int)AgeYears.Maximum, 1, 1);

    /// <summary>Why <paramref name="day"/> cannot be a date of the past, or null: after <see cref="LatestPastDate"/>
    /// (unless <paramref name="orderUnsettled"/>: a slashed date whose day and month may still swap) or before
    /// <see cref="EarliestPastDate"/>.</summary>
    public static string? PastDateProblem(DateOnly day, bool orderUnsettled = false) =>
        day > LatestPastDate && !orderUnsettled ? "is in the future"
        : day < EarliestPastDate ? string.Create(CultureInfo.InvariantCulture, $"is before {EarliestPastDate:yyyy}, more than {AgeYears.Maximum:0} years ago")
        : null;

    /// <summary>Age, 0-120 years. Replete's choice: the DRI life stages start at birth; 120 is just below the oldest
    /// verified human age (122 years).</summary>
    public static Limit AgeYears { get; } = new("age", 0, 120, "years", "Replete's choice: the DRI life stages start at birth; 120 is below the oldest verified age");

    /// <summary>Body mass of anyone with a profile, 2-400 kg. Replete's choice: a newborn's mass to above the heaviest
    /// athletes; per-kilogram targets exist from infancy.</summary>
    public static Limit BodyMassKg { get; } = new("body mass", 2, 400, "kg", "Replete's choice: a newborn to above the heaviest athletes");

    /// <summary>Body mass in a training document (sweat test, session, training week), 20-300 kg. Replete's choice:
    /// these plans are for athletes, so a value below 20 kg is a typo or a value in another unit.</summary>
    public static Limit AthleteBodyMassKg { get; } = new("body mass", 20, 300, "kg", "Replete's choice: training plans are for athletes; outside this is a typo or another unit");

    /// <summary>Training volume, 0-60 h/week. Replete's choice: above what professional endurance athletes log.</summary>
    public static Limit TrainingHoursPerWeek { get; } = new("training hours per week", 0, 60, "", "Replete's choice: above what professional endurance athletes log");

    /// <summary>One training session, more than 0 and at most 1,440 minutes (a day).</summary>
    public static Limit SessionMinutes { get; } = new("minutes", 0, 24 * 60, "", "a session lasts at most a day") { MinimumExclusive = true };

    /// <summary>Doses of one supplement a day, more than 0 and at most 20. Replete's choice: more is a typo.</summary>
    public static Limit DosesPerDay { get; } = new("doses_per_day", 0, 20, "", "Replete's choice: more than 20 doses a day is a typo") { MinimumExclusive = true };

    /// <summary>Body fat, 2-70 %. Replete's choice: essential fat in men is about 2-5 %; above 70 % is not measured.</summary>
    public static Limit BodyFatPercent { get; } = new("body fat percent", 2, 70, "", "Replete's choice: essential fat is about 2-5 %; above 70 % is not measured");

    /// <summary>Sweat sodium, 10-150 mmol/L: Baker et al. 2016 measured 13-105 mmol/L on the forearm; the margin allows
    /// for other methods.</summary>
    public static Limit SweatSodiumMmolPerLitre { get; } = new("sweat sodium", 10, 150, "mmol/L", "Baker et al. 2016 measured 13-105 mmol/L; the margin allows other methods");

    /// <summary>Sweat rate, more than 0 and at most 6 L/h: the highest measured in athletes is 5.73 L/h (Baker et al. 2016);
    /// the margin allows other methods.</summary>
    public static Limit SweatRateLitresPerHour { get; } = new("sweat rate", 0, 6, "L/h", "Baker et al. 2016 measured at most 5.73 L/h; the margin allows other methods") { MinimumExclusive = true };

    /// <summary>Energy intake or exercise energy expenditure, 0-15,000 kcal/day. Replete's choice: above what the most
    /// extreme endurance events have been measured to need.</summary>
    public static Limit DailyKcal { get; } = new("energy", 0, 15000, "kcal/d", "Replete's choice: above the most extreme endurance events measured");

    /// <summary>Fat-free mass, 15-150 kg. Replete's choice: a small adolescent athlete to the heaviest strength athletes.</summary>
    public static Limit FatFreeMassKg { get; } = new("fat-free mass", 15, 150, "kg", "Replete's choice: a small adolescent athlete to the heaviest strength athletes");

    /// <summary>One food log entry, at most 5,000 g. Replete's choice: 5 kg of one food at one sitting is a unit
    /// mistake.</summary>
    public const double MaximumEntryGrams = 5000;

    /// <summary>One nutrient value of a food composition file, at most 1e10 per 100 g in the nutrient's unit. Replete's
    /// choice: nothing holds more than 100 g of a nutrient in 100 g (1e8 in micrograms), and a pure vitamin D powder in IU
    /// (40 IU per microgram) stays below 4e9; more is a corrupt or forged file, not a food.</summary>
    public const double MaximumFoodValuePer100Grams = 1e10;

    /// <summary>One diet file, at most 200 MB. Replete's choice: a year of detailed logging is a few megabytes.</summary>
    public const long MaximumDietFileBytes = 200L * 1024 * 1024;

    /// <summary>Entries stored from one import on the server, at most 100,000. Replete's choice: 25 logged foods a day
    /// for ten years is 91,250, and the server writes every entry as a row in one transaction that holds the database's
    /// write lock; a few hundred megabytes of one repeated line (tester h73: millions of rows) held every other write on
    /// the server for minutes.</summary>
    public const int MaximumImportedEntries = 100_000;

    /// <summary>Different foods and amounts in the food logs of one analysis, assessment or import, at most 20,000.
    /// Replete's choice: each is matched through the food search and kept with what it supplies (about 3 KB), so this is
    /// what a food log's memory and time grow with, never its lines. A person's log repeats their foods: the README
    /// runner's week has 18, and weighing every food to the gram at 10 lines a day gives about 3,650 a year, so 20,000
    /// is five years of that; more is not one person's log, or many years to split by date range. At the limit an
    /// analysis peaked at 160 MB (table) and 196 MB (JSON), against 2.2 GB and 105 s for 800,000 before the limit.</summary>
    public const int MaximumDistinctFoodLogEntries = 20_000;

    /// <summary>Months without a period, 0-720. Replete's choice: sixty years, so that a woman long past the menopause
    /// can say so.</summary>
    public static Limit MonthsWithoutPeriod { get; } = new("months_without_period", 0, 720, "months", "Replete's choice: sixty years");

    /// <summary>Falls in the past year, 0-100. Replete's choice: more is a typo.</summary>
    public static Limit FallsPerYear { get; } = new("falls_past_year", 0, 100, "", "Replete's choice: more than 100 falls in a year is a typo");

    /// <summary>Hours of the latest long race or session, 0-240. Replete's choice: ten days; more is a typo.</summary>
    public static Limit SessionHours { get; } = new("session_hours", 0, 240, "h", "Replete's choice: ten days; more is a typo");

    /// <summary>Weekly running or training distance.</summary>
    public static Limit WeeklyDistanceKm { get; } = new("weekly_distance_km", 0, 1500, "km", "Replete's choice: about 214 km a day, beyond multi-day ultra records; more is a typo");

    /// <summary>Years on a vegan diet, 0-100. Replete's choice: a lifetime.</summary>
    public static Limit YearsVegan { get; } = new("years_vegan", 0, 100, "years", "Replete's choice: a lifetime");

    /// <summary>Lines one CSV record may span (a quoted note written across lines), 200. Replete's choice: exports
    /// put at most a few lines in a note; more means a quote was never closed, and stopping early keeps the reader
    /// linear in the file.</summary>
    public const int MaximumCsvRecordLines = 200;

    /// <summary>Characters in one CSV record, 1 MiB. Replete's choice: the longest real export rows are a few
    /// kilobytes.</summary>
    public const int MaximumCsvRecordChars = 1 << 20;

    /// <summary>Characters in a JSON or YAML document (an assessment, profile, plan or supplements file), 5 million.
    /// Replete's choice: such documents are a few kilobytes; the limit keeps an endless input from exhausting memory.</summary>
    public const int MaximumDocumentChars = 5_000_000;

    /// <summary>Characters in one id or word in a document's lists (a symptom, a risk factor), 200. Replete's choice:
    /// the longest alias is under 60; a longer text is not matched or echoed whole.</summary>
    public const int MaximumWordChars = 200;

    /// <summary>One supplement dose of one nutrient, 0-1,000,000 in the nutrient's unit (mg, ug or g). Replete's choice:
    /// a million of any unit is far beyond any product (a kilogram of a mineral in mg), so more is a typo or a unit slip.</summary>
    public static Limit DoseAmount { get; } = new("amount", 0, 1_000_000, "", "Replete's choice: far beyond any product");

    /// <summary>A mean daily intake of one nutrient, 0-10,000,000 in its unit (mg, ug or g). Replete's choice: ten
    /// kilograms a day in milligrams is beyond any diet, so more is a typo (1e308 is refused, not computed with).</summary>
    public static Limit DailyIntake { get; } = new("intake", 0, 10_000_000, "", "Replete's choice: beyond any diet");
}

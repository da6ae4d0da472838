using System.Globalization;
using Replete.Data;

namespace Replete.Diet;

/// <summary>The dates of one file. ISO dates (2026-11-05, or 2011-4-18 as old Cronometer exports write them) are read
/// as they come; a dotted date (5.11.2026) is day-first. A slashed date (05/11/2026) is month-first in US exports and
/// day-first after a re-save in most other locales, so its order is decided by the whole file: a first number above 12
/// settles day-first, a second above 12 month-first; a file with neither (every day 12 or below) cannot settle it and
/// is refused with the question, never guessed.</summary>
/// <remarks>The state is bounded whatever the file's length: the first line of each order and the first date that only
/// the whole file can settle. A reader that streams reads the file once to settle the order (<see cref="Resolve"/>) and
/// reads it again with the order known (<see cref="Settled"/>); a reader that keeps its rows marks the
/// rows to fix (<see cref="Fix"/>).</remarks>
internal sealed class FileDates
{
    private readonly string fileName;
    private readonly bool? known;
    private readonly List<int>? ambiguousKeys;
    private (int First, int Second, int Year, int Line, int Key)? firstAmbiguous;
    private int? dayFirstLine;
    private int? monthFirstLine;

    /// <summary>Dates whose slashed order the file will settle; <paramref name="keepKeys"/> keeps the key of every date
    /// read provisionally, for <see cref="Fix"/>.</summary>
    public FileDates(string fileName, bool keepKeys = true)
    {
        this.fileName = fileName;
        ambiguousKeys = keepKeys ? [] : null;
    }

    private FileDates(string fileName, bool? known)
    {
        this.fileName = fileName;
        this.known = known;
    }

    /// <summary>Dates of a file whose slashed order is already settled (read before): every date is final as read.</summary>
    public static FileDates Settled(string fileName, bool dayFirst) => new(fileName, (bool?)dayFirst);

    /// <summary>True when the last date read was slashed with both orders real and different (05/11/2024): provisional,
    /// month-first, until the file settles its order.</summary>
    public bool LastWasProvisional { get; private set; }

    /// <summary>Reads <paramref name="text"/> at <paramref name="line"/>. A slashed date is provisional (month-first
    /// where it can be) until <see cref="Resolve"/> decides it under <paramref name="key"/>, unless the order is known.
    /// False when the text is no date.</summary>
    public bool TryRead(ReadOnlySpan<char> text, int line, int key, out DateOnly date)
    {
        date = default;
        LastWasProvisional = false;
        var t = text.Trim();
        if (DateOnly.TryParseExact(t, ["yyyy-M-d", "yyyy/M/d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
        {
            date = iso;
            return true;
        }

        if (DateOnly.TryParseExact(t, "d.M.yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dotted))
        {
            date = dotted;
            return true;
        }

        Span<Range> parts = stackalloc Range[4];
        if (t.Split(parts, '/') != 3 || !int.TryParse(t[parts[0]], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            || !int.TryParse(t[parts[1]], NumberStyles.None, CultureInfo.InvariantCulture, out var second)
            || !int.TryParse(t[parts[2]], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || t[parts[2]].Length != 4 || year < 1)
        {
            return false;
        }

        // Which orders give a real date: none is no date (02/30/2026); one settles the file's order.
        bool Real(int month, int day) => month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
        var monthFirst = Real(first, second);
        var dayFirst = Real(second, first);
        if (!monthFirst && !dayFirst)
        {
            return false;
        }

        if (dayFirst && !monthFirst)
        {
            dayFirstLine ??= line;
        }
        else if (monthFirst && !dayFirst)
        {
            monthFirstLine ??= line;
        }
        else if (first != second)
        {
            if (known is { } settled)
            {
                date = settled ? new DateOnly(year, second, first) : new DateOnly(year, first, second);
                return true;
            }

            firstAmbiguous ??= (first, second, year, line, key);
            ambiguousKeys?.Add(key);
            LastWasProvisional = true;
        }

        date = monthFirst ? new DateOnly(year, first, second) : new DateOnly(year, second, first);
        return true;
    }

    /// <summary>Forgets the date read under <paramref name="key"/> (a row that was left out after its date was read).</summary>
    public void Forget(int key)
    {
        if (firstAmbiguous?.Key == key)
        {
            firstAmbiguous = null;
        }

        if (ambiguousKeys is { Count: > 0 } keys && keys[^1] == key)
        {
            keys.RemoveAt(keys.Count - 1);
        }
    }

    /// <summary>Puts each provisional date of <paramref name="items"/> (keyed by index) in the order the file settles.</summary>
    /// <exception cref="CsvDataException">As <see cref="Resolve"/>.</exception>
    public void Fix<T>(List<T> items, Func<T, DateOnly, T> withDate, Func<T, DateOnly> dateOf)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(withDate);
        ArgumentNullException.ThrowIfNull(dateOf);
        if (!Resolve() || ambiguousKeys is null)
        {
            return;
        }

        foreach (var key in ambiguousKeys)
        {
            items[key] = withDate(items[key], Swap(dateOf(items[key])));
        }
    }

    /// <summary>A provisional (month-first) date read day-first.</summary>
    public static DateOnly Swap(DateOnly date) => new(date.Year, date.Day, date.Month);

    /// <summary>Whether the file's slashed dates are day-first (false when month-first or when it has none to settle).</summary>
    /// <exception cref="CsvDataException">The file mixes orders, or cannot settle its order.</exception>
    public bool Resolve()
    {
        if (known is { } settled)
        {
            return settled;
        }

        if (dayFirstLine is { } d && monthFirstLine is { } m)
        {
            throw new CsvDataException(fileName, Math.Max(d, m), null,
                $"the dates mix day-first (line {d}) and month-first (line {m}) order; re-export the file with dates as YYYY-MM-DD");
        }

        if (dayFirstLine is null && monthFirstLine is null && firstAmbiguous is { } ambiguous)
        {
            throw new CsvDataException(fileName, ambiguous.Line, null, string.Create(CultureInfo.InvariantCulture,
                $"is {ambiguous.First:00}/{ambiguous.Second:00}/{ambiguous.Year} the {Ordinal(ambiguous.First)} of month {ambiguous.Second} or the {Ordinal(ambiguous.Second)} of month {ambiguous.First}? No date in the file has a day above 12 to tell; re-export it with dates as YYYY-MM-DD"));
        }

        return dayFirstLine is not null;
    }

    private static string Ordinal(int n) => n.ToString(CultureInfo.InvariantCulture) + (n is 1 or 21 or 31 ? "st" : n is 2 or 22 ? "nd" : n is 3 or 23 ? "rd" : "th");
}

using System.Globalization;
using Replete.Data;

namespace Replete.Diet;

/// <summary>The dates of one file. ISO dates (2026-11-05, or 2011-4-18 as old Cronometer exports write them) are read
/// as they come; a dotted date (5.11.2026) is day-first. A slashed date (05/11/2026) is month-first in US exports and
/// day-first after a re-save in most other locales, so its order is decided by the whole file: a first number above 12
/// settles day-first, a second above 12 month-first; a file with neither (every day 12 or below) cannot settle it and
/// is refused with the question, never guessed.</summary>
internal sealed class FileDates(string fileName)
{
    private readonly List<(int Key, int First, int Second, int Year, int Line)> slashed = [];
    private int? dayFirstLine;
    private int? monthFirstLine;

    /// <summary>Reads <paramref name="text"/> at <paramref name="line"/>. A slashed date is provisional (month-first
    /// where it can be) until <see cref="Resolve"/> decides it under <paramref name="key"/>. False when the text is no
    /// date.</summary>
    public bool TryRead(ReadOnlySpan<char> text, int line, int key, out DateOnly date)
    {
        date = default;
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

        slashed.Add((key, first, second, year, line));
        date = monthFirst ? new DateOnly(year, first, second) : new DateOnly(year, second, first);
        return true;
    }

    /// <summary>Forgets the date read under <paramref name="key"/> (a row that was left out after its date was read).</summary>
    public void Forget(int key)
    {
        var index = slashed.FindLastIndex(s => s.Key == key);
        if (index >= 0)
        {
            slashed.RemoveAt(index);
        }
    }

    /// <summary>Puts each slashed date of <paramref name="items"/> (keyed by index) in the order the file settles.</summary>
    /// <exception cref="CsvDataException">As <see cref="Resolve"/>.</exception>
    public void Fix<T>(List<T> items, Func<T, DateOnly, T> withDate)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(withDate);
        foreach (var (key, date) in Resolve())
        {
            items[key] = withDate(items[key], date);
        }
    }

    /// <summary>The slashed dates, by key, in the order the file settles.</summary>
    /// <exception cref="CsvDataException">The file mixes orders, cannot settle its order, or a date does not exist.</exception>
    public Dictionary<int, DateOnly> Resolve()
    {
        var result = new Dictionary<int, DateOnly>();
        if (slashed.Count == 0)
        {
            return result;
        }

        if (dayFirstLine is { } d && monthFirstLine is { } m)
        {
            throw new CsvDataException(fileName, Math.Max(d, m), null,
                $"the dates mix day-first (line {d}) and month-first (line {m}) order; re-export the file with dates as YYYY-MM-DD");
        }

        var dayFirst = dayFirstLine is not null;
        if (!dayFirst && monthFirstLine is null && slashed.FirstOrDefault(s => s.First != s.Second) is { Line: > 0 } ambiguous)
        {
            throw new CsvDataException(fileName, ambiguous.Line, null, string.Create(CultureInfo.InvariantCulture,
                $"is {ambiguous.First:00}/{ambiguous.Second:00}/{ambiguous.Year} the {Ordinal(ambiguous.First)} of month {ambiguous.Second} or the {Ordinal(ambiguous.Second)} of month {ambiguous.First}? No date in the file has a day above 12 to tell; re-export it with dates as YYYY-MM-DD"));
        }

        foreach (var (key, first, second, year, line) in slashed)
        {
            var (month, day) = dayFirst ? (second, first) : (first, second);
            if (day > DateTime.DaysInMonth(year, Math.Clamp(month, 1, 12)) || month > 12)
            {
                throw new CsvDataException(fileName, line, null, string.Create(CultureInfo.InvariantCulture,
                    $"{first}/{second}/{year} is not a date when read {(dayFirst ? "day" : "month")}-first, as the rest of the file is"));
            }

            result[key] = new DateOnly(year, month, day);
        }

        return result;
    }

    private static string Ordinal(int n) => n.ToString(CultureInfo.InvariantCulture) + (n is 1 or 21 or 31 ? "st" : n is 2 or 22 ? "nd" : n is 3 or 23 ? "rd" : "th");
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using Replete.Data;

namespace Replete.Diet;

/// <summary>Replete's food log: CSV with columns <c>date,time,meal,food,amount</c> (time and meal optional), or JSON
/// <c>{"entries": [{"date": "2026-11-02", "time": "07:30", "meal": "breakfast", "food": "oatmeal", "amount": "80 g"}]}</c>.</summary>
/// <remarks>Both are read entry by entry (<see cref="StreamCsv"/>, <see cref="StreamJson"/>), so a log of any length
/// costs the memory of one entry; <see cref="ReadCsv"/> and <see cref="ReadJson"/> keep the entries for callers that
/// want them all.</remarks>
public static class FoodLog
{
    /// <summary>The longest JSON entry read: Replete's choice, far above any entry a person writes (a few hundred
    /// bytes), so a broken file cannot make the reader buffer without end.</summary>
    public const int MaximumJsonEntryBytes = 1 << 20;

    /// <summary>The fields of a JSON food log entry, in the order the documentation gives them.</summary>
    private static readonly string[] Fields = ["date", "time", "meal", "food", "amount"];

    /// <summary>Reads a CSV food log.</summary>
    /// <exception cref="CsvDataException">A date, time or amount cannot be read; names file, line and column.</exception>
    public static IReadOnlyList<FoodLogEntry> ReadCsv(CsvReader csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var dates = new FileDates(csv.FileName);
        var entries = StreamCsv(csv, dates).ToList();
        dates.Fix(entries, (entry, day) => entry with { Date = day }, entry => entry.Date);
        return entries;
    }

    /// <summary>Reads a JSON food log.</summary>
    /// <exception cref="CsvDataException">The JSON is malformed or an entry lacks a field; names the line and field.</exception>
    public static IReadOnlyList<FoodLogEntry> ReadJson(string json, string fileName)
    {
        ArgumentNullException.ThrowIfNull(json);
        var dates = new FileDates(fileName);
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(json));
        var entries = StreamJson(content, fileName, dates).ToList();
        dates.Fix(entries, (entry, day) => entry with { Date = day }, entry => entry.Date);
        return entries;
    }

    /// <summary>The entries of a CSV food log as they are read, each date read through <paramref name="dates"/> under
    /// the entry's 0-based index (a slashed date is provisional until the whole file settles its order).</summary>
    /// <exception cref="CsvDataException">A date, time or amount cannot be read; names file, line and column.</exception>
    internal static IEnumerable<FoodLogEntry> StreamCsv(CsvReader csv, FileDates dates)
    {
        var date = csv.Require("date");
        var time = csv.IndexOf("time");
        var meal = csv.IndexOf("meal");
        var food = csv.Require("food");
        var amount = csv.Require("amount");
        var index = 0;
        while (csv.Read())
        {
            if (!dates.TryRead(csv.GetSpan(date), csv.Line, index++, out var day))
            {
                throw csv.Error(date, $"'{csv.GetString(date)}' is not a date (expected YYYY-MM-DD)");
            }

            // A slashed date may still change order (day and month) once the file settles it; a YYYY-MM-DD one is final.
            if (Documents.InputLimits.PastDateProblem(day, csv.GetSpan(date).Contains('/')) is { } problem)
            {
                throw csv.Error(date, $"'{csv.GetString(date)}' {problem}: {Documents.InputProblemCodes.FoodLogDateAdvice}");
            }

            TimeOnly? at = null;
            if (time >= 0 && csv.GetOptionalString(time) is { } timeText)
            {
                at = TimeOnly.TryParse(timeText, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                    ? parsed
                    : throw csv.Error(time, $"'{timeText}' is not a time (expected HH:MM)");
            }

            var foodText = csv.GetOptionalString(food) ?? throw csv.Error(food, "is empty: name the food or give its id");
            var amountText = csv.GetOptionalString(amount);
            if (!HouseholdAmount.TryParse(amountText, out var parsedAmount))
            {
                throw csv.Error(amount, HouseholdAmount.Refusal(amountText));
            }

            yield return new FoodLogEntry(day, at, meal >= 0 ? csv.GetOptionalString(meal) ?? "" : "", foodText, parsedAmount, $"{csv.FileName}:{csv.Line}");
        }
    }

    /// <summary>The entries of a JSON food log as they are read from <paramref name="content"/>, one entry in memory at
    /// a time, each date read through <paramref name="dates"/> under the entry's 0-based index.</summary>
    /// <exception cref="CsvDataException">The JSON is malformed or an entry lacks a field; names the line and field.</exception>
    internal static IEnumerable<FoodLogEntry> StreamJson(Stream content, string fileName, FileDates dates)
    {
        var index = 0;
        foreach (var source in new JsonArrayStream(content, fileName, "entries", "a food log is {\"entries\": [...]}", MaximumJsonEntryBytes).Elements())
        {
            using (source)
            {
                yield return Entry(source, ++index, dates);
            }
        }
    }

    private static FoodLogEntry Entry(JsonSource source, int index, FileDates dates)
    {
        var item = source.Root;
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new CsvDataException(source.FileName, source.LineOf(item), null, $"entry {index} is an object with date, food and amount");
        }

        if (item.EnumerateObject().GroupBy(p => p.Name).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw source.Error(item, twice.Key, $"entry {index} gives '{twice.Key}' twice; give it once");
        }

        // A field the log does not know is most often a misspelt one ("tiem"), and a field that is not text ("time": 730)
        // would be read as absent: either would drop what the person wrote without a word, so both are refused.
        foreach (var property in item.EnumerateObject())
        {
            if (!Fields.Contains(property.Name))
            {
                throw source.Error(item, property.Name, $"entry {index}: '{property.Name}' is not a food log field (fields: {string.Join(", ", Fields)})");
            }

            if (property.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                throw source.Error(item, property.Name, $"entry {index} needs '{property.Name}' as text, not {property.Value.ValueKind.ToString().ToLowerInvariant()}");
            }
        }

        string Text(string field, bool required) =>
            item.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
                ? text
                : required ? throw source.Error(item, field, $"entry {index} needs '{field}' as text") : "";
        var dateText = Text("date", true);
        if (!dates.TryRead(dateText, source.LineOf(item), index - 1, out var day))
        {
            throw source.Error(item, "date", $"entry {index}: '{dateText}' is not a date");
        }

        if (Documents.InputLimits.PastDateProblem(day, dateText.Contains('/', StringComparison.Ordinal)) is { } problem)
        {
            throw source.Error(item, "date", $"entry {index}: '{dateText}' {problem}: {Documents.InputProblemCodes.FoodLogDateAdvice}");
        }

        var timeText = Text("time", false);
        TimeOnly? at = timeText.Length == 0 ? null
            : TimeOnly.TryParse(timeText, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed
            : throw source.Error(item, "time", $"entry {index}: '{timeText}' is not a time");
        var amountText = Text("amount", true);
        if (!HouseholdAmount.TryParse(amountText, out var amount))
        {
            throw source.Error(item, "amount", $"entry {index}: {HouseholdAmount.Refusal(amountText)}");
        }

        return new FoodLogEntry(day, at, Text("meal", false), Text("food", true), amount, $"{source.FileName}:{source.LineOf(item)}");
    }
}

using System.Globalization;
using System.Text.Json;
using Replete.Data;

namespace Replete.Documents;

/// <summary>Reads the fields of one JSON document (a YAML file arrives as JSON with its lines kept) and collects every
/// problem with its line and path, instead of stopping at the first.</summary>
internal sealed class DocumentReader(JsonSource source)
{
    /// <summary>The most problems listed (<see cref="InputProblem.MaximumListed"/>).</summary>
    public const int MaximumListed = InputProblem.MaximumListed;

    private readonly List<InputProblem> problems = [];
    private int unlisted;

    public JsonSource Source { get; } = source;

    /// <summary>Every problem listed, in the order of the lines they are on (problems on one line in the order found),
    /// then how many more were found and not listed.</summary>
    public IReadOnlyList<InputProblem> Problems => unlisted == 0
        ? [.. problems.OrderBy(p => p.Line ?? int.MaxValue)]
        : [.. problems.OrderBy(p => p.Line ?? int.MaxValue), new InputProblem(Source.FileName, null, "", InputProblemCodes.Size,
            string.Create(CultureInfo.InvariantCulture, $"{unlisted:N0} more problems are not listed; fix these first"))];

    /// <summary>How many problems were found, listed or not.</summary>
    public int Count => problems.Count + unlisted;

    /// <summary>Whether no further problem will be listed: a caller need not word one.</summary>
    public bool Full => problems.Count >= MaximumListed;

    public static string PathOf(string? parent, string field) => string.IsNullOrEmpty(parent) ? field : $"{parent}.{field}";

    public int LineOf(JsonElement element) => Source.LineOf(element);

    /// <summary>A problem at <paramref name="element"/>.</summary>
    public void Add(JsonElement element, string path, string code, string message) =>
        Add(new InputProblem(Source.FileName, Source.LineOf(element), path, code, message));

    /// <summary>A problem at <paramref name="element"/>'s <paramref name="field"/>, or at the element when the field is absent.</summary>
    public void AddAt(JsonElement element, string field, string? parent, string code, string message) =>
        Add(new InputProblem(Source.FileName, Source.LineOf(element, field), PathOf(parent, field), code, message));

    /// <summary>A problem, listed while fewer than <see cref="MaximumListed"/> are, and always when it reports a red flag.</summary>
    public void Add(InputProblem problem)
    {
        if (Full && problem.Code != InputProblemCodes.RedFlagReported)
        {
            unlisted++;
            return;
        }

        problems.Add(problem);
    }

    /// <summary>Whether <paramref name="element"/> is an object; adds a problem naming what was expected when not.</summary>
    public bool IsObject(JsonElement element, string path, string expected)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        Add(element, path, InputProblemCodes.WrongType, expected);
        return false;
    }

    /// <summary>Adds a problem for every field of <paramref name="element"/> not in <paramref name="known"/>, and for every
    /// field given twice (only one of the two would be read).</summary>
    public void OnlyFields(JsonElement element, string? parent, IReadOnlyCollection<string> known)
    {
        foreach (var property in element.EnumerateObject().Where(p => !known.Contains(p.Name)))
        {
            Add(property.Value, parent ?? "", InputProblemCodes.UnknownField, $"unknown field '{property.Name}'; known fields: {string.Join(", ", known)}");
        }

        OnlyOnce(element, parent);
    }

    /// <summary>Adds a problem for every field of <paramref name="element"/> given twice, at the second one's line.</summary>
    public void OnlyOnce(JsonElement element, string? parent)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject().Where(p => !seen.Add(p.Name)))
        {
            Add(property.Value, PathOf(parent, property.Name), InputProblemCodes.Conflict, InputProblemCodes.GivenTwiceMessage);
        }
    }

    public static bool Has(JsonElement element, string field, out JsonElement value) =>
        element.TryGetProperty(field, out value) && value.ValueKind != JsonValueKind.Null;

    public double? Number(JsonElement element, string field, string? parent)
    {
        if (!Has(element, field, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number))
        {
            return number;
        }

        Add(value, PathOf(parent, field), InputProblemCodes.WrongType, $"must be a number (got {Shorten(value.GetRawText())})");
        return null;
    }

    /// <summary>A number that must lie within <paramref name="limit"/>; null (with a problem) when it does not.</summary>
    public double? Number(JsonElement element, string field, string? parent, Limit limit)
    {
        var number = Number(element, field, parent);
        if (number is { } n && limit.Check(n) is { } message)
        {
            AddAt(element, field, parent, InputProblemCodes.OutOfRange, message);
            return null;
        }

        return number;
    }

    public string? Text(JsonElement element, string field, string? parent)
    {
        if (!Has(element, field, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        Add(value, PathOf(parent, field), InputProblemCodes.WrongType, $"must be text (got {Shorten(value.GetRawText())})");
        return null;
    }

    public bool? Flag(JsonElement element, string field, string? parent)
    {
        if (!Has(element, field, out var value))
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Add(value, PathOf(parent, field), InputProblemCodes.WrongType, $"must be true or false (got {Shorten(value.GetRawText())})");
        return null;
    }

    /// <summary>A YYYY-MM-DD date.</summary>
    public DateOnly? Date(JsonElement element, string field, string? parent)
    {
        var text = Text(element, field, parent);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        AddAt(element, field, parent, InputProblemCodes.WrongType, $"'{Shorten(text)}' is not a date (use YYYY-MM-DD)");
        return null;
    }

    /// <summary>A YYYY-MM-DD date of something that has happened: a date after <see cref="InputLimits.LatestPastDate"/>
    /// or before <see cref="InputLimits.EarliestPastDate"/> is refused.</summary>
    /// <param name="element">The object holding the field.</param>
    /// <param name="field">The field.</param>
    /// <param name="parent">The object's path, for messages.</param>
    /// <param name="what">What happened on the date, for the message ("the blood was drawn").</param>
    public DateOnly? PastDate(JsonElement element, string field, string? parent, string what)
    {
        var day = Date(element, field, parent);
        if (day is { } known && InputLimits.PastDateProblem(known) is { } problem)
        {
            AddAt(element, field, parent, InputProblemCodes.OutOfRange, string.Create(CultureInfo.InvariantCulture, $"{known:yyyy-MM-dd} {problem}: give the date {what} (check the year)"));
            return null;
        }

        return day;
    }

    /// <summary>A list of text values (ids, paths): a single text is accepted where <paramref name="single"/> says so.</summary>
    public IReadOnlyList<(string Text, JsonElement At)> TextList(JsonElement element, string field, string? parent, string expected, bool single = false)
    {
        if (!Has(element, field, out var list))
        {
            return [];
        }

        var path = PathOf(parent, field);
        if (single && list.ValueKind == JsonValueKind.String)
        {
            return [(list.GetString()!, list)];
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            Add(list, path, InputProblemCodes.WrongType, expected);
            return [];
        }

        var items = new List<(string, JsonElement)>();
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                items.Add((item.GetString()!, item));
            }
            else
            {
                Add(item, $"{path}[{index}]", InputProblemCodes.WrongType, $"must be text (got {Shorten(item.GetRawText())})");
            }

            index++;
        }

        return items;
    }

    /// <summary>Long values are cut in messages, so a pasted megabyte does not fill the terminal.</summary>
    public static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");
}

using System.Text;
using System.Text.Json.Nodes;
using Replete.Data;
using Replete.Documents;

namespace Replete.Web.Athletes;

/// <summary>Request bodies read as the engine's input documents, so the server checks them with the same rules, field
/// paths and messages as the command line.</summary>
internal static class Documents
{
    /// <summary>Documents (a profile, a check-in, a lab) are small; 1 MB is Replete's choice.</summary>
    public const int MaxDocumentBytes = 1024 * 1024;

    /// <summary>Reads the body as a JSON object.</summary>
    /// <exception cref="InputException">The body is too large, not UTF-8 JSON, or not an object.</exception>
    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request, string name)
    {
        var text = await ReadTextAsync(request, name, MaxDocumentBytes);
        try
        {
            var options = new System.Text.Json.JsonDocumentOptions { MaxDepth = 32 };
            using (var document = System.Text.Json.JsonDocument.Parse(text, options))
            {
                // A field given twice is refused, as the command line's readers refuse it (only one of the two would be read).
                if (JsonFields.FirstGivenTwice(document.RootElement) is { } twice)
                {
                    throw Problem(name, twice, InputProblemCodes.Conflict, InputProblemCodes.GivenTwiceMessage);
                }
            }

            var body = JsonNode.Parse(text, documentOptions: options) as JsonObject
                ?? throw Problem(name, "$", InputProblemCodes.WrongType, "must be a JSON object");
            if (Hidden(body, "") is { } hidden)
            {
                throw Problem(name, hidden.Path, InputProblemCodes.Invalid, HiddenText.Refusal(hidden.Character));
            }

            return body;
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw Problem(name, ex.Path ?? "$", InputProblemCodes.Unreadable, "is not valid JSON" + (ex.LineNumber is { } line ? $" (line {line + 1})" : ""));
        }
    }

    /// <summary>The first field name or text value in <paramref name="node"/> holding one of the engine's hidden characters
    /// (<see cref="HiddenText"/>), with its path ("supplements[0].name"), so a document stores nothing that reads
    /// otherwise than it is (tester h91).</summary>
    private static (string Path, char Character)? Hidden(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject fields:
                foreach (var (key, value) in fields)
                {
                    var at = path.Length == 0 ? key : $"{path}.{key}";
                    if ((HiddenText.First(key) is { } c ? (at, c) : Hidden(value, at)) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonArray items:
                for (var i = 0; i < items.Count; i++)
                {
                    if (Hidden(items[i], $"{path}[{i}]") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValue value when value.TryGetValue<string>(out var text) && HiddenText.First(text, lines: true) is { } c:
                return (path, c);
            default:
                return null;
        }
    }

    /// <summary>Reads the body as text, at most <paramref name="maxBytes"/>.</summary>
    public static async Task<string> ReadTextAsync(HttpRequest request, string name, int maxBytes)
    {
        if (request.ContentLength > maxBytes)
        {
            throw Problem(name, "$", InputProblemCodes.Size, $"is larger than {maxBytes / 1024} KB");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw Problem(name, "$", InputProblemCodes.Size, $"is larger than {maxBytes / 1024} KB");
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (DecoderFallbackException)
        {
            throw Problem(name, "$", InputProblemCodes.Unreadable, "is not UTF-8 text");
        }
    }

    /// <summary>A JSON source for the engine's readers over <paramref name="node"/>.</summary>
    public static JsonSource Source(JsonNode node, string name) => JsonSource.Parse(node.ToJsonString(), name);

    /// <summary>A date field (YYYY-MM-DD).</summary>
    public static DateOnly? Date(JsonObject body, string field, string name, bool required)
    {
        if (!body.TryGetPropertyValue(field, out var node) || node is null)
        {
            return required ? throw Problem(name, field, InputProblemCodes.Required, "needs a date, YYYY-MM-DD") : null;
        }

        return node is JsonValue value && value.TryGetValue<string>(out var text)
            && DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
            && Plausible(date)
            ? date
            : throw Problem(name, field, InputProblemCodes.Invalid, "must be a date, YYYY-MM-DD, from 1900 to 2100");
    }

    /// <summary>Days Replete stores: 1900 to 2100, Replete's choice (a date of birth to a planned retest).</summary>
    public static bool Plausible(DateOnly date) => date.Year is >= 1900 and <= 2100;

    /// <summary>Refuses any of <paramref name="dates"/> outside <see cref="Plausible"/>.</summary>
    /// <exception cref="InputException">The first such date, by its field.</exception>
    public static void RequirePlausible(params (string Field, DateOnly? Date)[] dates)
    {
        foreach (var (field, date) in dates)
        {
            if (date is { } day && !Plausible(day))
            {
                throw Problem("request", field, InputProblemCodes.OutOfRange, "must be a date from 1900 to 2100");
            }
        }
    }

    /// <summary>Refuses a day outside the past (<see cref="InputLimits.PastDateProblem"/>) for something that has
    /// happened (a blood draw, a weighing), as the command line's readers do, then a day outside <see cref="Plausible"/>.</summary>
    /// <exception cref="InputException">The date is in the future or implausible.</exception>
    public static void RequirePast(string field, DateOnly date, string what)
    {
        // A body without the date binds it as 0001-01-01, which read "0001-01-01 is before 1906" (new user, POST /labs
        // without "collected"): no one draws blood or weighs in on that day, so it is the missing field it stands for.
        if (date == default)
        {
            throw Problem("request", field, InputProblemCodes.Required, $"is required: give the date {what} (YYYY-MM-DD)");
        }

        if (InputLimits.PastDateProblem(date) is { } problem)
        {
            throw Problem("request", field, InputProblemCodes.OutOfRange,
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{date:yyyy-MM-dd} {problem}: give the date {what} (check the year)"));
        }

        RequirePlausible((field, date));
    }

    /// <summary>True when <paramref name="text"/> can be stored and shown back as it is: none of the engine's hidden
    /// characters (<see cref="HiddenText"/>: controls, direction marks, overrides and isolates, zero-width characters),
    /// which make a name read otherwise than it is ("gpj.csv" shown as "vsc.jpg"); line breaks and tabs only where
    /// <paramref name="lines"/>. One rule for every stored name and note (testers h73, h91).</summary>
    public static bool Displayable(string? text, bool lines = false) => HiddenText.First(text, lines) is null;

    public static InputException Problem(string name, string path, string code, string message) => new([new InputProblem(name, null, path, code, message)]);
}

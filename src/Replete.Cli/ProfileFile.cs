using Replete.References;
using System.Text.Json;

namespace Replete.Cli;

/// <summary>A person's profile file (JSON): who they are, their sport and what their sweat tests found.</summary>
/// <remarks>Fields (all optional here; commands say which they need): age, sex, pregnant, lactating,
/// body_mass_kg, sport, training_hours_per_week, diet (omnivore, vegetarian or vegan), sweat_rate_l_per_h,
/// sweat_sodium_mmol_l. Unknown fields are an error, so a typo does not silently drop a value.</remarks>
internal sealed record ProfileFile(
    double? Age, string? Sex, bool Pregnant, bool Lactating, double? BodyMassKg, string? Sport, double? TrainingHoursPerWeek,
    string? Diet, double? SweatRateLitresPerHour, double? SweatSodiumMmolPerLitre)
{
    public static ProfileFile Empty { get; } = new(null, null, false, false, null, null, null, null, null, null);

    private static readonly string[] Fields =
    [
        "age", "sex", "pregnant", "lactating", "body_mass_kg", "sport", "training_hours_per_week", "diet",
        "sweat_rate_l_per_h", "sweat_sodium_mmol_l",
    ];

    /// <summary>Reads a JSON file; every failure becomes a <see cref="UsageException"/> naming the file (and line).</summary>
    public static JsonDocument ParseJson(string path)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new UsageException($"{path}:{(ex.LineNumber ?? 0) + 1}: not valid JSON ({ex.Message.Split('.')[0]})");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{path}: cannot read the file ({ex.Message})");
        }
    }

    public static ProfileFile Read(string path)
    {
        using var doc = ParseJson(path);
        return FromElement(path, doc.RootElement);
    }

    /// <summary>Reads a profile object (a file's root, or the "profile" of an assessment file).</summary>
    public static ProfileFile FromElement(string path, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new UsageException($"{path}: a profile is a JSON object, such as {{\"age\": 34, \"sex\": \"female\"}}");
        }

        foreach (var property in root.EnumerateObject())
        {
            if (!Fields.Contains(property.Name))
            {
                throw new UsageException($"{path}: unknown field '{property.Name}'; known fields: {string.Join(", ", Fields)}");
            }
        }

        return new ProfileFile(
            Number(path, root, "age"), Text(path, root, "sex"), Flag(path, root, "pregnant"), Flag(path, root, "lactating"),
            Number(path, root, "body_mass_kg"), Text(path, root, "sport"), Number(path, root, "training_hours_per_week"),
            Text(path, root, "diet"), Number(path, root, "sweat_rate_l_per_h"), Number(path, root, "sweat_sodium_mmol_l"));
    }

    /// <summary>The person the profile describes; age and sex are required.</summary>
    public Person ToPerson(string path)
    {
        var sex = Sex?.Trim().ToUpperInvariant() switch
        {
            "FEMALE" or "F" => References.Sex.Female,
            "MALE" or "M" => References.Sex.Male,
            null => throw new UsageException($"{path}: field 'sex' is required (female or male)"),
            _ => throw new UsageException($"{path}: field 'sex' must be female or male (got '{Sex}')"),
        };
        var age = Age ?? throw new UsageException($"{path}: field 'age' is required");
        if (Pregnant && Lactating)
        {
            throw new UsageException($"{path}: 'pregnant' and 'lactating' cannot both be true");
        }

        var diet = Diet?.Trim().ToLowerInvariant();
        if (diet is not (null or "omnivore" or "vegetarian" or "vegan"))
        {
            throw new UsageException($"{path}: field 'diet' must be omnivore, vegetarian or vegan (got '{Diet}')");
        }

        var person = new Person(age, sex, Pregnant ? ReproductiveStatus.Pregnant : Lactating ? ReproductiveStatus.Lactating : ReproductiveStatus.None,
            BodyMassKg, Sport, TrainingHoursPerWeek, Vegetarian: diet is "vegetarian" or "vegan");
        var problems = person.Validate();
        return problems.Count == 0 ? person : throw new UsageException($"{path}: {string.Join("; ", problems)}");
    }

    internal static double? Number(string path, JsonElement element, string field) =>
        !element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.Number ? value.GetDouble()
        : throw new UsageException($"{path}: field '{field}' must be a number (got {value.GetRawText()})");

    internal static string? Text(string path, JsonElement element, string field) =>
        !element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : throw new UsageException($"{path}: field '{field}' must be text (got {value.GetRawText()})");

    private static bool Flag(string path, JsonElement element, string field) =>
        element.TryGetProperty(field, out var value) && value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False or JsonValueKind.Null => false,
            _ => throw new UsageException($"{path}: field '{field}' must be true or false (got {value.GetRawText()})"),
        };
}

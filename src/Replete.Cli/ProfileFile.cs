using Replete.References;
using System.Text.Json;

namespace Replete.Cli;

/// <summary>A person's profile file (JSON or YAML): who they are, their sport and what their sweat tests found.</summary>
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

    /// <summary>Reads a profile file (JSON, or YAML by its extension).</summary>
    public static ProfileFile Read(string path)
    {
        using var file = InputFile.Read(path);
        return FromElement(file, file.Root);
    }

    /// <summary>Reads a profile object (a file's root, or the "profile" of an assessment file).</summary>
    public static ProfileFile FromElement(InputFile file, JsonElement root, string? parent = null)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new UsageException($"{file.At(root)}: a profile is an object, such as {{\"age\": 34, \"sex\": \"female\"}}");
        }

        foreach (var property in root.EnumerateObject())
        {
            if (!Fields.Contains(property.Name))
            {
                throw new UsageException($"{file.At(property.Value)}: unknown field '{property.Name}'; known fields: {string.Join(", ", Fields)}");
            }
        }

        return new ProfileFile(
            Number(file, root, "age", parent), Text(file, root, "sex", parent), Flag(file, root, "pregnant", parent) ?? false, Flag(file, root, "lactating", parent) ?? false,
            Number(file, root, "body_mass_kg", parent), Text(file, root, "sport", parent), Number(file, root, "training_hours_per_week", parent),
            Text(file, root, "diet", parent), Number(file, root, "sweat_rate_l_per_h", parent), Number(file, root, "sweat_sodium_mmol_l", parent));
    }

    /// <summary>The person the profile describes; age and sex are required.</summary>
    public Person ToPerson(string path)
    {
        var sex = Sex is null ? throw new UsageException($"{path}: field 'sex' is required (female or male)")
            : ParseSex(Sex) ?? throw new UsageException($"{path}: field 'sex' must be female or male (got '{Sex}')");
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

    /// <summary>"female"/"f" or "male"/"m", any case; null for anything else.</summary>
    internal static Sex? ParseSex(string text) => text.Trim().ToUpperInvariant() switch
    {
        "FEMALE" or "F" => References.Sex.Female,
        "MALE" or "M" => References.Sex.Male,
        _ => null,
    };

    internal static double? Number(InputFile file, JsonElement element, string field, string? parent = null) =>
        !element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.Number ? value.GetDouble()
        : throw new UsageException($"{file.At(value)}: field '{(parent is null ? field : $"{parent}.{field}")}' must be a number (got {value.GetRawText()})");

    internal static string? Text(InputFile file, JsonElement element, string field, string? parent = null) =>
        !element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : throw new UsageException($"{file.At(value)}: field '{(parent is null ? field : $"{parent}.{field}")}' must be text (got {value.GetRawText()})");

    internal static bool? Flag(InputFile file, JsonElement element, string field, string? parent = null) =>
        !element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean()
        : throw new UsageException($"{file.At(value)}: field '{(parent is null ? field : $"{parent}.{field}")}' must be true or false (got {value.GetRawText()})");
}

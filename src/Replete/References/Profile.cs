using System.Text.Json;
using Replete.Data;
using Replete.Documents;

namespace Replete.References;

/// <summary>A person's profile document (JSON, or YAML turned into JSON by the caller): who they are, their sport and
/// what their sweat tests found. Every field is optional here; <see cref="ToPerson"/> says which targets need.</summary>
/// <remarks>Fields: <c>age</c> (years), <c>sex</c> (female or male), <c>pregnant</c>, <c>lactating</c>,
/// <c>body_mass_kg</c>, <c>sport</c> (an id from data/sports.csv), <c>training_hours_per_week</c>, <c>diet</c>
/// (omnivore, pescatarian, vegetarian or vegan), <c>avoid</c> (foods a plan must not suggest: an id of
/// data/food_exclusions.csv such as "dairy", "gluten" or "nuts", or a food in the person's words such as "liver"),
/// <c>sweat_rate_l_per_h</c>, <c>sweat_sodium_mmol_l</c>, <c>food_table</c> (usda or ifct2017: which table's food
/// wins where a logged food matches foods of both equally well). Unknown fields are a
/// problem, so a typo does not silently drop a value.</remarks>
/// <param name="AgeYears">Age in years.</param>
/// <param name="Sex">Sex.</param>
/// <param name="Pregnant">Pregnant.</param>
/// <param name="Lactating">Lactating.</param>
/// <param name="BodyMassKg">Body mass, kg.</param>
/// <param name="Sport">Sport id.</param>
/// <param name="TrainingHoursPerWeek">Training volume, h/week.</param>
/// <param name="Diet">Diet pattern.</param>
/// <param name="SweatRateLitresPerHour">Sweat rate from a sweat test, L/h.</param>
/// <param name="SweatSodiumMmolPerLitre">Sweat sodium from a sweat test, mmol/L.</param>
public sealed record Profile(
    double? AgeYears = null, Sex? Sex = null, bool Pregnant = false, bool Lactating = false, double? BodyMassKg = null, string? Sport = null,
    double? TrainingHoursPerWeek = null, DietPattern? Diet = null, double? SweatRateLitresPerHour = null, double? SweatSodiumMmolPerLitre = null)
{
    /// <summary>Foods a plan must not suggest: exclusion ids (<see cref="Foods.FoodExclusions.AvoidIds"/>) or foods in
    /// the person's own words.</summary>
    public IReadOnlyList<string> Avoid { get; init; } = [];

    /// <summary>The food table the person prefers where a logged food matches foods of two tables equally well
    /// (<c>food_table</c>: <see cref="Foods.FoodSource.Sr28"/> for "usda", standing for every USDA table, or
    /// <see cref="Foods.FoodSource.Ifct2017"/>); null for no preference.</summary>
    public Foods.FoodSource? FoodTable { get; init; }

    /// <summary>The fields a profile may have.</summary>
    public static IReadOnlyList<string> Fields { get; } =
    [
        "age", "sex", "pregnant", "lactating", "body_mass_kg", "sport", "training_hours_per_week", "diet",
        "sweat_rate_l_per_h", "sweat_sodium_mmol_l", "avoid", "food_table",
    ];

    /// <summary>A profile with nothing in it.</summary>
    public static Profile Empty { get; } = new();

    // Where the profile was read from, so ToPerson's problems name the file, the line and the field.
    private string SourceName { get; init; } = "";

    private string? Parent { get; init; }

    private int? ObjectLine { get; init; }

    private Dictionary<string, int> FieldLines { get; init; } = [];

    /// <summary>Reads a profile document whose root is the profile object.</summary>
    /// <returns>The profile, or every problem found (wrong types, unknown fields, an unknown sex or diet).</returns>
    public static InputResult<Profile> Read(JsonSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var reader = new DocumentReader(source);
        var profile = Read(reader, source.Root, null);
        return InputResult.From(profile, reader.Problems);
    }

    /// <summary>Reads a profile object (a file's root, or the "profile" of an assessment file).</summary>
    internal static Profile? Read(DocumentReader reader, JsonElement element, string? parent)
    {
        if (!reader.IsObject(element, parent ?? "", "a profile is an object, such as {\"age\": 34, \"sex\": \"female\"}"))
        {
            return null;
        }

        reader.OnlyFields(element, parent, Fields);
        Sex? sex = null;
        if (reader.Text(element, "sex", parent) is { } sexText)
        {
            sex = ParseSex(sexText);
            if (sex is null)
            {
                reader.AddAt(element, "sex", parent, InputProblemCodes.UnknownValue, $"must be female or male (got '{DocumentReader.Shorten(sexText)}')");
            }
        }

        DietPattern? diet = null;
        if (reader.Text(element, "diet", parent) is { } dietText)
        {
            diet = ParseDiet(dietText);
            if (diet is null)
            {
                reader.AddAt(element, "diet", parent, InputProblemCodes.UnknownValue, $"must be omnivore, pescatarian, vegetarian or vegan (got '{DocumentReader.Shorten(dietText)}')");
            }
        }

        Foods.FoodSource? table = null;
        if (reader.Text(element, "food_table", parent) is { } tableText)
        {
            table = tableText.Trim().ToUpperInvariant() switch
            {
                "USDA" => Foods.FoodSource.Sr28,
                "IFCT2017" => Foods.FoodSource.Ifct2017,
                _ => null,
            };
            if (table is null)
            {
                reader.AddAt(element, "food_table", parent, InputProblemCodes.UnknownValue, $"must be usda or ifct2017 (got '{DocumentReader.Shorten(tableText)}')");
            }
        }

        var avoid = reader.TextList(element, "avoid", parent, "a list of foods to avoid, such as [\"dairy\", \"liver\"]");
        foreach (var (text, at) in avoid.Where(a => a.Text.Trim().Length is 0 or > InputLimits.MaximumWordChars))
        {
            reader.Add(at, DocumentReader.PathOf(parent, "avoid"), InputProblemCodes.Invalid, $"'{DocumentReader.Shorten(text)}' is not a food or one of {string.Join(", ", Foods.FoodExclusions.Default.AvoidIds)}");
        }

        // A key given twice is a problem (OnlyFields says so); its first line is kept for messages.
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            lines.TryAdd(property.Name, reader.LineOf(property.Value));
        }

        return new Profile(
            reader.Number(element, "age", parent, InputLimits.AgeYears), sex, reader.Flag(element, "pregnant", parent) ?? false, reader.Flag(element, "lactating", parent) ?? false,
            reader.Number(element, "body_mass_kg", parent, InputLimits.BodyMassKg), reader.Text(element, "sport", parent), reader.Number(element, "training_hours_per_week", parent, InputLimits.TrainingHoursPerWeek),
            diet, reader.Number(element, "sweat_rate_l_per_h", parent, InputLimits.SweatRateLitresPerHour), reader.Number(element, "sweat_sodium_mmol_l", parent, InputLimits.SweatSodiumMmolPerLitre))
        {
            SourceName = reader.Source.FileName,
            Parent = parent,
            ObjectLine = reader.LineOf(element),
            FieldLines = lines,
            Avoid = [.. avoid.Select(a => a.Text.Trim()).Where(a => a.Length is > 0 and <= InputLimits.MaximumWordChars)],
            FoodTable = table,
        };
    }

    /// <summary>The person this profile describes, for targets and assessments: age and sex are required, and every
    /// range and combination is checked (<see cref="Person.Validate"/>).</summary>
    public InputResult<Person> ToPerson()
    {
        var problems = new List<InputProblem>();
        InputProblem At(string field, string code, string message) =>
            new(SourceName, FieldLines.TryGetValue(field, out var line) ? line : ObjectLine, DocumentReader.PathOf(Parent, field), code, message);
        if (Sex is null)
        {
            problems.Add(At("sex", InputProblemCodes.Required, "is required (female or male)"));
        }

        if (AgeYears is null)
        {
            problems.Add(At("age", InputProblemCodes.Required, "is required"));
        }

        if (Pregnant && Lactating)
        {
            problems.Add(At("lactating", InputProblemCodes.Conflict, "'pregnant' and 'lactating' cannot both be true"));
        }

        if (problems.Count > 0 || Sex is not { } sex || AgeYears is not { } age)
        {
            return InputResult.Failure<Person>(problems);
        }

        // A sport given by its name or a word people use ("runner") becomes its id, which the rules compare.
        var sport = Sport is { } named && Sports.TryGet(named, out var known) ? known.Id : Sport;
        var person = new Person(age, sex, Pregnant ? ReproductiveStatus.Pregnant : Lactating ? ReproductiveStatus.Lactating : ReproductiveStatus.None,
            BodyMassKg, sport, TrainingHoursPerWeek, Vegetarian: Diet is DietPattern.Vegetarian or DietPattern.Vegan);
        problems.AddRange(person.Validate().Select(p => At(p.Path, p.Code, p.Message)));
        return InputResult.From(person, problems);
    }

    /// <summary>"female"/"f" or "male"/"m", any case; null for anything else.</summary>
    public static Sex? ParseSex(string text) => text?.Trim().ToUpperInvariant() switch
    {
        "FEMALE" or "F" => References.Sex.Female,
        "MALE" or "M" => References.Sex.Male,
        _ => null,
    };

    /// <summary>"omnivore", "pescatarian", "vegetarian" or "vegan", any case; null for anything else.</summary>
    public static DietPattern? ParseDiet(string text) => text?.Trim().ToUpperInvariant() switch
    {
        "OMNIVORE" => DietPattern.Omnivore,
        "PESCATARIAN" => DietPattern.Pescatarian,
        "VEGETARIAN" => DietPattern.Vegetarian,
        "VEGAN" => DietPattern.Vegan,
        _ => null,
    };
}

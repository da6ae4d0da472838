using System.Text.Json;
using Replete.Data;
using Replete.Documents;

namespace Replete.Training;

/// <summary>A sweat test as a person records it, in the units of their scale and bottle: body mass before and after
/// (kg or lb), fluid drunk and urine passed (mL or US fl oz), the duration, and a measured sweat sodium if they have
/// one. <see cref="ToRateTest"/> turns it into a <see cref="SweatRateTest"/> in SI units.</summary>
/// <remarks>Fields of the JSON document: <c>pre_kg</c> or <c>pre_lb</c>, <c>post_kg</c> or <c>post_lb</c>,
/// <c>drank_ml</c> or <c>drank_oz</c>, <c>urine_ml</c> or <c>urine_oz</c>, <c>minutes</c>,
/// <c>sweat_sodium_mmol_l</c>.</remarks>
public sealed record SweatTest(
    double? PreKg = null, double? PostKg = null, double? PreLb = null, double? PostLb = null, double? DrankMl = null, double? DrankOz = null,
    double? UrineMl = null, double? UrineOz = null, double? Minutes = null, double? SweatSodiumMmolPerLitre = null)
{
    /// <summary>The fields of a sweat test document.</summary>
    public static IReadOnlyList<string> Fields { get; } = ["pre_kg", "post_kg", "pre_lb", "post_lb", "drank_ml", "drank_oz", "urine_ml", "urine_oz", "minutes", "sweat_sodium_mmol_l"];

    /// <summary>Reads a sweat test document.</summary>
    public static InputResult<SweatTest> Read(JsonSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var reader = new DocumentReader(source);
        var root = source.Root;
        if (!reader.IsObject(root, "", "a sweat test is an object such as {\"pre_kg\": 75, \"post_kg\": 74.5, \"drank_ml\": 400, \"minutes\": 60}"))
        {
            return InputResult.Failure<SweatTest>(reader.Problems);
        }

        reader.OnlyFields(root, null, Fields);
        double? N(string field) => reader.Number(root, field, null);
        var test = new SweatTest(N("pre_kg"), N("post_kg"), N("pre_lb"), N("post_lb"), N("drank_ml"), N("drank_oz"), N("urine_ml"), N("urine_oz"), N("minutes"), N("sweat_sodium_mmol_l"));
        return reader.Count > 0 ? InputResult.Failure<SweatTest>(reader.Problems) : InputResult.Success(test);
    }

    /// <summary>The test in kilograms, litres and minutes, or every problem: a quantity given in two units or not at
    /// all, values out of range, a negative or impossible sweat loss, a sweat sodium outside
    /// <see cref="InputLimits.SweatSodiumMmolPerLitre"/>. Paths are the field names.</summary>
    public InputResult<SweatRateTest> ToRateTest()
    {
        var problems = new List<InputProblem>();
        void Add(string path, string code, string message) => problems.Add(new InputProblem("", null, path, code, message));
        double? Either(double? a, double? b, string aName, string bName, double bFactor, bool required)
        {
            if (a is not null && b is not null)
            {
                Add(aName, InputProblemCodes.Conflict, $"give {aName} or {bName}, not both");
                return null;
            }

            if (a is null && b is null && required)
            {
                Add(aName, InputProblemCodes.Required, $"{aName} (or {bName}) is required");
            }

            return a ?? b * bFactor;
        }

        var pre = Either(PreKg, PreLb, "pre_kg", "pre_lb", SweatRateTest.KilogramsPerPound, required: true);
        var post = Either(PostKg, PostLb, "post_kg", "post_lb", SweatRateTest.KilogramsPerPound, required: true);
        var drank = Either(DrankMl, DrankOz, "drank_ml", "drank_oz", SweatRateTest.LitresPerFluidOunce * 1000, required: false) ?? 0;
        var urine = Either(UrineMl, UrineOz, "urine_ml", "urine_oz", SweatRateTest.LitresPerFluidOunce * 1000, required: false) ?? 0;
        if (Minutes is null)
        {
            Add("minutes", InputProblemCodes.Required, "minutes is required");
        }

        if (SweatSodiumMmolPerLitre is { } sodium && InputLimits.SweatSodiumMmolPerLitre.Check(sodium) is { } range)
        {
            Add("sweat_sodium_mmol_l", InputProblemCodes.OutOfRange, range);
        }

        if (problems.Count > 0 || pre is null || post is null || Minutes is null)
        {
            return InputResult.Failure<SweatRateTest>(problems);
        }

        var test = new SweatRateTest(pre.Value, post.Value, drank / 1000, urine / 1000, Minutes.Value);
        problems.AddRange(test.Validate().Select(p => new InputProblem("", null, "", InputProblemCodes.OutOfRange, p)));
        return InputResult.From(test, problems);
    }
}

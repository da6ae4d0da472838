using System.Globalization;
using System.Text.Json.Nodes;
using Replete.Knowledge;

namespace Replete.Web.WebApp;

/// <summary>How the pages show values of the API's wire JSON: numbers in the invariant culture, snake_case words as
/// words, and the engine's triage wording.</summary>
internal static class Shown
{
    /// <summary>A number with at most <paramref name="decimals"/> decimals; "unknown" for null (never zero).</summary>
    public static string Number(JsonNode? value, int decimals = 1) =>
        value is JsonValue v && v.TryGetValue<double>(out var d) ? Number(d, decimals) : "unknown";

    /// <summary>A number with at most <paramref name="decimals"/> decimals.</summary>
    public static string Number(double value, int decimals = 1) =>
        Math.Round(value, decimals).ToString("#,0." + new string('#', decimals), CultureInfo.InvariantCulture);

    /// <summary>A probability as a whole percentage.</summary>
    public static string Percent(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<double>(out var d) ? Math.Round(d * 100).ToString("0", CultureInfo.InvariantCulture) + " %" : "unknown";

    /// <summary>A food match of the wire JSON as a person reads it: its description, and its brand when it has one.</summary>
    public static string Food(JsonNode? match) => Replete.Foods.Food.LabelOf((string?)match?["description"] ?? "", (string?)match?["brand"]);

    /// <summary>A snake_case id as words ("vitamin_d" -> "vitamin d").</summary>
    public static string Words(JsonNode? value) => ((string?)value ?? "").Replace('_', ' ');

    /// <summary>The triage level of a wire value ("see_doctor_soon").</summary>
    public static TriageLevel Triage(JsonNode? value) =>
        Enum.TryParse<TriageLevel>(((string?)value ?? "").Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var level) ? level : TriageLevel.SelfCare;

    /// <summary>The engine's headline for the triage level.</summary>
    public static string TriageHeadline(JsonNode? value) => TriageWording.Headline(Triage(value));

    /// <summary>The CSS class of a triage banner.</summary>
    public static string TriageClass(JsonNode? value) => Triage(value) switch
    {
        TriageLevel.Emergency => "triage emergency",
        TriageLevel.SeeDoctorToday or TriageLevel.SeeDoctorSoon => "triage doctor",
        _ => "triage self-care",
    };

    /// <summary>The items of a JSON array (none for null).</summary>
    public static IEnumerable<JsonNode> Items(JsonNode? array) => (array as JsonArray ?? []).OfType<JsonNode>();
}

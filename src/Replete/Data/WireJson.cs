using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Replete.Data;

/// <summary>The one JSON style Replete writes, for every command's <c>--json</c> and the HTTP API: snake_case property
/// names and enum values (<c>"ul_scope": "supplements_only"</c>), nulls kept (an unknown is shown as unknown, never
/// left out), indented, non-ASCII text as is, NaN and infinities as strings rather than an exception.</summary>
public static class WireJson
{
    /// <summary>The serializer options. Read-only: do not modify; copy them to change anything.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Serializes <paramref name="value"/> in the wire style.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
            WriteIndented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
        };
        options.MakeReadOnly();
        return options;
    }
}

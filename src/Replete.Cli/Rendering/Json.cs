using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Replete.Data;

namespace Replete.Cli.Rendering;

/// <summary>Writes <c>--json</c> output in the engine's one wire style (<see cref="WireJson"/>).</summary>
internal static class Json
{
    /// <summary>The wire options, with the build-time metadata of <see cref="CliJson"/> first and reflection for any
    /// type it does not list.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    public static void Write<T>(TextWriter output, T value) => output.WriteLine(JsonSerializer.Serialize(value, Options));

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(WireJson.Options)
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine(CliJson.Default, new DefaultJsonTypeInfoResolver()),
        };
        options.MakeReadOnly();
        return options;
    }
}

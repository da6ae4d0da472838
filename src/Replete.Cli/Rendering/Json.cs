using Replete.Data;

namespace Replete.Cli.Rendering;

/// <summary>Writes <c>--json</c> output in the engine's one wire style (<see cref="WireJson"/>).</summary>
internal static class Json
{
    public static void Write<T>(TextWriter output, T value) => output.WriteLine(WireJson.Serialize(value));
}

using Replete.Data;

namespace Replete.Tests.Documents;

/// <summary>Parses JSON text as a named document for the engine's readers.</summary>
internal static class DocumentTestSource
{
    public static JsonSource Json(string json, string name = "doc.json") => JsonSource.Parse(json, name);
}

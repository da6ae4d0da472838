using System.Globalization;
using System.Text.Json;

namespace Replete.Documents;

/// <summary>Rules on a JSON document's fields that every reader shares: the command line's readers refuse a field given
/// twice object by object (DocumentReader.OnlyOnce, FoodLog), and the server refuses it in a request body with this.</summary>
public static class JsonFields
{
    /// <summary>The path of the first field given twice in any object within <paramref name="element"/> ("symptoms",
    /// "labs[1].value"), or null when there is none: for readers that see the document whole (the server's bodies).</summary>
    public static string? FirstGivenTwice(JsonElement element, string? parent = null)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    var path = DocumentReader.PathOf(parent, property.Name);
                    if (!seen.Add(property.Name))
                    {
                        return path;
                    }

                    if (FirstGivenTwice(property.Value, path) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (FirstGivenTwice(item, string.Create(CultureInfo.InvariantCulture, $"{parent}[{index++}]")) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            default:
                return null;
        }
    }
}

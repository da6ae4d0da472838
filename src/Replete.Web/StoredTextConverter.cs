using System.Text.Json;
using System.Text.Json.Serialization;
using Replete.Documents;

namespace Replete.Web;

/// <summary>Every text field of a request body, read by the engine's rule for text that shows otherwise than it is
/// (<see cref="HiddenText"/>): a name, note or food name holding U+202E or a zero-width space is refused with 400 naming
/// the field, so nothing stored reads differently from what it is (tester h91). Line breaks and tabs pass here: a field
/// that takes one line refuses them itself (<c>Documents.Displayable</c>).</summary>
internal sealed class StoredTextConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString()
            : throw new JsonException();
        return HiddenText.First(text, lines: true) is { } hidden ? throw new HiddenTextException(HiddenText.Refusal(hidden)) : text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>A text field holding a hidden character (<see cref="StoredTextConverter"/>): the message says which.</summary>
internal sealed class HiddenTextException(string message) : JsonException(message);

/// <summary>A secret (a password) read as given: never refused for its characters, or a password set before the rule
/// could no longer sign in.</summary>
internal sealed class SecretTextConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? reader.GetString() : throw new JsonException();

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

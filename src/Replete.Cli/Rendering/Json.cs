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

    /// <summary>Writes <paramref name="value"/> and a newline, streamed: a report as large as the input limits allow
    /// (20,000 matches, about 90 MB of JSON) is never held as one string. Serialized to a string first, that report
    /// peaked at 555 MB; streamed, see DietMemoryTests.</summary>
    public static void Write<T>(TextWriter output, T value)
    {
        ArgumentNullException.ThrowIfNull(output);
        using (var stream = new TextWriterStream(output))
        {
            JsonSerializer.Serialize(stream, value, Options);
        }

        output.WriteLine();
    }

    /// <summary>A write-only stream that decodes UTF-8 into a text writer, a block at a time.</summary>
    private sealed class TextWriterStream(TextWriter output) : Stream
    {
        private readonly System.Text.Decoder decoder = new System.Text.UTF8Encoding(false).GetDecoder();
        private readonly char[] chars = new char[16384];

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            while (!buffer.IsEmpty)
            {
                decoder.Convert(buffer, chars, flush: false, out var used, out var produced, out _);
                // As a string: a writer that overrides only Write(char) and Write(string) (the terminal-safe one)
                // would otherwise be given the block a character at a time (90 MB of JSON took 289 s).
                output.Write(new string(chars, 0, produced));
                buffer = buffer[used..];
            }
        }

        public override void Flush() => output.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }

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

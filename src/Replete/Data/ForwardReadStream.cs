namespace Replete.Data;

/// <summary>A read-only, forward-only stream over <paramref name="inner"/> that counts what it has read: the plumbing a
/// checking or reporting stream needs (no seek, no write; disposing it disposes the inner stream). A subclass reads
/// through <see cref="ReadInner"/> and adds what it checks or reports.</summary>
/// <param name="inner">The stream read from; owned.</param>
/// <param name="length">The length the caller expects, reported as <see cref="Length"/>.</param>
public abstract class ForwardReadStream(Stream inner, long length) : Stream
{
    /// <summary>Bytes read so far.</summary>
    protected long Total { get; private set; }

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => length;

    /// <summary>Bytes read so far; setting it is not supported.</summary>
    public override long Position
    {
        get => Total;
        set => throw new NotSupportedException();
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public abstract override int Read(Span<byte> buffer);

    /// <summary>Reads from the inner stream and counts the bytes.</summary>
    protected int ReadInner(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Total += read;
        return read;
    }

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

namespace Replete.Storage.Foods;

/// <summary>Reports how many bytes have been read from a stream, at most every 256 KiB.</summary>
internal sealed class ProgressStream(Stream inner, long length, Action<long>? report) : Stream
{
    private const long Step = 1 << 18;
    private long done;
    private long reported;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => done;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        done += read;
        if (report is not null && (done - reported >= Step || read == 0))
        {
            reported = done;
            report(done);
        }

        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

namespace Replete.Storage.Foods;

/// <summary>Reports how many bytes have been read from a stream, at most every 256 KiB.</summary>
internal sealed class ProgressStream(Stream inner, long length, Action<long>? report) : Replete.Data.ForwardReadStream(inner, length)
{
    private const long Step = 1 << 18;
    private long reported;

    public override int Read(Span<byte> buffer)
    {
        var read = ReadInner(buffer);
        if (report is not null && (Total - reported >= Step || read == 0))
        {
            reported = Total;
            report(Total);
        }

        return read;
    }
}

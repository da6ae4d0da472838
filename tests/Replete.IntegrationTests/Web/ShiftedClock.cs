namespace Replete.IntegrationTests.Web;

/// <summary>The server's clock in the tests: the system's time plus an offset a test moves forward, so that what depends
/// on the date (a grant's end, a retest falling due) is seen to change without waiting. Every service that asks for the
/// <see cref="TimeProvider"/> (the endpoints, the pages, the cookie handler) reads the same shifted time.</summary>
public sealed class ShiftedClock : TimeProvider
{
    private long offsetTicks;

    /// <summary>How far ahead of the system's clock the server is.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    /// <summary>Moves the server's clock forward by <paramref name="by"/>.</summary>
    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}

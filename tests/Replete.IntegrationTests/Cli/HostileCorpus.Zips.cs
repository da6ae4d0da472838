using System.IO.Compression;
using System.Text;

namespace Replete.IntegrationTests.Cli;

public static partial class HostileCorpus
{
    private const string MfpEntry = "Nutrition-Summary-2025-03-06.csv";

    /// <summary>Zips that lie, for both readers of zips: <c>analyze</c> (a MyFitnessPal export) and <c>foods import fdc</c>
    /// (a FoodData Central download).</summary>
    private static IEnumerable<HostileCase> Zips()
    {
        var mfp = Encoding.UTF8.GetBytes(Mfp);
        foreach (var (label, expect, bytes, slow) in ZipAttacks(MfpEntry, mfp, []))
        {
            var content = bytes;
            yield return new HostileCase($"export.zip {label}", "analyze", expect, ["export.zip"], f => f.Bytes("export.zip", content()), f => ["analyze", f["export.zip"], "--profile", Profile]) { Slow = slow };
        }

        yield return new HostileCase("export.zip duplicate nutrition entries", "analyze", HostileOutcome.Refused, ["export.zip"],
            f => f.Bytes("export.zip", Zip((MfpEntry, mfp, CompressionLevel.Optimal), (MfpEntry, mfp, CompressionLevel.Optimal))), f => ["analyze", f["export.zip"], "--profile", Profile]);
        yield return new HostileCase("export.zip the same summary under two names", "analyze", HostileOutcome.Refused, ["export.zip"],
            f => f.Bytes("export.zip", Zip((MfpEntry, mfp, CompressionLevel.Optimal), ("Nutrition-Summary-copy.csv", mfp, CompressionLevel.Fastest))), f => ["analyze", f["export.zip"], "--profile", Profile]);
        yield return new HostileCase("export.zip only measurements", "analyze", HostileOutcome.Refused, ["export.zip"],
            f => f.Bytes("export.zip", Zip(("Measurement-Summary.csv", Encoding.UTF8.GetBytes("Date,Weight\n2025-03-06,70\n"), CompressionLevel.Optimal))), f => ["analyze", f["export.zip"], "--profile", Profile]);
        yield return new HostileCase("export.zip entry named with escapes", "analyze", HostileOutcome.Refused, ["export.zip"],
            f => f.Bytes("export.zip", Zip(("\u001b]0;pwned\u0007x\u001b[2J.csv", mfp, CompressionLevel.Optimal))), f => ["analyze", f["export.zip"], "--profile", Profile]);
        yield return new HostileCase("export.zip entry escaping its folder", "analyze", HostileOutcome.Either, ["export.zip"],
            f => f.Bytes("export.zip", Zip(("../../../" + MfpEntry, mfp, CompressionLevel.Optimal))), f => ["analyze", f["export.zip"], "--profile", Profile]);
        yield return new HostileCase("export.zip nested zip", "analyze", HostileOutcome.Refused, ["export.zip"],
            f => f.Bytes("export.zip", Zip(("inner.zip", Zip((MfpEntry, mfp, CompressionLevel.Optimal)), CompressionLevel.Optimal))), f => ["analyze", f["export.zip"], "--profile", Profile]);
        yield return new HostileCase("export.zip summary with a bad number", "analyze", HostileOutcome.Refused, ["export.zip", MfpEntry],
            f => f.Bytes("export.zip", Zip((MfpEntry, Encoding.UTF8.GetBytes(Mfp.Replace("214.5", "1e309", StringComparison.Ordinal)), CompressionLevel.Optimal))), f => ["analyze", f["export.zip"], "--profile", Profile]);
        yield return new HostileCase("export.zip 20,000 entries", "analyze", HostileOutcome.Either, ["export.zip"],
            f => f.Bytes("export.zip", Zip([(MfpEntry, mfp, CompressionLevel.Optimal), .. Enumerable.Range(0, 20_000).Select(i => ($"Exercise-{i}.csv", Array.Empty<byte>(), CompressionLevel.NoCompression))])),
            f => ["analyze", f["export.zip"], "--profile", Profile])
        { Slow = true };
    }

    /// <summary>The attacks on a zip whose one required entry is <paramref name="entry"/> holding <paramref name="good"/>.</summary>
    private static IEnumerable<(string Label, HostileOutcome Expect, Func<byte[]> Bytes, bool Slow)> ZipAttacks(string entry, byte[] good, (string Name, byte[] Data)[] others)
    {
        byte[] Zip(params (string Name, byte[] Data, CompressionLevel Level)[] entries) =>
            HostileCorpus.Zip([.. entries, .. others.Select(o => (o.Name, o.Data, CompressionLevel.Optimal))]);

        // A larger copy of the entry, so that corruption lands inside compressed data, not in its header.
        var large = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(good) + string.Concat(Enumerable.Range(0, 4_000).Select(i => Encoding.UTF8.GetString(good).Split('\n')[1] + "\n")));
        yield return ("junk", HostileOutcome.Refused, () => Junk(10_000, 3), false);
        yield return ("junk with a zip signature", HostileOutcome.Refused, () => [0x50, 0x4B, 0x03, 0x04, .. Junk(10_000, 4)], false);
        yield return ("empty file", HostileOutcome.Refused, () => [], false);
        yield return ("no entries", HostileOutcome.Refused, () => HostileCorpus.Zip(), false);
        yield return ("empty entry", HostileOutcome.Refused, () => Zip((entry, [], CompressionLevel.Optimal)), false);
        yield return ("truncated", HostileOutcome.Refused, () => Zip((entry, large, CompressionLevel.Optimal))[..^300], false);
        yield return ("cut in half", HostileOutcome.Refused, () => { var zip = Zip((entry, large, CompressionLevel.Optimal)); return zip[..(zip.Length / 2)]; }, false);
        yield return ("corrupt mid-entry", HostileOutcome.Refused, () => Corrupt(Zip((entry, large, CompressionLevel.Optimal))), false);
        yield return ("stored entry with a wrong crc", HostileOutcome.Refused, () => ChangeStoredByte(Zip((entry, good, CompressionLevel.NoCompression)), good), false);
        yield return ("encrypted", HostileOutcome.Refused, () => Patch(Zip((entry, good, CompressionLevel.Optimal)), localOffset: 6, centralOffset: 8, value: 0x0001, or: true), false);
        yield return ("bzip2", HostileOutcome.Refused, () => Patch(Zip((entry, good, CompressionLevel.Optimal)), localOffset: 8, centralOffset: 10, value: 12, or: false), false);
        yield return ("lzma", HostileOutcome.Refused, () => Patch(Zip((entry, good, CompressionLevel.Optimal)), localOffset: 8, centralOffset: 10, value: 14, or: false), false);
        yield return ("bomb by uncompressed size", HostileOutcome.Refused, () => Zip((entry, [.. good, .. new byte[250_000_000]], CompressionLevel.Optimal)), true);
        yield return ("bomb with a lying size", HostileOutcome.Refused, () => LieAboutSize(Zip((entry, [.. good, .. Enumerable.Repeat((byte)'1', 250_000_000)], CompressionLevel.Optimal))), true);
    }

    internal static byte[] Zip(params (string Name, byte[] Data, CompressionLevel Level)[] entries)
    {
        using var memory = new MemoryStream();
        using (var archive = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, data, level) in entries)
            {
                using var stream = archive.CreateEntry(name, level).Open();
                stream.Write(data);
            }
        }

        return memory.ToArray();
    }

    /// <summary>Flips bytes in the middle of the first entry's compressed data.</summary>
    private static byte[] Corrupt(byte[] zip)
    {
        var copy = (byte[])zip.Clone();
        var central = IndexOf(copy, [0x50, 0x4B, 0x01, 0x02]);
        for (var i = central / 2; i < central / 2 + 64; i++)
        {
            copy[i] ^= 0x5A;
        }

        return copy;
    }

    /// <summary>Changes one byte of a stored (uncompressed) entry, leaving its CRC as it was.</summary>
    private static byte[] ChangeStoredByte(byte[] zip, byte[] good)
    {
        var copy = (byte[])zip.Clone();
        var at = IndexOf(copy, good[..20]) + good.Length / 2;
        copy[at] = (byte)(copy[at] == (byte)'7' ? '8' : '7');
        return copy;
    }

    /// <summary>Sets a 16-bit field in every local and central header (flags, or the compression method).</summary>
    private static byte[] Patch(byte[] zip, int localOffset, int centralOffset, ushort value, bool or)
    {
        var copy = (byte[])zip.Clone();
        foreach (var (signature, offset) in new[] { (new byte[] { 0x50, 0x4B, 0x03, 0x04 }, localOffset), ([0x50, 0x4B, 0x01, 0x02], centralOffset) })
        {
            for (var at = IndexOf(copy, signature); at >= 0; at = IndexOf(copy, signature, at + 4))
            {
                var current = BitConverter.ToUInt16(copy, at + offset);
                BitConverter.TryWriteBytes(copy.AsSpan(at + offset), or ? (ushort)(current | value) : value);
            }
        }

        return copy;
    }

    /// <summary>Writes an uncompressed size of 1 KB into every header, whatever the entry expands to.</summary>
    private static byte[] LieAboutSize(byte[] zip)
    {
        var copy = (byte[])zip.Clone();
        foreach (var (signature, offset) in new[] { (new byte[] { 0x50, 0x4B, 0x03, 0x04 }, 22), ([0x50, 0x4B, 0x01, 0x02], 24) })
        {
            for (var at = IndexOf(copy, signature); at >= 0; at = IndexOf(copy, signature, at + 4))
            {
                BitConverter.TryWriteBytes(copy.AsSpan(at + offset), 1_000u);
            }
        }

        return copy;
    }

    private static int IndexOf(byte[] haystack, byte[] needle, int from = 0) => haystack.AsSpan(from).IndexOf(needle) is var i and >= 0 ? i + from : -1;
}

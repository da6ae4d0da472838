using System.IO.Compression;

namespace Replete.Data;

/// <summary>Opens a zip entry so that what the zip claims about it is checked while it streams: an encrypted entry or a
/// compression method the BCL cannot read (BZip2, LZMA) is refused before reading, an entry that expands beyond the size
/// its header states is stopped there (a zip bomb that lies about its size), and an entry whose bytes do not match its
/// CRC-32 fails at its end, so a zip damaged mid-entry is never read as data.</summary>
public static class CheckedZipEntry
{
    /// <summary>Opens <paramref name="entry"/> of the zip <paramref name="zipName"/> for checked reading.</summary>
    /// <exception cref="InvalidDataException">The entry is encrypted or uses a compression method that cannot be read;
    /// reading the stream throws it when the entry is longer than stated or its CRC-32 does not match. The message names
    /// the zip and the entry.</exception>
    public static Stream Open(ZipArchiveEntry entry, string zipName)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.IsEncrypted)
        {
            throw new InvalidDataException($"{zipName}: {entry.FullName} is encrypted (password-protected); unzip it and give the files");
        }

        try
        {
            return new Crc32Stream(entry.Open(), entry, zipName);
        }
        catch (Exception ex) when (ex is NotSupportedException or InvalidDataException)
        {
            throw new InvalidDataException($"{zipName}: {entry.FullName} cannot be read ({ex.Message}); unzip it and give the files, or zip them again with ordinary (deflate) compression", ex);
        }
    }

    /// <summary>Counts and checksums what an entry expands to (CRC-32 as zip defines it: polynomial 0xEDB88320, PKWARE
    /// APPNOTE 4.4.7).</summary>
    private sealed class Crc32Stream(Stream inner, ZipArchiveEntry entry, string zipName) : ForwardReadStream(inner, entry.Length)
    {
        private static readonly uint[] Table = CreateTable();
        private uint crc = 0xFFFFFFFF;

        public override int Read(Span<byte> buffer)
        {
            var read = ReadInner(buffer);
            if (Total > entry.Length)
            {
                throw new InvalidDataException($"{zipName}: {entry.FullName} expands beyond the {entry.Length:N0} bytes its header states: the zip is damaged or forged");
            }

            foreach (var b in buffer[..read])
            {
                crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
            }

            if (read == 0 && buffer.Length > 0 && (Total != entry.Length || ~crc != entry.Crc32))
            {
                throw new InvalidDataException($"{zipName}: {entry.FullName} does not match its checksum (CRC-32): the zip is damaged; download it again");
            }

            return read;
        }

        private static uint[] CreateTable()
        {
            var table = new uint[256];
            for (uint i = 0; i < 256; i++)
            {
                var c = i;
                for (var k = 0; k < 8; k++)
                {
                    c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
                }

                table[i] = c;
            }

            return table;
        }
    }
}

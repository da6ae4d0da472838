using System.Runtime.InteropServices;
using System.Text;

namespace Replete.Foods;

public sealed partial class FoodSearchIndex
{
    /// <summary>The built index as it is saved: every array the search reads, so loading does none of the building (the
    /// typo table is built on the first typo, as it is for a built index).</summary>
    private sealed record Stored(
        int[] FoodIds, string[] Descriptions, int[] TokenStart, int[] TokenTerm, byte[] TokenFlags, double[] NameCost,
        double[] Completeness, double[] Refund, double[] LaterFloor, string[] Terms, int[][] Postings, int[][] HeadPostings,
        int[][] RestPostings, double[] Idf, int[] SortedTermIds, string[] Labels, int[] GroupOf, int[] BrandOf, byte[] BrandOnly,
        byte[] InSurvey)
    {
        /// <summary>"RFSI" and the format version: a change to what is saved bumps it.</summary>
        private const int Magic = 0x49534652;
        private const int Format = 9; // 2: negated words left out, the default-form flag; 3: each food's group and brand (issue 17); 4: brand words; 5: the SR28 Survey flag; 6: a head of form words names the food ("Water, bottled"), "unsalted" is the negated "~salt"; 7: "zero" and "diet" are variant words; 8: "butter" after the food's own name is an ordinary word; 9: the vocabulary's stamp (a change to the word roles rebuilds the index)

        /// <summary>A 64-bit FNV-1a hash of the word roles (data/food_search_words.csv) the tokens' flags were built with:
        /// an index saved before the vocabulary changed is rebuilt, not read with the old roles.</summary>
        private static readonly ulong Vocabulary = Data.Fnv1a.Hash(string.Join('\n', WordRoles.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key}={r.Value}")));

        public void Write(Stream stream)
        {
            using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            writer.Write(Magic);
            writer.Write(Format);
            writer.Write(Vocabulary);
            Ints(writer, FoodIds);
            Strings(writer, Descriptions);
            Ints(writer, TokenStart);
            Ints(writer, TokenTerm);
            writer.Write(TokenFlags.Length);
            writer.Write(TokenFlags);
            Doubles(writer, NameCost);
            Doubles(writer, Completeness);
            Doubles(writer, Refund);
            Doubles(writer, LaterFloor);
            Strings(writer, Terms);
            Jagged(writer, Postings);
            Jagged(writer, HeadPostings);
            Jagged(writer, RestPostings);
            Doubles(writer, Idf);
            Ints(writer, SortedTermIds);
            Strings(writer, Labels);
            Ints(writer, GroupOf);
            Ints(writer, BrandOf);
            writer.Write(BrandOnly.Length);
            writer.Write(BrandOnly);
            writer.Write(InSurvey.Length);
            writer.Write(InSurvey);
        }

        public static Stored Read(Stream stream)
        {
            using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            try
            {
                if (reader.ReadInt32() != Magic || reader.ReadInt32() != Format)
                {
                    throw new InvalidDataException("not a saved food search index of this format");
                }

                if (reader.ReadUInt64() != Vocabulary)
                {
                    throw new InvalidDataException("a saved food search index built with other search words");
                }

                var stored = new Stored(
                    Ints(reader), Strings(reader), Ints(reader), Ints(reader), reader.ReadBytes(reader.ReadInt32()), Doubles(reader),
                    Doubles(reader), Doubles(reader), Doubles(reader), Strings(reader), Jagged(reader), Jagged(reader),
                    Jagged(reader), Doubles(reader), Ints(reader), Strings(reader), Ints(reader), Ints(reader), reader.ReadBytes(Count(reader)),
                    reader.ReadBytes(Count(reader)));
                return stored.FoodIds.Length + 1 == stored.TokenStart.Length && stored.TokenTerm.Length == stored.TokenFlags.Length
                    && stored.GroupOf.Length == stored.FoodIds.Length && stored.BrandOf.Length == stored.FoodIds.Length
                    && stored.BrandOnly.Length == stored.Terms.Length && stored.InSurvey.Length == stored.FoodIds.Length
                    && stored.GroupOf.Concat(stored.BrandOf).All(label => label >= -1 && label < stored.Labels.Length)
                    ? stored
                    : throw new InvalidDataException("a saved food search index whose arrays do not agree");
            }
            catch (EndOfStreamException ex)
            {
                throw new InvalidDataException("a saved food search index cut short", ex);
            }
        }

        private static void Ints(BinaryWriter writer, int[] values)
        {
            writer.Write(values.Length);
            writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
        }

        private static void Doubles(BinaryWriter writer, double[] values)
        {
            writer.Write(values.Length);
            writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
        }

        private static void Strings(BinaryWriter writer, string[] values)
        {
            writer.Write(values.Length);
            foreach (var value in values)
            {
                writer.Write(value);
            }
        }

        private static void Jagged(BinaryWriter writer, int[][] lists)
        {
            writer.Write(lists.Length);
            foreach (var list in lists)
            {
                Ints(writer, list);
            }
        }

        private static int[] Ints(BinaryReader reader)
        {
            var values = new int[Count(reader)];
            Fill(reader, MemoryMarshal.AsBytes(values.AsSpan()));
            return values;
        }

        private static double[] Doubles(BinaryReader reader)
        {
            var values = new double[Count(reader)];
            Fill(reader, MemoryMarshal.AsBytes(values.AsSpan()));
            return values;
        }

        private static string[] Strings(BinaryReader reader)
        {
            var values = new string[Count(reader)];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = reader.ReadString();
            }

            return values;
        }

        private static int[][] Jagged(BinaryReader reader)
        {
            var lists = new int[Count(reader)][];
            for (var i = 0; i < lists.Length; i++)
            {
                lists[i] = Ints(reader);
            }

            return lists;
        }

        /// <summary>A length prefix, refused when it is negative or larger than the rest of the stream could hold.</summary>
        private static int Count(BinaryReader reader)
        {
            var count = reader.ReadInt32();
            var stream = reader.BaseStream;
            return count >= 0 && (!stream.CanSeek || count <= stream.Length - stream.Position)
                ? count
                : throw new InvalidDataException("a saved food search index with an impossible length");
        }

        private static void Fill(BinaryReader reader, Span<byte> target)
        {
            while (target.Length > 0)
            {
                var read = reader.Read(target);
                if (read == 0)
                {
                    throw new EndOfStreamException();
                }

                target = target[read..];
            }
        }
    }
}

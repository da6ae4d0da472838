using Replete.Data;

namespace Replete.Tests.Data;

public class CsvReaderTests
{
    [Fact]
    public void Read_QuotedCommasDoubledQuotesAndLineBreaks()
    {
        using var csv = new CsvReader(new StringReader("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nplain,,3\n"), "t.csv");
        Assert.True(csv.ReadHeader());

        Assert.True(csv.Read());
        Assert.Equal(("x, y", "say \"hi\"", "two\nlines"), (csv.GetString(0), csv.GetString(1), csv.GetString(2)));
        Assert.Equal(2, csv.Line);
        Assert.True(csv.Read());
        Assert.Equal(4, csv.Line);
        Assert.Null(csv.GetOptionalDouble(1));
        Assert.Equal(3, csv.GetDouble(2));
        Assert.False(csv.Read());
    }

    [Theory]
    [InlineData("a,b\n1,x\n", "t.csv:2: b: 'x' is not a number.")]
    [InlineData("a,b\n1\n", "t.csv:2: b: the record has 1 fields; the header has 2 (is the line truncated?).")]
    [InlineData("a,b\n1,\"2\n", "t.csv:2: a quoted field opened on this line is not closed before the end of the file (is the file truncated?).")]
    public void Read_BadRecord_NamesFileLineAndField(string text, string expected)
    {
        using var csv = new CsvReader(new StringReader(text), "t.csv");
        csv.ReadHeader();

        var error = Assert.Throws<CsvDataException>(() =>
        {
            csv.Read();
            csv.GetDouble(1);
        });

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Require_MissingColumn_ListsTheColumnsFound()
    {
        using var csv = new CsvReader(new StringReader("id,name\n"), "nutrient.csv");
        csv.ReadHeader();

        var error = Assert.Throws<CsvDataException>(() => csv.Require("unit_name"));

        Assert.Equal("nutrient.csv:1: unit_name: the header has no column 'unit_name' (found: id, name).", error.Message);
    }

    [Fact]
    public void Read_AnUnclosedQuoteInALargeFile_StopsQuickly_AtTheLineItOpened()
    {
        // 2.6 MB of rows after a quote that never closes: linear work, the opening line named.
        var text = "a,b\n1,\"open\n" + string.Concat(Enumerable.Repeat("2,plain row of a diet log with some text\n", 65_000));
        using var csv = new CsvReader(new StringReader(text), "big.csv");
        csv.ReadHeader();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var error = Assert.Throws<CsvDataException>(() => csv.Read());

        Assert.StartsWith("big.csv:2: a quoted field opened on this line is still open", error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"{clock.Elapsed}");
    }

    [Fact]
    public void Read_ALineLongerThanTheLimit_IsRefused()
    {
        using var csv = new CsvReader(new StringReader("a\n" + new string('x', Replete.Documents.InputLimits.MaximumCsvRecordChars + 1) + "\n"), "wide.csv");
        csv.ReadHeader();

        Assert.Contains("longer than", Assert.Throws<CsvDataException>(() => csv.Read()).Message, StringComparison.Ordinal);
    }

    /// <summary>A 50 MB line from a stream is refused at line 2 after reading about the limit (1 MB of characters),
    /// not after building the whole line: the reader allocates a few times the limit, not several times the file.</summary>
    [Fact]
    public void Read_AFiftyMegabyteLine_IsRefused_WithoutReadingItWhole()
    {
        var bytes = new byte[50 * 1024 * 1024];
        bytes.AsSpan().Fill((byte)'x');
        "a\n"u8.CopyTo(bytes);
        using var csv = new CsvReader(new StreamReader(new MemoryStream(bytes)), "one-line.csv");
        csv.ReadHeader();
        var before = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<CsvDataException>(() => csv.Read());

        Assert.StartsWith("one-line.csv:2: the line is longer than", error.Message, StringComparison.Ordinal);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 16 * Replete.Documents.InputLimits.MaximumCsvRecordChars, $"{allocated:N0} bytes allocated");
    }

    [Theory]
    [InlineData("a,b\r\n1,2\r\n3,4", new[] { 2, 3 })]
    [InlineData("a,b\r1,2\r\r3,4\r", new[] { 2, 4 })]
    [InlineData("a,b\n1,2\n\n\n3,4\n", new[] { 2, 5 })]
    public void Read_CrLfCrAndLf_EndLines_AsTextReaderDoes(string text, int[] lines)
    {
        Assert.Equal(lines, LinesOfTwoFields(new StringReader(text)));
    }

    /// <summary>The reader takes the text in 16 KB pieces: a line end at the edge of a piece ends the line as anywhere
    /// else, a CR LF split across two pieces (CR the last character of one, LF the first of the next) is one line end,
    /// and a CR at the edge followed by another CR is an empty line. 32767 is the edge of the second piece, reached by
    /// a line longer than one piece.</summary>
    [Theory]
    [InlineData(16_383, "\r\n", new[] { 2, 3 })]
    [InlineData(16_383, "\r", new[] { 2, 3 })]
    [InlineData(16_383, "\r\r", new[] { 2, 4 })]
    [InlineData(16_383, "\n", new[] { 2, 3 })]
    [InlineData(32_767, "\r\n", new[] { 2, 3 })]
    [InlineData(32_767, "\r", new[] { 2, 3 })]
    [InlineData(32_767, "\r\r", new[] { 2, 4 })]
    public void Read_ALineEndAtTheEdgeOfAPiece_EndsTheLineOnce(int lineEndAt, string lineEnd, int[] lines)
    {
        var filler = new string('x', lineEndAt - "a,b\n1,".Length);
        var text = "a,b\n1," + filler + lineEnd + "2,y\n";
        Assert.Equal(lineEnd[0], text[lineEndAt]);
        Assert.Equal(0, (lineEndAt + 1) % 16_384);

        using var csv = new CsvReader(new StringReader(text), "t.csv");
        csv.ReadHeader();

        Assert.True(csv.Read());
        Assert.Equal((lines[0], 2, filler), (csv.Line, csv.FieldCount, csv.GetString(1)));
        Assert.True(csv.Read());
        Assert.Equal((lines[1], 2, "y"), (csv.Line, csv.FieldCount, csv.GetString(1)));
        Assert.False(csv.Read());
    }

    [Theory] // The file ends at the edge of a piece, on a CR: nothing follows it.
    [InlineData("\r")]
    [InlineData("\n")]
    public void Read_ALineEndThatIsTheLastCharacterOfAFullPiece_EndsTheFile(string lineEnd)
    {
        var text = "a,b\n1," + new string('x', 16_383 - "a,b\n1,".Length) + lineEnd;
        Assert.Equal(16_384, text.Length);

        using var csv = new CsvReader(new StringReader(text), "t.csv");
        csv.ReadHeader();

        Assert.True(csv.Read());
        Assert.Equal(16_383 - "a,b\n1,".Length, csv.GetString(1).Length);
        Assert.False(csv.Read());
    }

    /// <summary>A reader that gives one character a call (a pipe or a slow stream gives short reads): every line end
    /// falls at the edge of a piece.</summary>
    [Theory]
    [InlineData("a,b\r\n1,2\r\n3,4", new[] { 2, 3 })]
    [InlineData("a,b\r1,2\r\r3,4\r", new[] { 2, 4 })]
    [InlineData("a,b\n1,2\n\n\n3,4\n", new[] { 2, 5 })]
    [InlineData("a,b\r\n\"x\r\ny\",2\r\n3,4\r\n", new[] { 2, 4 })]
    public void Read_ShortReads_EndLinesAsWholeReadsDo(string text, int[] lines)
    {
        Assert.Equal(lines, LinesOfTwoFields(new OneCharacterReader(text)));
    }

    private sealed class OneCharacterReader(string text) : TextReader
    {
        private int position;

        public override int Peek() => position < text.Length ? text[position] : -1;

        public override int Read() => position < text.Length ? text[position++] : -1;

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            if (buffer.IsEmpty || position >= text.Length)
            {
                return 0;
            }

            buffer[0] = text[position++];
            return 1;
        }
    }

    [Fact]
    public void AColumnGivenTwice_IsRefused_WhenItIsRead()
    {
        using var csv = new CsvReader(new StringReader("date,food,amount,food\n2026-11-02,cheddar,30 g,brie\n"), "log.csv");
        csv.ReadHeader();

        Assert.Equal("log.csv:1: food: the header gives the column 'food' twice; keep one.", Assert.Throws<CsvDataException>(() => csv.Require("food")).Message);
        Assert.Equal(2, csv.Require("amount"));
    }

    [Theory] // Half a row is an error, and so is a row and a half; NUL is binary or UTF-16 (issue 13).
    [InlineData("a,b\n1,2,3\n", "t.csv:2: field 3: the record has 3 fields; the header has 2 (a comma inside a field that is not quoted?).")]
    [InlineData("a,b\n1,\u00002\n", "t.csv:2: holds a NUL character: the file is binary, or text in UTF-16 without a byte order mark; save it as UTF-8 CSV.")]
    public void Read_ExtraFieldsOrNul_NamesFileLineAndField(string text, string expected)
    {
        using var csv = new CsvReader(new StringReader(text), "t.csv");
        csv.ReadHeader();

        var error = Assert.Throws<CsvDataException>(() => csv.Read());

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Read_EmptyTrailingFields_AreHarmless()
    {
        using var csv = new CsvReader(new StringReader("a,b\n1,2,,\n"), "t.csv");
        csv.ReadHeader();

        Assert.True(csv.Read());
        Assert.Equal(2, csv.GetDouble(1));
    }

    [Fact]
    public void JoinShortRecords_ALineShapedLikeARecord_IsNotJoined_ButReportedAsTruncated()
    {
        using var csv = new CsvReader(new StringReader("Date,Meal,Calories,Note\n2025-03-06,Lunch,500,ran\nfar today\n2025-03-07,Dinner\n"), "t.csv") { JoinShortRecords = true };
        csv.ReadHeader();

        Assert.True(csv.Read());
        Assert.Equal("ran far today", csv.GetString(3));
        Assert.True(csv.Read());
        var error = Assert.Throws<CsvDataException>(() => csv.GetDouble(2));
        Assert.Equal(4, error.Line);
    }

    /// <summary>The line number of each record after the header, each checked to have two fields.</summary>
    private static List<int> LinesOfTwoFields(TextReader reader)
    {
        using var csv = new CsvReader(reader, "t.csv");
        csv.ReadHeader();
        var read = new List<int>();
        while (csv.Read())
        {
            read.Add(csv.Line);
            Assert.Equal(2, csv.FieldCount);
        }

        return read;
    }

}

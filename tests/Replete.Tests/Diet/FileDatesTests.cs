using System.Text;
using Replete.Data;
using Replete.Diet;

namespace Replete.Tests.Diet;

/// <summary>Dates in diet files: every unambiguous form read, slashed dates ordered by the whole file, never guessed.</summary>
public class FileDatesTests
{
    private static IReadOnlyList<FoodLogEntry> Log(params string[] dates)
    {
        var text = new StringBuilder("date,food,amount\n");
        foreach (var date in dates)
        {
            text.Append(date).Append(",cheddar,30 g\n");
        }

        using var csv = new CsvReader(new StringReader(text.ToString()), "log.csv");
        csv.ReadHeader();
        return FoodLog.ReadCsv(csv);
    }

    [Fact]
    public void AnOldCronometerIsoDate_WithoutZeros_IsRead() =>
        Assert.Equal(new DateOnly(2011, 4, 18), Assert.Single(Log("2011-4-18")).Date);

    [Fact]
    public void ADayAbove12_SettlesDayFirst_ForTheWholeFile()
    {
        // A re-save in a day-first locale: 05/11/2024 is 5 November because 13/11/2024 is in the same file.
        var entries = Log("05/11/2024", "13/11/2024");

        Assert.Equal([new DateOnly(2024, 11, 5), new DateOnly(2024, 11, 13)], entries.Select(e => e.Date));
    }

    [Fact]
    public void ASecondNumberAbove12_SettlesMonthFirst()
    {
        var entries = Log("11/05/2024", "11/13/2024");

        Assert.Equal([new DateOnly(2024, 11, 5), new DateOnly(2024, 11, 13)], entries.Select(e => e.Date));
    }

    [Fact]
    public void AFileThatCannotSettleItsOrder_IsRefusedWithTheQuestion()
    {
        var error = Assert.Throws<CsvDataException>(() => Log("05/11/2024", "06/11/2024"));

        Assert.StartsWith("log.csv:2: is 05/11/2024 the 5th of month 11 or the 11th of month 5?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MixedOrders_AreRefused()
    {
        var error = Assert.Throws<CsvDataException>(() => Log("13/11/2024", "11/14/2024"));

        Assert.Contains("mix day-first (line 2) and month-first (line 3)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASameDayAndMonth_NeedsNoOrder_AndDotsAreDayFirst() =>
        Assert.Equal([new DateOnly(2024, 5, 5), new DateOnly(2024, 11, 5)], Log("05/05/2024", "5.11.2024").Select(e => e.Date));
}

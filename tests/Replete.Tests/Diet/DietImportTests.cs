using System.IO.Compression;
using System.Text;
using Replete.Diet;
using Replete.Foods;

namespace Replete.Tests.Diet;

public class DietImportTests
{
    private const string Servings = "Day,Time,Group,Food Name,Amount,Energy (kcal),Iron (mg)\n2026-11-02,08:00,Breakfast,Oatmeal,80 g,300,3.5\n2026-11-03,08:00,Breakfast,Oatmeal,80 g,300,3.5\n";

    private const string DailySummary = "Date,Energy (kcal),Iron (mg)\n2026-11-03,2100,14\n2026-11-04,2000,12\n";

    private static readonly FoodComposition Cheese = new(
        new Food(1, "Cheese, cheddar", FoodSource.Sr28), new Dictionary<int, double> { [1089] = 0.14 }, [new FoodPortion(1, "slice (1 oz)", 28)]);

    private static int resolverCalls;

    private static FoodLogResolver Resolver()
    {
        resolverCalls++;
        return new FoodLogResolver(FoodSearchIndex.Build([new FoodSearchEntry(1, "Cheese, cheddar", null, 1)]), id => id == 1 ? Cheese : null, new Dictionary<int, FoodNutrient>());
    }

    private static MemoryStream Text(string text) => new(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void ServingsAndDailySummaryForTheSameDay_AreRefused_NotCountedTwice()
    {
        var import = new DietImport(Resolver);
        import.Add("servings.csv", Text(Servings));
        import.Add("dailysummary.csv", Text(DailySummary));

        var problem = Assert.Single(import.Complete().Problems);

        Assert.Equal("conflict", problem.Code);
        Assert.Contains("1 day(s) (first 2026-11-03)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnExportGivenAsAFile_IsReadAgainForEachUse_WithItsSlashedDatesSettledByTheWholeFile()
    {
        // 05/11/2024 is provisional (month-first) until line 3 settles the file as day-first.
        var bytes = Encoding.UTF8.GetBytes("Date,Energy (kcal),Iron (mg)\n05/11/2024,2100,14\n13/11/2024,2000,12\n");
        var opened = 0;
        var import = new DietImport(Resolver);
        import.Add("dailysummary.csv", () =>
        {
            opened++;
            return new MemoryStream(bytes);
        });

        var diet = import.Complete().OrThrow();

        Assert.Equal(1, opened);
        Assert.Equal([new DateOnly(2024, 11, 5), new DateOnly(2024, 11, 13)], diet.Items.Select(i => i.Date));
        Assert.Equal([2100.0, 2000.0], diet.Items.Select(i => i.Nutrients["energy"]));
        Assert.Equal(3, opened);
        Assert.Equal((2, new DateOnly(2024, 11, 5), new DateOnly(2024, 11, 13)), (diet.Count, diet.FirstDate!.Value, diet.LastDate!.Value));
    }

    [Theory]
    [InlineData("log.csv", "date,time,meal,food,amount\n05/11/2024,,lunch,cheddar,1 slice\n05/11/2024,,dinner,cheddar,1 slice\n13/11/2024,,lunch,cheddar,30 g\n")]
    [InlineData("log.json", "{\"entries\": [\n{\"date\": \"05/11/2024\", \"meal\": \"lunch\", \"food\": \"cheddar\", \"amount\": \"1 slice\"},\n{\"date\": \"05/11/2024\", \"meal\": \"dinner\", \"food\": \"cheddar\", \"amount\": \"1 slice\"},\n{\"date\": \"13/11/2024\", \"meal\": \"lunch\", \"food\": \"cheddar\", \"amount\": \"30 g\"}\n]}")]
    public void AFoodLogGivenAsAFile_IsReadAgainForEachUse_AndEachFoodAndAmountIsMatchedOnce(string name, string text)
    {
        // Replete's own food logs, CSV and JSON, are streamed like app exports: nothing per entry is kept.
        var bytes = Encoding.UTF8.GetBytes(text);
        var opened = 0;
        var asked = new List<string>();
        var import = new DietImport(Resolver) { ChooseFood = food => { asked.Add(food.Entry.Origin); return null; } };
        import.Add(name, () =>
        {
            opened++;
            return new MemoryStream(bytes);
        });

        var diet = import.Complete().OrThrow();

        Assert.Equal(1, opened);
        // 05/11/2024 is day-first, settled by 13/11/2024 at the end of the file.
        Assert.Equal([new DateOnly(2024, 11, 5), new DateOnly(2024, 11, 5), new DateOnly(2024, 11, 13)], diet.Items.Select(i => i.Date));
        Assert.Equal(2, opened);
        Assert.Equal(["lunch", "dinner", "lunch"], diet.Items.Select(i => i.Meal));
        Assert.Equal([28.0, 28.0, 30.0], diet.Items.Select(i => i.Grams!.Value));
        Assert.Equal(4, opened);
        // One match per food and amount, with the lines that gave it; an uncertain one is asked about once.
        Assert.Equal([(2, 2), (1, 1)], diet.Resolved.Select(r => (r.Lines, r.Origins.Count)));
        Assert.Equal(2, asked.Count);
        Assert.Equal((3, new DateOnly(2024, 11, 5), new DateOnly(2024, 11, 13)), (diet.Count, diet.FirstDate!.Value, diet.LastDate!.Value));
    }

    [Fact]
    public void AFoodLogLineThatCannotBeCounted_IsOneNote_ForEveryLineWithTheSameFoodAndAmount()
    {
        var import = new DietImport(Resolver);
        import.Add("log.csv", () => Text("date,time,meal,food,amount\n2026-11-02,,lunch,cheddar,1 cup\n2026-11-03,,lunch,cheddar,1 cup\n2026-11-04,,lunch,cheddar,1 cup\n"));

        var diet = import.Complete().OrThrow();

        var note = Assert.Single(diet.Notes);
        Assert.Equal(("log.csv", 2), (note.Source, note.Line));
        Assert.EndsWith("(and 2 more line(s) with the same food and amount)", note.Message, StringComparison.Ordinal);
        Assert.Empty(diet.Items);
    }

    [Fact]
    public void ADayLoggedTwice_IsFound_WhenTheExportSettlesItsDateOnlyAtTheEnd()
    {
        var import = new DietImport(Resolver);
        import.Add("servings.csv", () => Text("Day,Time,Group,Food Name,Amount,Energy (kcal)\n2024-11-05,08:00,Breakfast,Oatmeal,80 g,300\n"));
        import.Add("dailysummary.csv", () => Text("Date,Energy (kcal)\n05/11/2024,2100\n13/11/2024,2000\n"));

        var problem = Assert.Single(import.Complete().Problems);

        Assert.Contains("1 day(s) (first 2024-11-05)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DailySummaryAlone_IsMarkedAsDailyTotals_AndNeedsNoFoodDatabase()
    {
        resolverCalls = 0;
        var import = new DietImport(Resolver);
        import.Add("dailysummary.csv", Text(DailySummary));

        var diet = import.Complete().OrThrow();

        Assert.All(diet.Items, i => Assert.True(i.IsDailyTotal));
        Assert.Equal(0, resolverCalls);
    }

    [Fact]
    public void FoodLogEntry_AboveFiveKilograms_IsRefusedAsAUnitMistake()
    {
        var import = new DietImport(Resolver);
        import.Add("log.csv", Text("date,time,meal,food,amount\n2026-11-02,,lunch,cheddar,30 g\n2026-11-02,,lunch,cheddar,6 kg\n"));

        var problem = Assert.Single(import.Complete().Problems);

        Assert.Equal(("log.csv", 3, "amount", "out_of_range"), (problem.Source, problem.Line!.Value, problem.Path, problem.Code));
    }

    [Fact]
    public void UnresolvableAmount_IsANote_TheRestIsCounted()
    {
        var import = new DietImport(Resolver);
        import.Add("log.csv", Text("date,time,meal,food,amount\n2026-11-02,,lunch,cheddar,2 slices\n2026-11-02,,lunch,cheddar,1 cup\n"));

        var diet = import.Complete().OrThrow();

        Assert.Single(diet.Items);
        Assert.Equal(56, diet.Items.First().Grams);
        var note = Assert.Single(diet.Notes);
        Assert.StartsWith("log.csv:3: ", note.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("; not counted", note.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ChooseFood_IsAskedOnlyAboutUncertainMatches_AndItsChoiceIsUsed()
    {
        var asked = new List<string>();
        var import = new DietImport(Resolver) { ChooseFood = food => { asked.Add(food.Entry.Food); return 1; } };
        import.Add("log.csv", Text("date,time,meal,food,amount\n2026-11-02,,lunch,\"Cheese, cheddar\",30 g\n2026-11-02,,lunch,cheddar,30 g\n"));

        var diet = import.Complete().OrThrow();

        Assert.Equal(["cheddar"], asked);
        Assert.All(diet.Resolved, r => Assert.Equal(1, r.Match!.FoodId));
        Assert.True(diet.Resolved[1].Match!.Confidence >= FoodLogResolver.ConfirmBelow);
    }

    [Theory]
    [InlineData("empty.csv", "", "size")]
    [InlineData("notes.csv", "title,body\nhello,world\n", "unreadable")]
    [InlineData("log.json", "{\"entries\": [{\"date\": \"someday\", \"food\": \"x\", \"amount\": \"1 g\"}]}", "invalid")]
    public void BadFiles_AreProblems_WithTheFileName(string name, string content, string code)
    {
        var import = new DietImport(Resolver);
        import.Add(name, Text(content));

        var problem = Assert.Single(import.Complete().Problems);

        Assert.Equal((name, code), (problem.Source, problem.Code));
    }

    [Fact]
    public void Zip_WithoutANutritionSummary_IsNotAMyFitnessPalExport()
    {
        using var zipped = new MemoryStream();
        using (var zip = new ZipArchive(zipped, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("Measurement-Summary.csv").Open());
            writer.Write("Date,Weight\n2026-11-02,70\n");
        }

        zipped.Position = 0;
        var import = new DietImport(Resolver);
        import.Add("export.zip", zipped);

        var problem = Assert.Single(import.Complete().Problems);
        Assert.Contains("not a MyFitnessPal export", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameFileTwice_IsAProblem_NotTwiceTheIntake()
    {
        var import = new DietImport(Resolver);
        import.Add("dailysummary.csv", Text(DailySummary));
        import.Add("copy of dailysummary.csv", Text(DailySummary));

        var problem = Assert.Single(import.Complete().Problems);

        Assert.Equal("copy of dailysummary.csv", problem.Source);
        Assert.Contains("same content as dailysummary.csv", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AZipRezippedOnMacOs_SkipsItsResourceForkEntries()
    {
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var writer = new StreamWriter(archive.CreateEntry("Nutrition-Summary-2026.csv").Open()))
            {
                writer.Write("Date,Meal,Calories,Sodium (mg)\n2026-11-02,Breakfast,300,400\n");
            }

            using var fork = archive.CreateEntry("__MACOSX/._Nutrition-Summary-2026.csv").Open();
            fork.Write([0, 5, 22, 7, 0, 2, 0, 0, 77, 97, 99, 32, 79, 83, 32, 88]); // AppleDouble: binary, with NULs
        }

        zip.Position = 0;
        var import = new DietImport(Resolver);
        import.Add("export.zip", zip);

        var diet = import.Complete().OrThrow();
        Assert.Equal(new DateOnly(2026, 11, 2), Assert.Single(diet.Items).Date);
    }

    [Fact]
    public void AZipHoldingTheSameEntryTwice_CountsItOnce_AndSaysSo()
    {
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entryName in new[] { "Nutrition-Summary-2026.csv", "copy/Nutrition-Summary-2026.csv" })
            {
                using var writer = new StreamWriter(archive.CreateEntry(entryName).Open());
                writer.Write("Date,Meal,Calories,Sodium (mg)\n2026-11-02,Breakfast,300,400\n");
            }
        }

        zip.Position = 0;
        var import = new DietImport(Resolver);
        import.Add("export.zip", zip);

        var result = import.Complete();
        var problem = Assert.Single(result.Problems);
        Assert.Equal("export.zip/copy/Nutrition-Summary-2026.csv", problem.Source);
        Assert.Equal("conflict", problem.Code);
    }

    [Fact]
    public void AUtf16FileWithoutAByteOrderMark_IsNamed_NotReadAsLettersAndNuls()
    {
        const string text = "Date,Energy (kcal),Iron (mg)\n2026-11-03,2100,14\n";
        var import = new DietImport(Resolver);
        import.Add("daily.csv", new MemoryStream(new UnicodeEncoding(bigEndian: false, byteOrderMark: false).GetBytes(text)));

        var problem = Assert.Single(import.Complete().Problems);

        Assert.Equal("daily.csv", problem.Source);
        Assert.Contains("UTF-16 without a byte order mark", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALatin1File_IsReadAsLatin1_AndSaysSo_WithNothingCountedTwice()
    {
        // The µ of "Vitamin D (µg)" in Latin-1 is not UTF-8; the day before it must not be counted twice on the re-read.
        const string text = "Date,Energy (kcal),Vitamin D (\u00b5g)\n2026-11-03,2100,5\n2026-11-04,2000,4\n";
        var import = new DietImport(Resolver);
        import.Add("daily.csv", new MemoryStream(Encoding.Latin1.GetBytes(text)));

        var diet = import.Complete().OrThrow();

        Assert.Equal([5.0, 4.0], diet.Items.Select(i => i.Nutrients["vitamin_d"]));
        Assert.Contains(diet.Notes, n => n.Message.StartsWith("is not UTF-8: read as Latin-1", StringComparison.Ordinal));
    }

    [Fact]
    public void ASemicolonFileWithDecimalCommas_IsRead_AndSaysHow()
    {
        var import = new DietImport(Resolver);
        import.Add("daily.csv", Text("Date;Energy (kcal);Iron (mg)\n2026-11-02;2100;14,5\n"));

        var diet = import.Complete().OrThrow();

        Assert.Equal(14.5, Assert.Single(diet.Items).Nutrients["iron"], 6);
        Assert.Contains(diet.Notes, n => n.Message.Contains("semicolons between fields and commas as the decimal mark", StringComparison.Ordinal));
    }

    [Fact]
    public void MyFitnessPal_ANoteAcrossLines_AndACalorieAdjustment_AreRecovered_WithNotes()
    {
        var import = new DietImport(Resolver);
        import.Add("mfp.csv", Text("Date,Meal,Calories,Sodium (mg),Note\n2026-11-02,Lunch,650,400,ate at\nthe cafe with friends\n2026-11-02,Exercise adjustment,-300,0,\n2026-11-03,Dinner,700,900,\n"));

        var diet = import.Complete().OrThrow();

        Assert.Equal([650.0, 700.0], diet.Items.Select(i => i.Nutrients["energy"]));
        Assert.Contains(diet.Notes, n => n.Code == "joined" && n.Message.StartsWith("lines 2-3", StringComparison.Ordinal));
        Assert.Equal(new DateOnly(2026, 11, 3), diet.Items.ElementAt(1).Date);
        Assert.Contains(diet.Notes, n => n.Code == "skipped" && n.Line == 4);
    }

    /// <summary>Tester h73: three entries of 189 MB each, every one under the 200 MB limit, came from a 1.9 MB zip, and
    /// the server stored millions of rows. The limit holds for what the zip expands to in all, before any line is read.</summary>
    [Fact]
    public void AZipExpandingBeyondTheLimitInAll_IsRefused_ThoughEachEntryIsUnderIt()
    {
        var block = string.Concat(Enumerable.Repeat("2026-11-02,Lunch,500,300\n", 1 << 16)); // 1.56 MB
        using var zipped = new MemoryStream();
        using (var zip = new ZipArchive(zipped, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < 3; i++)
            {
                using var writer = new StreamWriter(zip.CreateEntry($"Nutrition-Summary-{i}.csv", CompressionLevel.Fastest).Open());
                writer.Write("Date,Meal,Calories,Sodium (mg)\n");
                for (var b = 0; b < 44; b++)
                {
                    writer.Write(block); // 69 MB an entry, 206 MB in all
                }
            }
        }

        zipped.Position = 0;
        var import = new DietImport(Resolver);
        import.Add("bomb.zip", zipped);

        var problem = Assert.Single(import.Complete().Problems);
        Assert.Equal("bomb.zip", problem.Source);
        Assert.Equal("size", problem.Code);
        Assert.Contains("expands to 206 MB", problem.Message, StringComparison.Ordinal);
    }

    [Theory] // A zip that lies is refused, never read as data (issue 13).
    [InlineData("crc")]
    [InlineData("encrypted")]
    [InlineData("bzip2")]
    public void Zip_DamagedEncryptedOrUnreadable_IsAProblemNamingTheZipAndEntry(string damage)
    {
        using var zipped = new MemoryStream();
        using (var zip = new ZipArchive(zipped, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("Nutrition-Summary.csv", CompressionLevel.NoCompression).Open());
            writer.Write("Date,Meal,Calories,Sodium (mg)\n2026-11-02,Lunch,500,300\n");
        }

        var bytes = zipped.ToArray();
        var local = bytes.AsSpan().IndexOf("PK\u0003\u0004"u8);
        var central = bytes.AsSpan().IndexOf("PK\u0001\u0002"u8);
        switch (damage)
        {
            case "crc":
                bytes[bytes.AsSpan().IndexOf("500"u8)] = (byte)'9';
                break;
            case "encrypted":
                bytes[local + 6] |= 1;
                bytes[central + 8] |= 1;
                break;
            default:
                bytes[local + 8] = 12;
                bytes[central + 10] = 12;
                break;
        }

        var import = new DietImport(Resolver);
        import.Add("export.zip", new MemoryStream(bytes));

        var problem = Assert.Single(import.Complete().Problems);
        Assert.Equal(("export.zip", "unreadable"), (problem.Source, problem.Code));
        Assert.Contains("Nutrition-Summary.csv", problem.Message, StringComparison.Ordinal);
    }

    [Fact] // Each value in range, their day not (issue 13: 1e308 in a Cronometer column crashed the analysis).
    public void DailySummary_AValueBeyondAnyDiet_IsRefusedWithLineAndColumn()
    {
        var import = new DietImport(Resolver);
        import.Add("dailysummary.csv", Text("Date,Energy (kcal),Iron (mg)\n2026-11-02,2000,1e308\n"));

        var problem = Assert.Single(import.Complete().Problems);

        Assert.Equal(("dailysummary.csv", 2, "Iron (mg)"), (problem.Source, problem.Line, problem.Path));
    }

    /// <summary>A real export and a copy of it saved with Windows line ends: other bytes, the same days.</summary>
    [SkippableFact]
    public void AnExportAndItsCrLfCopy_AreRefused_NamingBothFilesAndTheFirstDay()
    {
        var servings = SharedFiles.Require("fixtures/exports/cronometer/dhjelmar-Diabetes__servings.csv");
        using var copy = new TempFile("servings (1).csv", File.ReadAllText(servings).ReplaceLineEndings("\r\n"));
        var import = new DietImport(Resolver);
        import.Add("servings.csv", () => File.OpenRead(servings));
        import.Add("servings (1).csv", () => File.OpenRead(copy.Path));

        var problem = Assert.Single(import.Complete().Problems);

        Assert.Equal(("servings (1).csv", "conflict"), (problem.Source, problem.Code));
        Assert.Contains("logs 7 day(s) that servings.csv logs too (first 2022-11-03)", problem.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void AMyFitnessPalZipAndTheCsvItHolds_AreRefused()
    {
        var csv = SharedFiles.Require("fixtures/exports/myfitnesspal/dawndrain-dii__myfitnesspal.csv");
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            archive.CreateEntryFromFile(csv, "Nutrition-Summary-2025-03-06.csv");
        }

        var import = new DietImport(Resolver);
        import.Add("File-Export.zip", new MemoryStream(zip.ToArray()));
        import.Add("Nutrition-Summary-2025-03-06.csv", () => File.OpenRead(csv));

        var problem = Assert.Single(import.Complete().Problems);

        Assert.Equal("Nutrition-Summary-2025-03-06.csv", problem.Source);
        Assert.Contains("logs 1 day(s) that File-Export.zip/Nutrition-Summary-2025-03-06.csv logs too (first 2025-03-06)", problem.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void TwoMyFitnessPalExportsWhoseDateRangesOverlap_AreRefusedAtTheFirstSharedDay()
    {
        // The real export cut in two, as two downloads of overlapping ranges would be: to 2024-07-10 and from 2024-07-08.
        var lines = File.ReadAllLines(SharedFiles.Require("fixtures/exports/myfitnesspal/marcus-furius-health-intel__Nutrition-Summary-2024-07-02-to-2026-03-02.csv"));
        using var early = new TempFile("early.csv", string.Join("\r\n", lines.Take(1).Concat(lines.Skip(1).Where(l => string.CompareOrdinal(l, "2024-07-11") < 0))) + "\r\n");
        using var late = new TempFile("late.csv", string.Join("\r\n", lines.Take(1).Concat(lines.Skip(1).Where(l => string.CompareOrdinal(l, "2024-07-08") >= 0))) + "\r\n");
        var import = new DietImport(Resolver);
        import.Add("early.csv", () => File.OpenRead(early.Path));
        import.Add("late.csv", () => File.OpenRead(late.Path));

        var problem = Assert.Single(import.Complete().Problems);

        Assert.Equal(("late.csv", 2), (problem.Source, problem.Line));
        Assert.Contains("logs 3 day(s) that early.csv logs too (first 2024-07-08)", problem.Message, StringComparison.Ordinal);
    }

    /// <summary>A Nutrition Summary holds one row per meal and date: the real exports' four meals a day are summed.</summary>
    [SkippableTheory]
    [InlineData("jpklatt-personal_nutrition__Nutrition-Summary.csv")]
    [InlineData("marcus-furius-health-intel__Nutrition-Summary-2024-07-02-to-2026-03-02.csv")]
    [InlineData("dawndrain-dii__myfitnesspal.csv")]
    public void MyFitnessPal_TheMealsOfADay_AreSummed_NotRefused(string file)
    {
        var path = SharedFiles.Require("fixtures/exports/myfitnesspal/" + file);
        var import = new DietImport(Resolver);
        import.Add(file, () => File.OpenRead(path));

        var diet = import.Complete().OrThrow();

        Assert.Contains(diet.Items.GroupBy(i => i.Date), d => d.Count() > 1);
    }

    [Theory]
    [InlineData("Date,Meal,Calories,Iron\n2026-11-02,Breakfast,300,10\n2026-11-02,Lunch,600,20\n2026-11-02,breakfast,300,10\n", 4, "Meal", "2026-11-02 has a second 'breakfast' row (the first is at line 2)")]
    [InlineData("Date,Energy (kcal),Iron (mg)\n2026-11-02,2100,14\n2026-11-03,2000,12\n2026-11-02,2100,14\n", 4, "Date", "2026-11-02 has a second daily total (the first is at line 2)")]
    [InlineData("Date,Energy (kcal),Iron (mg)\n05/11/2024,2100,14\n2024-11-05,2000,12\n13/11/2024,2000,12\n", 3, "Date", "2024-11-05 has a second daily total (the first is at line 2)")]
    public void TwoTotalsForOneDayInOneFile_AreRefused_WithLineAndField(string text, int line, string field, string message)
    {
        var import = new DietImport(Resolver);
        import.Add("export.csv", () => Text(text));

        var problem = Assert.Single(import.Complete().Problems);

        Assert.Equal(("export.csv", line, field, "conflict"), (problem.Source, problem.Line, problem.Path, problem.Code));
        Assert.StartsWith(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MyFitnessPal_RowsWithTimes_AreSingleEntries_AndMayShareAMeal()
    {
        var import = new DietImport(Resolver);
        import.Add("mfp.csv", () => Text("Date,Meal,Time,Calories,Iron\n2026-11-02,Snacks,10:00,100,5\n2026-11-02,Snacks,16:00,100,5\n"));

        Assert.Equal(2, import.Complete().OrThrow().Count);
    }

    [Fact]
    public void MyFitnessPal_MealNamesKeptADay_AreBounded_AndAMealGivenTwiceAmongThemIsFound()
    {
        // A file of made-up meal names cannot grow what is kept per row: the first LoggedDays.MealsKept are checked.
        var meals = Enumerable.Range(1, LoggedDays.MealsKept + 8).Select(i => $"2026-11-02,Meal {i},100,5\n");
        var import = new DietImport(Resolver);
        import.Add("mfp.csv", () => Text("Date,Meal,Calories,Iron\n" + string.Concat(meals) + "2026-11-02,meal 3,100,5\n"));

        var problem = Assert.Single(import.Complete().Problems);

        Assert.Equal(("mfp.csv", LoggedDays.MealsKept + 10, "Meal"), (problem.Source, problem.Line, problem.Path));
    }

    [Theory]
    [InlineData("copy.csv", "date,time,meal,food,amount\r\n2026-11-02,,lunch,cheddar,1 slice\r\n2026-11-03,,lunch,cheddar,30 g\r\n")]
    [InlineData("copy.json", "{\"entries\": [{\"date\": \"2026-11-03\", \"meal\": \"lunch\", \"food\": \"cheddar\", \"amount\": \"30 g\"}]}")]
    public void AFoodLogCopied_IsRefused_WhateverItsLineEndsOrFormat(string name, string copy)
    {
        var import = new DietImport(Resolver);
        import.Add("log.csv", () => Text("date,time,meal,food,amount\n2026-11-02,,lunch,cheddar,1 slice\n2026-11-03,,lunch,cheddar,30 g\n"));
        import.Add(name, () => Text(copy));

        var problem = Assert.Single(import.Complete().Problems);

        Assert.Equal((name, "conflict"), (problem.Source, problem.Code));
        Assert.Contains("with entries that log.csv logs too", problem.Message, StringComparison.Ordinal);
    }

    /// <summary>The attacker's (h83) food logs beside one that logs 30 g of cheddar at 07:00: each gives that entry again,
    /// written another way or beside other entries, and was summed because only a day logged alike, entry for entry, was
    /// refused.</summary>
    [Theory]
    [InlineData("2026-11-02,07:00,breakfast,Cheddar,30 g\n")]
    [InlineData("2026-11-02,07:00,Breakfast,cheese cheddar,1.058 oz\n")]
    [InlineData("2026-11-02,07:00,breakfast,cheddar,30 g\n2026-11-02,19:00,dinner,cheddar,40 g\n")]
    public void AFoodLogGivingAnEntryAgain_IsRefused_HoweverItIsWritten(string rows)
    {
        var import = new DietImport(Resolver);
        import.Add("log.csv", () => Text("date,time,meal,food,amount\n2026-11-02,07:00,breakfast,cheddar,30 g\n2026-11-02,12:00,lunch,cheddar,50 g\n"));
        import.Add("again.csv", () => Text("date,time,meal,food,amount\n" + rows));

        var problem = Assert.Single(import.Complete().Problems);

        Assert.Equal(("again.csv", "conflict"), (problem.Source, problem.Code));
        Assert.Contains("2026-11-02 with entries that log.csv logs too", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADaySplitAcrossFoodLogs_OrAFoodLogBesideAnExport_IsAdded()
    {
        // A person may keep meals and supplements in two logs, or add to an app's day in a food log: not copies.
        var import = new DietImport(Resolver);
        import.Add("meals.csv", () => Text("date,time,meal,food,amount\n2026-11-02,,lunch,cheddar,1 slice\n"));
        import.Add("evening.csv", () => Text("date,time,meal,food,amount\n2026-11-02,,dinner,cheddar,1 slice\n"));
        import.Add("servings.csv", () => Text(Servings));

        var diet = import.Complete().OrThrow();

        Assert.Equal(4, diet.Count);
    }

    private sealed class TempFile : IDisposable
    {
        public TempFile(string name, string text)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{Guid.NewGuid():N}-{name}");
            File.WriteAllText(Path, text);
        }

        public string Path { get; }

        public void Dispose() => File.Delete(Path);
    }
}

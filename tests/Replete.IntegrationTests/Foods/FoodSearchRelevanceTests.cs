using System.Globalization;
using Replete.Foods;
using Replete.IntegrationTests.Storage;
using Xunit.Abstractions;

namespace Replete.IntegrationTests.Foods;

/// <summary>The relevance test set (search_relevance.csv): what people type, and the SR28 foods a dietitian would
/// accept for it. A third of the rows (every third row, fixed before any result was looked at) is held out: ranking is
/// tuned on the "tune" rows only, and only the held-out totals are printed, never its misses. The top-1 and top-3 hit
/// rates of both sets may not fall below the floors, so a ranking change cannot quietly regress.</summary>
[Collection(Sr28Group.Name)]
public class FoodSearchRelevanceTests(Sr28Database sr28, ITestOutputHelper output)
{
    // Before the ranking fixes of issue 17: tune top-1 74.0 %, top-3 86.5 %; held-out 66.0 %, 82.0 %. After negation,
    // default-form and product-word roles: tune 76.0 %, 88.5 %; held-out 69.0 %, 84.0 %. After optional default-form
    // query words, food parts (flesh and skin), cooked as the default where food is eaten cooked and "Cereals
    // ready-to-eat" as a class: tune 83.0 %, 91.5 %; held-out 72.0 %, 86.0 %. After full matches first, the cross-group
    // cost, free words not parting adjacent ones, nuts' "dried", plain first segments as classes, glosses in
    // parentheses and four synonyms: tune 87.0 %, 95.0 %; held-out 77.0 %, 89.0 % (floors set just under). After brand
    // words matching only when the brand is typed and "with ..." additions costing as variants (benchmark, SR28 names):
    // tune 88.1 %, 96.0 %; held-out 77.0 %, 89.0 %. 2026-12-02: 150 new rows (100 tune, 50 held out; foods chosen from
    // SR28's list by a helper who never ran the search) took the set to 451: on it, before this stop's changes, tune
    // 82.4 %, 93.0 %; after compounds, community names and eight synonyms tune 84.4 %, 95.7 %, held-out 79.3 %, 90.7 %.
    // The floors sit just under the larger set's figures.
    private const double TuneTopOneFloor = 0.83;
    private const double TuneTopThreeFloor = 0.94;
    private const double HeldOutTopOneFloor = 0.76;
    private const double HeldOutTopThreeFloor = 0.88;

    /// <summary>One row: the query, the accepted food ids, and whether it is held out from tuning.</summary>
    public sealed record RelevanceQuery(string Query, int[] Expected, bool HeldOut);

    public static IReadOnlyList<RelevanceQuery> Cases { get; } = CsvFile
        .Read(Path.Combine(AppContext.BaseDirectory, "Foods", "search_relevance.csv"))
        .Select(row => new RelevanceQuery(
            row.Text("query"),
            row.Text("expected").Split('|').Select(id => int.Parse(id, CultureInfo.InvariantCulture)).ToArray(),
            row.Text("set") switch
            {
                "held_out" => true,
                "tune" => false,
                var other => throw new InvalidDataException($"search_relevance.csv: set '{other}' is neither tune nor held_out"),
            }))
        .ToArray();

    /// <summary>Top-1 and top-3 hit rates of <paramref name="search"/> (query, limit to ids best first) on the cases.</summary>
    public static (double TopOne, double TopThree, List<string> Misses) Measure(IEnumerable<RelevanceQuery> cases, Func<string, int, IReadOnlyList<(int Id, string Name)>> search)
    {
        var list = cases.ToList();
        var topOne = 0;
        var topThree = 0;
        var misses = new List<string>();
        foreach (var (query, expected, _) in list)
        {
            var results = search(query, 3);
            var rank = results.Select((r, i) => (r.Id, i)).FirstOrDefault(x => expected.Contains(x.Id), (Id: 0, i: -1)).i;
            topOne += rank == 0 ? 1 : 0;
            topThree += rank >= 0 ? 1 : 0;
            if (rank != 0)
            {
                misses.Add($"{query} -> {string.Join(" | ", results.Select(r => $"{r.Id} {r.Name}"))} (expected {string.Join("|", expected)})");
            }
        }

        return ((double)topOne / list.Count, (double)topThree / list.Count, misses);
    }

    [Fact]
    public void RelevanceSet_HasAtLeastTwoHundredFiftyQueries_AThirdHeldOut()
    {
        Assert.True(Cases.Count >= 250, $"{Cases.Count} queries");
        Assert.Equal(Cases.Count / 3, Cases.Count(c => c.HeldOut));
    }

    [SkippableFact]
    public void RelevanceSet_TopOneAndTopThreeHitRates_DoNotRegress()
    {
        IReadOnlyList<(int, string)> Search(string query, int limit) => [.. sr28.Index.Search(query, limit).Select(r => (r.FoodId, r.Description))];
        var tune = Measure(Cases.Where(c => !c.HeldOut), Search);
        var held = Measure(Cases.Where(c => c.HeldOut), Search);
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"tune     top-1 {tune.TopOne:P1}, top-3 {tune.TopThree:P1} ({Cases.Count(c => !c.HeldOut)} queries)\nheld-out top-1 {held.TopOne:P1}, top-3 {held.TopThree:P1} ({Cases.Count(c => c.HeldOut)} queries)");
        output.WriteLine(summary);
        // Only the tuning misses are shown: the held-out misses stay unseen so they cannot be tuned against.
        tune.Misses.ForEach(output.WriteLine);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "search-relevance.txt"), summary + "\n" + string.Join('\n', tune.Misses));
        Assert.True(tune.TopOne >= TuneTopOneFloor, $"tune top-1 {tune.TopOne:P1} fell below {TuneTopOneFloor:P0}:\n{string.Join('\n', tune.Misses)}");
        Assert.True(tune.TopThree >= TuneTopThreeFloor, $"tune top-3 {tune.TopThree:P1} fell below {TuneTopThreeFloor:P0}");
        Assert.True(held.TopOne >= HeldOutTopOneFloor, $"held-out top-1 {held.TopOne:P1} fell below {HeldOutTopOneFloor:P0}");
        Assert.True(held.TopThree >= HeldOutTopThreeFloor, $"held-out top-3 {held.TopThree:P1} fell below {HeldOutTopThreeFloor:P0}");
    }

    [SkippableTheory]
    [InlineData("banana", 9040)]
    [InlineData("BANANAS,RAW", 9040)]
    [InlineData("raw bananas", 9040)]
    [InlineData("bananna", 9040)]
    [InlineData("brocoli", 11090)]
    public void Search_IssueExamples_FindTheFoodFirst(string query, int expected)
    {
        var first = sr28.Index.Search(query, 1).Single();
        Assert.Equal(expected, first.FoodId);
    }

    /// <summary>Every example of issue 17 gives a food a dietitian accepts first (the ids of search_relevance.csv). Four of
    /// them (soy milk, sunflower seeds, bagel, pork loin) are also held-out rows; the issue named them before the set
    /// was split, so they are tests in their own right here.</summary>
    [SkippableTheory]
    [InlineData("soy milk", new[] { 16139, 16120 })]
    [InlineData("sunflower seeds", new[] { 12036 })]
    [InlineData("granola", new[] { 8037 })]
    [InlineData("baked potato", new[] { 11674 })]
    [InlineData("bagel", new[] { 18001, 18406, 18407, 18408 })]
    [InlineData("pork loin", new[] { 10020, 10024, 10023, 10027 })]
    [InlineData("bell pepper red raw", new[] { 11821 })]
    [InlineData("creme fraiche", new[] { 1056, 1053 })]
    [InlineData("crème fraîche", new[] { 1056, 1053 })]
    [InlineData("skim milk", new[] { 1085, 1151 })]
    public void Search_Issue17Examples_FindTheAcceptedFoodFirst(string query, int[] accepted)
    {
        var results = sr28.Index.Search(query, 5);
        Assert.True(accepted.Contains(results[0].FoodId), string.Join("; ", results.Select(r => $"{r.FoodId} {r.Description} {r.Confidence:P0}")));
    }

    /// <summary>The fresh tester's confident wrong matches: "milk" gave breast milk at 100 %, "cheese" blue cheese at
    /// 100 % and "coke" sponge cake. Now "milk" gives a cow's milk, and a first food that is not what the words settle
    /// is uncertain (listed for confirmation, <see cref="Replete.Diet.FoodLogResolver.Uncertain"/>): "cheese" ties every
    /// "Cheese, X", and "coke" is never read as "cake".</summary>
    [SkippableFact]
    public void Search_TesterExamples_AreRightOrAskedNeverConfidentlyWrong()
    {
        var milk = sr28.Index.Search("milk", 4);
        Assert.Contains(milk[0].FoodId, new[] { 1077, 1211, 1079, 1174, 1082, 1175 });
        Assert.DoesNotContain(milk, m => m.FoodId == 1107);

        var cheese = sr28.Index.Search("cheese", 4);
        Assert.True(cheese[0].Tied && cheese[1].Tied, string.Join("; ", cheese.Select(r => $"{r.Description} {r.Score}")));
        Assert.True(Replete.Diet.FoodLogResolver.Uncertain(cheese[0]));

        foreach (var query in new[] { "coke", "diet coke" })
        {
            var found = sr28.Index.Search(query, 4);
            Assert.All(found, r => Assert.DoesNotContain("Cake", r.Description, StringComparison.Ordinal));
            Assert.True(Replete.Diet.FoodLogResolver.Uncertain(found[0]) || found[0].Description.Contains("cola", StringComparison.OrdinalIgnoreCase), found[0].Description);
        }

        // A first food that the name settles is not called a tie.
        Assert.False(sr28.Index.Search("banana", 4)[0].Tied);
    }

    /// <summary>A second tester's everyday words (h71): "water" gave watermelon, because "water" is a form word in
    /// "canned in water" and so counted for nothing in "Beverages, water, tap, drinking" and "Water, bottled, generic";
    /// a head of form words only now names the food. A synonym is found with its words swapped or one mistyped
    /// ("fraiche creme", "creme fraihe": before, creme de menthe first; "bell peppr": before, no SR28 pepper), and
    /// "unsalted" is "without salt" (before, "butter unsalted" gave unsalted pretzels).</summary>
    [SkippableTheory]
    [InlineData("water", new[] { 14411, 14429, 14412, 14555 })]
    [InlineData("bottled water", new[] { 14555 })]
    [InlineData("tuna in water", new[] { 15121, 15184, 15126, 15186 })]
    [InlineData("fraiche creme", new[] { 1056, 1053 })]
    [InlineData("creme fraihe", new[] { 1056, 1053 })]
    [InlineData("crème fraîce", new[] { 1056, 1053 })]
    [InlineData("bell peppr red raw", new[] { 11821 })]
    [InlineData("raw red pepper bell", new[] { 11821 })]
    [InlineData("butter unsalted", new[] { 1145 })]
    [InlineData("unsalted butter", new[] { 1145 })]
    [InlineData("pretzels unsalted", new[] { 25024, 19814 })]
    [InlineData("Butter Salted", new[] { 1001 })]
    public void Search_EverydayWordsAndVariations_FindTheAcceptedFoodFirst(string query, int[] accepted)
    {
        var results = sr28.Index.Search(query, 5);
        Assert.True(accepted.Contains(results[0].FoodId), string.Join("; ", results.Select(r => $"{r.FoodId} {r.Description} {r.Score}")));
        Assert.DoesNotContain(results, r => r.FoodId is 9326 or 14034); // watermelon, creme de menthe
    }

    /// <summary>Words a food log uses and SR28 does not (2026-12-02), each failing before: "pinenuts" is "pine nuts"
    /// run together (before: pili nuts, a one-letter typo); "yuca" is cassava (before: yucca chips); "Nutella" is the
    /// chocolate hazelnut spread (before: nothing); string cheese is part-skim mozzarella (before: spring onions, read as
    /// a typo); a corn tortilla is the everyday one, not the Hopi preparation of SR28's American Indian/Alaska
    /// Native foods.</summary>
    [SkippableTheory]
    [InlineData("pinenuts", new[] { 12147, 12149 })]
    [InlineData("yuca", new[] { 11134 })]
    [InlineData("Nutella", new[] { 19125 })]
    [InlineData("string cheese", new[] { 1028, 1029 })]
    [InlineData("corn tortilla", new[] { 18363, 18449 })]
    public void Search_CompoundsEverydayNamesAndCommunityFoods_FindTheEverydayFood(string query, int[] accepted)
    {
        var results = sr28.Index.Search(query, 5);
        Assert.True(accepted.Contains(results[0].FoodId), string.Join("; ", results.Select(r => $"{r.FoodId} {r.Description} {r.Score}")));
    }

    /// <summary>The new user's words (h75): SR28 has no oat milk, and "oat milk" gave whole cow's milk at 61 %, counted
    /// for a vegan. A food lacking a query word that is itself a food's name ("oat" of "Oats") is another food: below
    /// the count floor, so the line is listed, never counted. An adjective that only starts a name ("Yellow rice")
    /// names no food, so "onions yellow raw" is counted as before. "fries" gives french fries or french-fried potatoes
    /// (not frybread, nor tortillas "ready-to-bake or -fry", which had come first once one chain's fries cost a variant
    /// word), and Cronometer's "Raspberries Fresh Red" the raw berries, not the frozen ones.</summary>
    [SkippableTheory]
    [InlineData("oat milk", true)]
    [InlineData("rice milk", false)]
    [InlineData("almond milk", false)]
    [InlineData("onions yellow raw", false)]
    public void Search_AFoodLackingAWordThatNamesAnotherFood_IsNotCounted(string query, bool notCounted)
    {
        var first = sr28.Index.Search(query, 3)[0];
        Assert.Equal(notCounted, Replete.Diet.FoodLogResolver.NotAFood(query, first));
    }

    /// <summary>The attacker's (h83) and new user's (h82) lines: "zq22xv food 22" matched "Fast foods, hotdog" on the one
    /// word "food" at 47 % and was counted; a query word no indexed word answers now counts in the confidence as a typical
    /// word of the query, so two unknown words of three leave it below the count floor. A known brand-like word beside a
    /// food ("kirkland almond milk") still counts, listed for confirmation.</summary>
    [SkippableTheory]
    [InlineData("zq22xv food 22", true)]
    [InlineData("kirkland almond milk", false)]
    public void Search_WordsTheFoodsDoNotKnow_LowerTheConfidence(string query, bool notCounted)
    {
        var first = sr28.Index.Search(query, 3)[0];
        Assert.Equal(notCounted, Replete.Diet.FoodLogResolver.NotAFood(query, first));
        Assert.True(Replete.Diet.FoodLogResolver.Uncertain(first), $"{first.Description} at {first.Confidence}");
    }

    /// <summary>"organic almond milk" gave "CAMPBELL'S, Organic Tomato juice" (the rare word "organic" outweighed almond
    /// and milk); organic is now a plain word. "2% milk" gave evaporated milk at 100 %, counted silently at about twice
    /// the nutrients of fluid milk; "evaporated" is now a variant, so the fluid milk ties with it and the line is listed
    /// to confirm.</summary>
    [SkippableFact]
    public void Search_OrganicAndEvaporated_DoNotTakeTheEverydayFoodsPlace()
    {
        Assert.Contains("almond milk", sr28.Index.Search("organic almond milk", 3)[0].Description, StringComparison.Ordinal);
        var milk = sr28.Index.Search("2% milk", 5);
        Assert.Contains(milk.Take(2), r => r.Description.StartsWith("Milk, reduced fat, fluid, 2% milkfat", StringComparison.Ordinal));
        Assert.True(milk[0].Description.Contains("fluid", StringComparison.Ordinal) || Replete.Diet.FoodLogResolver.Uncertain(milk[0]), milk[0].Description);
    }

    [SkippableTheory]
    [InlineData("fries", "french fr")]
    [InlineData("Raspberries Fresh Red", "Raspberries, raw")]
    public void Search_WholeWordsAndFresh_FindTheEverydayFood(string query, string expected)
    {
        var found = sr28.Index.Search(query, 3);
        Assert.Contains(expected, found[0].Description, StringComparison.Ordinal);
        Assert.DoesNotContain(found, r => r.Description.StartsWith("Frybread", StringComparison.Ordinal));
    }

    /// <summary>"coke" (the synonym "cola") gives a cola, not the rows of the COCA-COLA company (a lemonade ranked
    /// 0.703 above plain cola's 0.674, through the "cola" of the brand): a brand word counts only when the brand is typed.</summary>
    [SkippableFact]
    public void Search_Coke_GivesACola_NotTheCocaColaCompanysOtherDrinks()
    {
        var found = sr28.Index.Search("coke", 5);
        Assert.Contains("cola", found[0].Description, StringComparison.Ordinal);
        Assert.DoesNotContain(found, r => r.Description.Contains("COCA-COLA", StringComparison.Ordinal));
        Assert.Contains(sr28.Index.Search("coca cola", 3), r => r.Description.Contains("COCA-COLA", StringComparison.Ordinal));
    }

    /// <summary>"creme fraiche" never lands on the liqueur that shares "creme": creme de menthe (14034, Beverages) comes
    /// after every dairy food the query's synonym finds, below the confirmation threshold, however long the list.</summary>
    [SkippableFact]
    public void Search_CremeFraiche_PutsTheLiqueurBehindTheDairyFoods_BelowConfirmation()
    {
        var results = sr28.Index.Search("creme fraiche", 10).ToList();
        var menthe = results.FindIndex(r => r.FoodId == 14034);
        Assert.True(results[0].FoodId is 1053 or 1056, results[0].Description);
        if (menthe >= 0)
        {
            Assert.True(results[menthe].Confidence < Replete.Diet.FoodLogResolver.ConfirmBelow, $"{results[menthe].Confidence}");
            Assert.All(results.Take(menthe), r => Assert.InRange(r.FoodId, 1001, 1999)); // SR28 group 01, Dairy and Egg Products
        }
    }

    /// <summary>Results are in the order their match percentages say: down every list, for every query of the relevance
    /// set, the shown confidence never rises.</summary>
    [SkippableFact]
    public void Search_EveryResultList_ShowsMatchPercentagesThatNeverRise()
    {
        foreach (var query in Cases.Select(c => c.Query).Append("creme fraiche").Append("chicken"))
        {
            var longest = sr28.Index.Search(query, 20);
            for (var i = 1; i < longest.Count; i++)
            {
                Assert.True(longest[i].Confidence <= longest[i - 1].Confidence, $"'{query}': {longest[i - 1].Description} {longest[i - 1].Confidence} then {longest[i].Description} {longest[i].Confidence}");
            }
        }
    }

    [SkippableFact]
    public void Search_Banana_RanksRawBananasBeforeBananaChips()
    {
        var results = sr28.Index.Search("banana", 20).Select(r => r.FoodId).ToList();
        Assert.True(results.IndexOf(9040) < results.IndexOf(19400), string.Join(", ", results));
    }
}

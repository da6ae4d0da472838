using Replete.Foods;

namespace Replete.Tests.Foods;

public class FoodSearchIndexTests
{
    private static readonly FoodSearchIndex Index = FoodSearchIndex.Build(
    [
        new(1, "Bananas, raw", null, 1),
        new(2, "Snacks, banana chips", null, 1),
        new(3, "Bananas, dehydrated, or banana powder", null, 1),
        new(4, "Broccoli, raw", null, 1),
        new(5, "Orange juice, raw", null, 1),
        new(6, "Chicken, broilers or fryers, breast, meat only, cooked, roasted", null, 1),
        new(7, "Chicken, broiler or fryers, breast, skinless, boneless, meat only, cooked, grilled", null, 1),
        new(8, "Spices, coriander leaf, dried", "Chinese parsley, cilantro", 1),
    ]);

    [Theory]
    [InlineData("banana", 1)]
    [InlineData("Bananas", 1)]
    [InlineData("BANANAS,RAW", 1)]
    [InlineData("raw banana", 1)]
    [InlineData("bananna", 1)]
    [InlineData("banan", 1)]
    [InlineData("brocoli", 4)]
    [InlineData("brocolli", 4)]
    [InlineData("oj", 5)]
    [InlineData("chicken breast grilled", 7)]
    [InlineData("grilled chicken breast", 7)]
    [InlineData("cilantro", 8)]
    public void Search_WhatAPersonTypes_FindsWhatTheyMeanFirst(string query, int expected) =>
        Assert.Equal(expected, Index.Search(query, 3)[0].FoodId);

    [Fact]
    public void Search_Banana_PutsRawBeforeChipsAndPowder()
    {
        var ids = Index.Search("banana").Select(m => m.FoodId).ToList();
        Assert.Equal(1, ids[0]);
        Assert.Equal(3, ids.Count(id => id is 1 or 2 or 3));
    }

    [Fact]
    public void Search_ExactMatch_IsConfident_TypoAndExtraWordsAreLess()
    {
        Assert.Equal(1, Index.Search("bananas raw")[0].Confidence);
        Assert.True(Index.Search("bananna")[0].Confidence < 1);
        var chips = Index.Search("banana").Single(m => m.FoodId == 2);
        Assert.True(chips.Confidence < 0.9, $"{chips.Confidence}");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ,, ")]
    [InlineData("xylophone")]
    public void Search_NothingToMatch_ReturnsEmpty(string query) => Assert.Empty(Index.Search(query));

    [Fact]
    public void Search_Limit_IsRespected() => Assert.Single(Index.Search("raw", 1));

    [Fact]
    public void Search_IsTheSameFromManyThreads()
    {
        var expected = Index.Search("chicken breast").Select(m => m.FoodId).ToArray();
        Parallel.For(0, 200, _ => Assert.Equal(expected, Index.Search("chicken breast").Select(m => m.FoodId).ToArray()));
    }

    /// <summary>A word of a brand written in capitals ("COLA" in "COCA-COLA") is not a food word: "cola" asks for a cola,
    /// not for the company's lemonade, whose "cola" used to tie with the drink's. Typing the brand still finds it.</summary>
    [Fact]
    public void Search_ABrandWord_MatchesOnlyWhenThePersonTypedTheBrand()
    {
        var index = FoodSearchIndex.Build(
        [
            new(1, "Beverages, The COCA-COLA company, Minute Maid, Lemonade", null, 1, "Beverages"),
            new(2, "Beverages, carbonated, cola, regular", null, 0.5, "Beverages"),
            new(3, "Cereals ready-to-eat, KELLOGG, KELLOGG'S CORN FLAKES", null, 1, "Breakfast Cereals"),
            new(4, "Corn, sweet, yellow, raw", null, 0.5, "Vegetables and Vegetable Products"),
            new(5, "Beverages, carbonated, SPRITE, lemon-lime, without caffeine", null, 1, "Beverages", "The Coca-Cola Company"),
            new(6, "Almonds", null, 0.5, "Nut and Seed Products", "KIRKLAND SIGNATURE"),
            new(7, "Nuts, almonds", null, 1, "Nut and Seed Products"),
        ]);

        // Neither the capitals of a name nor a Branded food's brand make "cola" a cola.
        Assert.Equal([2], index.Search("cola", 3).Select(m => m.FoodId));
        Assert.Equal([2], index.Search("coke", 3).Select(m => m.FoodId));
        Assert.Equal(1, index.Search("coca cola", 3)[0].FoodId);
        Assert.Equal(4, index.Search("corn", 3)[0].FoodId);
        Assert.Equal(3, index.Search("corn flakes", 3)[0].FoodId);
        Assert.Equal(5, index.Search("sprite", 3)[0].FoodId);
        // A word found only in brands names the brand on its own.
        Assert.Equal(6, index.Search("kirkland almonds", 3)[0].FoodId);
        Assert.Equal(7, index.Search("almonds", 3)[0].FoodId);
    }

    /// <summary>A segment that starts with "with" names what was added to the food: "cottage cheese" gives the plain
    /// creamed cottage cheese before the one with vegetables, though its name has more words.</summary>
    [Fact]
    public void Search_WhatANameSaysWasAdded_ComesAfterThePlainFood()
    {
        var index = FoodSearchIndex.Build(
        [
            new(1, "Cheese, cottage, with vegetables", null, 1),
            new(2, "Cheese, cottage, creamed, large or small curd", null, 0.5),
            new(3, "Milk, whole, 3.25% milkfat, with added vitamin D", null, 0.5),
            new(4, "Milk, whole, with cinnamon", null, 1),
        ]);

        Assert.Equal(2, index.Search("cottage cheese", 3)[0].FoodId);
        Assert.Equal(1, index.Search("cottage cheese with vegetables", 3)[0].FoodId);
        // "with added vitamin D" is the everyday milk, not an addition.
        Assert.Equal(3, index.Search("whole milk", 3)[0].FoodId);
    }

    /// <summary>SR28's Survey flag (Food.InSurvey) orders only foods whose scores are equal: the Survey food first, the
    /// others (an SR28 food outside the survey, a food of a source without the flag) in food order as before.</summary>
    [Fact]
    public void Search_AnExactTie_PutsTheSurveyFoodFirst_AndLeavesOtherFoodsInTheirOrder()
    {
        // Same words, costs and completeness: without the flag the shorter names come first, kidney last.
        FoodSearchEntry[] foods =
        [
            new(1, "Beans, pinto, raw", null, 0.5),
            new(2, "Beans, kidney, raw", null, 0.5) { InSurvey = true },
            new(3, "Beans, navy, raw", null, 0.5),
            new(4, "Beans, black, raw", null, 0.5),
        ];
        var index = FoodSearchIndex.Build(foods);

        var found = index.Search("beans raw", 4);

        Assert.Equal(found[0].Score, found[3].Score);
        Assert.Equal([2, 3, 1, 4], found.Select(m => m.FoodId));
        Assert.Equal([3, 1, 4, 2], FoodSearchIndex.Build(foods.Select(f => f with { InSurvey = false })).Search("beans raw", 4).Select(m => m.FoodId));
        Assert.Equal(2, index.Search("beans raw", 1)[0].FoodId);
        using var saved = new MemoryStream();
        index.Save(saved);
        saved.Position = 0;
        Assert.Equal(found, FoodSearchIndex.Load(saved).Search("beans raw", 4));
    }

    [Fact]
    public void Search_TheSurveyFlag_NeverOverrulesAHigherScore()
    {
        // The fuller record scores 0.02 higher (the completeness bonus): the flag does not reach across it.
        var index = FoodSearchIndex.Build(
        [
            new(1, "Beans, pinto, raw", null, 1),
            new(2, "Beans, kidney, raw", null, 0) { InSurvey = true },
        ]);

        Assert.Equal([1, 2], index.Search("beans raw", 2).Select(m => m.FoodId));
    }

    /// <summary>A maker's product USDA's survey foods do not use (a brand and no Survey flag) costs one more variant word:
    /// "salsa" gives the everyday salsa before one maker's salsa verde, although the maker's name has fewer words the
    /// person did not type; naming the maker still finds it first; a maker's product the survey uses is not
    /// charged, so of one maker's corn flakes the surveyed cereal comes before its crumbs.</summary>
    [Fact]
    public void Search_AMakersProductOutsideTheSurvey_CostsAVariant_UnlessThePersonNamesIt()
    {
        FoodSearchEntry[] foods =
        [
            new(1, "PACE, Salsa Verde", null, 0.5, "Soups, Sauces, and Gravies", "Campbell Soup Co."),
            new(2, "Sauce, salsa, ready-to-serve", null, 0.5, "Soups, Sauces, and Gravies") { InSurvey = true },
            new(3, "KELLOGG'S, Corn Flakes Crumbs", null, 0.5, "Baked Products", "Kellogg, Co."),
            new(4, "Cereals ready-to-eat, KELLOGG, KELLOGG'S Corn Flakes", null, 0.5, "Breakfast Cereals", "Kellogg, Co.") { InSurvey = true },
        ];
        var index = FoodSearchIndex.Build(foods);

        Assert.Equal(2, index.Search("salsa", 2)[0].FoodId);
        Assert.Equal(1, index.Search("pace salsa", 2)[0].FoodId);
        Assert.Equal(4, index.Search("Kellogg's Corn Flakes", 2)[0].FoodId);
        // The same name without a maker is not charged: the difference is the variant word's cost, in both figures.
        var charged = index.Search("salsa", 2).Single(m => m.FoodId == 1);
        var plain = FoodSearchIndex.Build(foods.Select(f => f.FoodId == 1 ? f with { Brand = null } : f)).Search("salsa", 2).Single(m => m.FoodId == 1);
        Assert.Equal(plain.Score - FoodNameScorer.VariantWordCost, charged.Score, 3);
        Assert.Equal(plain.Confidence - FoodNameScorer.VariantWordCost, charged.Confidence, 3);
    }

    /// <summary>"fresh" rules out a frozen, canned or dried form (data/food_search_opposites.csv): Cronometer's
    /// "Raspberries Fresh Red" gives the raw berries, although only the frozen ones say "red"; without "fresh" the
    /// frozen red ones still come first, so it is the contradiction, not the words, that decides.</summary>
    [Fact]
    public void Search_Fresh_RulesOutFrozenCannedAndDriedForms()
    {
        var index = FoodSearchIndex.Build(
        [
            new(1, "Raspberries, frozen, red, sweetened", null, 1),
            new(2, "Raspberries, canned, red, heavy syrup pack, solids and liquids", null, 1),
            new(3, "Raspberries, raw", null, 1),
        ]);

        var fresh = index.Search("Raspberries Fresh Red", 3);
        Assert.Equal(3, fresh[0].FoodId);
        Assert.Equal(1, index.Search("raspberries red", 3)[0].FoodId);
        Assert.Equal(1, index.Search("raspberries frozen red", 3)[0].FoodId);
        // The frozen food is less sure for "fresh" than for the same words without it.
        Assert.True(fresh.Single(m => m.FoodId == 1).Confidence < index.Search("raspberries red", 3).Single(m => m.FoodId == 1).Confidence);
        Assert.Equal(fresh, index.SearchEveryFood("Raspberries Fresh Red", 3));
    }

    /// <summary>A whole food word the person typed completes to a longer word only at a lower quality: "fries" gives
    /// french fries before frybread, "egg" an egg before eggplant; a word still being typed ("banan") completes as
    /// before, and so does a word found only in brands.</summary>
    [Fact]
    public void Search_AWholeWord_IsNotReadAsTheStartOfAnotherFood()
    {
        var index = FoodSearchIndex.Build(
        [
            new(1, "Frybread, made with lard (Navajo)", null, 1),
            new(2, "Potatoes, french fries, baked", null, 1),
            new(3, "Eggplant, raw", null, 1),
            new(4, "Omelet, egg, plain", null, 1),
            new(5, "Bananas, raw", null, 1),
        ]);

        Assert.Equal(2, index.Search("fries", 2)[0].FoodId);
        Assert.Equal(4, index.Search("egg", 2)[0].FoodId);
        Assert.Equal(5, index.Search("banan", 2)[0].FoodId);
    }

    /// <summary>"zero" and "diet" are variant forms (data/food_search_words.csv), like "lite" and "sugar-free": the
    /// regular drink comes first unless the person names the diet one.</summary>
    [Fact]
    public void Search_ZeroAndDiet_AreVariantsUnlessTyped()
    {
        var index = FoodSearchIndex.Build(
        [
            new(1, "Beverages, tea, green, ready-to-drink, diet", null, 1),
            new(2, "Beverages, tea, green, ready-to-drink, lemon", null, 1),
        ]);

        // Before, "diet" cost as any other extra word and the tie went to the lower food number.
        Assert.Equal(2, index.Search("green tea ready to drink", 2)[0].FoodId);
        Assert.Equal(1, index.Search("diet green tea", 2)[0].FoodId);
    }

    /// <summary>A food that lacks a query word which is itself a food's whole name ("oat": "Oats") is another food:
    /// "oat milk" is not cow's milk, so its confidence stays below the count floor. A word that only starts a longer
    /// name ("Yellow rice with seasoning") names no food.</summary>
    [Fact]
    public void Search_AFoodLackingAWordThatNamesAFood_IsBelowTheCountFloor()
    {
        var index = FoodSearchIndex.Build(
        [
            new(1, "Oats", null, 1),
            new(2, "Milk, whole, 3.25% milkfat, with added vitamin D", null, 1),
            new(3, "Yellow rice with seasoning, dry packet mix, unprepared", null, 1),
            new(4, "Onions, raw", null, 1),
        ]);

        var oatMilk = index.Search("oat milk", 2);
        Assert.All(oatMilk, m => Assert.True(m.Confidence < Replete.Diet.FoodLogResolver.CountFloor, $"{m.Description} {m.Confidence}"));
        Assert.True(index.Search("milk", 1)[0].Confidence >= Replete.Diet.FoodLogResolver.ConfirmBelow);
        var onions = index.Search("onions yellow raw", 1)[0];
        Assert.Equal(4, onions.FoodId);
        Assert.True(onions.Confidence >= Replete.Diet.FoodLogResolver.CountFloor, $"{onions.Confidence}");
        Assert.Equal(oatMilk, index.SearchEveryFood("oat milk", 2));
    }

    /// <summary>"butter" is a product made from the food only where it names the food ("sunflower seed butter");
    /// after the food's own name it is what the food is made with, and "Croissants, butter" is the plain croissant.</summary>
    [Fact]
    public void Search_Butter_IsAVariantOnlyWhereItNamesTheFood()
    {
        var index = FoodSearchIndex.Build(
        [
            new(1, "Croissants, butter", null, 1),
            new(2, "Croissants, cheese", null, 1),
            new(3, "Seeds, sunflower seed butter, without salt", null, 1, "Nut and Seed Products"),
            new(4, "Seeds, sunflower seed kernels, dried", null, 1, "Nut and Seed Products"),
        ]);

        Assert.Equal(1, index.Search("croissant", 2)[0].FoodId);
        Assert.Equal(4, index.Search("sunflower seeds", 2)[0].FoodId);
    }
}

namespace Replete.Foods;

/// <summary>The ranking model of the food search, apart from the index: how well one food name, as tokens with their
/// roles, answers one resolved query. Pure: the same tokens and query always give the same score, whatever index or
/// pruning found the food (<see cref="FoodSearchIndex"/> proves its pruned search equals scoring every food with this).</summary>
/// <remarks>The weights are Replete's design, tuned on the relevance set (tests/Replete.IntegrationTests/Foods): a query
/// word found in the name's first comma segment earns <see cref="HeadBonus"/>, as its first word
/// <see cref="FirstWordBonus"/>; every name word the person did not type costs <see cref="HeadExtraWordCost"/> in the
/// first segment, <see cref="OtherExtraWordCost"/> after it, <see cref="VariantWordCost"/> for a processed or unusual
/// form (data/food_search_words.csv); a query word with no match costs <see cref="MissingWordCost"/>.</remarks>
internal static class FoodNameScorer
{
    public const double HeadBonus = 0.25;
    public const double FirstWordBonus = 0.3;
    public const double HeadExtraWordCost = 0.12;
    public const double OtherExtraWordCost = 0.03;
    public const double VariantWordCost = 0.15;
    public const double AdjacentBonus = 0.05;
    public const double CompletenessBonus = 0.02;
    public const double MissingWordCost = 0.5;

    /// <summary>Earned once by a name that calls itself the default form of its food ("plain", "raw": role "default" in
    /// data/food_search_words.csv), so that when the person names no form, "Bagels, plain" comes before "Bagels, wheat"
    /// and "Tomatoes, red, ripe, raw" before the cooked ones. Smaller than one extra head word, so a name that says
    /// more than was asked still loses.</summary>
    public const double DefaultFormBonus = 0.04;

    /// <summary>What a name word costs when a query word rules it out (data/food_search_opposites.csv: "frozen" for
    /// "fresh"), in place of its usual charge: twice a variant word, so "Raspberries, frozen, red, sweetened" falls below
    /// "Raspberries, raw" for "raspberries fresh red".</summary>
    public const double ContradictedWordCost = 2 * VariantWordCost;

    /// <summary>The query slot of a term a query word rules out: no slot, and charged <see cref="ContradictedWordCost"/>.</summary>
    public const int Contradicted = -2;

    /// <summary>The most confidence a name earns when it lacks a query word that is itself the name of another food: "Milk, whole" for "oat milk" (SR28 has no oat milk) is cow's milk, not what was meant. Below
    /// <see cref="Diet.FoodLogResolver.CountFloor"/>, so a food log line matched this way is listed, never counted.</summary>
    public const double OtherFoodConfidence = 0.3;

    /// <summary>A word in another name of the food (its common names) matches at this fraction.</summary>
    public const double OtherNameQuality = 0.9;

    /// <summary>Token role: in the segment that holds the food's own name.</summary>
    public const byte Head = 1;

    /// <summary>Token role: from another name of the food (common names), not its description.</summary>
    public const byte OtherName = 2;

    /// <summary>Token role: a stop word, never charged.</summary>
    public const byte Stop = 4;

    /// <summary>Token role: a processed or unusual form ("dried", "powder").</summary>
    public const byte Variant = 8;

    /// <summary>Token role: the name's first word.</summary>
    public const byte First = 16;

    /// <summary>Token role: a word saying the food is in its default form ("plain", "raw").</summary>
    public const byte DefaultForm = 32;

    /// <summary>Token role: a word of a brand or trade name, written in capitals in a mixed-case name ("COCA" and "COLA"
    /// in "Beverages, The COCA-COLA company, Minute Maid, Lemonade"). Such words match only when the person typed the
    /// brand (see <see cref="BrandStart"/>): "cola" alone asks for a cola, not for the company's lemonade.</summary>
    public const byte Brand = 64;

    /// <summary>Token role: the first word of a run of brand words (consecutive <see cref="Brand"/> words of one comma
    /// segment, or a Branded food's brand). The person typed the brand when the query matches every costed word of the
    /// run, two of them ("corn flakes" for "KELLOGG'S CORN FLAKES"), or a word found only in brands ("kirkland");
    /// otherwise the run's words count as words the person did not type.</summary>
    public const byte BrandStart = 128;

    /// <summary>Scores one food.</summary>
    /// <param name="terms">The term id of each of the food's tokens, in name order.</param>
    /// <param name="flags">The role flags of each token.</param>
    /// <param name="termSlot">For each term id, the query slot it answers, or -1.</param>
    /// <param name="termQuality">For each term id in a slot, how well it matches the query word (1 exact, less for a
    /// prefix or typo).</param>
    /// <param name="slotWeights">Each query slot's weight (its inverse document frequency).</param>
    /// <param name="slotOptional">For each query slot, whether its word only names the default form ("fresh", "raw",
    /// "plain": role plain or default in data/food_search_words.csv). A name need not say it: "Blackberries, raw" fully
    /// answers "blackberries fresh", so such a word costs nothing when missing and is not required.</param>
    /// <param name="slotNamesFood">For each query slot, whether its word is the whole own name of some food ("oat" of
    /// "Oats", "rice" of "Rice, white"). A name without such a word is another food: its confidence is at most
    /// <see cref="OtherFoodConfidence"/>.</param>
    /// <param name="totalWeight">The sum of <paramref name="slotWeights"/>.</param>
    /// <param name="unknownWeight">Weight the confidence asks for beyond <paramref name="totalWeight"/>: for each query
    /// word no indexed word answers, the mean weight of the words that are answered, less its own (Replete's choice: an
    /// unknown word counts as a typical word of the query, so two unknown words of three leave a food matched on the
    /// third below the count floor). The score does not use it: every food misses such a word alike.</param>
    /// <param name="completeness">The share of tracked nutrients the food reports (0-1): fuller records win ties.</param>
    /// <param name="brandOnly">For each term id, 1 when the term is found only in brand words (<see cref="Brand"/>).</param>
    /// <param name="makersProduct">Whether the food is one maker's product that USDA's survey foods do not use: it has a
    /// manufacturer or brand (SR28 FOOD_DES ManufacName, a FoodData Central Branded food's brand owner) and is not an
    /// SR28 Survey food (FOOD_DES field Survey: used in FNDDS, the database that codes the foods NHANES participants
    /// report eating; SR28 documentation, sr28_doc.pdf, 2015, the Food Description File). It costs as one more variant word, in score and confidence:
    /// "cheeseburger" or "salsa" means the everyday food, not McDONALD'S or PACE's, and of one maker's foods the
    /// surveyed one comes first (KELLOGG'S Corn Flakes before its crumbs). The survey flag is the one measure of how commonly a food is eaten
    /// that SR28 carries; the charge is the variant word's cost, not a figure tuned for this.</param>
    /// <returns>The score, the confidence that the food is what was meant (0-1), how many query words matched, and how
    /// many words that are not optional did not.</returns>
    public static (double Score, double Confidence, int Matched, int Missed) Score(
        ReadOnlySpan<int> terms, ReadOnlySpan<byte> flags, ReadOnlySpan<int> termSlot, ReadOnlySpan<double> termQuality,
        ReadOnlySpan<double> slotWeights, ReadOnlySpan<bool> slotOptional, ReadOnlySpan<bool> slotNamesFood, double totalWeight, double unknownWeight, double completeness, ReadOnlySpan<byte> brandOnly, bool makersProduct = false)
    {
        var slots = slotWeights.Length;
        Span<double> best = stackalloc double[slots];
        Span<int> position = stackalloc int[slots];
        Span<double> plain = stackalloc double[slots];
        best.Clear();
        plain.Clear();
        position.Fill(-1);
        var headExtra = 0;
        var otherExtra = 0;
        var variantExtra = 0;
        var contradicted = 0;
        var defaultForm = false;
        // Word order for the adjacency bonus counts only words that cost something or match: a free word between two
        // matched ones ("Pork, fresh, loin") does not part them.
        var ordinal = -1;
        var brandTyped = true;
        for (var t = 0; t < terms.Length; t++)
        {
            var role = flags[t];
            defaultForm |= (role & DefaultForm) != 0;
            var slot = termSlot[terms[t]];
            if ((role & BrandStart) != 0)
            {
                brandTyped = BrandTyped(terms[t..], flags[t..], termSlot, brandOnly);
            }

            if ((role & Brand) != 0 && !brandTyped)
            {
                slot = -1;
            }

            if (slot >= 0 || (role & Stop) == 0)
            {
                ordinal++;
            }

            if (slot < 0)
            {
                if ((role & (OtherName | Stop)) == 0)
                {
                    if (slot == Contradicted)
                    {
                        contradicted++;
                    }
                    else if ((role & Variant) != 0)
                    {
                        variantExtra++;
                    }
                    else if ((role & Head) != 0)
                    {
                        headExtra++;
                    }
                    else
                    {
                        otherExtra++;
                    }
                }

                continue;
            }

            var quality = termQuality[terms[t]] * ((role & OtherName) != 0 ? OtherNameQuality : 1);
            plain[slot] = Math.Max(plain[slot], quality);
            if ((role & Head) != 0)
            {
                quality *= 1 + HeadBonus;
            }

            if ((role & First) != 0)
            {
                quality *= 1 + FirstWordBonus;
            }

            if (quality > best[slot])
            {
                best[slot] = quality;
                position[slot] = (role & OtherName) != 0 ? -1 : ordinal;
            }
        }

        var matched = 0;
        var missed = 0;
        var otherFood = false;
        var sum = 0.0;
        var exact = 0.0;
        var asked = totalWeight + unknownWeight;
        for (var s = 0; s < slots; s++)
        {
            if (best[s] > 0)
            {
                matched++;
                sum += slotWeights[s] * best[s];
                exact += slotWeights[s] * plain[s];
            }
            else if (slotOptional[s])
            {
                asked -= slotWeights[s];
            }
            else
            {
                missed++;
                otherFood |= slotNamesFood[s];
                sum -= slotWeights[s] * MissingWordCost;
            }
        }

        var adjacent = 0;
        for (var s = 1; s < slots; s++)
        {
            if (position[s] >= 0 && position[s - 1] >= 0 && Math.Abs(position[s] - position[s - 1]) == 1)
            {
                adjacent++;
            }
        }

        if (makersProduct)
        {
            variantExtra++;
        }

        var cost = (HeadExtraWordCost * headExtra) + (OtherExtraWordCost * otherExtra) + (VariantWordCost * variantExtra) + (ContradictedWordCost * contradicted);
        var score = (sum / totalWeight) + (AdjacentBonus * adjacent) + (CompletenessBonus * completeness) + (defaultForm ? DefaultFormBonus : 0) - cost;
        var confidence = Math.Clamp((exact / asked) - (2 * HeadExtraWordCost * headExtra) - (VariantWordCost * variantExtra) - (ContradictedWordCost * contradicted), 0, 1);
        return (score, otherFood ? Math.Min(confidence, OtherFoodConfidence) : confidence, matched, missed);
    }

    /// <summary>Whether the query typed the brand whose run of words starts the spans: it matches every costed word of
    /// the run, at least two of them, or one found only in brands.</summary>
    private static bool BrandTyped(ReadOnlySpan<int> terms, ReadOnlySpan<byte> flags, ReadOnlySpan<int> termSlot, ReadOnlySpan<byte> brandOnly)
    {
        var (words, typed) = (0, 0);
        for (var t = 0; t < terms.Length && (flags[t] & Brand) != 0 && (t == 0 || (flags[t] & BrandStart) == 0); t++)
        {
            if ((flags[t] & Stop) == 0)
            {
                words++;
                if (termSlot[terms[t]] >= 0)
                {
                    typed++;
                    if (brandOnly[terms[t]] != 0)
                    {
                        return true;
                    }
                }
            }
        }

        return typed >= 2 || (typed > 0 && typed == words);
    }
}

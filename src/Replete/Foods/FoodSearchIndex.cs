using static Replete.Foods.FoodNameScorer;

namespace Replete.Foods;

/// <summary>An in-memory ranked search over food names that finds what a person means first: "banana" gives
/// "Bananas, raw" before "Banana chips"; word order, plurals, case, USDA punctuation, one-letter typos, prefixes and
/// everyday synonyms ("oj") all work.</summary>
/// <remarks>
/// <para>USDA names put the food first and its qualifiers after commas ("Chicken, broilers or fryers, breast, ...,
/// grilled"). The score rewards query words found in the first comma segment and as the first word, and charges a
/// small cost for every word of the name the query did not ask for: more in the first segment ("Banana chips") than
/// after it ("Bananas, raw"). Rare words weigh more (inverse document frequency).</para>
/// <para>Foods are numbered internally from the fewest words to the most, so a posting list is in order of the best
/// possible score; a search stops as soon as no later food can beat the results it holds. Every query word must match
/// (each through its exact word, a prefix, a one-edit or, for long words, two-edit typo, or a synonym); only when too
/// few foods match them all are foods with the rarest word but missing another considered. Thread-safe for
/// searching.</para>
/// </remarks>
public sealed partial class FoodSearchIndex
{
    private const double FarTypoQuality = 0.6;
    private const double PrefixQuality = 0.75;
    private const double TypoQuality = 0.7;

    // A longer word that starts with a whole word the person typed ("frybread" for "fries", "eggplant" for "egg") is
    // more likely another food than the word still being typed. A word found only in brands ("Mayo" in "KRAFT Mayo")
    // is no such food word: "mayo" still completes to "mayonnaise" at PrefixQuality.
    private const double WholeWordPrefixQuality = 0.5;
    private const double SynonymFactor = 0.75;
    private const int MaxVariants = 6;

    // At most this many compound readings of a query (AddCompounds), each part at least MinCompoundPart letters: a
    // shorter part ("pi" + "nenuts") would part most words somewhere.
    private const int MaxCompounds = 2;
    private const int MinCompoundPart = 3;
    private const int MaxPrefixTerms = 40;
    private const int RefundDepth = 3;
    private const int FilterFrom = 1024;

    /// <summary>At most this many of a query's other words get a bit set telling which foods hold them (for the
    /// posting-local bound of <see cref="ScanDriver"/>); the rest are assumed present.</summary>
    private const int MaxPresenceSets = 8;

    /// <summary>A scan of at least this many foods gets the per-food bound of <see cref="SlotBounds"/>.</summary>
    private const int MinBoundScan = 64;

    /// <summary>Room for rounding when a bound is compared with a score summed in another order: a food is skipped on a
    /// bound only when the bound is below the threshold by more than this.</summary>
    private const double BoundSlack = 1e-9;

    /// <summary>What a match across food groups costs (see <see cref="Ranked"/>), in score and in confidence: more than a
    /// missing word's share of most queries, so the liqueur falls below the confirmation threshold and behind the foods
    /// of the group the query means. Replete's design weight, like the others of the ranking.</summary>
    private const double CrossGroupCost = 0.3;

    /// <summary>Two foods whose scores differ by less than this tie (<see cref="FoodMatch.Tied"/>): no more than the
    /// completeness bonus (<see cref="FoodNameScorer.CompletenessBonus"/>) parts them, so their names answer the query
    /// equally well and the order between them says nothing about what the person meant. Every name-based difference of
    /// the ranking (an extra word, the default-form or adjacency bonus) is larger.</summary>
    private const double TieMargin = FoodNameScorer.CompletenessBonus;

    /// <summary>Starts the term of a negated word; no query word can contain it.</summary>
    private const char NegatedPrefix = '~';

    private static readonly Dictionary<string, string> WordRoles = Data.ReferenceData.Read("food_search_words.csv")
        .ToDictionary(row => row.Text("word"), row => row.Text("role"), StringComparer.Ordinal);

    /// <summary>For a query word, the name words it rules out (data/food_search_opposites.csv): "fresh" against
    /// "frozen", "canned", "dried".</summary>
    private static readonly Dictionary<string, string[]> Opposites = Data.ReferenceData.Read("food_search_opposites.csv")
        .ToDictionary(
            row => FoodText.Stem(row.Text("word")),
            row => row.Text("opposes").Split('|').Select(w => FoodText.Stem(w)).ToArray(),
            StringComparer.Ordinal);

    // Search buffers sized for this index, one per concurrent search: a search takes one and gives it back.
    private readonly System.Collections.Concurrent.ConcurrentBag<Scratch> scratches = [];

    private readonly int[] foodIds;
    private readonly string[] descriptions;
    private readonly int[] tokenStart;
    private readonly int[] tokenTerm;
    private readonly byte[] tokenFlags;
    private readonly double[] nameCost;
    private readonly double[] completeness;
    private readonly double[] refund;

    // Each food's USDA group and brand, as an index into labels (-1: none): the group tells a match across food groups,
    // the brand is shown with the food.
    private readonly string[] labels;
    private readonly int[] groupOf;
    private readonly int[] brandOf;

    // For each term, 1 when every word of it is a brand word (FoodNameScorer.Brand): typing it names the brand.
    private readonly byte[] brandOnly;

    // For each term, 1 when it is the whole of some food's own name ("oat" of "Oats"), outside brands: a food that lacks
    // such a query word is another food (FoodNameScorer.OtherFoodConfidence).
    private readonly byte[] namesFood;

    // For each food, 1 when it is an SR28 Survey food (FoodSearchEntry.InSurvey), and its place among foods of equal
    // score: the Survey foods first, each group in food order (TieRanks).
    private readonly byte[] inSurvey;
    private readonly int[] tieRank;

    /// <summary>For each food and each count k of query words up to <see cref="RefundDepth"/>: the least that food or any
    /// later one can cost once k matched words are refunded. It never falls along the food order, so when even that
    /// cannot beat the current top results the scan can stop.</summary>
    private readonly double[] laterFloor;
    private readonly Dictionary<char, int[]> termsByInitial;
    private readonly string[] terms;
    private readonly Dictionary<string, int> termIds;
    private readonly int[][] postings;
    private readonly int[][] headPostings;
    private readonly int[][] restPostings;
    private readonly double[] idf;
    private readonly string[] sortedTerms;
    private readonly int[] sortedTermIds;
    // For each term, built on its first search: along its head and rest posting lists, what each food's name costs
    // without that term's words (the food's cost once a query matches the term); and the most the term's words cost in
    // any one food. They let a scan pass over a food the query cannot rank without reading the food's own data.
    private readonly double[]?[] headCostWithout;
    private readonly double[]?[] restCostWithout;
    private readonly double[] termMaxCost;

    // Only typo matching needs the deletion table, so it is built on the first typo rather than with the index.
    private readonly Lazy<Dictionary<string, int[]>> deletions;
    private readonly FoodSynonyms synonyms;

    private FoodSearchIndex(Builder builder, FoodSynonyms synonyms)
    {
        this.synonyms = synonyms;
        var order = Enumerable.Range(0, builder.Foods.Count)
            .OrderBy(i => builder.Foods[i].Cost)
            .ThenBy(i => builder.Foods[i].Description.Length)
            .ThenBy(i => builder.Foods[i].FoodId)
            .ToArray();
        var count = order.Length;
        foodIds = new int[count];
        descriptions = new string[count];
        nameCost = new double[count];
        completeness = new double[count];
        refund = new double[count * RefundDepth];
        tokenStart = new int[count + 1];
        groupOf = new int[count];
        brandOf = new int[count];
        inSurvey = new byte[count];
        var labelIds = new Dictionary<string, int>(StringComparer.Ordinal);
        int Label(string? text) => text is not { Length: > 0 } ? -1
            : labelIds.TryGetValue(text, out var id) ? id : labelIds[text] = labelIds.Count;
        var tokenCount = builder.Foods.Sum(f => f.Tokens.Length);
        tokenTerm = new int[tokenCount];
        tokenFlags = new byte[tokenCount];
        terms = [.. builder.Terms];
        termIds = builder.TermIds;
        var postingLists = new List<int>[terms.Length];
        var at = 0;
        for (var doc = 0; doc < count; doc++)
        {
            var food = builder.Foods[order[doc]];
            foodIds[doc] = food.FoodId;
            descriptions[doc] = food.Description;
            nameCost[doc] = food.Cost;
            completeness[doc] = food.Completeness;
            groupOf[doc] = Label(food.Category);
            brandOf[doc] = Label(food.Brand);
            inSurvey[doc] = food.InSurvey ? (byte)1 : (byte)0;
            food.Refunds.AsSpan().CopyTo(refund.AsSpan(doc * RefundDepth, RefundDepth));
            tokenStart[doc] = at;
            foreach (var (term, flags) in food.Tokens)
            {
                tokenTerm[at] = term;
                tokenFlags[at] = flags;
                at++;
                var list = postingLists[term] ??= [];
                if (list.Count == 0 || list[^1] != doc)
                {
                    list.Add(doc);
                }
            }
        }

        tokenStart[count] = at;
        labels = [.. labelIds.OrderBy(pair => pair.Value).Select(pair => pair.Key)];
        laterFloor = new double[count * RefundDepth];
        for (var k = 0; k < RefundDepth; k++)
        {
            var least = double.PositiveInfinity;
            for (var doc = count - 1; doc >= 0; doc--)
            {
                least = Math.Min(least, Math.Max(0, nameCost[doc] - refund[(doc * RefundDepth) + k]));
                laterFloor[(doc * RefundDepth) + k] = least;
            }
        }
        postings = [.. postingLists.Select(list => list?.ToArray() ?? [])];
        brandOnly = new byte[terms.Length];
        Array.Fill(brandOnly, (byte)1);
        for (var t = 0; t < tokenTerm.Length; t++)
        {
            if ((tokenFlags[t] & Brand) == 0)
            {
                brandOnly[tokenTerm[t]] = 0;
            }
        }

        namesFood = NamesFood(terms.Length, tokenStart, tokenTerm, tokenFlags);
        (headPostings, restPostings) = SplitByHead(postings, tokenStart, tokenTerm, tokenFlags);
        idf = [.. postings.Select(p => Math.Log(1 + ((count + 1.0) / (p.Length + 1.0))))];
        sortedTermIds = [.. Enumerable.Range(0, terms.Length).OrderBy(i => terms[i], StringComparer.Ordinal)];
        sortedTerms = [.. sortedTermIds.Select(i => terms[i])];
        deletions = new(() => BuildDeletions(terms), LazyThreadSafetyMode.ExecutionAndPublication);
        termsByInitial = Enumerable.Range(0, terms.Length).GroupBy(i => terms[i][0]).ToDictionary(g => g.Key, g => g.ToArray());
        (headCostWithout, restCostWithout, termMaxCost) = (new double[terms.Length][], new double[terms.Length][], NotYet(terms.Length));
        tieRank = TieRanks(inSurvey);
    }

    private FoodSearchIndex(Stored stored, FoodSynonyms synonyms)
    {
        this.synonyms = synonyms;
        (foodIds, descriptions, tokenStart, tokenTerm, tokenFlags, nameCost, completeness, refund, laterFloor) =
            (stored.FoodIds, stored.Descriptions, stored.TokenStart, stored.TokenTerm, stored.TokenFlags, stored.NameCost, stored.Completeness, stored.Refund, stored.LaterFloor);
        (terms, postings, headPostings, restPostings, idf, sortedTermIds) =
            (stored.Terms, stored.Postings, stored.HeadPostings, stored.RestPostings, stored.Idf, stored.SortedTermIds);
        (labels, groupOf, brandOf, brandOnly, inSurvey) = (stored.Labels, stored.GroupOf, stored.BrandOf, stored.BrandOnly, stored.InSurvey);
        namesFood = NamesFood(terms.Length, tokenStart, tokenTerm, tokenFlags);
        tieRank = TieRanks(inSurvey);
        deletions = new(() => BuildDeletions(terms), LazyThreadSafetyMode.ExecutionAndPublication);
        termIds = new Dictionary<string, int>(terms.Length, StringComparer.Ordinal);
        for (var i = 0; i < terms.Length; i++)
        {
            termIds[terms[i]] = i;
        }

        sortedTerms = [.. sortedTermIds.Select(i => terms[i])];
        termsByInitial = Enumerable.Range(0, terms.Length).GroupBy(i => terms[i][0]).ToDictionary(g => g.Key, g => g.ToArray());
        (headCostWithout, restCostWithout, termMaxCost) = (new double[terms.Length][], new double[terms.Length][], NotYet(terms.Length));
    }

    /// <summary>Where each food goes among foods of equal score: an SR28 Survey food before any other, then the lower food
    /// number (fewer, cheaper words first). Only exact ties are ordered by it, so no name-based difference of the ranking
    /// is overruled; foods of a source without the flag (FoodData Central, IFCT 2017) keep their order among themselves
    /// and, like SR28 foods outside the survey, follow a Survey food they tie with.</summary>
    private static int[] TieRanks(byte[] survey)
    {
        var ranks = new int[survey.Length];
        var next = 0;
        foreach (var first in new byte[] { 1, 0 })
        {
            for (var doc = 0; doc < survey.Length; doc++)
            {
                if (survey[doc] == first)
                {
                    ranks[doc] = next++;
                }
            }
        }

        return ranks;
    }

    private static double[] NotYet(int count)
    {
        var values = new double[count];
        Array.Fill(values, double.NaN);
        return values;
    }

    /// <summary>Writes the built index to <paramref name="stream"/>, so a later process can <see cref="Load"/> it instead
    /// of building it again (a few milliseconds against a few hundred for SR28).</summary>
    public void Save(Stream stream) => new Stored(
        foodIds, descriptions, tokenStart, tokenTerm, tokenFlags, nameCost, completeness, refund, laterFloor,
        terms, postings, headPostings, restPostings, idf, sortedTermIds, labels, groupOf, brandOf, brandOnly, inSurvey).Write(stream);

    /// <summary>Reads an index written by <see cref="Save"/> with this version of Replete.</summary>
    /// <exception cref="InvalidDataException">The stream is not a saved index of this format.</exception>
    public static FoodSearchIndex Load(Stream stream, FoodSynonyms? synonyms = null) =>
        new(Stored.Read(stream), synonyms ?? FoodSynonyms.Default);

    /// <summary>The number of foods indexed.</summary>
    public int Count => foodIds.Length;

    /// <summary>Indexes <paramref name="foods"/>; <paramref name="synonyms"/> defaults to <see cref="FoodSynonyms.Default"/>.</summary>
    public static FoodSearchIndex Build(IEnumerable<FoodSearchEntry> foods, FoodSynonyms? synonyms = null)
    {
        ArgumentNullException.ThrowIfNull(foods);
        var builder = new Builder();
        foreach (var food in foods)
        {
            builder.Add(food);
        }

        return new FoodSearchIndex(builder, synonyms ?? FoodSynonyms.Default);
    }

    /// <summary>The foods that best match <paramref name="query"/>, best first; empty when nothing matches. Terminal
    /// escape sequences and control characters in the query are dropped first (<see cref="CleanQuery"/>).</summary>
    public IReadOnlyList<FoodMatch> Search(string query, int limit = 10) => Search(query, limit, prune: true);

    /// <summary>Whether <paramref name="text"/> has a word that could name a food: one that is not a stop word ("the",
    /// "of"), has two characters or more and a letter. "x", "the" and "2" have none, so whatever the search returns for
    /// them is no food the person named (FoodLogResolver counts none).</summary>
    public static bool HasFoodWord(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<FoodWord>();
        FoodText.Tokenize(CleanQuery(text), words);
        return words.Any(w => !w.Stop && w.Text.Length >= 2 && w.Text.Any(char.IsAsciiLetter));
    }

    /// <summary><paramref name="query"/> without terminal escape sequences (ECMA-48 CSI such as "ESC[31m", OSC such as
    /// a window title ended by BEL or ESC\, and two-character escapes), with line breaks and tabs as spaces and without
    /// any other control character, so that a query pasted with colours finds what its letters say and is never echoed
    /// with them.</summary>
    public static string CleanQuery(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        // Every search passes here: a query with no control character (C0, DEL or C1) skips the regex.
        if (!query.AsSpan().ContainsAnyInRange('\0', '\u001f') && !query.AsSpan().ContainsAnyInRange('\u007f', '\u009f'))
        {
            return query.Trim();
        }

        var text = EscapeSequence().Replace(query, "");
        // Line and page breaks and tabs separate words (a quoted CSV field may span lines); other control characters go.
        return string.Concat(text.Where(c => !char.IsControl(c) || c is ' ' or '\t' or '\n' or '\r' or '\v' or '\f' or '\u0085')
            .Select(c => char.IsControl(c) ? ' ' : c)).Trim();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\x1B(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1B]*(?:\x07|\x1B\\)?|[@-Z\\-_])|\x9B[0-?]*[ -/]*[@-~]", System.Text.RegularExpressions.RegexOptions.None, 1000)]
    private static partial System.Text.RegularExpressions.Regex EscapeSequence();

    /// <summary>The same search scoring every food, with no pruning: the reference the pruned search must equal.</summary>
    internal IReadOnlyList<FoodMatch> SearchEveryFood(string query, int limit = 10) => Search(query, limit, prune: false);

    private List<FoodMatch> Search(string query, int limit, bool prune)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var work = scratches.TryTake(out var free) ? free : new Scratch();
        try
        {
            work.Prepare(terms.Length);
            FoodText.Tokenize(CleanQuery(query), work.Words);
            // A negated word ("unsalted", "non-soy") is kept as the negated term the names hold: an optional word that
            // prefers "Butter, without salt" and never matches "salt" itself.
            var words = work.Words.Where(w => !w.Stop).Select(w => w.Negated ? NegatedPrefix + w.Text : w.Text).ToArray();
            if (words.Length == 0)
            {
                words = [.. work.Words.Where(w => !w.Negated).Select(w => w.Text)];
            }

            if (words.Length == 0)
            {
                return [];
            }

            // One food more than asked for, so the last one shown can be told apart from the next (FoodMatch.Tied).
            var depth = limit + 1;
            var variants = synonyms.Expand(words, MaxVariants, word => termIds.ContainsKey(word) || PrefixTerms(word).Any());
            var compounds = variants.Count;
            AddCompounds(variants, words);
            double Factor(int v) => v == 0 || v >= compounds ? 1.0 : SynonymFactor;
            for (var v = 0; v < variants.Count; v++)
            {
                Run(work, variants[v], Factor(v), depth, requireAll: true, prune);
            }

            if (work.Results.Count < limit)
            {
                // Every food with all the words of any variant is held now (each run keeps up to limit of them), so
                // their groups are final: the same for any limit that needs filling up.
                NoteFullGroups(work);
                for (var v = 0; v < variants.Count; v++)
                {
                    Run(work, variants[v], Factor(v), depth, requireAll: false, prune);
                }
            }

            return Ranked(work.Results, limit);
        }
        finally
        {
            work.ReleaseFilters();
            scratches.Add(work);
        }
    }

    /// <summary>Adds to <paramref name="variants"/> the query read with its compounds parted or joined as the names write
    /// them: a word no name holds that is two of their words run together ("pinenuts", "ribeye", "icecream") as the two,
    /// and two words that the names write as one ("flax seed", "pop corn", "water melon") as the one. Each uses exactly
    /// the letters typed, so it is searched at full weight, as the words themselves are, and what it finds is ranked by
    /// its score with them.</summary>
    private void AddCompounds(List<string[]> variants, string[] words)
    {
        // Looked up as spans: a search checks every word pair, and a string for each would be garbage on the hot path.
        var spans = termIds.GetAlternateLookup<ReadOnlySpan<char>>();
        bool Joined(string first, string second)
        {
            // A query word may be of any length; no food word is near this long, so a longer pair joins to nothing.
            if (first.Length + second.Length > 256)
            {
                return false;
            }

            Span<char> both = stackalloc char[first.Length + second.Length];
            first.CopyTo(both);
            second.CopyTo(both[first.Length..]);
            return spans.ContainsKey(both);
        }

        for (var i = 0; i < words.Length && variants.Count < MaxVariants + MaxCompounds; i++)
        {
            var word = words[i];
            if (word[0] == NegatedPrefix)
            {
                continue;
            }

            if (word.Length >= 2 * MinCompoundPart && !termIds.ContainsKey(word) && !PrefixTerms(word).Any())
            {
                for (var cut = MinCompoundPart; cut <= word.Length - MinCompoundPart; cut++)
                {
                    if (spans.ContainsKey(word.AsSpan(0, cut)) && spans.ContainsKey(word.AsSpan(cut)))
                    {
                        variants.Add([.. words[..i], word[..cut], word[cut..], .. words[(i + 1)..]]);
                        break;
                    }
                }
            }

            if (i + 1 < words.Length && words[i + 1][0] != NegatedPrefix && Joined(word, words[i + 1]))
            {
                variants.Add([.. words[..i], word + words[i + 1], .. words[(i + 2)..]]);
            }
        }
    }

    /// <summary>The results in the order they are shown. A food that has every query word (itself or through a synonym)
    /// comes before one that misses a word, whatever their scores: "creme fraiche" lists the creams its synonym finds
    /// before "creme de menthe", which only shares "creme". Then the higher score, then, of equal scores, an SR28
    /// Survey food first and the lower food number (<see cref="TieRanks"/>), so that a shorter list is always the start
    /// of a longer one. The confidence shown never rises down the list: a food
    /// ranked below another is never called the surer match (it takes the lower of its own and the one above).</summary>
    private List<FoodMatch> Ranked(Dictionary<int, (double Score, double Confidence, bool Full)> results, int limit)
    {
        var ordered = results
            .OrderByDescending(r => r.Value.Full)
            .ThenByDescending(r => r.Value.Score)
            .ThenBy(r => tieRank[r.Key])
            .Take(limit + 1)
            .ToList();
        var ranked = new List<FoodMatch>(Math.Min(limit, ordered.Count));
        var shown = 1.0;
        for (var i = 0; i < Math.Min(limit, ordered.Count); i++)
        {
            var (doc, (score, confidence, _)) = ordered[i];
            shown = Math.Min(shown, Math.Round(confidence, 3));
            var tied = (i > 0 && Ties(ordered[i - 1].Value, ordered[i].Value)) || (i + 1 < ordered.Count && Ties(ordered[i].Value, ordered[i + 1].Value));
            ranked.Add(new FoodMatch(foodIds[doc], descriptions[doc], Math.Round(score, 4), shown) { Brand = brandOf[doc] >= 0 ? labels[brandOf[doc]] : null, Tied = tied });
        }

        return ranked;

        static bool Ties((double Score, double Confidence, bool Full) above, (double Score, double Confidence, bool Full) below) =>
            above.Full == below.Full && above.Score - below.Score < TieMargin;
    }

    /// <summary>The food groups of the foods that have every query word, read before the foods missing a word are
    /// scored. A food missing a word, from a group none of these belongs to, is a match across food groups (a liqueur
    /// for a dairy word) and costs <see cref="CrossGroupCost"/> in score and confidence as it is scored, so the top-k
    /// bound of the scan sees the score it is ranked by.</summary>
    private void NoteFullGroups(Scratch work)
    {
        work.FullGroups.Clear();
        foreach (var (doc, result) in work.Results)
        {
            if (result.Full && groupOf[doc] >= 0)
            {
                work.FullGroups.Add(groupOf[doc]);
            }
        }
    }

    private void Run(Scratch work, string[] words, double factor, int limit, bool requireAll, bool prune)
    {
        var slots = ResolveSlots(work, words);
        try
        {
            if (slots.Count == 0 || (requireAll && AnyRequiredUnmatched(slots)))
            {
                return;
            }

            if (!prune)
            {
                RunEveryFood(work, slots, factor, limit, requireAll);
                return;
            }

            var totalWeight = TotalWeight(slots);
            // The most a food can score before its unmatched words are charged: every word in the first segment, the
            // first-word bonus on the heaviest, and every bonus.
            var firstBonus = (1 + HeadBonus) * FirstWordBonus;
            var extras = CompletenessBonus + DefaultFormBonus + (AdjacentBonus * (slots.Count - 1));
            // No slot can score above its best-matching term (a typo matches at 0.7, a prefix at 0.75), so neither can
            // the food: the match part of the bound scales by the best term quality of any slot.
            var quality = 0.0;
            var heaviest = double.NegativeInfinity;
            foreach (var slot in slots)
            {
                quality = Math.Max(quality, BestQuality(slot));
                heaviest = Math.Max(heaviest, slot.Weight);
            }

            var bestPossible = (quality * (1 + HeadBonus + (firstBonus * heaviest / totalWeight))) + extras;
            work.Top.Clear();
            work.Floor = work.Results.Count >= limit
                ? work.Results.Values.Select(r => r.Score).OrderDescending().ElementAt(limit - 1)
                : double.NegativeInfinity;
            if (!requireAll)
            {
                // Too few foods have every word: fill up with foods that have the rarest (most telling) word, not with
                // every food that merely has a common one ("raw").
                if (Rarest(slots) is not { } rarest)
                {
                    return;
                }

                var rarestFoods = FoodsOf(rarest, postings);
                var fillBounds = SlotBounds(work, slots, rarest, rarestFoods, driverHeadKnown: false);
                Scan(work, Candidates(work, rarest, postings), bestPossible, fillBounds, extras, factor, limit, slots, totalWeight, requireAll, []);
                return;
            }

            // Foods whose name starts with the rarest word first; then the rest, which cannot earn the first-segment
            // bonuses for that word, so their bound is lower and the scan usually stops at once.
            // The first required slot with the fewest foods (ties keep slot order); ResolveSlots leaves one required.
            var driver = slots[0];
            var driverFoods = int.MaxValue;
            foreach (var slot in slots)
            {
                if (!slot.Optional && FoodsOf(slot, postings) is var foods && foods < driverFoods)
                {
                    (driver, driverFoods) = (slot, foods);
                }
            }

            var others = 0.0;
            var anyOther = false;
            foreach (var slot in slots)
            {
                if (!ReferenceEquals(slot, driver))
                {
                    others = anyOther ? Math.Max(others, slot.Weight) : slot.Weight;
                    anyOther = true;
                }
            }

            var restBound = slots.Count == 1
                ? quality + extras
                : (quality * (1 + HeadBonus - (HeadBonus * driver.Weight / totalWeight) + (firstBonus * others / totalWeight))) + extras;
            // Every other word must match too. When the rarest word is still common, a bit set per other word answers
            // that before a food is scored (setting a bit costs about a hundredth of scoring a food); for a short
            // list scoring each food is cheaper than building the sets.
            try
            {
                var filters = driverFoods < FilterFrom
                    ? []
                    : slots.Where(s => !ReferenceEquals(s, driver) && !s.Optional).Select(s => s.Terms.Count == 1
                        ? work.TermSet(foodIds.Length, s.Terms[0].Term, postings)
                        : work.Filter(foodIds.Length, s.Terms.Select(t => postings[t.Term]))).ToArray();
                NoteRefunds(work, slots, driverFoods);
                var bounds = SlotBounds(work, slots, driver, driverFoods, driverHeadKnown: true);
                ScanDriver(work, driver, head: true, bestPossible, bounds, extras, factor, limit, slots, totalWeight, filters);
                ScanDriver(work, driver, head: false, restBound, bounds, extras, factor, limit, slots, totalWeight, filters);
            }
            finally
            {
                work.ReleaseSeen();
            }
        }
        finally
        {
            foreach (var slot in slots)
            {
                foreach (var (term, _) in slot.Terms)
                {
                    work.TermSlot[term] = -1;
                }
            }

            foreach (var term in work.ContradictedTerms)
            {
                work.TermSlot[term] = -1;
            }

            work.ContradictedTerms.Clear();
        }
    }

    /// <summary>True when a slot that must match has no term: no food can have every word.</summary>
    private static bool AnyRequiredUnmatched(List<Slot> slots)
    {
        foreach (var slot in slots)
        {
            if (slot.Terms.Count == 0 && !slot.Optional)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The summed weight of <paramref name="slots"/>, added in slot order. These helpers are plain loops rather
    /// than LINQ because a search runs them for every synonym variant: lambdas are compiled unoptimized for their first
    /// calls (they cannot be marked like the methods, see the remarks) and each call allocates.</summary>
    /// <summary>The rarest (most telling) matched word that the query requires, or an optional one ("~salt" of
    /// "unsalted", "fresh") only where none is required: filling up with every unsalted food would not answer "butter
    /// unsalted".</summary>
    private static Slot? Rarest(List<Slot> slots) =>
        slots.Where(s => s.Terms.Count > 0 && !s.Optional).MaxBy(s => s.Weight) ?? slots.Where(s => s.Terms.Count > 0).MaxBy(s => s.Weight);

    private static double TotalWeight(List<Slot> slots)
    {
        var total = 0.0;
        foreach (var slot in slots)
        {
            total += slot.Weight;
        }

        return total;
    }

    /// <summary>The best quality of any term of <paramref name="slot"/> (0 when it has none).</summary>
    private static double BestQuality(Slot slot)
    {
        var best = double.NegativeInfinity;
        foreach (var (_, quality) in slot.Terms)
        {
            best = Math.Max(best, quality);
        }

        return slot.Terms.Count == 0 ? 0 : best;
    }

    /// <summary>How many foods the lists of <paramref name="slot"/>'s terms hold together (a food on two counts twice).</summary>
    private static int FoodsOf(Slot slot, int[][] lists)
    {
        var foods = 0;
        foreach (var (term, _) in slot.Terms)
        {
            foods += lists[term].Length;
        }

        return foods;
    }

    /// <summary>How many terms the slots hold between them.</summary>
    private static int TermCount(List<Slot> slots)
    {
        var count = 0;
        foreach (var slot in slots)
        {
            count += slot.Terms.Count;
        }

        return count;
    }

    /// <summary>Notes, for the posting-local bound of <see cref="ScanDriver"/>, what each query term can win back in a
    /// food (the most its words cost in any one name) and, when the scan is long, which foods have it: the terms with the
    /// longest lists get a bit set each (up to <see cref="MaxPresenceSets"/> less one); the rest (prefix completions,
    /// typos: short lists) share one, which charges their summed cost where it says a food has any of them. A term whose
    /// list is far longer than the scan is counted in every food.</summary>
    private void NoteRefunds(Scratch work, List<Slot> slots, int driverFoods)
    {
        work.RefundTerms.Clear();
        work.SharedRefund = (0, null, []);
        var sets = 0;
        var shared = new List<(int Term, double Cost)>();
        foreach (var (term, cost) in slots.SelectMany(s => s.Terms).Select(t => (t.Term, MaxTermCost(t.Term))).Where(t => t.Item2 > 0)
            .OrderByDescending(t => postings[t.Term].Length).ThenBy(t => t.Term))
        {
            if (driverFoods < FilterFrom || postings[term].Length > 8 * driverFoods)
            {
                work.RefundTerms.Add((term, cost, null));
            }
            else if (sets < MaxPresenceSets - 1)
            {
                work.RefundTerms.Add((term, cost, work.TermSet(foodIds.Length, term, postings)));
                sets++;
            }
            else
            {
                shared.Add((term, cost));
            }
        }

        if (shared.Count > 0)
        {
            work.SharedRefund = (shared.Sum(t => t.Cost), work.Filter(foodIds.Length, shared.Select(t => postings[t.Term])), shared);
        }
    }

    /// <summary>Scores every food that has every query word (or, filling up, the rarest one), with no bound to stop on.</summary>
    private void RunEveryFood(Scratch work, List<Slot> slots, double factor, int limit, bool requireAll)
    {
        var totalWeight = slots.Sum(s => s.Weight);
        work.Top.Clear();
        work.Floor = work.Results.Count >= limit
            ? work.Results.Values.Select(r => r.Score).OrderDescending().ElementAt(limit - 1)
            : double.NegativeInfinity;
        IEnumerable<int> foods = Enumerable.Range(0, foodIds.Length);
        if (!requireAll)
        {
            if (Rarest(slots) is not { } rarest)
            {
                return;
            }

            var rare = rarest.Terms.Select(t => t.Term).ToHashSet();
            foods = foods.Where(doc => tokenTerm.AsSpan(tokenStart[doc], tokenStart[doc + 1] - tokenStart[doc]).ToArray().Any(rare.Contains));
        }

        Scan(work, foods, double.PositiveInfinity, null, 0, factor, limit, slots, totalWeight, requireAll, []);
    }

    private void Scan(Scratch work, IEnumerable<int> candidates, double bound, SlotBound[]? bounds, double extras, double factor, int limit, List<Slot> slots, double totalWeight, bool requireAll, ulong[][] filters)
    {
        // Every token of every term a slot matches goes uncharged, so a food can win back the cost of as many distinct
        // terms as the slots hold between them (a prefix can match "chicken" and "chickpea" in one name).
        var refundable = TermCount(slots);
        foreach (var doc in candidates)
        {
            var docBound = bounds is null ? bound : Math.Min(bound, SlotBound.For(bounds, doc, null, extras, totalWeight));
            if (PassesAll(filters, doc) && !Consider(work, doc, bound, docBound, factor, limit, slots, totalWeight, requireAll, refundable))
            {
                break;
            }
        }
    }

    /// <summary>Scans the foods that have the driver's words, one posting list per driver term (the <paramref name="head"/>
    /// or the rest lists), and passes over a food whose score cannot reach the current top results without reading the
    /// food itself: from the list it reads what the name costs once the driver term is matched, and it subtracts the most
    /// the query's other words could win back (each word's largest cost in any food, counted only where a bit set says
    /// the food has the word). Memory, not arithmetic, is what scanning 10,000 foods costs: this reads one array in
    /// order instead of four at random.</summary>
    private void ScanDriver(Scratch work, Slot driver, bool head, double bound, SlotBound[]? bounds, double extras, double factor, int limit, List<Slot> slots, double totalWeight, ulong[][] filters)
    {
        var refundable = TermCount(slots);
        var lists = head ? headPostings : restPostings;
        // A food on the lists of two driver terms is scanned once: at its first list, with the highest bound it meets.
        var seen = driver.Terms.Count > 1 ? work.SeenFor(foodIds.Length) : null;
        foreach (var (term, _) in driver.Terms)
        {
            var list = lists[term];
            if (list.Length == 0)
            {
                continue;
            }

            var costWithout = CostWithout(head, term, list);
            var (always, present) = work.OtherRefunds(term);
            var passed = 0;
            for (var i = 0; i < list.Length; i++)
            {
                var doc = list[i];
                if (seen is not null)
                {
                    ref var bits = ref seen[doc >> 6];
                    if ((bits & (1UL << doc)) != 0)
                    {
                        continue;
                    }

                    bits |= 1UL << doc;
                }

                if (!PassesAll(filters, doc))
                {
                    continue;
                }

                var winBack = always;
                foreach (var (cost, set) in present)
                {
                    if ((set[doc >> 6] & (1UL << doc)) != 0)
                    {
                        winBack += cost;
                    }
                }

                var docBound = bounds is null ? bound : Math.Min(bound, SlotBound.For(bounds, doc, head, extras, totalWeight));
                if (factor * (docBound - costWithout[i] + winBack) < Threshold(work, limit) - BoundSlack)
                {
                    // Passed over; now and then ask whether any later food on the list could still rank.
                    if ((++passed & 63) == 0 && refundable <= RefundDepth && factor * (bound - laterFloor[(doc * RefundDepth) + refundable - 1]) < Threshold(work, limit))
                    {
                        break;
                    }

                    continue;
                }

                if (!Consider(work, doc, bound, docBound, factor, limit, slots, totalWeight, requireAll: true, refundable))
                {
                    break;
                }
            }
        }
    }

    /// <summary>For a long scan, a bit set per query slot of the foods that have one of its words (<c>Any</c>) and of
    /// those with one in the first segment (<c>Head</c>), so that a food's bound counts only the words it has: a word it
    /// lacks is charged <see cref="MissingWordCost"/> instead of earning up to its quality, and only words in its first
    /// segment earn the head and first-word bonuses (so a name that starts with a brand earns none). Null when the scan
    /// is too short to be worth the sets.</summary>
    private SlotBound[]? SlotBounds(Scratch work, List<Slot> slots, Slot driver, int driverFoods, bool driverHeadKnown)
    {
        if (driverFoods < MinBoundScan)
        {
            return null;
        }

        // A set costs a pass over its lists: not for a word far more common than the scan is long (it is then assumed
        // present, and in the first segment).
        ulong[]? Set(Slot slot, bool head)
        {
            var lists = head ? headPostings : postings;
            return slot.Terms.Sum(t => lists[t.Term].Length) > 8 * driverFoods ? null
                : slot.Terms.Count > 1 ? work.Filter(foodIds.Length, slot.Terms.Select(t => lists[t.Term]))
                : head ? work.HeadSet(foodIds.Length, slot.Terms[0].Term, headPostings)
                : work.TermSet(foodIds.Length, slot.Terms[0].Term, postings);
        }

        return [.. slots.Select(slot =>
        {
            var isDriver = ReferenceEquals(slot, driver);
            var quality = slot.Terms.Count == 0 ? 0 : slot.Terms.Max(t => t.Quality);
            return new SlotBound(
                slot.Weight, quality, slot.Optional, isDriver,
                isDriver || quality == 0 ? null : Set(slot, head: false),
                quality == 0 || (isDriver && driverHeadKnown) ? null : Set(slot, head: true));
        })];
    }

    /// <summary>A query slot as one food's bound sees it: see <see cref="SlotBounds"/>.</summary>
    private sealed record SlotBound(double Weight, double Quality, bool Optional, bool Driver, ulong[]? Any, ulong[]? Head)
    {
        /// <summary>The most <paramref name="doc"/> can score before its unmatched words are charged: each slot it has
        /// earns at most its best term quality, with the head bonus where the food has the word in its first segment and
        /// the first-word bonus on at most one of those (as the scan's own bound assumes); each slot it lacks is charged.
        /// <paramref name="driverInHead"/> says where the scan's own word is, when the posting list tells.</summary>
        public static double For(SlotBound[] slots, int doc, bool? driverInHead, double extras, double totalWeight)
        {
            var sum = 0.0;
            var first = 0.0;
            foreach (var slot in slots)
            {
                if (slot.Quality == 0 || (slot.Any is { } any && (any[doc >> 6] & (1UL << doc)) == 0))
                {
                    sum -= slot.Optional ? 0 : MissingWordCost * slot.Weight;
                    continue;
                }

                var inHead = slot.Driver && driverInHead is { } known ? known : slot.Head is not { } head || (head[doc >> 6] & (1UL << doc)) != 0;
                var most = slot.Quality * slot.Weight;
                sum += inHead ? most * (1 + HeadBonus) : most;
                first = inHead ? Math.Max(first, most) : first;
            }

            return ((sum + ((1 + HeadBonus) * FirstWordBonus * first)) / totalWeight) + extras;
        }
    }

    /// <summary>The score a food must beat to enter the run's top results: the limit-th best so far.</summary>
    private static double Threshold(Scratch work, int limit) =>
        work.Top.Count >= limit ? Math.Max(work.Floor, PeekPriority(work.Top).Score) : work.Floor;

    /// <summary>Bounds, scores and keeps one food; false when no later food of the scan can rank (the scan stops).</summary>
    private bool Consider(Scratch work, int doc, double bound, double docBound, double factor, int limit, List<Slot> slots, double totalWeight, bool requireAll, int refundable)
    {
        // Matched words are not charged: a food can win back at most the cost of its costliest words, one per query
        // word (all their repeats included). The loose form falls with every later food, so it ends the scan.
        var threshold = Threshold(work, limit);
        var floor = refundable <= RefundDepth ? laterFloor[(doc * RefundDepth) + refundable - 1] : 0;
        if (factor * (bound - floor) < threshold)
        {
            return false;
        }

        var canRefund = refundable <= RefundDepth ? refund[(doc * RefundDepth) + refundable - 1] : nameCost[doc];
        if (factor * (bound - nameCost[doc] + canRefund) < threshold)
        {
            return true;
        }

        // The exact charge for the words this query leaves unmatched, in one pass over the name: far less than scoring it.
        if (factor * (docBound - UnmatchedCost(work, doc)) < threshold - BoundSlack)
        {
            return true;
        }

        var (score, confidence, matched, missed) = Score(work, doc, slots, totalWeight);
        if ((requireAll && missed > 0) || matched == 0)
        {
            return true;
        }

        score *= factor;
        confidence *= factor;
        if (missed > 0 && work.FullGroups.Count > 0 && !work.FullGroups.Contains(groupOf[doc]))
        {
            score -= CrossGroupCost;
            confidence = Math.Max(0, confidence - CrossGroupCost);
        }

        if (score < work.Floor)
        {
            return true;
        }

        // The run's best limit foods, ties kept for the Survey food and then the lower food number as the ranking
        // orders them (TieRanks): which food of a tie is kept must not depend on the order the lists are scanned in.
        var rank = tieRank[doc];
        if (work.Top.Count < limit)
        {
            work.Top.Enqueue(doc, (score, rank));
        }
        else if (work.Top.Comparer.Compare((score, rank), PeekPriority(work.Top)) > 0)
        {
            work.Top.EnqueueDequeue(doc, (score, rank));
        }
        else
        {
            return true;
        }

        work.Offer(doc, score, confidence, missed == 0);
        return true;
    }

    /// <summary>What <see cref="FoodNameScorer.Score"/> charges <paramref name="doc"/> for the name words the current
    /// query does not match, counted the same way: the score is at most the run's bound less this.</summary>
    private double UnmatchedCost(Scratch work, int doc) => NameCost(doc, -1, work.TermSlot);

    /// <summary>What <paramref name="term"/>'s words cost in <paramref name="doc"/>'s name (all repeats; 0 where they are
    /// free or only in another name), as <see cref="FoodNameScorer.Score"/> would charge them unmatched.</summary>
    private double TermCost(int doc, int term) => NameCost(doc, term, []);

    /// <summary>The charge for the costed words of <paramref name="doc"/>'s name that are <paramref name="term"/> (when
    /// it is 0 or more) or that no query slot matches (<paramref name="termSlot"/>, when it is -1).</summary>
    private double NameCost(int doc, int term, int[] termSlot)
    {
        int head = 0, other = 0, variant = 0;
        for (var t = tokenStart[doc]; t < tokenStart[doc + 1]; t++)
        {
            var role = tokenFlags[t];
            if ((role & (OtherName | Stop)) != 0 || (term >= 0 ? tokenTerm[t] != term : termSlot[tokenTerm[t]] >= 0))
            {
                continue;
            }

            if ((role & Variant) != 0)
            {
                variant++;
            }
            else if ((role & Head) != 0)
            {
                head++;
            }
            else
            {
                other++;
            }
        }

        return (HeadExtraWordCost * head) + (OtherExtraWordCost * other) + (VariantWordCost * variant);
    }

    /// <summary>Along <paramref name="list"/> (the term's head or rest list), each food's name cost less the term's own
    /// words; built on first use and kept (a race builds the same array twice).</summary>
    private double[] CostWithout(bool head, int term, int[] list)
    {
        var built = head ? headCostWithout : restCostWithout;
        if (Volatile.Read(ref built[term]) is { } known)
        {
            return known;
        }

        var costs = new double[list.Length];
        for (var i = 0; i < list.Length; i++)
        {
            costs[i] = nameCost[list[i]] - TermCost(list[i], term);
        }

        Volatile.Write(ref built[term], costs);
        return costs;
    }

    /// <summary>The most <paramref name="term"/>'s words cost in any one food's name: what matching it can win back.</summary>
    private double MaxTermCost(int term)
    {
        var known = Volatile.Read(ref termMaxCost[term]);
        if (!double.IsNaN(known))
        {
            return known;
        }

        var most = 0.0;
        foreach (var doc in postings[term])
        {
            most = Math.Max(most, TermCost(doc, term));
        }

        Volatile.Write(ref termMaxCost[term], most);
        return most;
    }

    private static (double Score, int Rank) PeekPriority(PriorityQueue<int, (double Score, int Rank)> top) =>
        top.TryPeek(out _, out var priority) ? priority : (double.NegativeInfinity, int.MaxValue);

    /// <summary>For each term, 1 when it is the whole of some food's own name: the one costed word of the name's first
    /// segment ("Oats", "Milk, whole", "Nuts, almonds"), not a brand. An adjective that merely starts a name ("Yellow
    /// rice with seasoning") does not name a food.</summary>
    private static byte[] NamesFood(int termCount, int[] tokenStart, int[] tokenTerm, byte[] tokenFlags)
    {
        var names = new byte[termCount];
        for (var doc = 0; doc < tokenStart.Length - 1; doc++)
        {
            var (words, first) = (0, -1);
            for (var t = tokenStart[doc]; t < tokenStart[doc + 1]; t++)
            {
                var flags = tokenFlags[t];
                if ((flags & (Head | Stop | OtherName)) == Head)
                {
                    words++;
                    first = (flags & (First | Brand)) == First ? tokenTerm[t] : first;
                }
            }

            if (words == 1 && first >= 0)
            {
                names[first] = 1;
            }
        }

        return names;
    }

    private static bool PassesAll(ulong[][] filters, int doc)
    {
        foreach (var filter in filters)
        {
            if ((filter[doc >> 6] & (1UL << doc)) == 0)
            {
                return false;
            }
        }

        return true;
    }

    private static (int[][] Heads, int[][] Others) SplitByHead(int[][] postings, int[] tokenStart, int[] tokenTerm, byte[] tokenFlags)
    {
        var head = new List<int>[postings.Length];
        for (var doc = 0; doc < tokenStart.Length - 1; doc++)
        {
            for (var t = tokenStart[doc]; t < tokenStart[doc + 1]; t++)
            {
                if ((tokenFlags[t] & (Head | OtherName)) == Head)
                {
                    var list = head[tokenTerm[t]] ??= [];
                    if (list.Count == 0 || list[^1] != doc)
                    {
                        list.Add(doc);
                    }
                }
            }
        }

        var heads = head.Select(list => list?.ToArray() ?? []).ToArray();
        var rest = postings.Select((all, term) => heads[term].Length == 0 ? all : all.Except(heads[term]).ToArray()).ToArray();
        return (heads, rest);
    }

    private (double Score, double Confidence, int Matched, int Missed) Score(Scratch work, int doc, List<Slot> slots, double totalWeight)
    {
        var start = tokenStart[doc];
        var length = tokenStart[doc + 1] - start;
        return FoodNameScorer.Score(
            tokenTerm.AsSpan(start, length), tokenFlags.AsSpan(start, length), work.TermSlot, work.TermQuality,
            work.SlotWeights(slots), work.SlotOptional, work.SlotNamesFood, totalWeight, work.UnknownWeight, completeness[doc], brandOnly,
            makersProduct: brandOf[doc] >= 0 && inSurvey[doc] == 0);
    }

    private List<Slot> ResolveSlots(Scratch work, string[] words)
    {
        var slots = new List<Slot>(words.Length);
        for (var w = 0; w < words.Length; w++)
        {
            var key = (words[w], w == words.Length - 1);
            if (!work.WordMatches.TryGetValue(key, out var matches))
            {
                work.WordMatches[key] = matches = Matches(key.Item1, key.Item2);
            }

            // A word the query already used for an earlier slot is not counted twice.
            var found = new List<(int Term, double Quality)>(matches.Count);
            foreach (var (term, quality) in matches)
            {
                if (work.TermSlot[term] == -1)
                {
                    work.TermSlot[term] = slots.Count;
                    work.TermQuality[term] = quality;
                    found.Add((term, quality));
                }
            }

            // The word weighs as its best-quality terms: "white" as the word itself, not as the rare "whitefish" its
            // completions reach.
            var (weight, top, namesAFood) = (found.Count == 0 ? 1.0 : double.NegativeInfinity, 0.0, false);
            foreach (var (term, quality) in found)
            {
                (weight, top) = quality > top ? (idf[term], quality) : quality == top ? (Math.Max(weight, idf[term]), top) : (weight, top);
                namesAFood |= quality == 1.0 && namesFood[term] != 0;
            }

            slots.Add(new Slot(found, weight, words[w][0] == NegatedPrefix || WordRoles.GetValueOrDefault(words[w]) is "plain" or "default")
            {
                NamesFood = namesAFood,
            });
        }

        // A name word a query word rules out ("frozen" for "fresh") and no slot matches is marked, for the scorer.
        foreach (var word in words)
        {
            foreach (var opposite in Opposites.GetValueOrDefault(word) ?? [])
            {
                if (termIds.TryGetValue(opposite, out var term) && work.TermSlot[term] == -1)
                {
                    work.TermSlot[term] = FoodNameScorer.Contradicted;
                    work.ContradictedTerms.Add(term);
                }
            }
        }

        // A query of default-form words only ("raw") asks for them.
        return slots.All(s => s.Optional) ? [.. slots.Select(s => s with { Optional = false })] : slots;
    }

    /// <summary>The indexed words a query word stands for, best quality first: itself, a prefix (for the last word or a
    /// word not indexed), a one-edit typo, or two edits for a long word nothing else matched.</summary>
    private List<(int Term, double Quality)> Matches(string word, bool last)
    {
        var found = new List<(int Term, double Quality)>();
        var seen = new HashSet<int>();
        void Add(IEnumerable<int> candidates, double quality)
        {
            foreach (var term in candidates)
            {
                if (seen.Add(term))
                {
                    found.Add((term, quality));
                }
            }
        }

        var exact = termIds.TryGetValue(word, out var exactTerm);
        if (exact)
        {
            Add([exactTerm], 1.0);
        }

        if (word[0] == NegatedPrefix)
        {
            return found;
        }

        var spelled = word.Length >= 3 && !char.IsAsciiDigit(word[0]);
        if (spelled && (last || !exact))
        {
            Add(PrefixTerms(word), exact && brandOnly[exactTerm] == 0 ? WholeWordPrefixQuality : PrefixQuality);
        }

        // A word of the synonym list ("coke") is a known word, not a misspelling ("cake"): its synonym finds the food.
        if (spelled && !exact && word.Length >= 4 && !synonyms.Knows(word))
        {
            Add(TypoTerms(word), TypoQuality);
        }

        if (found.Count == 0 && word.Length >= 7 && termsByInitial.TryGetValue(word[0], out var sameInitial))
        {
            Add(sameInitial.Where(term => Math.Abs(terms[term].Length - word.Length) <= 2 && Nutrients.EditDistance.Between(word, terms[term]) <= 2), FarTypoQuality);
        }

        return found;
    }

    private IEnumerable<int> PrefixTerms(string word)
    {
        var index = Array.BinarySearch(sortedTerms, word, StringComparer.Ordinal);
        var from = index >= 0 ? index + 1 : ~index;
        var taken = 0;
        for (var i = from; i < sortedTerms.Length && taken < MaxPrefixTerms && sortedTerms[i].StartsWith(word, StringComparison.Ordinal); i++)
        {
            taken++;
            yield return sortedTermIds[i];
        }
    }

    private IEnumerable<int> TypoTerms(string word)
    {
        var seen = new HashSet<int>();
        if (deletions.Value.TryGetValue(word, out var longer))
        {
            seen.UnionWith(longer);
        }

        for (var i = 0; i < word.Length; i++)
        {
            var shorter = string.Concat(word.AsSpan(0, i), word.AsSpan(i + 1));
            if (termIds.TryGetValue(shorter, out var term))
            {
                seen.Add(term);
            }

            if (deletions.Value.TryGetValue(shorter, out var same))
            {
                seen.UnionWith(same);
            }
        }

        return seen.Where(term => FoodText.WithinOneEdit(word, terms[term]));
    }

    private IEnumerable<int> Candidates(Scratch work, Slot driver, int[][] lists)
    {
        if (driver.Terms.Count == 1)
        {
            return lists[driver.Terms[0].Term];
        }

        return Union(work, driver.Terms.Select(t => lists[t.Term]));
    }

    /// <summary>The foods on any of the posting lists, in ascending order: a bit set over all foods, so merging long
    /// lists costs one pass over them and one over the set, with no sorting.</summary>
    private IEnumerable<int> Union(Scratch work, IEnumerable<int[]> lists)
    {
        var bits = work.Bits(foodIds.Length);
        var low = int.MaxValue;
        var high = -1;
        foreach (var list in lists)
        {
            if (list.Length == 0)
            {
                continue;
            }

            foreach (var doc in list)
            {
                bits[doc >> 6] |= 1UL << doc;
            }

            low = Math.Min(low, list[0] >> 6);
            high = Math.Max(high, list[^1] >> 6);
        }

        var next = low;
        try
        {
            for (; next <= high; next++)
            {
                var value = bits[next];
                if (value == 0)
                {
                    continue;
                }

                bits[next] = 0;
                while (value != 0)
                {
                    var bit = System.Numerics.BitOperations.TrailingZeroCount(value);
                    value &= value - 1;
                    yield return (next << 6) + bit;
                }
            }
        }
        finally
        {
            // A search that stops early leaves bits set; clear them for the next search on this thread.
            if (next <= high)
            {
                Array.Clear(bits, next, high - next + 1);
            }
        }
    }

    private static Dictionary<string, int[]> BuildDeletions(string[] terms)
    {
        var map = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var term = 0; term < terms.Length; term++)
        {
            var text = terms[term];
            if (text.Length < 4 || char.IsAsciiDigit(text[0]) || text[0] == NegatedPrefix)
            {
                continue;
            }

            for (var i = 0; i < text.Length; i++)
            {
                var key = string.Concat(text.AsSpan(0, i), text.AsSpan(i + 1));
                if (!map.TryGetValue(key, out var list))
                {
                    map[key] = list = [];
                }

                if (list.Count == 0 || list[^1] != term)
                {
                    list.Add(term);
                }
            }
        }

        return map.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>One query word: the terms it matches, its weight, whether a name need not have it, and whether it is
    /// itself the first word of some food's name (<see cref="namesFood"/>: "oat" in "oat milk").</summary>
    private sealed record Slot(List<(int Term, double Quality)> Terms, double Weight, bool Optional)
    {
        public bool NamesFood { get; init; }
    }

    private sealed class Builder
    {
        private readonly List<FoodWord> words = [];

        public List<(int FoodId, string Description, (int Term, byte Flags)[] Tokens, double Cost, double Completeness, double[] Refunds, string? Category, string? Brand, bool InSurvey)> Foods { get; } = [];

        public List<string> Terms { get; } = [];

        public Dictionary<string, int> TermIds { get; } = new(StringComparer.Ordinal);

        public void Add(FoodSearchEntry food)
        {
            var tokens = new List<(int, byte)>();
            var cost = 0.0;
            var costByTerm = new Dictionary<int, double>();
            FoodText.Tokenize(food.Description, words);
            var head = HeadSegment(words, food.Category);
            // A head segment of form words only ("Water, bottled", "Beverages, water, tap") names the food itself: there
            // the words are the food's name, not a form that costs nothing ("Fish, tuna, canned in water").
            var namedByForm = !words.Any(w => w.Segment == head && !w.Stop && !w.Aside && WordRoles.GetValueOrDefault(w.Text) is not ("plain" or "default"));
            var first = true;
            var firstAt = -1;
            var glossed = 0;
            var whole = NamesWhole(words);
            // SR28 writes brand and trade names in capitals within mixed-case names; an all-capitals name says nothing.
            var mixedCase = food.Description.AsSpan().ContainsAnyInRange('a', 'z');
            // The cooked form is the default in the groups eaten cooked, but for search not fish and shellfish (oysters,
            // sashimi and smoked salmon are eaten raw) and of the legumes only the dried pulses ("mature seeds"): tofu
            // and soymilk are ready to eat.
            var eatenCooked = food.Category is { } group && FoodGroups.EatenCooked.Contains(group)
                && group != "Finfish and Shellfish Products" && (group != "Legumes and Legume Products" || words.Any(w => w.Text == "mature"));
            for (var i = 0; i < words.Count; i++)
            {
                var (text, stop, segment, aside, negated) = words[i];
                // A negated word names what the food is not ("soy" in "non-soy"): it is indexed under a term no query can
                // produce ("~soy"), so it never matches, yet still costs like any word the person did not ask for
                // ("Apples, raw, without skin" stays behind "with skin"). Negating a form word ("without salt") gives the
                // default form, which costs nothing.
                var word = text;
                var role = WordRoles.GetValueOrDefault(word);
                if (role is "part")
                {
                    role = whole || KeepsPart(words, i) ? "plain" : "variant";
                }
                else if (eatenCooked && word is "raw" or "cooked")
                {
                    // In a group eaten cooked the cooked form is the default: "raw" is an ordinary extra word there.
                    role = word is "cooked" ? "default" : null;
                }
                else if (role is "variant" && i >= 2 && words[i - 1].Text is "and" or "or" && words[i - 2].Segment == words[i].Segment
                    && WordRoles.GetValueOrDefault(words[i - 2].Text) is "plain" or "default")
                {
                    // A flavour listed with the plain one ("Soymilk, original and vanilla") is that plain form.
                    role = "plain";
                }
                else if (role is "product")
                {
                    // A product made from the food when it names the food ("Seeds, sunflower seed butter", "Peanut
                    // butter"); after the food's own name it is what the food is made with ("Croissants, butter",
                    // "Cookies, butter"), the plain form, and an ordinary word.
                    role = segment == head ? "variant" : null;
                }
                else if (word is "dried" && food.Category is "Nut and Seed Products")
                {
                    // SR names raw nuts and seeds "dried" ("Seeds, sunflower seed kernels, dried"): their usual form, so
                    // the word costs nothing (no default-form bonus: "Nuts, walnuts, english" names no form at all).
                    role = "plain";
                }

                // A community's name ("(Hopi)", "(Alaska Native)") says whose traditional preparation the food is: it
                // costs as a variant even as an aside, which is otherwise free.
                var community = role is "community";
                if (community)
                {
                    role = "variant";
                }

                if (role is null && !negated && AddedWith(words, i))
                {
                    // SR28 names what was added to a food in a segment of its own that starts with "with" ("Cheese,
                    // cottage, with vegetables", "Spaghetti, with meatballs in tomato sauce"): not the plain food, so each
                    // such word costs as a variant when the person did not ask for it.
                    role = "variant";
                }

                if (negated)
                {
                    role = role is "variant" or "plain" or "default" ? "plain" : null;
                    word = NegatedPrefix + word;
                }

                if (namedByForm && segment == head && !stop && !aside)
                {
                    role = null;
                }

                var free = stop || (aside && !community) || role is "plain" or "default" || (role is "class" && segment < head) || word.Length == 1 || char.IsAsciiDigit(word[0]);
                var flags = (byte)((segment == head ? Head : 0) | (free ? Stop : 0) | (role is "variant" ? Variant : 0) | (role is "default" && !aside ? DefaultForm : 0));
                if (segment == head && !free && !aside && first)
                {
                    flags |= First;
                    first = false;
                    firstAt = i;
                }
                else if (aside && segment == head && firstAt >= 0 && i == firstAt + 1 + glossed)
                {
                    // A word in parentheses right after the first word is another name for it ("Coriander (cilantro)
                    // leaves"): it ranks as the first word, so "cilantro" finds the leaves before coriander seed.
                    flags |= First;
                    glossed++;
                }

                if (mixedCase && words[i].Capitals)
                {
                    flags |= Brand;
                    if (i == 0 || !words[i - 1].Capitals || words[i - 1].Segment != segment)
                    {
                        flags |= BrandStart;
                    }
                }

                var term = Term(word);
                tokens.Add((term, flags));
                if (!free)
                {
                    var wordCost = role is "variant" ? VariantWordCost : segment == head ? HeadExtraWordCost : OtherExtraWordCost;
                    cost += wordCost;
                    costByTerm[term] = costByTerm.GetValueOrDefault(term) + wordCost;
                }
            }

            foreach (var (other, brand) in new[] { (food.OtherNames, false), (food.Brand, true) }.Where(text => text.Item1 is { Length: > 0 }))
            {
                // A Branded food's brand is one run of brand words, whatever its case.
                FoodText.Tokenize(other!, words);
                var start = true;
                foreach (var (word, stop, _, _, _) in words.Where(w => !w.Negated))
                {
                    tokens.Add((Term(word), (byte)(OtherName | (stop ? Stop : 0) | (brand ? Brand | (start ? BrandStart : 0) : 0))));
                    start = false;
                }
            }

            // What the food's words cost if none matched; a search subtracts what its matches can refund to stop early.
            // refunds[k - 1]: the most a query of k words can win back by matching (the k costliest words, repeats included).
            var largest = costByTerm.Values.OrderDescending().ToArray();
            var refunds = new double[RefundDepth];
            for (var k = 0; k < RefundDepth; k++)
            {
                refunds[k] = (k > 0 ? refunds[k - 1] : 0) + (k < largest.Length ? largest[k] : 0);
            }

            Foods.Add((food.FoodId, food.Description, [.. tokens], cost, Math.Clamp(food.Completeness, 0, 1), refunds, food.Category, food.Brand, food.InSurvey));
        }

        /// <summary>True when the word at <paramref name="i"/> is in a segment that starts with "with" and names an
        /// addition: not "with added vitamin A and vitamin D", which SR28 writes for the everyday fortified milk.</summary>
        private static bool AddedWith(List<FoodWord> words, int i)
        {
            var segment = words[i].Segment;
            var first = i;
            while (first > 0 && words[first - 1].Segment == segment)
            {
                first--;
            }

            if (first == i || words[first].Text != "with")
            {
                return false;
            }

            for (var j = first; j < words.Count && words[j].Segment == segment; j++)
            {
                if (words[j].Text == "added")
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>True when a name names two parts of the food ("Potatoes, baked, flesh and skin"): the whole food.</summary>
        private static bool NamesWhole(List<FoodWord> words) =>
            words.Where((w, i) => !w.Negated && WordRoles.GetValueOrDefault(w.Text) is "part" && !KeepsPart(words, i)).Select(w => w.Text).Distinct().Count() >= 2;

        /// <summary>True when the part word at <paramref name="i"/> says the part is kept on ("with skin", "includes skin", "cooked in
        /// skin"): the whole food, not the part alone.</summary>
        private static bool KeepsPart(List<FoodWord> words, int i) =>
            i > 0 && words[i - 1].Segment == words[i].Segment && words[i - 1].Text is "with" or "in" or "include" or "including";

        /// <summary>The segment holding the food's own name: the first, unless it is only a class such as "Nuts" (or a
        /// word of the usual form standing as one: "Seeds, sesame seeds").</summary>
        private static int HeadSegment(List<FoodWord> words, string? category)
        {
            // SR28 names seeds "Seeds, sesame seeds": there "Seeds" is a class, though the word is a form word elsewhere
            // ("Peas, split, mature seeds"). Elsewhere a first segment of form words only names the food ("Water, bottled").
            var firstSegment = words.Where(w => w.Segment == 0 && !w.Stop && !w.Aside).ToList();
            var classOnly = firstSegment.Count > 0 && firstSegment.All(w => WordRoles.GetValueOrDefault(w.Text) is "class"
                || (WordRoles.GetValueOrDefault(w.Text) is "plain" && category is "Nut and Seed Products"));
            return classOnly && words.Any(w => w.Segment == 1) ? 1 : 0;
        }

        private int Term(string word)
        {
            if (!TermIds.TryGetValue(word, out var id))
            {
                id = Terms.Count;
                Terms.Add(word);
                TermIds[word] = id;
            }

            return id;
        }
    }

    private sealed class Scratch
    {
        public List<FoodWord> Words { get; } = [];

        private ulong[] bits = [];
        private readonly List<ulong[]> filterPool = [];
        private int filtersInUse;

        /// <summary>A bit set of the foods on any of <paramref name="lists"/>, given back at the end of the search by
        /// <see cref="ReleaseFilters"/>.</summary>
        public ulong[] Filter(int foods, IEnumerable<int[]> lists)
        {
            var words = (foods + 63) / 64;
            if (filtersInUse == filterPool.Count)
            {
                filterPool.Add(new ulong[words]);
            }

            var filter = filterPool[filtersInUse];
            if (filter.Length != words)
            {
                filterPool[filtersInUse] = filter = new ulong[words];
            }

            filtersInUse++;
            foreach (var list in lists)
            {
                foreach (var doc in list)
                {
                    filter[doc >> 6] |= 1UL << doc;
                }
            }

            return filter;
        }

        /// <summary>What each query term can win back in one food, with a bit set of the foods that have it (null: all
        /// are assumed to), noted per run by <see cref="NoteRefunds"/>.</summary>
        public List<(int Term, double Cost, ulong[]? Set)> RefundTerms { get; } = [];

        /// <summary>What the query's terms other than <paramref name="term"/> can win back: a sum for those counted in
        /// every food, and the ones to look up in their bit sets.</summary>
        public (double Always, (double Cost, ulong[] Set)[] Present) OtherRefunds(int term)
        {
            var always = 0.0;
            var present = new List<(double, ulong[])>();
            foreach (var (other, cost, set) in RefundTerms)
            {
                if (other == term)
                {
                    continue;
                }

                if (set is null)
                {
                    always += cost;
                }
                else
                {
                    present.Add((cost, set));
                }
            }

            if (SharedRefund.Set is { } sharedSet)
            {
                // The term's own cost leaves the shared sum: every food on its list is in the shared set because of it.
                var own = SharedRefund.Terms.Where(t => t.Term == term).Sum(t => t.Cost);
                present.Add((SharedRefund.Cost - own, sharedSet));
            }

            return (always, [.. present]);
        }

        /// <summary>The terms that share one bit set in the bound, their summed cost and the set (null: none).</summary>
        public (double Cost, ulong[]? Set, List<(int Term, double Cost)> Terms) SharedRefund { get; set; } = (0, null, []);

        private ulong[] seen = [];
        private bool seenUsed;

        /// <summary>A bit set of the foods a run has scanned, cleared by <see cref="ReleaseSeen"/>.</summary>
        public ulong[] SeenFor(int foods)
        {
            var words = (foods + 63) / 64;
            if (seen.Length != words)
            {
                seen = new ulong[words];
            }

            seenUsed = true;
            return seen;
        }

        public void ReleaseSeen()
        {
            if (seenUsed)
            {
                Array.Clear(seen);
                seenUsed = false;
            }
        }

        // The bit set of each single term's foods, kept for the whole search: its synonym variants and the bound of
        // ScanDriver ask for the same terms again.
        private readonly Dictionary<int, ulong[]> termSets = [];

        /// <summary>A bit set of the foods that have <paramref name="term"/>, built once per search.</summary>
        public ulong[] TermSet(int foods, int term, int[][] postings)
        {
            if (!termSets.TryGetValue(term, out var set))
            {
                termSets[term] = set = Filter(foods, [postings[term]]);
            }

            return set;
        }

        /// <summary>A bit set of the foods with <paramref name="term"/> in their first segment, built once per search.</summary>
        public ulong[] HeadSet(int foods, int term, int[][] headPostings)
        {
            if (!headSets.TryGetValue(term, out var set))
            {
                headSets[term] = set = Filter(foods, [headPostings[term]]);
            }

            return set;
        }

        private readonly Dictionary<int, ulong[]> headSets = [];

        /// <summary>Clears and gives back every bit set of the search (<see cref="Filter"/> and <see cref="TermSet"/>).</summary>
        public void ReleaseFilters()
        {
            termSets.Clear();
            headSets.Clear();
            for (var i = 0; i < filtersInUse; i++)
            {
                Array.Clear(filterPool[i]);
            }

            filtersInUse = 0;
        }

        /// <summary>A cleared bit set over <paramref name="foods"/> foods; a union clears what it used as it reads it.</summary>
        public ulong[] Bits(int foods)
        {
            var words = (foods + 63) / 64;
            if (bits.Length != words)
            {
                bits = new ulong[words];
            }

            return bits;
        }

        public Dictionary<int, (double Score, double Confidence, bool Full)> Results { get; } = [];

        /// <summary>The score a food must reach to enter the results already held from earlier runs of this search
        /// (its other synonym variants): the limit-th best so far, or negative infinity while there are fewer.</summary>
        public double Floor { get; set; }

        /// <summary>What each query word matched, kept for the synonym variants and the fallback of one search.</summary>
        public Dictionary<(string Word, bool Last), List<(int Term, double Quality)>> WordMatches { get; } = [];

        public int[] TermSlot { get; private set; } = [];

        /// <summary>The terms the run marked <see cref="FoodNameScorer.Contradicted"/> in <see cref="TermSlot"/>.</summary>
        public List<int> ContradictedTerms { get; } = [];

        public double[] TermQuality { get; private set; } = [];

        public void Prepare(int termCount)
        {
            if (TermSlot.Length != termCount)
            {
                TermSlot = new int[termCount];
                Array.Fill(TermSlot, -1);
                TermQuality = new double[termCount];
            }

            Results.Clear();
            WordMatches.Clear();
            FullGroups.Clear();
        }

        /// <summary>The best results of the current run by (score, tie rank); the worst first: the lower score, and of
        /// equal scores the higher tie rank (a food outside the survey, then the higher food number).</summary>
        public PriorityQueue<int, (double Score, int Rank)> Top { get; } = new(Comparer<(double Score, int Rank)>.Create(
            (a, b) => a.Score != b.Score ? a.Score.CompareTo(b.Score) : b.Rank.CompareTo(a.Rank)));

        /// <summary>The groups of the foods with every query word, once the search fills up with foods missing one.</summary>
        public HashSet<int> FullGroups { get; } = [];

        private double[] slotWeights = [];

        /// <summary>Whether each slot of the run is optional, set with <see cref="SlotWeights"/>.</summary>
        public bool[] SlotOptional { get; private set; } = [];

        /// <summary>Whether each slot's word names a food of its own (<see cref="Slot.NamesFood"/>), set with <see cref="SlotWeights"/>.</summary>
        public bool[] SlotNamesFood { get; private set; } = [];
        private List<Slot>? weightsFor;

        /// <summary>What the confidence asks for beyond the slots' weights for query words no indexed word answers, set
        /// with <see cref="SlotWeights"/> (<see cref="FoodNameScorer.Score"/>'s <c>unknownWeight</c>).</summary>
        public double UnknownWeight { get; private set; }

        /// <summary>The weights of <paramref name="slots"/>, for the scorer (computed once per run).</summary>
        public double[] SlotWeights(List<Slot> slots)
        {
            if (!ReferenceEquals(weightsFor, slots) || slotWeights.Length != slots.Count)
            {
                slotWeights = [.. slots.Select(s => s.Weight)];
                SlotOptional = [.. slots.Select(s => s.Optional)];
                SlotNamesFood = [.. slots.Select(s => s.NamesFood)];
                // A word no indexed word answers weighs 1 in the score (every food misses it alike), but the confidence
                // asks for it as for a typical word of the query: what it says is not known, so the food may not be
                // what was meant ("zq22xv food 22" is not a fast food at 47 %).
                var known = slots.Where(s => s.Terms.Count > 0).Select(s => s.Weight).DefaultIfEmpty(0).Average();
                UnknownWeight = slots.Where(s => s.Terms.Count == 0 && !s.Optional).Sum(s => Math.Max(0, known - s.Weight));
                weightsFor = slots;
            }

            return slotWeights;
        }

        /// <summary>Keeps the better of this and an earlier result for <paramref name="doc"/>: one with every query word
        /// (<paramref name="full"/>) before one without, then the higher score.</summary>
        public void Offer(int doc, double score, double confidence, bool full)
        {
            if (!Results.TryGetValue(doc, out var existing) || (full && !existing.Full) || (full == existing.Full && existing.Score < score))
            {
                Results[doc] = (score, confidence, full);
            }
        }
    }
}

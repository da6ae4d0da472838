using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Replete.Foods;

namespace Replete.Benchmarks;

/// <summary>What a developer would build with Lucene.NET instead: an in-memory index of the same names, analysed with
/// the English analyzer (lower case, stop words, Porter stemming, so "bananas" finds "banana"), ranked by BM25. Each query
/// word is a SHOULD clause of its exact stem (boost 2), a fuzzy match (one edit up to 5 letters, two above, as Lucene's
/// own default allows) and, for the last word, a prefix; the whole query is also a sloppy phrase (slop 2, boost 2), so
/// names that keep the words together rank first. The boosts are this benchmark's choice, the usual first setup.</summary>
internal sealed class LuceneSearch : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private readonly RAMDirectory directory = new();
    private readonly Analyzer analyzer = new EnglishAnalyzer(Version);
    private readonly DirectoryReader reader;
    private readonly IndexSearcher searcher;
    private readonly NumericDocValues ids;

    public LuceneSearch(IReadOnlyList<FoodSearchEntry> names)
    {
        var config = new IndexWriterConfig(Version, analyzer) { Similarity = new BM25Similarity(), OpenMode = OpenMode.CREATE };
        using (var writer = new IndexWriter(directory, config))
        {
            foreach (var entry in names)
            {
                writer.AddDocument(new Document
                {
                    new TextField("name", entry.Description, Field.Store.NO),
                    new NumericDocValuesField("id", entry.FoodId),
                });
            }

            // One segment, so a hit's food id is read from one doc-values column with no stored-field lookup.
            writer.ForceMerge(1);
            writer.Commit();
        }

        reader = DirectoryReader.Open(directory);
        searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        ids = reader.Leaves[0].AtomicReader.GetNumericDocValues("id");
    }

    /// <summary>The ids of the best <paramref name="limit"/> foods for <paramref name="text"/>, best first.</summary>
    public IReadOnlyList<int> Search(string text, int limit)
    {
        var stems = Analyze(text);
        if (stems.Count == 0)
        {
            return [];
        }

        var query = new BooleanQuery();
        for (var i = 0; i < stems.Count; i++)
        {
            var word = new BooleanQuery
            {
                { new TermQuery(new Term("name", stems[i])) { Boost = 2 }, Occur.SHOULD },
                { new FuzzyQuery(new Term("name", stems[i]), stems[i].Length > 5 ? 2 : 1), Occur.SHOULD },
            };
            if (i == stems.Count - 1 && stems[i].Length >= 3)
            {
                word.Add(new PrefixQuery(new Term("name", stems[i])), Occur.SHOULD);
            }

            query.Add(word, Occur.SHOULD);
        }

        if (stems.Count > 1)
        {
            var phrase = new PhraseQuery { Slop = 2, Boost = 2 };
            foreach (var stem in stems)
            {
                phrase.Add(new Term("name", stem));
            }

            query.Add(phrase, Occur.SHOULD);
        }

        var hits = searcher.Search(query, limit).ScoreDocs;
        var found = new int[hits.Length];
        for (var i = 0; i < hits.Length; i++)
        {
            found[i] = (int)ids.Get(hits[i].Doc);
        }

        return found;
    }

    private List<string> Analyze(string text)
    {
        var stems = new List<string>();
        using var stream = analyzer.GetTokenStream("name", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            stems.Add(term.ToString());
        }

        stream.End();
        return stems;
    }

    public void Dispose()
    {
        reader.Dispose();
        analyzer.Dispose();
        directory.Dispose();
    }
}

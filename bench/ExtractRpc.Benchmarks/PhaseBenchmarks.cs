using BenchmarkDotNet.Attributes;
using ExtractRpc.Engine.Dates;
using ExtractRpc.Engine.Extractors;
using ExtractRpc.Engine.Lexicon;
using ExtractRpc.Engine.Pipeline;
using ExtractRpc.Engine.Quotes;

namespace ExtractRpc.Benchmarks;

/// <summary>
/// Each stage alone over the five seed articles: text analysis (folding, tokens, vocabulary ids)
/// and, on an analyzed document, each extractor. Divide the seeds' 12,115 chars (22,207 bytes of UTF-8) by the mean to
/// get chars per second.
/// </summary>
[MemoryDiagnoser]
public class PhaseBenchmarks
{
    private CompiledLexicon _lexicon = null!;
    private string[] _articles = null!;
    private Document[] _docs = null!;
    private List<EntityHit>[] _hits = null!;
    private readonly EntityExtractor _entities = new();
    private readonly DateExtractor _dates = new();
    private readonly QuoteExtractor _quotes = new();

    [GlobalSetup]
    public void Setup()
    {
        _lexicon = LexiconCompiler.Compile();
        _articles = [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds"), "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText)];
        _docs = [.. _articles.Select(a => Document.Create(a, _lexicon, CancellationToken.None))];
        _hits = [.. _docs.Select(d =>
        {
            var hits = new List<EntityHit>();
            _entities.Extract(d, hits, CancellationToken.None);
            return hits;
        })];
    }

    [Benchmark]
    public int Analyze()
    {
        var n = 0;
        foreach (var a in _articles)
        {
            using var d = Document.Create(a, _lexicon, CancellationToken.None);
            n += d.Count;
        }

        return n;
    }

    [Benchmark]
    public int Entities()
    {
        var n = 0;
        foreach (var d in _docs)
        {
            var hits = new List<EntityHit>();
            _entities.Extract(d, hits, CancellationToken.None);
            n += hits.Count;
        }

        return n;
    }

    [Benchmark]
    public int Dates()
    {
        var n = 0;
        var reference = new DateTime(2022, 5, 4);
        foreach (var d in _docs)
        {
            var hits = new List<DateHit>();
            _dates.Extract(d, reference, hits, CancellationToken.None);
            n += hits.Count;
        }

        return n;
    }

    [Benchmark]
    public int Quotes()
    {
        var n = 0;
        for (var i = 0; i < _docs.Length; i++)
        {
            var quotes = new List<QuoteMention>();
            _quotes.Extract(_docs[i], _hits[i], quotes, CancellationToken.None);
            n += quotes.Count;
        }

        return n;
    }
}

using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using ExtractRpc.Engine;
using ExtractRpc.Engine.Lexicon;
using ExtractRpc.Engine.Pipeline;

namespace ExtractRpc.Benchmarks;

/// <summary>
/// In-process throughput on real news text: the five seed articles (22 KB of UTF-8, 12,000 chars),
/// one at a time, through each extractor alone and through the whole pipeline. The "chars/s" column
/// is the article characters processed per second on one core.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class PipelineBenchmarks
{
    private ExtractionPipeline _pipeline = null!;
    private string[] _articles = null!;
    private readonly DateTimeOffset _reference = new(2022, 5, 4, 12, 0, 0, TimeSpan.Zero);

    [Params(ExtractionKinds.All, ExtractionKinds.Entities, ExtractionKinds.Dates, ExtractionKinds.Quotes)]
    public ExtractionKinds Kinds { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _pipeline = new ExtractionPipeline(LexiconCompiler.Compile());
        _articles = [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds"), "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText)];
    }

    [Benchmark(Description = "five seed articles")]
    public int Extract()
    {
        var found = 0;
        var options = new ExtractionOptions(Kinds, _reference, TimeZoneInfo.Utc);
        foreach (var article in _articles)
        {
            var r = _pipeline.Extract(article, options);
            found += r.Entities.Count + r.Dates.Count + r.Quotes.Count;
        }

        return found;
    }

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new ThroughputColumn());
    }

    /// <summary>Characters per second and UTF-8 megabytes per second, from the mean time.</summary>
    private sealed class ThroughputColumn : IColumn
    {
        public string Id => nameof(ThroughputColumn);
        public string ColumnName => "chars/s (MB/s UTF-8)";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "article characters per second on one core (UTF-8 MB/s)";

        public string GetValue(Summary summary, BenchmarkDotNet.Running.BenchmarkCase benchmarkCase)
        {
            var report = summary[benchmarkCase];
            if (report?.ResultStatistics is null)
            {
                return "-";
            }

            // The column is computed in the host process, which reads the same articles.
            var seconds = report.ResultStatistics.Mean / 1e9;
            var text = string.Concat(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds"), "*.txt").Select(File.ReadAllText));
            var chars = text.Length;
            var bytes = Encoding.UTF8.GetByteCount(text);
            return $"{chars / seconds / 1e6:F1} M ({bytes / seconds / 1e6:F1})";
        }

        public string GetValue(Summary summary, BenchmarkDotNet.Running.BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);
        public bool IsDefault(Summary summary, BenchmarkDotNet.Running.BenchmarkCase benchmarkCase) => false;
        public bool IsAvailable(Summary summary) => true;
    }
}

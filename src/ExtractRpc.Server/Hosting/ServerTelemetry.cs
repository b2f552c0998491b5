using System.Diagnostics;
using System.Diagnostics.Metrics;
using ExtractRpc.Protocol.V1;

namespace ExtractRpc.Server.Hosting;

/// <summary>
/// The server's own metrics and traces, under the name <see cref="Name"/>: calls and their duration by
/// method and status, documents and characters processed, entities, dates and quotes found, cache hits
/// and misses, and the lexicon in use. Instruments are created once; recording is lock-free.
/// Singleton, thread-safe.
/// </summary>
public sealed class ServerTelemetry : IDisposable
{
    /// <summary>The meter's and the activity source's name.</summary>
    public const string Name = "ExtractRpc.Server";

    /// <summary>Spans for extraction work, children of ASP.NET Core's request span.</summary>
    public static readonly ActivitySource Source = new(Name, typeof(ServerTelemetry).Assembly.GetName().Version?.ToString());

    private readonly Meter _meter;
    private readonly Counter<long> _calls;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _documents;
    private readonly Counter<long> _characters;
    private readonly Counter<long> _entities;
    private readonly Counter<long> _dates;
    private readonly Counter<long> _quotes;

    /// <summary>Creates the instruments on a meter from <paramref name="meters"/>.</summary>
    public ServerTelemetry(IMeterFactory meters, LexiconHost lexicon)
    {
        _meter = meters.Create(Name, typeof(ServerTelemetry).Assembly.GetName().Version?.ToString());
        _calls = _meter.CreateCounter<long>("extractrpc.rpc.calls", "{call}", "gRPC calls completed, by rpc.method and rpc.grpc.status_code");
        _duration = _meter.CreateHistogram<double>("extractrpc.rpc.duration", "s", "gRPC call duration, by rpc.method and rpc.grpc.status_code",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        _documents = _meter.CreateCounter<long>("extractrpc.documents", "{document}", "documents extracted, by cache (hit or miss); hit / all is the cache hit ratio");
        _characters = _meter.CreateCounter<long>("extractrpc.characters", "{character}", "characters (UTF-16 code units) of documents extracted");
        _entities = _meter.CreateCounter<long>("extractrpc.entities", "{entity}", "entity mentions returned");
        _dates = _meter.CreateCounter<long>("extractrpc.dates", "{date}", "temporal expressions returned");
        _quotes = _meter.CreateCounter<long>("extractrpc.quotes", "{quote}", "quotes returned");
        _meter.CreateObservableGauge("extractrpc.lexicon.entries", () =>
        {
            var current = lexicon.Current.Lexicon;
            return new Measurement<long>(current.Entries.Length, new KeyValuePair<string, object?>("lexicon.version", current.Version));
        }, "{entry}", "entries in the lexicon in use, with its version");
    }

    /// <summary>Records one completed call.</summary>
    public void RecordCall(string method, Grpc.Core.StatusCode status, TimeSpan elapsed)
    {
        var tags = new TagList { { "rpc.method", method }, { "rpc.grpc.status_code", (int)status } };
        _calls.Add(1, tags);
        _duration.Record(elapsed.TotalSeconds, tags);
    }

    /// <summary>Records one document's results.</summary>
    public void RecordDocument(int characters, ExtractResponse response, bool cacheHit) =>
        RecordDocument(characters, response.Entities.Count, response.Dates.Count, response.Quotes.Count, cacheHit);

    /// <summary>Records one document answered from the cache.</summary>
    public void RecordDocument(int characters, Services.CachedResponse response, bool cacheHit) =>
        RecordDocument(characters, response.Entities, response.Dates, response.Quotes, cacheHit);

    private void RecordDocument(int characters, int entities, int dates, int quotes, bool cacheHit)
    {
        _documents.Add(1, new KeyValuePair<string, object?>("cache", cacheHit ? "hit" : "miss"));
        _characters.Add(characters);
        _entities.Add(entities);
        _dates.Add(dates);
        _quotes.Add(quotes);
    }

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}

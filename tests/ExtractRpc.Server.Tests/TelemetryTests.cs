using System.Diagnostics;
using System.Net;
using ExtractRpc.Protocol.V1;
using ExtractRpc.Server.Hosting;
using Grpc.Core;

namespace ExtractRpc.Server.Tests;

/// <summary>
/// Meters are process-wide by name: OpenTelemetry in one host also hears the meters of other hosts
/// in the same process. These tests run alone, after the parallel ones, so the counts are theirs.
/// </summary>
[CollectionDefinition(nameof(TelemetryTests), DisableParallelization = true)]
public sealed class TelemetryCollection;

/// <summary>OpenTelemetry: the Prometheus scrape endpoint and the extraction spans.</summary>
[Collection(nameof(TelemetryTests))]
public sealed class TelemetryTests
{
    private const string Article = "قال الرئيس الروسي فلاديمير بوتين في موسكو يوم 3 تشرين الثاني/ نوفمبر 2022: \"لن نتراجع\".";

    [Fact]
    public async Task Metrics_CountCallsByStatus_DocumentsByCache_AndWhatWasFound()
    {
        await using var host = await ServerHost.StartOnLoopbackAsync(new Dictionary<string, string?> { ["Extractor:CacheAdmission"] = "FirstRequest" });
        var client = new Extractor.ExtractorClient(host.Channel);
        var request = new ExtractRequest { Text = Article, ReferenceTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(new DateTime(2022, 11, 5, 10, 0, 0, DateTimeKind.Utc)) };
        var first = await client.ExtractAsync(request);
        await client.ExtractAsync(request); // same text, options and lexicon: a cache hit
        var bad = await Assert.ThrowsAsync<RpcException>(async () => await client.ExtractAsync(new ExtractRequest { Text = "" }));
        Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);

        using var http = new HttpClient { BaseAddress = new Uri(host.Address), DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        var text = await http.GetStringAsync("/metrics");
        var lines = text.Split('\n');

        double Value(string name, params string[] labels)
        {
            var line = lines.Single(l => l.StartsWith(name + "{", StringComparison.Ordinal) && labels.All(label => l.Contains(label, StringComparison.Ordinal)));
            return double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        }

        Assert.Equal(2, Value("extractrpc_rpc_calls_total", "rpc_method=\"/extractrpc.v1.Extractor/Extract\"", "rpc_grpc_status_code=\"0\""));
        Assert.Equal(1, Value("extractrpc_rpc_calls_total", "rpc_method=\"/extractrpc.v1.Extractor/Extract\"", "rpc_grpc_status_code=\"3\""));
        Assert.Equal(2, Value("extractrpc_rpc_duration_seconds_count", "rpc_grpc_status_code=\"0\""));
        Assert.Equal(1, Value("extractrpc_documents_total", "cache=\"miss\""));
        Assert.Equal(1, Value("extractrpc_documents_total", "cache=\"hit\""));
        Assert.Equal(2 * Article.Length, Value("extractrpc_characters_total"));
        Assert.Equal(2 * first.Entities.Count, Value("extractrpc_entities_total"));
        Assert.Equal(2 * first.Dates.Count, Value("extractrpc_dates_total"));
        Assert.Equal(2 * first.Quotes.Count, Value("extractrpc_quotes_total"));
        Assert.True(first.Entities.Count >= 3 && first.Dates.Count == 1 && first.Quotes.Count == 1);
        Assert.True(Value("extractrpc_lexicon_entries", $"lexicon_version=\"{first.LexiconVersion}\"") > 20_000);
    }

    [Fact]
    public async Task Extraction_IsTracedWithItsCounts()
    {
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ServerTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (spans) { spans.Add(activity); } },
        };
        ActivitySource.AddActivityListener(listener);

        await using var host = await ServerHost.StartInMemoryAsync(new Dictionary<string, string?> { ["Extractor:CacheSizeBytes"] = "0" });
        var client = new Extractor.ExtractorClient(host.Channel);
        // A text no other test sends: the listener sees spans from tests running in parallel too.
        var text = Article + " " + Guid.NewGuid().ToString("N");
        var response = await client.ExtractAsync(new ExtractRequest { Text = text });

        Activity span;
        lock (spans)
        {
            span = Assert.Single(spans, s => s.OperationName == "extractrpc.extract" && (int?)s.GetTagItem("extractrpc.characters") == text.Length);
        }

        Assert.Equal("off", span.GetTagItem("extractrpc.cache"));
        Assert.Equal(response.Entities.Count, span.GetTagItem("extractrpc.entities"));
        Assert.Equal(response.Quotes.Count, span.GetTagItem("extractrpc.quotes"));
        Assert.Equal(response.LexiconVersion, span.GetTagItem("extractrpc.lexicon.version"));
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text;
using ExtractRpc.Engine;
using ExtractRpc.Engine.Lexicon;
using ExtractRpc.Engine.Pipeline;
using ExtractRpc.Protocol.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace ExtractRpc.Cli;

/// <summary>
/// <c>bench</c>: throughput in-process and against a running server (unary and streaming, at several
/// concurrency levels), as a table and optionally a plot of throughput and p99 latency against
/// concurrency. Requests carry a unique suffix so that the server's cache misses, unless --cache hit.
/// </summary>
internal static class BenchCommand
{
    private sealed record Row(string Mode, int Concurrency, double Rate, double MegabytesPerSecond, double P50, double P99, long Errors);

    public static async Task<int> RunAsync(CliOptions options, TextWriter stdout)
    {
        var seconds = options.GetPositive("--seconds", 5);
        var warmup = options.GetPositive("--warmup", 3);
        var levels = options.GetIntList("--concurrency", "1,4,16,64", min: 1);
        var cacheHits = options.Get("--cache") == "hit";
        var articles = LoadArticles(options.Get("--articles") ?? "seeds");
        var rows = new List<Row>
        {
            InProcess(articles, TimeSpan.FromSeconds(warmup), TimeSpan.FromSeconds(seconds)),
        };

        if (options.Get("--server") is { } server)
        {
            using var channel = GrpcChannel.ForAddress(server, new GrpcChannelOptions { MaxReceiveMessageSize = null, HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true } });
            var client = new Extractor.ExtractorClient(channel);

            // The server warms up as the in-process pipeline did (and this client with it): a cold
            // server ran its first row at a fifth of its rate.
            await Unary(client, articles, 4, TimeSpan.FromSeconds(warmup), cacheHits);
            await Stream(client, articles, 4, TimeSpan.FromSeconds(warmup), cacheHits);
            foreach (var c in levels)
            {
                rows.Add(await Unary(client, articles, c, TimeSpan.FromSeconds(seconds), cacheHits));
            }

            foreach (var c in levels)
            {
                rows.Add(await Stream(client, articles, c, TimeSpan.FromSeconds(seconds), cacheHits));
            }
        }

        stdout.WriteLine($"{articles.Length} articles, {articles.Sum(a => a.Length)} chars, {articles.Sum(a => Encoding.UTF8.GetByteCount(a))} UTF-8 bytes; {seconds} s per row; cache {(cacheHits ? "hits" : "misses")}");
        stdout.WriteLine("| mode | concurrency | docs/s | MB/s UTF-8 | p50 ms | p99 ms | errors |");
        stdout.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {r.Mode} | {r.Concurrency} | {r.Rate:F0} | {r.MegabytesPerSecond:F1} | {r.P50:F2} | {r.P99:F2} | {r.Errors} |"));
        }

        if (options.Get("--plot") is { } plot && rows.Any(r => r.Mode != "in-process"))
        {
            Plot(rows, plot);
            stdout.WriteLine($"plot written to {plot}");
        }

        return CliApp.Ok;
    }

    private static string[] LoadArticles(string folder) =>
        Directory.Exists(folder)
            ? [.. Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText)]
            : throw new CliUsageException($"no such folder: {folder} (--articles)");

    // One thread, the whole pipeline, every kind: what one core does. The warm-up runs for a while,
    // not a number of calls: tiered compilation replaces the first code of the hot methods (and their
    // on-stack replacements) with optimized, profile-guided code over the first seconds; measured
    // from the start, a 3 s row ran at two thirds of the rate of a 20 s one.
    private static Row InProcess(string[] articles, TimeSpan warmup, TimeSpan duration)
    {
        var pipeline = new ExtractionPipeline(LexiconCompiler.Compile());
        var options = new ExtractionOptions(ExtractionKinds.All, DateTimeOffset.UtcNow, TimeZoneInfo.Utc);
        var bytes = articles.Select(a => (long)Encoding.UTF8.GetByteCount(a)).ToArray();
        var warming = Stopwatch.StartNew();
        for (var i = 0; warming.Elapsed < warmup || i < articles.Length; i++)
        {
            pipeline.Extract(articles[i % articles.Length], options);
        }

        var latencies = new List<double>();
        var clock = Stopwatch.StartNew();
        long docs = 0, total = 0;
        while (clock.Elapsed < duration)
        {
            var i = (int)(docs % articles.Length);
            var t = Stopwatch.GetTimestamp();
            pipeline.Extract(articles[i], options);
            latencies.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            docs++;
            total += bytes[i];
        }

        var s = clock.Elapsed.TotalSeconds;
        return new Row("in-process", 1, docs / s, total / s / 1e6, Percentile(latencies, 0.5), Percentile(latencies, 0.99), 0);
    }

    private static async Task<Row> Unary(Extractor.ExtractorClient client, string[] articles, int concurrency, TimeSpan duration, bool cacheHits)
    {
        var latencies = new List<double>[concurrency];
        var clock = Stopwatch.StartNew();
        long docs = 0, total = 0, errors = 0;
        var workers = Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            latencies[w] = [];
            var n = 0;
            while (clock.Elapsed < duration)
            {
                var text = Text(articles, w, n++, cacheHits);
                var t = Stopwatch.GetTimestamp();
                try
                {
                    await client.ExtractAsync(new ExtractRequest { Text = text });
                    latencies[w].Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                    Interlocked.Increment(ref docs);
                    Interlocked.Add(ref total, Encoding.UTF8.GetByteCount(text));
                }
                catch (Grpc.Core.RpcException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        var s = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).ToList();
        return new Row("unary", concurrency, docs / s, total / s / 1e6, Percentile(all, 0.5), Percentile(all, 0.99), errors);
    }

    private static async Task<Row> Stream(Extractor.ExtractorClient client, string[] articles, int concurrency, TimeSpan duration, bool cacheHits)
    {
        var clock = Stopwatch.StartNew();
        long docs = 0, total = 0, errors = 0;
        var latencies = new List<double>[concurrency];
        var workers = Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            latencies[w] = [];
            using var call = client.ExtractStream();
            var sent = new System.Collections.Concurrent.ConcurrentQueue<long>();
            var writer = Task.Run(async () =>
            {
                var n = 0;
                while (clock.Elapsed < duration)
                {
                    // Keep a window of 8 documents in flight per stream.
                    while (sent.Count >= 8 && clock.Elapsed < duration)
                    {
                        await Task.Delay(1);
                    }

                    var text = Text(articles, w, n++, cacheHits);
                    sent.Enqueue(Stopwatch.GetTimestamp());
                    await call.RequestStream.WriteAsync(new ExtractRequest { Text = text });
                    Interlocked.Add(ref total, Encoding.UTF8.GetByteCount(text));
                }

                await call.RequestStream.CompleteAsync();
            });
            await foreach (var response in call.ResponseStream.ReadAllAsync())
            {
                if (sent.TryDequeue(out var t))
                {
                    latencies[w].Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                }

                if (response.Error is not null)
                {
                    Interlocked.Increment(ref errors);
                }
                else
                {
                    Interlocked.Increment(ref docs);
                }
            }

            await writer;
        })).ToArray();
        await Task.WhenAll(workers);
        var s = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).ToList();
        return new Row("stream", concurrency, docs / s, total / s / 1e6, Percentile(all, 0.5), Percentile(all, 0.99), errors);
    }

    // A unique suffix defeats the server's result cache (a miss); the bare article is a hit after the first call.
    private static string Text(string[] articles, int worker, int n, bool cacheHits) =>
        cacheHits ? articles[n % articles.Length] : string.Create(CultureInfo.InvariantCulture, $"{articles[n % articles.Length]}\n{worker}-{n}");

    private static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        values.Sort();
        return values[Math.Min(values.Count - 1, (int)(p * values.Count))];
    }

    private static void Plot(List<Row> rows, string path)
    {
        var plot = new ScottPlot.Plot();
        foreach (var mode in new[] { "unary", "stream" })
        {
            var r = rows.Where(x => x.Mode == mode).ToArray();
            if (r.Length == 0)
            {
                continue;
            }

            var xs = r.Select(x => Math.Log2(x.Concurrency)).ToArray();
            var rate = plot.Add.Scatter(xs, r.Select(x => x.Rate).ToArray());
            rate.LegendText = $"{mode} docs/s";
            var p99 = plot.Add.Scatter(xs, r.Select(x => x.P99).ToArray());
            p99.LegendText = $"{mode} p99 ms";
            p99.Axes.YAxis = plot.Axes.Right;
        }

        plot.Title("ExtractRpc throughput and p99 latency against concurrency");
        plot.XLabel("log2(concurrent calls or streams)");
        plot.YLabel("documents per second");
        plot.Axes.Right.Label.Text = "p99 latency (ms)";
        plot.ShowLegend();
        plot.SavePng(path, 900, 500);
    }
}

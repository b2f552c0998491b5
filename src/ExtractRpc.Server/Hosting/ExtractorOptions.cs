namespace ExtractRpc.Server.Hosting;

/// <summary>Service settings, bound from the "Extractor" configuration section (appsettings.json or
/// environment variables such as <c>Extractor__MaxTextBytes</c>).</summary>
public sealed class ExtractorOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Extractor";

    /// <summary>Largest accepted text in UTF-8 bytes; larger is RESOURCE_EXHAUSTED.</summary>
    public int MaxTextBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Largest accepted gRPC message in bytes (grpc-dotnet answers RESOURCE_EXHAUSTED above it).</summary>
    public int MaxMessageBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Memory the result cache may hold, in bytes (0 turns the cache off).</summary>
    public long CacheSizeBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Which responses the result cache stores: by default a text's response is stored the second
    /// time the text is asked for (recently), so articles sent once, most of a news feed, cost neither
    /// serialization nor cache memory; <see cref="CacheAdmission.FirstRequest"/> stores every response.</summary>
    public CacheAdmission CacheAdmission { get; set; } = CacheAdmission.SecondRequest;

    /// <summary>Extra entity lexicon files (TSV: id, type, arabic, english, aliases), merged at start-up
    /// and reloaded when they change.</summary>
    public string[] UserLexicons { get; set; } = [];

    /// <summary>Where the compiled lexicon is kept between starts (a file of about 12 MB): a start reads it
    /// instead of compiling the lexicon (about 0.1 s against 0.6–0.9 s), when it was written from the same
    /// data files and the same engine build; otherwise the lexicon is compiled and the file rewritten in the
    /// background. Empty turns it off. Default: <c>extractrpc/lexicon.snapshot</c> in the user's local
    /// application data (<c>~/.local/share</c> on Linux), not the shared temp directory, where another
    /// account could leave a file of its own.</summary>
    public string LexiconSnapshot { get; set; } = DefaultSnapshotPath();

    private static string DefaultSnapshotPath()
    {
        var data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return string.IsNullOrEmpty(data) ? "" : Path.Combine(data, "extractrpc", "lexicon.snapshot");
    }

    /// <summary>API keys; when any is set, every call but health needs one (<c>authorization: Bearer KEY</c>
    /// or <c>x-api-key</c>). Also from the environment: <c>Extractor__ApiKeys__0=…</c>.</summary>
    public string[] ApiKeys { get; set; } = [];

    /// <summary>Calls processed at once; further calls wait in a short queue.</summary>
    public int MaxConcurrentCalls { get; set; } = Environment.ProcessorCount * 64;

    /// <summary>Calls that may wait for a slot; beyond it a call is answered RESOURCE_EXHAUSTED at once.</summary>
    public int MaxQueuedCalls { get; set; } = Environment.ProcessorCount * 64;

    /// <summary>Seconds between SIGTERM (health NOT_SERVING) and the server's stop; calls in flight finish.</summary>
    public double ShutdownDrainSeconds { get; set; } = 5;
}

/// <summary>When the result cache stores a response.</summary>
public enum CacheAdmission
{
    /// <summary>When its request is seen the second time among recent requests (a doorkeeper, as in TinyLFU).</summary>
    SecondRequest,

    /// <summary>Always: every response is stored.</summary>
    FirstRequest,
}

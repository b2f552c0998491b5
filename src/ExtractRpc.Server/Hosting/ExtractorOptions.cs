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

    /// <summary>Extra entity lexicon files (TSV: id, type, arabic, english, aliases), merged at start-up
    /// and reloaded when they change.</summary>
    public string[] UserLexicons { get; set; } = [];
}

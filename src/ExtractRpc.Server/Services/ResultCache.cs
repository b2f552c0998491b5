using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using ExtractRpc.Protocol;
using ExtractRpc.Protocol.V1;
using ExtractRpc.Server.Hosting;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ExtractRpc.Server.Services;

/// <summary>
/// Responses by a hash of text, options and lexicon version, bounded by size. A request with no
/// reference time depends on the clock, so its key carries the current minute. Thread-safe.
/// </summary>
public sealed class ResultCache
{
    private readonly MemoryCache? _cache;
    private readonly TimeProvider _clock;
    private long _hits;
    private long _misses;

    /// <summary>Creates the cache; a size of 0 turns it off.</summary>
    public ResultCache(IOptions<ExtractorOptions> options, TimeProvider clock)
    {
        _clock = clock;
        var size = options.Value.CacheSizeBytes;
        if (size > 0)
        {
            _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = size, CompactionPercentage = 0.25 });
        }
    }

    /// <summary>False when the configured size is 0.</summary>
    public bool Enabled => _cache is not null;

    /// <summary>Hits so far.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Misses so far.</summary>
    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>The cache key of a request.</summary>
    public string Key(ValidatedRequest request, string lexiconVersion)
    {
        var o = request.Options;
        var reference = o.ReferenceTime is { } r ? r.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture) : "clock@" + (_clock.GetUtcNow().UtcTicks / TimeSpan.TicksPerMinute).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var header = $"{lexiconVersion}|{(int)o.Kinds}|{(int)request.Unit}|{o.TimeZone.Id}|{reference}|";
        var max = Encoding.UTF8.GetMaxByteCount(request.Text.Length);
        var buffer = ArrayPool<byte>.Shared.Rent(max);
        try
        {
            var n = Encoding.UTF8.GetBytes(request.Text, buffer);
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(buffer.AsSpan(0, n), hash);
            return header + Convert.ToHexString(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>A cached response (to be cloned before its id is set), or null.</summary>
    public ExtractResponse? Get(string key)
    {
        if (_cache is null)
        {
            return null;
        }

        if (_cache.TryGetValue(key, out ExtractResponse? response))
        {
            Interlocked.Increment(ref _hits);
            return response;
        }

        Interlocked.Increment(ref _misses);
        return null;
    }

    /// <summary>
    /// What an entry costs on the heap, which is what the configured size bounds. A response in memory
    /// is several times its wire size: every mention is an object with its strings in UTF-16 and the
    /// span messages beside it. Four times the wire size, plus the key, stays above what a soak of
    /// mixed articles measured.
    /// </summary>
    private static long EstimatedBytes(ExtractResponse response, string key) =>
        (ObjectBytesPerWireByte * (long)response.CalculateSize()) + (key.Length * 2L) + EntryOverheadBytes;

    private const int ObjectBytesPerWireByte = 4;
    private const int EntryOverheadBytes = 512;

    /// <summary>Stores a response (without its id) under <paramref name="key"/>.</summary>
    public void Set(string key, ExtractResponse response)
    {
        if (_cache is null)
        {
            return;
        }

        var stored = response.Clone();
        stored.Id = "";
        _cache.Set(key, stored, new MemoryCacheEntryOptions { Size = EstimatedBytes(stored, key) });
    }
}

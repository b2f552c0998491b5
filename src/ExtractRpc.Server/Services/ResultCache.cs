using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using ExtractRpc.Engine.Pipeline;
using ExtractRpc.Protocol;
using ExtractRpc.Protocol.V1;
using ExtractRpc.Server.Hosting;
using Google.Protobuf;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ExtractRpc.Server.Services;

/// <summary>
/// Responses by a hash of text, options and lexicon version, bounded by size. A request with no
/// reference time depends on the clock, so its key carries the current minute. By default a response
/// is stored only when its key comes a second time (<see cref="CacheAdmission"/>). Thread-safe.
/// </summary>
public sealed class ResultCache
{
    private readonly MemoryCache? _cache;
    private readonly TimeProvider _clock;

    // The doorkeeper: a fingerprint of each key seen once and not stored, one per slot, newest wins.
    // Null when every response is stored.
    private readonly int[]? _seenOnce;
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
            if (options.Value.CacheAdmission == CacheAdmission.SecondRequest)
            {
                // About four slots for each response the cache can hold (a response of a news article is
                // about 8 KB), so a text asked for again while its response could still be cached is let in.
                var slots = (int)Math.Clamp(System.Numerics.BitOperations.RoundUpToPowerOf2((ulong)(size / 2048)), 4096UL, 1UL << 20);
                _seenOnce = new int[slots];
            }
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
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(request.Text.Length));
        try
        {
            var n = Encoding.UTF8.GetBytes(request.Text, buffer);
            return Key(request.Options, request.Unit, lexiconVersion, buffer.AsSpan(0, n));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The cache key of a request whose text is <paramref name="utf8Text"/> in UTF-8. Stored keys come
    /// from texts that passed validation, so a key found for bytes nobody has checked means those bytes
    /// are a valid text: anything else would be a SHA-256 collision.
    /// </summary>
    public string Key(ExtractionOptions options, OffsetUnit unit, string lexiconVersion, ReadOnlySpan<byte> utf8Text)
    {
        var reference = options.ReferenceTime is { } r ? r.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture) : "clock@" + (_clock.GetUtcNow().UtcTicks / TimeSpan.TicksPerMinute).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(utf8Text, hash);
        return $"{lexiconVersion}|{(int)options.Kinds}|{(int)unit}|{options.TimeZone.Id}|{reference}|{Convert.ToHexString(hash)}";
    }

    /// <summary>The cached response for <paramref name="key"/>, counted as a hit; or null, not counted
    /// (the call goes on to the service, whose lookup counts it).</summary>
    public CachedResponse? GetHit(string key)
    {
        if (_cache is not null && _cache.TryGetValue(key, out CachedResponse? response))
        {
            Interlocked.Increment(ref _hits);
            return response;
        }

        return null;
    }

    /// <summary>The cached response for <paramref name="key"/>, or null; counted as a hit or a miss.</summary>
    public CachedResponse? Get(string key)
    {
        var response = GetHit(key);
        if (response is null && _cache is not null)
        {
            Interlocked.Increment(ref _misses);
        }

        return response;
    }

    /// <summary>
    /// Offers <paramref name="response"/> to a text of <paramref name="characters"/> UTF-16 code units,
    /// which must not carry the caller's id yet, under <paramref name="key"/>; it is stored if the
    /// admission policy lets it in (see <see cref="CacheAdmission"/>). It is kept serialized: a hit is
    /// written to the wire as it is, and the bytes are all the configured size has to bound.
    /// </summary>
    public void Set(string key, ExtractResponse response, int characters)
    {
        if (_cache is null)
        {
            return;
        }

        if (response.Id.Length != 0)
        {
            throw new ArgumentException("a cached response carries no id: each hit gets its caller's", nameof(response));
        }

        if (!Admit(key))
        {
            return;
        }

        var stored = new CachedResponse(response.ToByteArray(), characters, response.Entities.Count, response.Dates.Count, response.Quotes.Count);
        _cache.Set(key, stored, new MemoryCacheEntryOptions { Size = stored.Bytes.Length + (key.Length * 2L) + EntryOverheadBytes });
    }

    /// <summary>
    /// True when <paramref name="key"/> is to be stored: always, or when it was seen once recently.
    /// Lock-free: a race between two threads at most stores a key one request early or late.
    /// </summary>
    private bool Admit(string key)
    {
        if (_seenOnce is null)
        {
            return true;
        }

        // string.GetHashCode is seeded per process, so a caller cannot aim texts at one slot.
        var hash = key.GetHashCode();
        var fingerprint = hash | 1; // 0 is an empty slot
        ref var slot = ref _seenOnce[(uint)hash & (uint)(_seenOnce.Length - 1)];
        if (Volatile.Read(ref slot) == fingerprint)
        {
            Volatile.Write(ref slot, 0);
            return true;
        }

        Volatile.Write(ref slot, fingerprint);
        return false;
    }

    // The entry, its key and the cache's bookkeeping beside the bytes.
    private const int EntryOverheadBytes = 256;
}

/// <summary>
/// A serialized <see cref="ExtractResponse"/> without an id, and what it holds (for the metrics).
/// Immutable once stored.
/// </summary>
/// <param name="Bytes">The response message's bytes, id left out.</param>
/// <param name="Characters">UTF-16 code units in the text it answers.</param>
/// <param name="Entities">Entity mentions in it.</param>
/// <param name="Dates">Temporal expressions in it.</param>
/// <param name="Quotes">Quotes in it.</param>
public sealed record CachedResponse(byte[] Bytes, int Characters, int Entities, int Dates, int Quotes)
{
    /// <summary>The response with <paramref name="id"/>, as a message.</summary>
    public ExtractResponse ToResponse(string id)
    {
        var response = ExtractResponse.Parser.ParseFrom(Bytes);
        response.Id = id;
        return response;
    }

    /// <summary>
    /// Bytes of the response with <paramref name="id"/> (UTF-8, already encoded): the id field, then
    /// the cached fields. Protobuf readers accept fields in any order, and the cached bytes hold no id.
    /// </summary>
    public int SizeWithId(int idBytes) => (idBytes == 0 ? 0 : 1 + Google.Protobuf.CodedOutputStream.ComputeLengthSize(idBytes) + idBytes) + Bytes.Length;

    /// <summary>Writes the response with <paramref name="id"/> into <paramref name="destination"/>,
    /// which is <see cref="SizeWithId"/> bytes long.</summary>
    public void WriteWithId(ReadOnlySpan<byte> id, Span<byte> destination)
    {
        var at = 0;
        if (id.Length != 0)
        {
            destination[at++] = IdTag;
            for (var n = (uint)id.Length; ; n >>= 7)
            {
                if (n < 0x80)
                {
                    destination[at++] = (byte)n;
                    break;
                }

                destination[at++] = (byte)(n | 0x80);
            }

            id.CopyTo(destination[at..]);
            at += id.Length;
        }

        Bytes.CopyTo(destination[at..]);
    }

    // Field 1 (id), wire type 2 (length-delimited).
    private const byte IdTag = (ExtractResponse.IdFieldNumber << 3) | 2;
}

using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;
using ExtractRpc.Engine.Pipeline;
using ExtractRpc.Protocol;
using ExtractRpc.Protocol.V1;
using ExtractRpc.Server.Hosting;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace ExtractRpc.Server.Services;

/// <summary>
/// Answers a unary Extract call whose response is in the <see cref="ResultCache"/> straight from the
/// cached bytes, before grpc-dotnet deserializes the request again, runs the interceptors and
/// serializes the response again. What the call sees is what the service would have sent: the same
/// message with its own id, status OK. The API key is checked as the interceptor checks it; a call
/// that does not pass, a miss, or anything unusual (a request the validator refuses, a transport
/// without trailers) is left to gRPC, which answers it as always. A hit takes no slot of the
/// concurrency limit: it does no extraction. Singleton, thread-safe.
/// </summary>
public sealed class CacheHitResponder(ResultCache cache, LexiconHost lexicon, AccessAndLoadInterceptor access, ServerTelemetry telemetry, IOptions<ExtractorOptions> options)
{
    /// <summary>The method this answers.</summary>
    public const string Method = "/extractrpc.v1.Extractor/Extract";

    private readonly int _maxTextBytes = options.Value.MaxTextBytes;

    /// <summary>
    /// Writes the cached response for <paramref name="settings"/>, a request read without its text,
    /// whose text is <paramref name="utf8Text"/> as it came on the wire, and returns true; or returns
    /// false having written nothing. The text is neither decoded nor checked here: a hit means these
    /// bytes hashed to the key of a text that passed validation (see <see cref="ResultCache.Key(ExtractionOptions, OffsetUnit, string, ReadOnlySpan{byte})"/>).
    /// </summary>
    public async ValueTask<bool> TryRespondAsync(HttpContext context, ExtractRequest settings, ReadOnlyMemory<byte> utf8Text)
    {
        if (!cache.Enabled || utf8Text.Length == 0 || utf8Text.Length > _maxTextBytes || !context.Response.SupportsTrailers()
            || !access.Admits(context.Request.Headers["x-api-key"].FirstOrDefault(), context.Request.Headers.Authorization.FirstOrDefault()))
        {
            return false; // off, or the service words the error
        }

        var started = Stopwatch.GetTimestamp();
        (ExtractionOptions Options, OffsetUnit Unit) validated;
        try
        {
            validated = RequestValidator.ValidateSettings(settings);
        }
        catch (RpcException)
        {
            return false; // the service words the error
        }

        var key = cache.Key(validated.Options, validated.Unit, lexicon.Current.Lexicon.Version, utf8Text.Span);
        if (cache.GetHit(key) is not { } cached)
        {
            return false; // the service computes the response, stores it and counts the miss
        }

        using var activity = ServerTelemetry.Source.StartActivity("extractrpc.extract");
        activity?.SetTag("extractrpc.characters", cached.Characters);
        activity?.SetTag("extractrpc.cache", "hit");
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        var idBytes = Encoding.UTF8.GetByteCount(settings.Id);
        var length = cached.SizeWithId(idBytes);
        var frame = response.BodyWriter.GetSpan(5 + length);
        frame[0] = 0; // not compressed
        BinaryPrimitives.WriteUInt32BigEndian(frame[1..], (uint)length);
        Span<byte> id = idBytes <= 256 ? stackalloc byte[idBytes] : new byte[idBytes];
        Encoding.UTF8.GetBytes(settings.Id, id);
        cached.WriteWithId(id, frame.Slice(5, length));
        response.BodyWriter.Advance(5 + length);
        await response.BodyWriter.FlushAsync(context.RequestAborted);
        response.AppendTrailer("grpc-status", "0");
        telemetry.RecordDocument(cached.Characters, cached, cacheHit: true);
        telemetry.RecordCall(Method, StatusCode.OK, Stopwatch.GetElapsedTime(started));
        return true;
    }
}

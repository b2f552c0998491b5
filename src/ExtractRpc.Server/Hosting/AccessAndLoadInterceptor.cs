using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Options;

namespace ExtractRpc.Server.Hosting;

/// <summary>
/// Guards every gRPC call but health: an API key when keys are configured (<c>authorization: Bearer KEY</c>
/// or <c>x-api-key: KEY</c>, compared in constant time), then a concurrency limit with a short queue,
/// so that overload is answered at once with RESOURCE_EXHAUSTED instead of growing memory.
/// Singleton, thread-safe.
/// </summary>
public sealed class AccessAndLoadInterceptor : Interceptor, IDisposable
{
    private const string HealthPrefix = "/grpc.health.v1.";
    private readonly byte[][] _keys;
    private readonly ConcurrencyLimiter _limiter;
    private readonly int _permits;
    private readonly int _queue;

    /// <summary>Reads the keys and limits from <see cref="ExtractorOptions"/>.</summary>
    public AccessAndLoadInterceptor(IOptions<ExtractorOptions> options)
    {
        var o = options.Value;
        _keys = [.. o.ApiKeys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => Encoding.UTF8.GetBytes(k.Trim()))];
        _permits = Math.Max(1, o.MaxConcurrentCalls);
        _queue = Math.Max(0, o.MaxQueuedCalls);
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = _permits,
            QueueLimit = _queue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <inheritdoc />
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (IsHealth(context))
        {
            return await continuation(request, context);
        }

        Authenticate(context);
        using var lease = await AcquireAsync(context);
        return await continuation(request, context);
    }

    /// <inheritdoc />
    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        if (IsHealth(context))
        {
            await continuation(requestStream, responseStream, context);
            return;
        }

        Authenticate(context);
        using var lease = await AcquireAsync(context);
        await continuation(requestStream, responseStream, context);
    }

    /// <inheritdoc />
    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        if (!IsHealth(context))
        {
            Authenticate(context);
        }

        await continuation(request, responseStream, context);
    }

    /// <inheritdoc />
    public void Dispose() => _limiter.Dispose();

    private static bool IsHealth(ServerCallContext context) => context.Method.StartsWith(HealthPrefix, StringComparison.Ordinal);

    private void Authenticate(ServerCallContext context)
    {
        var presented = PresentedKey(context.RequestHeaders.GetValue("x-api-key"), context.RequestHeaders.GetValue("authorization"));
        if (_keys.Length != 0 && presented is null)
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "an API key is required: send 'authorization: Bearer KEY' or 'x-api-key: KEY'"));
        }

        if (!Admits(presented))
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "the API key is not valid"));
        }
    }

    /// <summary>
    /// True when a call with these headers may proceed: no keys are configured, or it presents one of
    /// them (<c>x-api-key</c>, or <c>authorization: Bearer</c>).
    /// </summary>
    public bool Admits(string? apiKeyHeader, string? authorizationHeader) => Admits(PresentedKey(apiKeyHeader, authorizationHeader));

    private static string? PresentedKey(string? apiKeyHeader, string? authorizationHeader) =>
        apiKeyHeader ?? (authorizationHeader is not null && authorizationHeader.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? authorizationHeader["Bearer ".Length..].Trim()
            : null);

    private bool Admits(string? presented)
    {
        if (_keys.Length == 0)
        {
            return true;
        }

        if (presented is null)
        {
            return false;
        }

        var bytes = Encoding.UTF8.GetBytes(presented);
        var valid = false;
        foreach (var key in _keys)
        {
            valid |= key.Length == bytes.Length && CryptographicOperations.FixedTimeEquals(key, bytes);
        }

        return valid;
    }

    private async ValueTask<RateLimitLease> AcquireAsync(ServerCallContext context)
    {
        var lease = await _limiter.AcquireAsync(1, context.CancellationToken);
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            throw new RpcException(new Status(StatusCode.ResourceExhausted,
                $"the server is at capacity ({_permits} calls in progress and {_queue} waiting; Extractor:MaxConcurrentCalls, Extractor:MaxQueuedCalls): retry with backoff"));
        }

        return lease;
    }
}

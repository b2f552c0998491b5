using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace ExtractRpc.Server.Hosting;

/// <summary>
/// Times every gRPC call and records it with its method and final status (including calls refused by
/// <see cref="AccessAndLoadInterceptor"/>, which runs inside this one). Singleton, thread-safe.
/// </summary>
public sealed class TelemetryInterceptor(ServerTelemetry telemetry, ILogger<TelemetryInterceptor> logger) : Interceptor
{
    /// <inheritdoc />
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        TResponse? response = default;
        await ObserveAsync(context, async () => response = await continuation(request, context));
        return response!;
    }

    /// <inheritdoc />
    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
        ObserveAsync(context, () => continuation(requestStream, responseStream, context));

    /// <inheritdoc />
    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation) =>
        ObserveAsync(context, () => continuation(request, responseStream, context));

    private async Task ObserveAsync(ServerCallContext context, Func<Task> call)
    {
        var start = Stopwatch.GetTimestamp();
        var status = StatusCode.Unknown;
        try
        {
            await call();
            status = context.Status.StatusCode;
        }
        catch (Exception ex)
        {
            status = StatusOf(ex);
            throw;
        }
        finally
        {
            Complete(context, status, start);
        }
    }

    private static StatusCode StatusOf(Exception ex) => ex switch
    {
        RpcException rpc => rpc.StatusCode,
        OperationCanceledException => StatusCode.Cancelled,
        _ => StatusCode.Internal,
    };

    private void Complete(ServerCallContext context, StatusCode status, long start)
    {
        var elapsed = Stopwatch.GetElapsedTime(start);
        telemetry.RecordCall(context.Method, status, elapsed);
        if (status is not StatusCode.OK and not StatusCode.Cancelled)
        {
            logger.LogInformation("gRPC {Method} ended with {StatusCode} after {ElapsedMs:F2} ms", context.Method, status, elapsed.TotalMilliseconds);
        }
        else
        {
            logger.LogDebug("gRPC {Method} ended with {StatusCode} after {ElapsedMs:F2} ms", context.Method, status, elapsed.TotalMilliseconds);
        }
    }
}

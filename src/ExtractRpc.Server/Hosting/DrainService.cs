using Microsoft.Extensions.Options;

namespace ExtractRpc.Server.Hosting;

/// <summary>
/// Graceful shutdown. On SIGTERM the host signals ApplicationStopping: health turns NOT_SERVING at
/// once (see <see cref="LexiconHealthCheck"/>), and this service, stopped before the web server,
/// waits <see cref="ExtractorOptions.ShutdownDrainSeconds"/> so that balancers move traffic away while
/// calls in flight finish; then the server stops and waits for what is still running.
/// </summary>
public sealed partial class DrainService(IOptions<ExtractorOptions> options, ILogger<DrainService> logger, TimeProvider clock) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var drain = TimeSpan.FromSeconds(Math.Max(0, options.Value.ShutdownDrainSeconds));
        if (drain > TimeSpan.Zero)
        {
            LogDraining(drain.TotalSeconds);
            try
            {
                await Task.Delay(drain, clock, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // the host's shutdown timeout ended the drain early
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Shutting down: health is NOT_SERVING; draining for {Seconds} s")]
    private partial void LogDraining(double seconds);
}

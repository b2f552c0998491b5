using ExtractRpc.Server.Services;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ExtractRpc.Server.Hosting;

/// <summary>Wires the service into a host: used by Program and by the tests' in-memory host.</summary>
public static class ServiceRegistration
{
    private static readonly Lazy<string> OpenApi = new(() =>
    {
        using var stream = typeof(ServiceRegistration).Assembly.GetManifestResourceStream("openapi.yaml")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>Registers the options, lexicon, cache, gRPC, reflection and health checks.</summary>
    public static IServiceCollection AddServerOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ExtractorOptions>(configuration.GetSection(ExtractorOptions.Section));
        var maxMessage = configuration.GetSection(ExtractorOptions.Section).Get<ExtractorOptions>()?.MaxMessageBytes ?? new ExtractorOptions().MaxMessageBytes;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<LexiconHost>();
        services.AddSingleton<ResultCache>();
        // One service instance for every call: it holds no per-call state.
        services.AddSingleton<ExtractorService>();
        services.AddSingleton<AccessAndLoadInterceptor>();
        services.AddGrpc(o =>
        {
            o.Interceptors.Add<AccessAndLoadInterceptor>();
            o.MaxReceiveMessageSize = maxMessage;
            o.MaxSendMessageSize = null;
            o.EnableDetailedErrors = false;
        }).AddJsonTranscoding(); // POST /v1/extract, GET /v1/info (google.api.http in the proto)
        services.AddGrpcReflection();
        services.AddHostedService<DrainService>();
        services.AddGrpcHealthChecks()
            .AddCheck<LexiconHealthCheck>("lexicon");
        return services;
    }

    /// <summary>gRPC over cleartext HTTP/2 (h2c) by default; an endpoint in configuration may say otherwise.</summary>
    public static IWebHostBuilder UseExtractorDefaults(this IWebHostBuilder builder) =>
        builder.ConfigureKestrel(o => o.ConfigureEndpointDefaults(endpoint => endpoint.Protocols = Microsoft.AspNetCore.Server.Kestrel.Core.HttpProtocols.Http2));

    /// <summary>Maps the Extractor, reflection and health services, and loads the lexicon before serving.</summary>
    public static WebApplication MapExtractor(this WebApplication app)
    {
        // Compile the lexicon now, so the first call does not pay for it and health reports SERVING
        // only once it is loaded.
        _ = app.Services.GetRequiredService<LexiconHost>();
        app.UseMiddleware<RequestFrameValidation>();
        app.MapGrpcService<ExtractorService>();
        app.MapGrpcReflectionService();
        app.MapGrpcHealthChecksService();
        app.MapGet("/", () => "ExtractRpc: a gRPC service (extractrpc.v1.Extractor) with server reflection; JSON over HTTP at POST /v1/extract and GET /v1/info, described at /openapi.yaml.");
        app.MapGet("/openapi.yaml", () => Results.Text(OpenApi.Value, "application/yaml"));
        return app;
    }
}

/// <summary>Healthy once the lexicon is compiled, and until shutdown begins.</summary>
internal sealed class LexiconHealthCheck(LexiconHost host, IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested ? HealthCheckResult.Unhealthy("shutting down")
            : host.Current.Lexicon.Entries.Length > 0 ? HealthCheckResult.Healthy($"lexicon {host.Current.Lexicon.Version}")
            : HealthCheckResult.Unhealthy("lexicon is empty"));
}

using ExtractRpc.Server.Services;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

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
        services.AddSingleton<CacheHitResponder>();
        // One service instance for every call: it holds no per-call state.
        services.AddSingleton<ExtractorService>();
        services.AddSingleton<AccessAndLoadInterceptor>();
        services.AddSingleton<ServerTelemetry>();
        services.AddSingleton<TelemetryInterceptor>();
        services.AddGrpc(o =>
        {
            // Outermost first: telemetry sees calls the access and load guard refuses.
            o.Interceptors.Add<TelemetryInterceptor>();
            o.Interceptors.Add<AccessAndLoadInterceptor>();
            o.MaxReceiveMessageSize = maxMessage;
            o.MaxSendMessageSize = null;
            o.EnableDetailedErrors = false;
        }).AddJsonTranscoding(); // POST /v1/extract, GET /v1/info (google.api.http in the proto)
        services.AddGrpcReflection();
        services.AddHostedService<DrainService>();
        services.AddGrpcHealthChecks()
            .AddCheck<LexiconHealthCheck>("lexicon");
        AddTelemetry(services, configuration);
        return services;
    }

    /// <summary>
    /// OpenTelemetry: ASP.NET Core's and the server's own metrics, scraped by Prometheus at /metrics;
    /// traces of requests and extraction, exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set.
    /// </summary>
    private static void AddTelemetry(IServiceCollection services, IConfiguration configuration)
    {
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("extractrpc", serviceVersion: typeof(ServiceRegistration).Assembly.GetName().Version?.ToString()))
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation()
                    .AddMeter(ServerTelemetry.Name, "Microsoft.AspNetCore.Server.Kestrel", "System.Runtime")
                    .AddPrometheusExporter();
                if (otlp)
                {
                    m.AddOtlpExporter();
                }
            });

        // Spans cost a few percent of throughput: they are made only when something will receive them.
        if (otlp)
        {
            telemetry.WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/metrics") && !http.Request.Path.StartsWithSegments("/grpc.health.v1.Health"))
                .AddSource(ServerTelemetry.Name)
                .AddOtlpExporter());
        }
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
        app.MapPrometheusScrapingEndpoint(); // GET /metrics, Prometheus text format
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

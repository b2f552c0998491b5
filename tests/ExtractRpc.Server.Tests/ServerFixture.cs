using ExtractRpc.Server.Hosting;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ExtractRpc.Server.Tests;

/// <summary>Hosts the real service, either in memory (TestServer) or on a loopback port (Kestrel).</summary>
public sealed class ServerHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ServerHost(WebApplication app, GrpcChannel channel, string address)
    {
        _app = app;
        Channel = channel;
        Address = address;
    }

    public GrpcChannel Channel { get; }

    public string Address { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<ServerHost> StartInMemoryAsync(IDictionary<string, string?>? settings = null)
    {
        var app = Build(settings, b => b.WebHost.UseTestServer());
        await app.StartAsync();
        var handler = app.GetTestServer().CreateHandler();
        var channel = GrpcChannel.ForAddress("http://localhost", new GrpcChannelOptions { HttpHandler = handler, MaxReceiveMessageSize = null });
        return new ServerHost(app, channel, "http://localhost");
    }

    public static async Task<ServerHost> StartOnLoopbackAsync(IDictionary<string, string?>? settings = null)
    {
        var app = Build(settings, b => b.WebHost.UseUrls("http://127.0.0.1:0"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var channel = GrpcChannel.ForAddress(address);
        return new ServerHost(app, channel, address);
    }

    /// <summary>Starts the server configured only by <paramref name="settings"/> (e.g. Kestrel endpoints).</summary>
    public static async Task<ServerHost> StartConfiguredAsync(IDictionary<string, string?> settings, Func<string, GrpcChannel> channel)
    {
        var app = Build(settings, _ => { });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ServerHost(app, channel(address), address);
    }

    private static WebApplication Build(IDictionary<string, string?>? settings, Action<WebApplicationBuilder> configure)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kestrel:EndpointDefaults:Protocols"] = "Http2",
            ["Extractor:ShutdownDrainSeconds"] = "0", // the shutdown test sets its own
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Logging.ClearProviders();
        configure(builder);
        builder.Services.AddServerOptions(builder.Configuration);
        var app = builder.Build();
        app.MapExtractor();
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One in-memory server shared by a test class.</summary>
public sealed class InMemoryServer : IAsyncLifetime
{
    public ServerHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await ServerHost.StartInMemoryAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

using ExtractRpc.Protocol.V1;
using ExtractRpc.Server.Services;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Balancer;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ExtractRpc.Server.Tests;

/// <summary>The service is stateless: two instances on loopback behind one client channel with
/// client-side round-robin share the calls.</summary>
public sealed class LoadBalancingTests
{
    [Fact]
    public async Task RoundRobin_OverTwoInstances_SpreadsCallsOverBoth()
    {
        await using var a = await ServerHost.StartOnLoopbackAsync();
        await using var b = await ServerHost.StartOnLoopbackAsync();
        var addresses = new[] { new Uri(a.Address), new Uri(b.Address) };

        var services = new ServiceCollection();
        services.AddSingleton<ResolverFactory>(new StaticResolverFactory(_ => addresses.Select(u => new BalancerAddress(u.Host, u.Port))));
        using var channel = GrpcChannel.ForAddress("static:///extractrpc", new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Insecure,
            ServiceProvider = services.BuildServiceProvider(),
            ServiceConfig = new ServiceConfig { LoadBalancingConfigs = { new RoundRobinConfig() } },
        });
        var client = new Extractor.ExtractorClient(channel);

        for (var i = 0; i < 20; i++)
        {
            // Unique text: every call is a cache miss on whichever instance serves it.
            var response = await client.ExtractAsync(new ExtractRequest { Text = $"زار لافروف دمشق أمس. رقم {i}" });
            Assert.NotEmpty(response.Entities);
        }

        var served = new[] { a, b }.Select(h => h.Services.GetRequiredService<ResultCache>().Misses).ToArray();
        Assert.All(served, n => Assert.True(n >= 5, $"calls per instance: {string.Join(", ", served)}"));
        Assert.Equal(20, served.Sum());
    }
}

using ExtractRpc.Protocol.V1;
using Grpc.Core;
using Grpc.Health.V1;

namespace ExtractRpc.Server.Tests;

public sealed class AccessAndLoadTests
{
    private static readonly ExtractRequest s_request = new() { Text = "زار وزير الخارجية الروسي سيرغي لافروف دمشق أمس." };

    [Fact]
    public async Task WithApiKeys_ACallWithoutAValidKey_IsUnauthenticatedButHealthStaysOpen()
    {
        await using var host = await ServerHost.StartInMemoryAsync(new Dictionary<string, string?> { ["Extractor:ApiKeys:0"] = "s3cret-key" });
        var client = new Extractor.ExtractorClient(host.Channel);

        var none = await Assert.ThrowsAsync<RpcException>(async () => await client.ExtractAsync(s_request));
        Assert.Equal(StatusCode.Unauthenticated, none.StatusCode);
        var wrong = await Assert.ThrowsAsync<RpcException>(async () => await client.ExtractAsync(s_request, new Metadata { { "x-api-key", "guess" } }));
        Assert.Equal(StatusCode.Unauthenticated, wrong.StatusCode);

        var bearer = await client.ExtractAsync(s_request, new Metadata { { "authorization", "Bearer s3cret-key" } });
        Assert.NotEmpty(bearer.Entities);
        var header = await client.ExtractAsync(s_request, new Metadata { { "x-api-key", "s3cret-key" } });
        Assert.NotEmpty(header.Entities);

        // The response is cached now, and a cached answer still needs the key.
        var cachedWithoutKey = await Assert.ThrowsAsync<RpcException>(async () => await client.ExtractAsync(s_request));
        Assert.Equal(StatusCode.Unauthenticated, cachedWithoutKey.StatusCode);
        var cachedWrongKey = await Assert.ThrowsAsync<RpcException>(async () => await client.ExtractAsync(s_request, new Metadata { { "authorization", "Bearer guess" } }));
        Assert.Equal(StatusCode.Unauthenticated, cachedWrongKey.StatusCode);

        var health = await new Health.HealthClient(host.Channel).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
    }

    [Fact]
    public async Task AtCapacity_AFurtherCall_IsResourceExhaustedAtOnce()
    {
        await using var host = await ServerHost.StartInMemoryAsync(new Dictionary<string, string?>
        {
            ["Extractor:MaxConcurrentCalls"] = "1",
            ["Extractor:MaxQueuedCalls"] = "0",
        });
        var client = new Extractor.ExtractorClient(host.Channel);

        // An open stream holds the only slot. Its article, asked for twice, is stored in the cache.
        using var stream = client.ExtractStream();
        for (var i = 0; i < 2; i++)
        {
            await stream.RequestStream.WriteAsync(new ExtractRequest { Id = "1", Text = s_request.Text });
            Assert.True(await stream.ResponseStream.MoveNext());
        }

        var fresh = new ExtractRequest { Text = "استقبل الرئيس المصري عبد الفتاح السيسي في القاهرة رئيس الوزراء الأردني." };
        var busy = await Assert.ThrowsAsync<RpcException>(async () => await client.ExtractAsync(fresh));
        Assert.Equal(StatusCode.ResourceExhausted, busy.StatusCode);
        Assert.Contains("MaxConcurrentCalls", busy.Status.Detail, StringComparison.Ordinal);

        // The stream's article is in the cache: answering it again does no extraction, so it takes no slot.
        var cached = await client.ExtractAsync(new ExtractRequest { Id = "again", Text = s_request.Text });
        Assert.Equal("again", cached.Id);
        Assert.Contains(cached.Entities, e => e.Text == "سيرغي لافروف");

        await stream.RequestStream.CompleteAsync();
        Assert.False(await stream.ResponseStream.MoveNext());
        Assert.NotEmpty((await client.ExtractAsync(fresh)).Entities);
    }
}

public sealed class ShutdownTests
{
    [Fact]
    public async Task OnStop_HealthTurnsNotServing_WhileCallsStillFinish()
    {
        await using var host = await ServerHost.StartInMemoryAsync(new Dictionary<string, string?> { ["Extractor:ShutdownDrainSeconds"] = "3" });
        var health = new Health.HealthClient(host.Channel);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest())).Status);

        var lifetime = (Microsoft.Extensions.Hosting.IHostApplicationLifetime)host.Services.GetService(typeof(Microsoft.Extensions.Hosting.IHostApplicationLifetime))!;
        lifetime.StopApplication();

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, (await health.CheckAsync(new HealthCheckRequest())).Status);
        var client = new Extractor.ExtractorClient(host.Channel);
        Assert.NotEmpty((await client.ExtractAsync(new ExtractRequest { Text = "زار لافروف دمشق." })).Entities);
    }
}

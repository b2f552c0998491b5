using ExtractRpc.Protocol.V1;
using ExtractRpc.Server.Hosting;
using ExtractRpc.Server.Services;
using Microsoft.Extensions.Options;

namespace ExtractRpc.Server.Tests;

public sealed class ResultCacheTests
{
    private static readonly ExtractResponse s_response = new()
    {
        LexiconVersion = "v",
        Entities = { new Entity { Text = "سيرغي لافروف", CanonicalName = "سيرغي لافروف", EntityId = "per:sergei-lavrov" } },
    };

    private static ResultCache Cache(CacheAdmission admission, long size = 1 << 20) =>
        new(Options.Create(new ExtractorOptions { CacheSizeBytes = size, CacheAdmission = admission }), TimeProvider.System);

    [Fact]
    public void ByDefault_AResponseIsStoredTheSecondTimeItsKeyIsOffered()
    {
        var cache = Cache(CacheAdmission.SecondRequest);
        cache.Set("k1", s_response, 12);
        Assert.Null(cache.GetHit("k1"));
        cache.Set("k1", s_response, 12);
        var hit = cache.GetHit("k1");
        Assert.NotNull(hit);
        Assert.Equal(s_response, hit.ToResponse(""));
        Assert.Equal(1, hit.Entities);
    }

    [Fact]
    public void ByDefault_KeysOfferedOnce_AreNotStored()
    {
        var cache = Cache(CacheAdmission.SecondRequest);
        for (var i = 0; i < 1000; i++)
        {
            cache.Set("once-" + i, s_response, 12);
        }

        Assert.Equal(0, Enumerable.Range(0, 1000).Count(i => cache.GetHit("once-" + i) is not null));
    }

    [Fact]
    public void WithFirstRequestAdmission_EveryResponseIsStored()
    {
        var cache = Cache(CacheAdmission.FirstRequest);
        cache.Set("k1", s_response, 12);
        Assert.Equal(s_response, cache.GetHit("k1")?.ToResponse(""));
    }

    [Fact]
    public void AResponseWithAnId_IsRefused()
    {
        var cache = Cache(CacheAdmission.FirstRequest);
        Assert.Throws<ArgumentException>(() => cache.Set("k1", new ExtractResponse { Id = "caller" }, 1));
    }

    [Fact]
    public void WithSizeZero_NothingIsStored()
    {
        var cache = Cache(CacheAdmission.FirstRequest, size: 0);
        Assert.False(cache.Enabled);
        cache.Set("k1", s_response, 12);
        Assert.Null(cache.GetHit("k1"));
    }
}

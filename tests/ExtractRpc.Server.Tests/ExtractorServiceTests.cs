using ExtractRpc.Protocol.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;

namespace ExtractRpc.Server.Tests;

public sealed class ExtractorServiceTests(InMemoryServer server) : IClassFixture<InMemoryServer>
{
    private Extractor.ExtractorClient Client => new(server.Host.Channel);

    [Fact]
    public async Task Extract_Seed000_ReturnsEntitiesDatesAndQuotesThatSliceTheText()
    {
        var (_, text) = Seeds.All[0];
        var response = await Client.ExtractAsync(new ExtractRequest { Id = "000", Text = text });

        Assert.Equal("000", response.Id);
        Assert.Contains(response.Entities, e => e.Type == EntityType.Person && e.Text == "جو بايدن");
        Assert.Contains(response.Entities, e => e.Type == EntityType.Location && e.Text == "أوكرانيا");
        Assert.Contains(response.Entities, e => e.Type == EntityType.Organization);
        Assert.Contains(response.Dates, d => d.Value == "2022-05-04");
        Assert.Contains(response.Quotes, q => q.Speaker?.Text == "ماريا زاخاروفا");
        Assert.Equal(ReferenceTimeSource.Dateline, response.ReferenceTimeSource);
        Assert.Equal(OffsetUnit.CodePoint, response.OffsetUnit);
        foreach (var e in response.Entities)
        {
            Assert.Equal(e.Text, Seeds.SliceCodePoints(text, e.Span.Start, e.Span.End));
        }

        foreach (var d in response.Dates)
        {
            Assert.Equal(d.Text, Seeds.SliceCodePoints(text, d.Span.Start, d.Span.End));
        }

        foreach (var q in response.Quotes)
        {
            Assert.Equal(q.Text, Seeds.SliceCodePoints(text, q.Span.Start, q.Span.End));
        }
    }

    [Theory]
    [InlineData(OffsetUnit.CodePoint)]
    [InlineData(OffsetUnit.Utf16)]
    [InlineData(OffsetUnit.Utf8)]
    public async Task Extract_NameSpan_IsTheProperNameInsideTheMention_InEveryUnit(OffsetUnit unit)
    {
        const string text = "🇵🇸 استشهد ناشط من حركة حماس في قطاع غزة، وقال شاهد إن الطائرات قصفت مدينة رفح. وانتشر الجيش اللبناني في الجنوب.";
        var response = await Client.ExtractAsync(new ExtractRequest { Text = text, OffsetUnit = unit });
        var names = response.Entities.Where(e => e.NameSpan is not null).ToDictionary(e => e.Text, e => Seeds.Slice(text, e.NameSpan, unit));
        Assert.Equal("حماس", names["حركة حماس"]);
        Assert.Equal("غزة", names["قطاع غزة"]);
        var army = Assert.Single(response.Entities, e => e.Text == "الجيش اللبناني");
        Assert.True(army.Nominal);
        Assert.Null(army.NameSpan);
        Assert.All(response.Entities.Where(e => e.NameSpan is not null), e =>
            Assert.True(e.Span.Start <= e.NameSpan.Start && e.NameSpan.End <= e.Span.End && e.NameSpan.End - e.NameSpan.Start < e.Span.End - e.Span.Start));
    }

    [Theory]
    [InlineData(OffsetUnit.CodePoint)]
    [InlineData(OffsetUnit.Utf16)]
    [InlineData(OffsetUnit.Utf8)]
    public async Task Extract_EveryOffsetUnit_SlicesTheTextAsSent(OffsetUnit unit)
    {
        // An emoji before the names makes the three units differ.
        const string text = "🇺🇸 قال الرئيس الأميركي جو بايدن إن روسيا تهدد أوكرانيا.";
        var response = await Client.ExtractAsync(new ExtractRequest { Text = text, OffsetUnit = unit });
        Assert.Equal(unit, response.OffsetUnit);
        Assert.NotEmpty(response.Entities);
        foreach (var e in response.Entities)
        {
            Assert.Equal(e.Text, Seeds.Slice(text, e.Span, unit));
        }
    }

    [Fact]
    public async Task Extract_EmptyText_IsInvalidArgumentSayingSo()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await Client.ExtractAsync(new ExtractRequest { Text = "" }));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("text is empty", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_UnknownTimeZone_IsInvalidArgument()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await Client.ExtractAsync(new ExtractRequest { Text = "أمس", TimeZone = "Mars/Olympus" }));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("Mars/Olympus", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_UnknownEnumValue_IsInvalidArgument()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await Client.ExtractAsync(new ExtractRequest { Text = "أمس", OffsetUnit = (OffsetUnit)42 }));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
    }

    [Fact]
    public async Task Extract_ReferenceTimeOutOfRange_IsInvalidArgument()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await Client.ExtractAsync(new ExtractRequest
        {
            Text = "أمس",
            ReferenceTime = new Timestamp { Seconds = long.MaxValue / 2 },
        }));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("reference_time", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_ReferenceTime_ResolvesRelativeDates()
    {
        var response = await Client.ExtractAsync(new ExtractRequest
        {
            Text = "وقع الانفجار أمس في بيروت.",
            ReferenceTime = Timestamp.FromDateTimeOffset(new DateTimeOffset(2024, 8, 5, 9, 0, 0, TimeSpan.Zero)),
            TimeZone = "Asia/Beirut",
        });
        Assert.Equal(ReferenceTimeSource.Request, response.ReferenceTimeSource);
        var date = Assert.Single(response.Dates);
        Assert.Equal("2024-08-04", date.Value);
        Assert.True(date.Relative);
    }

    [Fact]
    public async Task Extract_KindsFilter_ReturnsOnlyThoseKinds()
    {
        var request = new ExtractRequest { Text = Seeds.All[2].Text, Kinds = { ExtractionKind.Dates } };
        var response = await Client.ExtractAsync(request);
        Assert.Empty(response.Entities);
        Assert.Empty(response.Quotes);
        Assert.NotEmpty(response.Dates);
    }

    [Fact]
    public async Task ExtractStream_AnswersEveryRequestInOrderWithErrorsInPlace()
    {
        using var call = Client.ExtractStream();
        var ids = new List<string>();
        for (var i = 0; i < Seeds.All.Count; i++)
        {
            await call.RequestStream.WriteAsync(new ExtractRequest { Id = $"seed-{i}", Text = Seeds.All[i].Text });
            if (i == 1)
            {
                await call.RequestStream.WriteAsync(new ExtractRequest { Id = "bad", Text = "" });
            }
        }

        await call.RequestStream.CompleteAsync();
        var responses = new List<ExtractResponse>();
        await foreach (var response in call.ResponseStream.ReadAllAsync())
        {
            responses.Add(response);
        }

        Assert.Equal(["seed-0", "seed-1", "bad", "seed-2", "seed-3", "seed-4"], responses.Select(r => r.Id));
        var bad = responses[2];
        Assert.Equal((int)StatusCode.InvalidArgument, bad.Error.Code);
        Assert.All(responses.Where(r => r.Id != "bad"), r => Assert.NotEmpty(r.Entities));
    }

    [Fact]
    public async Task GetInfo_ReportsVersionCountsAndLimits()
    {
        var info = await Client.GetInfoAsync(new GetInfoRequest());
        Assert.StartsWith("builtin-", info.LexiconVersion, StringComparison.Ordinal);
        Assert.Contains(info.LexiconCounts, c => c.Kind == "PER" && c.Count > 1000);
        Assert.Contains(info.LexiconCounts, c => c.Kind == "LOC" && c.Count > 1000);
        Assert.True(info.MaxTextBytes > 0);
        Assert.Equal(3, info.SupportedKinds.Count);
    }

    [Fact]
    public async Task Health_IsServing()
    {
        var health = new Health.HealthClient(server.Host.Channel);
        var reply = await health.CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    [Fact]
    public async Task Reflection_ListsTheExtractorService()
    {
        var reflection = new ServerReflection.ServerReflectionClient(server.Host.Channel);
        using var call = reflection.ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext());
        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains("extractrpc.v1.Extractor", services);
        Assert.Contains("grpc.health.v1.Health", services);
    }

    [Fact]
    public async Task ReflectionV1_ListsTheExtractorService()
    {
        var reflection = new Grpc.Reflection.V1.ServerReflection.ServerReflectionClient(server.Host.Channel);
        using var call = reflection.ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new Grpc.Reflection.V1.ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext());
        Assert.Contains("extractrpc.v1.Extractor", call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name));
    }

    [Fact]
    public async Task Extract_RepeatedArticle_IsStoredTheSecondTime_AndAnsweredFromTheCacheAfter()
    {
        var cache = (Services.ResultCache)server.Host.Services.GetService(typeof(Services.ResultCache))!;
        var text = Seeds.All[3].Text;
        var reference = Timestamp.FromDateTimeOffset(new DateTimeOffset(2022, 3, 7, 0, 0, 0, TimeSpan.Zero));
        var (hits, misses) = (cache.Hits, cache.Misses);
        var first = await Client.ExtractAsync(new ExtractRequest { Id = "a", Text = text, ReferenceTime = reference });
        var second = await Client.ExtractAsync(new ExtractRequest { Id = "b", Text = text, ReferenceTime = reference });
        Assert.Equal((hits, misses + 2), (cache.Hits, cache.Misses)); // seen once, then stored
        var third = await Client.ExtractAsync(new ExtractRequest { Id = "c", Text = text, ReferenceTime = reference });
        Assert.Equal((hits + 1, misses + 2), (cache.Hits, cache.Misses));
        Assert.Equal("c", third.Id);
        second.Id = third.Id = "a";
        Assert.Equal(first, second);
        Assert.Equal(first, third);
    }
}

public sealed class LoopbackTests
{
    [Fact]
    public async Task Extract_OverARealLoopbackPort_Works()
    {
        await using var host = await ServerHost.StartOnLoopbackAsync();
        Assert.StartsWith("http://127.0.0.1:", host.Address, StringComparison.Ordinal);
        var client = new Extractor.ExtractorClient(host.Channel);
        var response = await client.ExtractAsync(new ExtractRequest { Text = "زار وزير الخارجية الروسي سيرغي لافروف دمشق أمس." });
        Assert.Contains(response.Entities, e => e.EntityId == "per:sergei-lavrov");
    }

    [Fact]
    public async Task Extract_OverTheMessageLimit_IsResourceExhausted()
    {
        await using var host = await ServerHost.StartInMemoryAsync(new Dictionary<string, string?> { ["Extractor:MaxTextBytes"] = "1000" });
        var client = new Extractor.ExtractorClient(host.Channel);
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await client.ExtractAsync(new ExtractRequest { Text = new string('ب', 2000) }));
        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
        Assert.Contains("1000", ex.Status.Detail, StringComparison.Ordinal);
    }
}

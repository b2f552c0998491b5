using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ExtractRpc.Server.Tests;

/// <summary>JSON over HTTP through gRPC JSON transcoding: POST /v1/extract, GET /v1/info.</summary>
public sealed class JsonTranscodingTests
{
    [Fact]
    public async Task PostExtract_WithJson_ReturnsTheSameResultsAsGrpc()
    {
        await using var host = await ServerHost.StartOnLoopbackAsync();
        using var http = new HttpClient { BaseAddress = new Uri(host.Address) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/extract")
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact, // curl --http2-prior-knowledge
            Content = JsonContent.Create(new { text = "قالت ماريا زاخاروفا أمس إنّ موسكو سترد.", referenceTime = "2022-05-04T12:00:00Z" }),
        };
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var entities = json.RootElement.GetProperty("entities").EnumerateArray().ToList();
        Assert.Contains(entities, e => e.GetProperty("entityId").GetString() == "per:maria-zakharova");
        Assert.Contains(json.RootElement.GetProperty("dates").EnumerateArray(), d => d.GetProperty("value").GetString() == "2022-05-03");
    }

    [Fact]
    public async Task PostExtract_EmptyText_IsBadRequestWithTheMessage()
    {
        await using var host = await ServerHost.StartOnLoopbackAsync();
        using var http = new HttpClient { BaseAddress = new Uri(host.Address) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/extract")
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = JsonContent.Create(new { text = "" }),
        };
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("text is empty", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_DescribesTheJsonRoutes()
    {
        await using var host = await ServerHost.StartOnLoopbackAsync();
        using var http = new HttpClient { BaseAddress = new Uri(host.Address), DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        var yaml = await http.GetStringAsync("/openapi.yaml");
        Assert.Contains("/v1/extract:", yaml, StringComparison.Ordinal);
        Assert.Contains("/v1/info:", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetInfo_OverHttp_ReportsTheLexicon()
    {
        await using var host = await ServerHost.StartOnLoopbackAsync();
        using var http = new HttpClient { BaseAddress = new Uri(host.Address), DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var json = JsonDocument.Parse(await http.GetStringAsync("/v1/info"));
        Assert.StartsWith("builtin-", json.RootElement.GetProperty("lexiconVersion").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OptionalHttp1Endpoint_ServesJson_WhileTheGrpcEndpointStaysHttp2()
    {
        // The README's two-endpoint configuration, on free loopback ports.
        await using var host = await ServerHost.StartConfiguredAsync(new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:Grpc:Url"] = "http://127.0.0.1:0",
            ["Kestrel:Endpoints:Grpc:Protocols"] = "Http2",
            ["Kestrel:Endpoints:Http1:Url"] = "http://127.0.0.1:0",
            ["Kestrel:Endpoints:Http1:Protocols"] = "Http1AndHttp2",
        }, address => Grpc.Net.Client.GrpcChannel.ForAddress(address));
        var addresses = host.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.ToList();
        Assert.Equal(2, addresses.Count);

        using var http11 = new HttpClient { DefaultRequestVersion = HttpVersion.Version11, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        var answered = new List<string>();
        foreach (var address in addresses)
        {
            try
            {
                using var response = await http11.PostAsync(address + "/v1/extract", JsonContent.Create(new { text = "قالت ماريا زاخاروفا أمس إنّ موسكو سترد." }));
                if (response.IsSuccessStatusCode)
                {
                    Assert.Equal(new Version(1, 1), response.Version);
                    Assert.Contains("per:maria-zakharova", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                    answered.Add(address);
                }
            }
            catch (HttpRequestException)
            {
                // The HTTP/2-only endpoint does not speak HTTP/1.1.
            }
        }

        var json = Assert.Single(answered);
        var grpcAddress = Assert.Single(addresses, a => a != json);
        using var channel = Grpc.Net.Client.GrpcChannel.ForAddress(grpcAddress);
        var info = await new ExtractRpc.Protocol.V1.Extractor.ExtractorClient(channel).GetInfoAsync(new ExtractRpc.Protocol.V1.GetInfoRequest());
        Assert.StartsWith("builtin-", info.LexiconVersion, StringComparison.Ordinal);
    }
}

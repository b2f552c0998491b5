using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;

namespace ExtractRpc.Server.Tests;

/// <summary>Requests built from raw bytes, as a load tool or a broken client sends them.</summary>
public sealed class RawFrameTests
{
    [Theory]
    [InlineData("garbage protobuf", new byte[] { 0x12, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x01 })]
    [InlineData("invalid UTF-8 in text", new byte[] { 0x12, 0x04, 0xC3, 0x28, 0xFF, 0xFE })]
    [InlineData("wrong wire type", new byte[] { 0x15, 0x01, 0x02, 0x03, 0x04 })]
    public async Task BadBytes_AreInvalidArgument(string name, byte[] message)
    {
        _ = name;
        await using var host = await ServerHost.StartOnLoopbackAsync();
        var (status, detail) = await PostAsync(host.Address, message);
        Assert.Equal("3", status); // INVALID_ARGUMENT
        Assert.False(string.IsNullOrEmpty(detail));
    }

    [Fact]
    public async Task MessageOverTheLimit_IsResourceExhaustedNamingTheLimit()
    {
        await using var host = await ServerHost.StartOnLoopbackAsync(new Dictionary<string, string?> { ["Extractor:MaxMessageBytes"] = "1000" });
        var message = new ExtractRpc.Protocol.V1.ExtractRequest { Text = new string('ب', 2000) }.ToByteArray();
        var (status, detail) = await PostAsync(host.Address, message);
        Assert.Equal("8", status);
        Assert.Contains("1000", detail, StringComparison.Ordinal);
    }

    internal static async Task<(string? Status, string? Message)> PostAsync(string address, byte[] message)
    {
        using var http = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        var frame = new byte[5 + message.Length];
        frame[1] = (byte)(message.Length >> 24);
        frame[2] = (byte)(message.Length >> 16);
        frame[3] = (byte)(message.Length >> 8);
        frame[4] = (byte)message.Length;
        message.CopyTo(frame, 5);
        using var content = new ByteArrayContent(frame);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        using var request = new HttpRequestMessage(HttpMethod.Post, address.TrimEnd('/') + "/extractrpc.v1.Extractor/Extract")
        {
            Content = content,
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Headers.TryAddWithoutValidation("te", "trailers");
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await response.Content.ReadAsByteArrayAsync();
        string? Header(string key) =>
            response.TrailingHeaders.TryGetValues(key, out var t) ? t.First() : response.Headers.TryGetValues(key, out var h) ? h.First() : null;
        var status = Header("grpc-status") ?? $"http {(int)response.StatusCode} {response.Version} {string.Join(";", response.Headers.Select(h => h.Key))}|{string.Join(";", response.TrailingHeaders.Select(h => h.Key))}";
        return (status, Uri.UnescapeDataString(Header("grpc-message") ?? ""));
    }
}

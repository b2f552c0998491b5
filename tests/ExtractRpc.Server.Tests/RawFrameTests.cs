using System.Net;
using System.Net.Http.Headers;
using ExtractRpc.Protocol.V1;
using ExtractRpc.Server.Services;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.DependencyInjection;

namespace ExtractRpc.Server.Tests;

/// <summary>Requests built from raw bytes, as a load tool or a broken client sends them.</summary>
public sealed class RawFrameTests
{
    // The cache tests here are about the hit path, so their servers store the first response.
    private static readonly Dictionary<string, string?> s_storeEveryResponse = new() { ["Extractor:CacheAdmission"] = "FirstRequest" };

    [Theory]
    [InlineData("garbage protobuf", new byte[] { 0x12, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x01 })]
    [InlineData("invalid UTF-8 in text", new byte[] { 0x12, 0x04, 0xC3, 0x28, 0xFF, 0xFE })]
    [InlineData("wrong wire type", new byte[] { 0x15, 0x01, 0x02, 0x03, 0x04 })]
    [InlineData("invalid UTF-8 in id", new byte[] { 0x0A, 0x02, 0xC3, 0x28, 0x12, 0x02, 0xD8, 0xA8 })]
    [InlineData("invalid UTF-8 in time_zone", new byte[] { 0x12, 0x02, 0xD8, 0xA8, 0x22, 0x01, 0xFF })]
    [InlineData("a second text with invalid UTF-8", new byte[] { 0x12, 0x02, 0xD8, 0xA8, 0x12, 0x01, 0xFF })]
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

    [Fact]
    public async Task RepeatedArticle_IsAnsweredFromTheCache_WithWhatTheServiceSent_AndItsOwnId()
    {
        await using var host = await ServerHost.StartOnLoopbackAsync(s_storeEveryResponse);
        var cache = host.Services.GetRequiredService<ResultCache>();
        var request = new ExtractRequest { Id = "first", Text = Seeds.All[0].Text, ReferenceTime = Timestamp.FromDateTimeOffset(new DateTimeOffset(2023, 11, 10, 0, 0, 0, TimeSpan.Zero)) };
        var (status, _, body) = await SendAsync(host.Address, request.ToByteArray());
        Assert.Equal("0", status);
        var first = ExtractResponse.Parser.ParseFrom(body);
        Assert.Equal(0, cache.Hits);

        // An id longer than 127 bytes takes a two-byte length on the wire.
        request.Id = "ثانٍ-" + new string('x', 300);
        (status, _, body) = await SendAsync(host.Address, request.ToByteArray());
        Assert.Equal("0", status);
        Assert.Equal(1, cache.Hits);
        var second = ExtractResponse.Parser.ParseFrom(body);
        Assert.Equal(request.Id, second.Id);
        Assert.Contains(second.Entities, e => e.CanonicalName == "جو بايدن");
        second.Id = first.Id;
        Assert.Equal(first, second);

        // No id at all.
        request.Id = "";
        (status, _, body) = await SendAsync(host.Address, request.ToByteArray());
        Assert.Equal(2, cache.Hits);
        second = ExtractResponse.Parser.ParseFrom(body);
        Assert.Equal("", second.Id);
        second.Id = first.Id;
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task CacheHit_ReadsEveryFieldAroundTheText_AndTheLastTextWins()
    {
        await using var host = await ServerHost.StartOnLoopbackAsync(s_storeEveryResponse);
        var cache = host.Services.GetRequiredService<ResultCache>();
        var request = new ExtractRequest
        {
            Id = "plain",
            Text = Seeds.All[1].Text,
            ReferenceTime = Timestamp.FromDateTimeOffset(new DateTimeOffset(2023, 11, 10, 0, 0, 0, TimeSpan.Zero)),
            TimeZone = "Asia/Beirut",
            Kinds = { ExtractionKind.Entities, ExtractionKind.Dates },
            OffsetUnit = OffsetUnit.Utf8,
        };

        // Settings after the text, and an earlier text that protobuf's last-wins rule discards.
        var earlierText = new ExtractRequest { Text = "نص أول لا يُقرأ" }.ToByteArray();
        var (status, _, body) = await SendAsync(host.Address, [.. earlierText, .. request.ToByteArray()]);
        Assert.Equal("0", status);
        var first = ExtractResponse.Parser.ParseFrom(body);
        Assert.Equal(0, cache.Hits);
        Assert.Empty(first.Quotes); // kinds were read
        Assert.All(first.Entities, e => Assert.Equal(e.Text, Seeds.SliceUtf8(request.Text, e.Span.Start, e.Span.End))); // so was the unit

        // The same request without the earlier text has the same key: a hit, with what the service sent.
        (status, _, body) = await SendAsync(host.Address, request.ToByteArray());
        Assert.Equal("0", status);
        Assert.Equal(1, cache.Hits);
        Assert.Equal(first, ExtractResponse.Parser.ParseFrom(body));

        // A different setting after the text is a different key: no hit.
        request.OffsetUnit = OffsetUnit.Utf16;
        (status, _, _) = await SendAsync(host.Address, request.ToByteArray());
        Assert.Equal("0", status);
        Assert.Equal(1, cache.Hits);
    }

    [Fact]
    public async Task ACachedText_WithAnInvalidSetting_IsStillInvalidArgument()
    {
        await using var host = await ServerHost.StartOnLoopbackAsync(s_storeEveryResponse);
        var request = new ExtractRequest { Text = Seeds.All[0].Text };
        Assert.Equal("0", (await PostAsync(host.Address, request.ToByteArray())).Status);
        request.TimeZone = "Asia/Nowhere";
        var (status, detail) = await PostAsync(host.Address, request.ToByteArray());
        Assert.Equal("3", status);
        Assert.Contains("Asia/Nowhere", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASecondMessageInAUnaryCall_IsInvalidArgument()
    {
        await using var host = await ServerHost.StartOnLoopbackAsync();
        var message = new ExtractRequest { Text = "قال الرئيس." }.ToByteArray();
        var (status, detail, _) = await SendAsync(host.Address, message, frames: 2);
        Assert.Equal("3", status);
        Assert.Contains("one message", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMessageWithAGroup_IsReadByProtobuf_AndAnswered()
    {
        await using var host = await ServerHost.StartOnLoopbackAsync();
        // Field 9, a group (start tag 0x4B, end tag 0x4C) holding a varint: legal protobuf, unknown here.
        var message = new ExtractRequest { Text = "زار سيرغي لافروف دمشق." }.ToByteArray().Concat(new byte[] { 0x4B, 0x08, 0x01, 0x4C }).ToArray();
        var (status, _, body) = await SendAsync(host.Address, message);
        Assert.Equal("0", status);
        Assert.Contains(ExtractResponse.Parser.ParseFrom(body).Entities, e => e.Text == "سيرغي لافروف");
    }

    internal static async Task<(string? Status, string? Message)> PostAsync(string address, byte[] message)
    {
        var (status, detail, _) = await SendAsync(address, message);
        return (status, detail);
    }

    // Posts the message in a gRPC frame (repeated 'frames' times); returns the status, its message and the response message.
    private static async Task<(string? Status, string? Message, byte[] Body)> SendAsync(string address, byte[] message, int frames = 1)
    {
        using var http = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        var frame = new byte[5 + message.Length];
        frame[1] = (byte)(message.Length >> 24);
        frame[2] = (byte)(message.Length >> 16);
        frame[3] = (byte)(message.Length >> 8);
        frame[4] = (byte)message.Length;
        message.CopyTo(frame, 5);
        frame = Enumerable.Repeat(frame, frames).SelectMany(f => f).ToArray();
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
        var bytes = await response.Content.ReadAsByteArrayAsync();
        string? Header(string key) =>
            response.TrailingHeaders.TryGetValues(key, out var t) ? t.First() : response.Headers.TryGetValues(key, out var h) ? h.First() : null;
        var status = Header("grpc-status") ?? $"http {(int)response.StatusCode} {response.Version} {string.Join(";", response.Headers.Select(h => h.Key))}|{string.Join(";", response.TrailingHeaders.Select(h => h.Key))}";
        var body = bytes.Length >= 5 ? bytes[5..] : [];
        return (status, Uri.UnescapeDataString(Header("grpc-message") ?? ""), body);
    }
}

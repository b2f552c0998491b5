using System.Buffers;
using System.Buffers.Binary;
using System.Text.Unicode;
using ExtractRpc.Protocol.V1;
using Google.Protobuf;
using Microsoft.Extensions.Options;

namespace ExtractRpc.Server.Hosting;

/// <summary>
/// Checks the request message of a unary Extract call before gRPC reads it: a message that is not a
/// valid ExtractRequest, or whose string fields are not valid UTF-8 (protobuf would quietly turn those
/// bytes into U+FFFD), is answered INVALID_ARGUMENT with a message saying what is wrong; one over the
/// size limit is RESOURCE_EXHAUSTED naming the limit. grpc-dotnet
/// reads the message before any interceptor runs and reports such failures as UNKNOWN, hence a
/// middleware. Compressed messages are left to gRPC. A valid request whose response is cached is
/// answered here by <see cref="Services.CacheHitResponder"/>.
/// </summary>
public sealed class RequestFrameValidation(RequestDelegate next, IOptions<ExtractorOptions> options, Services.CacheHitResponder cacheHits)
{
    private const string ExtractPath = Services.CacheHitResponder.Method;

    /// <summary>Runs the check, then the rest of the pipeline.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.Equals(ExtractPath, StringComparison.Ordinal)
            || context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) != true)
        {
            await next(context);
            return;
        }

        // The frame is read here, whole, and handed on as the request body unless it is answered here.
        var body = context.Request.Body;
        var limit = options.Value.MaxMessageBytes;
        var header = new byte[5];
        var read = await ReadAsync(body, header, context.RequestAborted);
        if (read < header.Length)
        {
            await NextWithBodyAsync(context, header, read); // gRPC words what is missing
            return;
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(1));
        if (length > (uint)limit)
        {
            // RESOURCE_EXHAUSTED, naming the limit (gRPC's own message does not)
            Refuse(context, "8", $"the request message is {length} bytes; the limit is {limit} bytes (Extractor:MaxMessageBytes)");
            return;
        }

        // From the pool: the frame is done with when the rest of the pipeline is.
        var frame = ArrayPool<byte>.Shared.Rent(header.Length + (int)length);
        try
        {
            await InvokeWithFrameAsync(context, header, frame, (int)length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(frame);
        }
    }

    private async Task InvokeWithFrameAsync(HttpContext context, byte[] header, byte[] frame, int length)
    {
        var body = context.Request.Body;
        header.CopyTo(frame, 0);
        var read = await ReadAsync(body, frame.AsMemory(header.Length, length), context.RequestAborted);
        if (read < length || header[0] != 0)
        {
            await NextWithBodyAsync(context, frame, header.Length + read); // truncated, or compressed: gRPC's
            return;
        }

        var error = Check(frame.AsSpan(header.Length, length), out var settings, out var textStart, out var textLength);
        if (error is null && await ReadAsync(body, header.AsMemory(0, 1), context.RequestAborted) != 0)
        {
            error = "a unary call sends one message, and the request body goes on after it";
        }

        if (error is not null)
        {
            Refuse(context, "3", error);
            return;
        }

        var text = frame.AsMemory(header.Length + textStart, textLength);
        if (await cacheHits.TryRespondAsync(context, settings!, text))
        {
            return;
        }

        // Not a hit: the text's bytes are checked now, before protobuf would turn bad ones into U+FFFD.
        if (!Utf8.IsValid(text.Span))
        {
            Refuse(context, "3", NotUtf8(ExtractRequest.TextFieldNumber));
            return;
        }

        await NextWithBodyAsync(context, frame, header.Length + length);
    }

    private Task NextWithBodyAsync(HttpContext context, byte[] body, int length)
    {
        // Kestrel's body reader follows a replaced body stream, and grpc-dotnet reads through it.
        context.Request.Body = new MemoryStream(body, 0, length, writable: false);
        return next(context);
    }

    private static void Refuse(HttpContext context, string status, string message)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/grpc";
        context.Response.Headers["grpc-status"] = status;
        context.Response.Headers["grpc-message"] = Uri.EscapeDataString(message);
    }

    /// <summary>
    /// What is wrong with a serialized ExtractRequest, or null; the request read without its text
    /// (every other field as protobuf reads it), and where the UTF-8 bytes of the text lie in
    /// <paramref name="message"/>. The id and time zone are checked for UTF-8 in place; the text is
    /// neither decoded nor checked, which is the caller's to do when it needs to (a cache hit does not).
    /// A message with groups (legal, never sent by our clients) is walked by protobuf.
    /// </summary>
    public static string? Check(ReadOnlySpan<byte> message, out ExtractRequest? settings, out int textStart, out int textLength)
    {
        settings = null;
        textStart = 0;
        textLength = 0;
        var textField = message.Length; // where the text's field (tag and length) starts
        var at = 0;
        while (at < message.Length)
        {
            var fieldStart = at;
            if (!TryReadVarint(message, ref at, out var tag) || tag >> 3 == 0)
            {
                return "the request is not a valid extractrpc.v1.ExtractRequest: it holds an invalid tag or ends inside one";
            }

            var field = (int)(tag >> 3);
            switch ((WireFormat.WireType)(tag & 7))
            {
                case WireFormat.WireType.Varint:
                    if (!TryReadVarint(message, ref at, out _))
                    {
                        return "the request is not a valid extractrpc.v1.ExtractRequest: it ends inside a number";
                    }

                    break;
                case WireFormat.WireType.Fixed64:
                    at += 8;
                    break;
                case WireFormat.WireType.Fixed32:
                    at += 4;
                    break;
                case WireFormat.WireType.LengthDelimited:
                    if (!TryReadVarint(message, ref at, out var length) || length > (ulong)(message.Length - at))
                    {
                        return $"the request is not a valid extractrpc.v1.ExtractRequest: field {field} claims more bytes than the message holds";
                    }

                    var value = message.Slice(at, (int)length);
                    if (field is ExtractRequest.IdFieldNumber or ExtractRequest.TimeZoneFieldNumber && !Utf8.IsValid(value))
                    {
                        return NotUtf8(field);
                    }

                    if (field == ExtractRequest.TextFieldNumber)
                    {
                        (textField, textStart, textLength) = (fieldStart, at, value.Length); // the last one wins, as in protobuf
                    }

                    at += value.Length;
                    break;
                default:
                    return CheckWithCodedInput(message.ToArray(), out settings, out textStart, out textLength);
            }
        }

        if (at > message.Length)
        {
            return "the request is not a valid extractrpc.v1.ExtractRequest: it ends inside a field";
        }

        return ParseWithoutText(message, textField, textStart + textLength, out settings);
    }

    // Reads the message without the field [textField, textEnd): a message is the merge of its parts.
    private static string? ParseWithoutText(ReadOnlySpan<byte> message, int textField, int textEnd, out ExtractRequest? settings)
    {
        try
        {
            settings = new ExtractRequest();
            settings.MergeFrom(message[..textField]);
            if (textEnd > textField)
            {
                settings.MergeFrom(message[textEnd..]);
            }

            return null;
        }
        catch (InvalidProtocolBufferException ex)
        {
            settings = null;
            return $"the request is not a valid extractrpc.v1.ExtractRequest: {ex.Message}";
        }
    }

    private static string NotUtf8(int field) =>
        $"field '{field switch { ExtractRequest.IdFieldNumber => "id", ExtractRequest.TextFieldNumber => "text", _ => "time_zone" }}' is not valid UTF-8";

    private static bool TryReadVarint(ReadOnlySpan<byte> message, ref int at, out ulong value)
    {
        value = 0;
        for (var shift = 0; shift < 64 && at < message.Length; shift += 7)
        {
            var b = message[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return true;
            }
        }

        return false;
    }

    // Groups: protobuf's own reader walks them; string fields are copied to be checked.
    private static string? CheckWithCodedInput(byte[] message, out ExtractRequest? settings, out int textStart, out int textLength)
    {
        settings = null;
        textStart = 0;
        textLength = 0;
        var textField = message.Length;
        try
        {
            var input = new CodedInputStream(message);
            uint tag;
            var fieldStart = 0;
            while ((tag = input.ReadTag()) != 0)
            {
                var field = WireFormat.GetTagFieldNumber(tag);
                if (field is ExtractRequest.IdFieldNumber or ExtractRequest.TextFieldNumber or ExtractRequest.TimeZoneFieldNumber
                    && WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited)
                {
                    var bytes = input.ReadBytes();
                    if (field == ExtractRequest.TextFieldNumber)
                    {
                        (textField, textStart, textLength) = (fieldStart, (int)input.Position - bytes.Length, bytes.Length);
                    }
                    else if (!Utf8.IsValid(bytes.Span))
                    {
                        return NotUtf8(field);
                    }
                }
                else
                {
                    input.SkipLastField();
                }

                fieldStart = (int)input.Position;
            }
        }
        catch (InvalidProtocolBufferException ex)
        {
            return $"the request is not a valid extractrpc.v1.ExtractRequest: {ex.Message}";
        }

        return ParseWithoutText(message, textField, textStart + textLength, out settings);
    }

    private static async Task<int> ReadAsync(Stream stream, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer[total..], cancellationToken);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }
}

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
/// middleware. Compressed messages are left to gRPC.
/// </summary>
public sealed class RequestFrameValidation(RequestDelegate next, IOptions<ExtractorOptions> options)
{
    private const string ExtractPath = "/extractrpc.v1.Extractor/Extract";

    /// <summary>Runs the check, then the rest of the pipeline.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.Equals(ExtractPath, StringComparison.Ordinal)
            || context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) != true)
        {
            await next(context);
            return;
        }

        var limit = options.Value.MaxMessageBytes;
        context.Request.EnableBuffering(bufferThreshold: Math.Min(limit, 1024 * 1024), bufferLimit: limit + 5L);
        var header = new byte[5];
        var read = await ReadAsync(context.Request.Body, header, context.RequestAborted);
        string? error = null;
        var status = "3";
        if (read == 5 && header[0] == 0)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(1));
            if (length > (uint)limit)
            {
                status = "8"; // RESOURCE_EXHAUSTED, naming the limit (gRPC's own message does not)
                error = $"the request message is {length} bytes; the limit is {limit} bytes (Extractor:MaxMessageBytes)";
            }
            else
            {
                var message = new byte[length];
                if (await ReadAsync(context.Request.Body, message, context.RequestAborted) == message.Length)
                {
                    error = Check(message);
                }
            }
        }

        if (error is not null)
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = status;
            context.Response.Headers["grpc-message"] = Uri.EscapeDataString(error);
            return;
        }

        context.Request.Body.Position = 0;
        await next(context);
    }

    /// <summary>What is wrong with a serialized ExtractRequest, or null.</summary>
    public static string? Check(ReadOnlySpan<byte> message)
    {
        try
        {
            var input = new CodedInputStream(message.ToArray());
            uint tag;
            while ((tag = input.ReadTag()) != 0)
            {
                var field = WireFormat.GetTagFieldNumber(tag);
                if (field is ExtractRequest.IdFieldNumber or ExtractRequest.TextFieldNumber or ExtractRequest.TimeZoneFieldNumber
                    && WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited)
                {
                    var bytes = input.ReadBytes();
                    if (!Utf8.IsValid(bytes.Span))
                    {
                        var name = field switch { ExtractRequest.IdFieldNumber => "id", ExtractRequest.TextFieldNumber => "text", _ => "time_zone" };
                        return $"field '{name}' is not valid UTF-8";
                    }
                }
                else
                {
                    input.SkipLastField();
                }
            }

            ExtractRequest.Parser.ParseFrom(message);
            return null;
        }
        catch (InvalidProtocolBufferException ex)
        {
            return $"the request is not a valid extractrpc.v1.ExtractRequest: {ex.Message}";
        }
    }

    private static async Task<int> ReadAsync(Stream stream, byte[] buffer, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }
}

using System.Text;
using ExtractRpc.Engine.Pipeline;
using ExtractRpc.Protocol.V1;
using Grpc.Core;

namespace ExtractRpc.Protocol;

/// <summary>A request checked and translated for the engine.</summary>
/// <param name="Text">The text.</param>
/// <param name="Options">Engine options.</param>
/// <param name="Unit">Offset unit of the response.</param>
public sealed record ValidatedRequest(string Text, ExtractionOptions Options, OffsetUnit Unit);

/// <summary>
/// Checks a request and says precisely what is wrong: the only place request errors are worded.
/// Thread-safe.
/// </summary>
public static class RequestValidator
{
    private static readonly DateTimeOffset s_minReference = new(1, 1, 2, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset s_maxReference = new(9999, 12, 30, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Validates <paramref name="request"/> (the server and the CLI's in-process mode alike); throws <see cref="RpcException"/> with
    /// INVALID_ARGUMENT or RESOURCE_EXHAUSTED.</summary>
    public static ValidatedRequest Validate(ExtractRequest request, int maxTextBytes)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = request.Text;
        ValidateText(text, maxTextBytes);
        var (options, unit) = ValidateSettings(request);
        return new ValidatedRequest(text, options, unit);
    }

    private static void ValidateText(string text, int maxTextBytes)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Invalid(text.Length == 0 ? "text is empty: send the article in the 'text' field" : "text holds only white space: send the article in the 'text' field");
        }

        var bytes = Encoding.UTF8.GetByteCount(text);
        if (bytes > maxTextBytes)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted,
                $"text is {bytes} UTF-8 bytes; the limit is {maxTextBytes} bytes (Extractor:MaxTextBytes)"));
        }

        // Protobuf decodes invalid UTF-8 into U+FFFD; a lone surrogate can only come from a broken client.
        // Most articles hold no surrogate at all: a vectorized search finds the first, if any.
        var first = text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF');
        for (var i = first < 0 ? text.Length : first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])) || char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(text[i - 1])))
            {
                throw Invalid($"text is not valid UTF-8/Unicode: unpaired surrogate at UTF-16 index {i}");
            }
        }
    }

    /// <summary>
    /// Validates every field of <paramref name="request"/> but its text, and returns the engine's
    /// options and the offset unit; throws <see cref="RpcException"/> with INVALID_ARGUMENT. For a
    /// caller that holds the text apart, as UTF-8 it has checked itself.
    /// </summary>
    public static (ExtractionOptions Options, OffsetUnit Unit) ValidateSettings(ExtractRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var kind in request.Kinds)
        {
            if (!Enum.IsDefined(kind))
            {
                throw Invalid($"kinds holds {(int)kind}, which is not an ExtractionKind (1 entities, 2 dates, 3 quotes)");
            }
        }

        if (!Enum.IsDefined(request.OffsetUnit))
        {
            throw Invalid($"offset_unit {(int)request.OffsetUnit} is not an OffsetUnit (1 code points, 2 UTF-16, 3 UTF-8)");
        }

        var zone = TimeZoneInfo.Utc;
        if (!string.IsNullOrEmpty(request.TimeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(request.TimeZone, out zone!))
        {
            throw Invalid($"time_zone '{request.TimeZone}' is not a known IANA time zone (e.g. 'Asia/Beirut', 'UTC')");
        }

        DateTimeOffset? reference = null;
        if (request.ReferenceTime is { } ts)
        {
            if (ts.Nanos is < 0 or > 999_999_999 || ts.Seconds < s_minReference.ToUnixTimeSeconds() || ts.Seconds > s_maxReference.ToUnixTimeSeconds())
            {
                throw Invalid("reference_time is out of range: it must lie between 0001-01-02 and 9999-12-30 with nanos in [0, 999999999]");
            }

            reference = ts.ToDateTimeOffset();
        }

        var unit = request.OffsetUnit == OffsetUnit.Unspecified ? OffsetUnit.CodePoint : request.OffsetUnit;
        return (new ExtractionOptions(ResponseMapper.Kinds(request.Kinds), reference, zone), unit);
    }

    private static RpcException Invalid(string message) => new(new Status(StatusCode.InvalidArgument, message));
}

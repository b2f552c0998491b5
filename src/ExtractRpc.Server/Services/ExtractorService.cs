using ExtractRpc.Engine.Lexicon;
using ExtractRpc.Protocol;
using ExtractRpc.Protocol.V1;
using ExtractRpc.Server.Hosting;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace ExtractRpc.Server.Services;

/// <summary>
/// The Extractor service: maps the wire to the engine and back, nothing more. Singleton,
/// thread-safe.
/// </summary>
public sealed class ExtractorService(LexiconHost lexicon, ResultCache cache, ServerTelemetry telemetry, IOptions<ExtractorOptions> options) : Extractor.ExtractorBase
{
    private static readonly string s_serviceVersion =
        typeof(ExtractorService).Assembly.GetName().Version?.ToString() ?? "0.0.0";

    private readonly ExtractorOptions _options = options.Value;

    /// <inheritdoc />
    public override Task<ExtractResponse> Extract(ExtractRequest request, ServerCallContext context) =>
        Task.FromResult(Process(request, context.CancellationToken));

    /// <inheritdoc />
    public override async Task ExtractStream(IAsyncStreamReader<ExtractRequest> requestStream, IServerStreamWriter<ExtractResponse> responseStream, ServerCallContext context)
    {
        try
        {
            await ProcessStream(requestStream, responseStream, context);
        }
        catch (Google.Protobuf.InvalidProtocolBufferException ex)
        {
            // A corrupt frame ends the stream: what follows it cannot be trusted.
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"a stream message is not a valid extractrpc.v1.ExtractRequest: {ex.Message}"));
        }
    }

    private async Task ProcessStream(IAsyncStreamReader<ExtractRequest> requestStream, IServerStreamWriter<ExtractResponse> responseStream, ServerCallContext context)
    {
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            ExtractResponse response;
            try
            {
                response = Process(request, context.CancellationToken);
            }
            catch (RpcException ex) when (ex.StatusCode != StatusCode.Cancelled)
            {
                // A bad document gets its error in its own response; the stream goes on.
                response = new ExtractResponse
                {
                    Id = request.Id,
                    Error = new Error { Code = (int)ex.StatusCode, Message = ex.Status.Detail },
                };
            }

            await responseStream.WriteAsync(response, context.CancellationToken);
        }
    }

    /// <inheritdoc />
    public override Task<GetInfoResponse> GetInfo(GetInfoRequest request, ServerCallContext context)
    {
        var current = lexicon.Current.Lexicon;
        var response = new GetInfoResponse
        {
            ServiceVersion = s_serviceVersion,
            LexiconVersion = current.Version,
            MaxTextBytes = _options.MaxTextBytes,
            MaxMessageBytes = _options.MaxMessageBytes,
            SupportedKinds = { ExtractionKind.Entities, ExtractionKind.Dates, ExtractionKind.Quotes },
            SupportedOffsetUnits = { OffsetUnit.CodePoint, OffsetUnit.Utf16, OffsetUnit.Utf8 },
        };
        foreach (var (kind, count) in current.Counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            response.LexiconCounts.Add(new LexiconCount { Kind = kind, Count = count });
        }

        return Task.FromResult(response);
    }

    private ExtractResponse Process(ExtractRequest request, CancellationToken cancellationToken)
    {
        using var activity = ServerTelemetry.Source.StartActivity("extractrpc.extract");
        var validated = RequestValidator.Validate(request, _options.MaxTextBytes);
        var pipeline = lexicon.Current;
        activity?.SetTag("extractrpc.characters", validated.Text.Length);
        activity?.SetTag("extractrpc.lexicon.version", pipeline.Lexicon.Version);
        var key = cache.Enabled ? cache.Key(validated, pipeline.Lexicon.Version) : null;
        if (key is not null && cache.Get(key) is { } cached)
        {
            activity?.SetTag("extractrpc.cache", "hit");
            telemetry.RecordDocument(validated.Text.Length, cached, cacheHit: true);
            return cached.ToResponse(request.Id);
        }

        try
        {
            var result = pipeline.Extract(validated.Text, validated.Options, cancellationToken);
            var response = ResponseMapper.ToResponse("", validated.Text, result, validated.Unit, validated.Options.TimeZone);
            if (key is not null)
            {
                cache.Set(key, response, validated.Text.Length); // without the caller's id: every hit gets its own
            }

            response.Id = request.Id;
            activity?.SetTag("extractrpc.cache", key is null ? "off" : "miss");
            activity?.SetTag("extractrpc.entities", response.Entities.Count);
            activity?.SetTag("extractrpc.dates", response.Dates.Count);
            activity?.SetTag("extractrpc.quotes", response.Quotes.Count);
            telemetry.RecordDocument(validated.Text.Length, response, cacheHit: false);
            return response;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new RpcException(new Status(StatusCode.Cancelled, "the call was cancelled or its deadline passed"));
        }
    }
}

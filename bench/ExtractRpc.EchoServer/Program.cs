using ExtractRpc.Protocol.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Server.Kestrel.Core;

// The baseline of the server benchmark: the same contract and request bytes, answered without any
// extraction. dotnet run -c Release --project bench/ExtractRpc.EchoServer -- --urls http://127.0.0.1:50070
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(o => o.ConfigureEndpointDefaults(e => e.Protocols = HttpProtocols.Http2));
builder.Services.AddGrpc();
builder.Services.AddSingleton<EchoExtractor>();
var app = builder.Build();
app.MapGrpcService<EchoExtractor>();
app.Run();

/// <summary>Answers Extract with an empty response carrying the request's id.</summary>
internal sealed class EchoExtractor : Extractor.ExtractorBase
{
    public override Task<ExtractResponse> Extract(ExtractRequest request, ServerCallContext context) =>
        Task.FromResult(new ExtractResponse { Id = request.Id });
}

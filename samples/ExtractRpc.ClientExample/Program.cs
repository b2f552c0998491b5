using ExtractRpc.Protocol.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Net.Client;

// A C# client of ExtractRpc, generated from protos/ only:
//   dotnet run --project src/ExtractRpc.Server &
//   dotnet run --project samples/ExtractRpc.ClientExample -- http://localhost:50051
var address = args.Length > 0 ? args[0] : "http://localhost:50051";
using var channel = GrpcChannel.ForAddress(address);
var client = new Extractor.ExtractorClient(channel);

var text = "قالت المتحدثة باسم الخارجية الروسية، ماريا زاخاروفا، أمس إنّ موسكو سترد على العقوبات.";
var response = await client.ExtractAsync(new ExtractRequest
{
    Text = text,
    ReferenceTime = Timestamp.FromDateTimeOffset(new DateTimeOffset(2022, 5, 4, 12, 0, 0, TimeSpan.Zero)),
    OffsetUnit = OffsetUnit.Utf16, // C# strings index in UTF-16 code units
});

foreach (var e in response.Entities)
{
    Console.WriteLine($"{e.Type,-28} {text[e.Span.Start..e.Span.End]} → {e.CanonicalName} ({e.EnglishName}, {e.EntityId})");
}

foreach (var d in response.Dates)
{
    Console.WriteLine($"DATE                         {d.Text} = {d.Value}");
}

foreach (var q in response.Quotes)
{
    Console.WriteLine($"{q.Kind,-28} {q.Speaker?.CanonicalName}: {q.Text}");
}

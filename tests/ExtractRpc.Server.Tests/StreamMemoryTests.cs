using ExtractRpc.Protocol.V1;
using Grpc.Core;

namespace ExtractRpc.Server.Tests;

/// <summary>
/// A stream of 10,000 documents answers each once and in order, and the heap does not grow with the
/// number of documents. The heap is the process's, so this runs with the soak test, alone: servers of
/// tests running beside it made it fail once under load.
/// </summary>
[Collection(nameof(SoakTests))]
public sealed class StreamMemoryTests
{
    [Fact]
    public async Task ExtractStream_TenThousandDocuments_AnswersEachOnceInOrderWithBoundedMemory()
    {
        // The result cache is off: what is measured is what the stream itself holds.
        await using var host = await ServerHost.StartInMemoryAsync(new Dictionary<string, string?> { ["Extractor:CacheSizeBytes"] = "0" });
        var client = new Extractor.ExtractorClient(host.Channel);
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        using var call = client.ExtractStream();
        var writer = Task.Run(async () =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                await call.RequestStream.WriteAsync(new ExtractRequest { Id = i.ToString(System.Globalization.CultureInfo.InvariantCulture), Text = $"زار لافروف دمشق أمس. رقم {i}", Kinds = { ExtractionKind.Entities } });
            }

            await call.RequestStream.CompleteAsync();
        });
        var next = 0;
        await foreach (var response in call.ResponseStream.ReadAllAsync())
        {
            Assert.Equal(next.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Id);
            next++;
        }

        await writer;
        Assert.Equal(10_000, next);
        // Each answer is written before the next request is read (HTTP/2 flow control holds the
        // writer back): nothing accumulates with the number of documents.
        GC.Collect();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Assert.True(after - before < 32L * 1024 * 1024, $"heap grew by {(after - before) / 1e6:F1} MB over 10,000 documents");
    }
}

using ExtractRpc.Engine.Pipeline;

namespace ExtractRpc.Engine.Tests.Extractors;

/// <summary>One shared pipeline used from many threads at once gives the answers it gives alone.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Extract_InParallel_GivesTheSequentialAnswers()
    {
        var texts = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds"), "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText)
            .Concat(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Golden", "quotes"), "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText))
            .ToArray();
        var expected = texts.Select(t => Snapshot(TestLexicon.Extract(t))).ToArray();

        var tasks = Enumerable.Range(0, 16).Select(worker => Task.Run(() =>
        {
            for (var round = 0; round < 10; round++)
            {
                var i = (worker * 7 + round * 3) % texts.Length;
                Assert.Equal(expected[i], Snapshot(TestLexicon.Extract(texts[i])));
            }
        }));
        await Task.WhenAll(tasks);
    }

    private static string Snapshot(ExtractionResult r) =>
        string.Join('\n', r.Entities.Select(e => e.ToString()).Concat(r.Dates.Select(d => d.ToString()))
            .Concat(r.Quotes.Select(q => $"{q.Span} {q.Kind} {q.Speaker} {q.Cue}")));
}

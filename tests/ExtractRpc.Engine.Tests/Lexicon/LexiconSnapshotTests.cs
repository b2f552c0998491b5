using System.Text.Json;
using ExtractRpc.Engine.Lexicon;
using ExtractRpc.Engine.Pipeline;

namespace ExtractRpc.Engine.Tests.Lexicon;

public class LexiconSnapshotTests
{
    private static readonly DateTimeOffset s_reference = new(2022, 5, 4, 12, 0, 0, TimeSpan.Zero);

    private static byte[] Snapshot(string key)
    {
        using var stream = new MemoryStream();
        LexiconSnapshot.Write(TestLexicon.Lexicon, key, stream);
        return stream.ToArray();
    }

    // Every result the pipeline gives, as JSON: entities, dates and quotes with all their fields.
    private static string Results(CompiledLexicon lexicon, string text) =>
        JsonSerializer.Serialize(new ExtractionPipeline(lexicon).Extract(text, new ExtractionOptions(ExtractionKinds.All, s_reference, TimeZoneInfo.Utc)));

    [Fact]
    public void ReadBack_ExtractsExactlyAsTheCompiledLexicon_OnTheSeedsAndTheQuoteCorpus()
    {
        var key = LexiconSnapshot.Key();
        Assert.True(LexiconSnapshot.TryRead(new MemoryStream(Snapshot(key)), key, out var loaded));

        Assert.Equal(TestLexicon.Lexicon.Version, loaded.Version);
        Assert.Equal(TestLexicon.Lexicon.Counts.OrderBy(c => c.Key), loaded.Counts.OrderBy(c => c.Key));
        Assert.Equal(TestLexicon.Lexicon.Entries.Length, loaded.Entries.Length);
        for (var i = 0; i < loaded.Entries.Length; i++)
        {
            Assert.Equal(TestLexicon.Lexicon.Entries[i], loaded.Entries[i]);
        }

        var texts = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds"), "*.txt")
            .Concat(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Golden", "quotes"), "*.txt"))
            .Select(File.ReadAllText).ToList();
        Assert.True(texts.Count >= 29, $"only {texts.Count} articles");
        foreach (var text in texts)
        {
            Assert.Equal(Results(TestLexicon.Lexicon, text), Results(loaded, text));
        }
    }

    [Fact]
    public void Key_IsTheDataVersionAndThisEngineBuild()
    {
        var key = LexiconSnapshot.Key();
        Assert.StartsWith(TestLexicon.Lexicon.Version + "/", key);
        var user = new DataFile("user.tsv", "loc:x-one\tLOC\tتل الورد\tTel al-Ward\t");
        Assert.NotEqual(key, LexiconSnapshot.Key([user]));
    }

    [Fact]
    public void TryRead_ASnapshotWrittenForOtherData_IsRefused()
    {
        var bytes = Snapshot("builtin-000000000000/other-build");
        Assert.False(LexiconSnapshot.TryRead(new MemoryStream(bytes), LexiconSnapshot.Key(), out _));
    }

    [Theory]
    [InlineData(0.5)] // a byte inside the body
    [InlineData(0.999)]
    public void TryRead_ABodyThatNoLongerMatchesItsHash_IsRefused(double where)
    {
        var key = LexiconSnapshot.Key();
        var bytes = Snapshot(key);
        bytes[(int)(bytes.Length * where)] ^= 0x5A;
        Assert.False(LexiconSnapshot.TryRead(new MemoryStream(bytes), key, out _));
    }

    [Fact]
    public void TryRead_ATruncatedFile_IsRefused()
    {
        var key = LexiconSnapshot.Key();
        var bytes = Snapshot(key);
        Assert.False(LexiconSnapshot.TryRead(new MemoryStream(bytes[..(bytes.Length / 3)]), key, out _));
        Assert.False(LexiconSnapshot.TryRead(new MemoryStream([]), key, out _));
    }

    [Fact]
    public void LoadOrCompile_CompilesAndWritesOnce_ThenLoads()
    {
        var directory = Path.Combine(Path.GetTempPath(), "extractrpc-tests", Guid.NewGuid().ToString("N"));
        var path = Path.Combine(directory, "lexicon.snapshot");
        try
        {
            var first = LexiconSnapshot.LoadOrCompile(path, null, out var loadedFirst);
            var second = LexiconSnapshot.LoadOrCompile(path, null, out var loadedSecond);

            Assert.False(loadedFirst);
            Assert.True(loadedSecond);
            Assert.Equal(first.Version, second.Version);
            Assert.Equal(["lexicon.snapshot"], Directory.GetFiles(directory).Select(Path.GetFileName)); // no temporary file left
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}

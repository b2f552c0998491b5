using ExtractRpc.Engine.Lexicon;

namespace ExtractRpc.Engine.Tests.Lexicon;

public class TokenTableTests
{
    [Fact]
    public void TryGetValue_FindsEveryKeyBySpan_AndMissesOthers()
    {
        var words = TestLexicon.Lexicon.Entries.Select(e => e.Canonical).Distinct(StringComparer.Ordinal).Take(5000).ToList();
        var table = new TokenTable(words.Select((w, i) => KeyValuePair.Create(w, i)));

        Assert.Equal(words.Count, table.Count);
        for (var i = 0; i < words.Count; i++)
        {
            Assert.True(table.TryGetValue(("x" + words[i]).AsSpan(1), out var value));
            Assert.Equal(i, value);
        }

        Assert.False(table.TryGetValue("كلمةليستفيه", out _));
        Assert.False(table.TryGetValue("", out _));
    }

    [Fact]
    public void Constructor_KeyGivenTwice_KeepsTheLastValueAndCountsOnce()
    {
        var table = new TokenTable([KeyValuePair.Create("بايدن", 1), KeyValuePair.Create("ترامب", 2), KeyValuePair.Create("بايدن", 3)]);

        Assert.Equal(2, table.Count);
        Assert.True(table.TryGetValue("بايدن", out var biden));
        Assert.Equal(3, biden);
        Assert.True(table.TryGetValue("ترامب", out var trump));
        Assert.Equal(2, trump);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(-2)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    [InlineData(65536)]
    public void TryGetValue_ReturnsAnyIntStoredInTheRecord(int value)
    {
        // Generated spellings are stored as negative values; a record holds an int in two chars.
        var table = new TokenTable([KeyValuePair.Create("شويجو", value), KeyValuePair.Create("شويغو", 7)]);

        Assert.True(table.TryGetValue("شويجو", out var found));
        Assert.Equal(value, found);
        Assert.True(table.TryGetValue("شويغو", out var other));
        Assert.Equal(7, other);
        Assert.False(table.TryGetValue("شويج", out _));
        Assert.False(table.TryGetValue("شويجوو", out _));
    }
}

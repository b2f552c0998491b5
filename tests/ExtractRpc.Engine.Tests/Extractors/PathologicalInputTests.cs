using ExtractRpc.Engine.Pipeline;

namespace ExtractRpc.Engine.Tests.Extractors;

/// <summary>
/// Hostile text finishes and yields well-formed results: every span in bounds and slicing to text.
/// The engine has no regular expressions and every extractor is one left-to-right pass with bounded
/// look-ahead, so time is linear; these tests prove completion and sanity, they time nothing.
/// </summary>
public sealed class PathologicalInputTests
{
    public static TheoryData<string, string> Inputs() => new()
    {
        { "200k quote marks", new string('“', 200_000) },
        { "قال: “ repeated", string.Concat(Enumerable.Repeat("قال: “", 200_000)) },
        { "mixed marks", string.Concat(Enumerable.Repeat("«\"„”‘’»", 30_000)) },
        { "a 1 MB word", new string('ب', 1_000_000) },
        { "300k diacritics", "ب" + new string('\u064E', 300_000) },
        { "digits and dashes", string.Concat(Enumerable.Repeat("2022-", 40_000)) },
        { "200k digits", new string('7', 200_000) },
        { "slashes and digits", string.Concat(Enumerable.Repeat("1/2/", 50_000)) },
        { "NUL and controls", string.Concat(Enumerable.Repeat("\0\u0001\u0007قال", 50_000)) },
        { "bidi and zero-width", string.Concat(Enumerable.Repeat("\u202Bجو\u200Dبايدن\u200F\u202C ", 30_000)) },
        { "emoji", string.Concat(Enumerable.Repeat("🇺🇸👍🏽 أمس ", 30_000)) },
        { "titles without names", string.Concat(Enumerable.Repeat("الرئيس الوزير الجنرال ", 50_000)) },
        { "first names only", string.Concat(Enumerable.Repeat("محمد علي أحمد ", 60_000)) },
        { "speech verbs and complementizers", string.Concat(Enumerable.Repeat("قال إن أن بأن ", 60_000)) },
        { "months and numbers", string.Concat(Enumerable.Repeat("12 أيار/ مايو 13 ", 40_000)) },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Extract_HostileText_FinishesWithSpansInBounds(string name, string text)
    {
        _ = name;
        var result = TestLexicon.Extract(text);
        var spans = result.Entities.Select(e => e.Span)
            .Concat(result.Dates.Select(d => d.Span))
            .Concat(result.Quotes.Select(q => q.Span))
            .Concat(result.Quotes.Where(q => q.Speaker is not null).Select(q => q.Speaker!.Span));
        foreach (var span in spans)
        {
            Assert.InRange(span.Start, 0, text.Length);
            Assert.InRange(span.End, span.Start + 1, text.Length);
        }
    }

    // Not a theory row: theory data is serialized as UTF-8 at discovery, which turns a lone surrogate
    // into U+FFFD before the test sees it.
    [Fact]
    public void Extract_LoneSurrogates_FinishWithSpansInBounds()
    {
        var text = "\uD800جو بايدن\uDC00 قال \uDBFF";
        Assert.Equal(3, text.Count(char.IsSurrogate));
        var result = TestLexicon.Extract(text);
        var biden = Assert.Single(result.Entities);
        Assert.Equal("جو بايدن", text[biden.Span.Start..biden.Span.End]);
    }

    [Fact]
    public void Extract_SameTextTwice_GivesTheSameResult()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "000_692b7e784bc893ee.txt"));
        var a = TestLexicon.Extract(text);
        var b = TestLexicon.Extract(text);
        Assert.Equal(a.Entities, b.Entities);
        Assert.Equal(a.Dates, b.Dates);
        Assert.Equal(a.Quotes.Select(q => (q.Span, q.Kind, q.Speaker, q.Cue)), b.Quotes.Select(q => (q.Span, q.Kind, q.Speaker, q.Cue)));
    }

    [Fact]
    public void Extract_TenMegabytesCancelledMidway_StopsWithOperationCanceled()
    {
        // 10 MB of news takes the pipeline several hundred milliseconds; a token cancelled after 20 ms
        // must stop it inside its loops rather than after the whole text.
        var article = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "004_416bdc191ea08509.txt"));
        var text = string.Concat(Enumerable.Repeat(article, 10 * 1024 * 1024 / (article.Length * 2) + 1));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(20));
        Assert.ThrowsAny<OperationCanceledException>(() => TestLexicon.Pipeline.Extract(text, ExtractionOptions.Default, cts.Token));
    }

    [Fact]
    public void Extract_CancelledToken_StopsWithOperationCanceled()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var text = string.Concat(Enumerable.Repeat("قال الرئيس جو بايدن إن ", 100_000));
        Assert.ThrowsAny<OperationCanceledException>(() =>
            TestLexicon.Pipeline.Extract(text, ExtractionOptions.Default, cts.Token));
    }
}

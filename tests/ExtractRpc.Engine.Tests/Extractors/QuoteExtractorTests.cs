using ExtractRpc.Engine.Pipeline;

namespace ExtractRpc.Engine.Tests.Extractors;

public sealed class QuoteExtractorTests
{
    private static IReadOnlyList<QuoteMention> Quotes(string text) => TestLexicon.Extract(text, ExtractionKinds.Quotes).Quotes;

    [Fact]
    public void Extract_ColonIntroducedQuote_HasSpeakerAndCue()
    {
        const string text = "وكتب غانتس في تغريدة على تويتر: \"تشرفت بالترحيب بي في البنتاغون\".";
        var q = Assert.Single(Quotes(text));
        Assert.Equal(QuoteKind.Direct, q.Kind);
        Assert.Equal("تشرفت بالترحيب بي في البنتاغون", TestLexicon.Slice(text, q.Span));
        Assert.Equal("كتب", TestLexicon.Slice(text, q.Cue!.Value));
        Assert.Equal("غانتس", TestLexicon.Slice(text, q.Speaker!.Span));
    }

    [Fact]
    public void Extract_VerbSpeakerComplementizerQuote_IsDirect()
    {
        const string text = "واليوم أيضاً، قالت المتحدثة باسم الخارجية الروسية، ماريا زاخاروفا، إنّ “هناك مرتزقة من “إسرائيل” يقاتلون إلى جانب كتيبة آزوف المتطرفة” في أوكرانيا.";
        var q = Quotes(text).First(x => x.Kind == QuoteKind.Direct);
        Assert.Equal("هناك مرتزقة من “إسرائيل” يقاتلون إلى جانب كتيبة آزوف المتطرفة", TestLexicon.Slice(text, q.Span));
        Assert.Equal("ماريا زاخاروفا", TestLexicon.Slice(text, q.Speaker!.Span));
        Assert.Equal("per:maria-zakharova", q.Speaker.EntityId);
    }

    [Fact]
    public void Extract_CueAfterTheQuote_FindsTheSpeakerAfterIt()
    {
        const string text = "«لن نتراجع عن دعم أوكرانيا مهما حدث»، قال بايدن في البيت الأبيض.";
        var q = Assert.Single(Quotes(text));
        Assert.Equal("لن نتراجع عن دعم أوكرانيا مهما حدث", TestLexicon.Slice(text, q.Span));
        Assert.Equal("بايدن", TestLexicon.Slice(text, q.Speaker!.Span));
    }

    [Fact]
    public void Extract_Continuation_TakesThePreviousSpeaker()
    {
        const string text = "وقال سوليفان: “أمر الرئيس بضمان حصول أوكرانيا على المعدات”.\nوأضاف: “هذه مسألة وقت فقط بالنسبة إلينا”.";
        var quotes = Quotes(text);
        Assert.Equal(2, quotes.Count);
        Assert.Equal(quotes[0].Speaker!.EntityId, quotes[1].Speaker!.EntityId);
        Assert.Equal("أضاف", TestLexicon.Slice(text, quotes[1].Cue!.Value));
    }

    [Fact]
    public void Extract_ReportedSpeech_IsIndirectUpToTheSentenceEnd()
    {
        const string text = "قال الجيش الأميركي يوم الأربعاء إن قائد الأركان أجرى مكالمة هاتفية نادرة مع نظيره الروسي. وتعد هذه المكالمة الأولى.";
        var q = Assert.Single(Quotes(text));
        Assert.Equal(QuoteKind.Indirect, q.Kind);
        Assert.Equal("قائد الأركان أجرى مكالمة هاتفية نادرة مع نظيره الروسي", TestLexicon.Slice(text, q.Span));
        Assert.Equal("قال", TestLexicon.Slice(text, q.Cue!.Value));
        Assert.Contains("الجيش", TestLexicon.Slice(text, q.Speaker!.Span), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("تثمن ما قدمته “إسرائيل” حتى الآن لمساعدة أوكرانيا")]
    [InlineData("ذخائر لنظام صواريخ “هيمارس”، بالإضافة إلى ألغام")]
    [InlineData("وذكرت “القناة الـ12” الصهيونية في تقرير لها")]
    public void Extract_ScareQuotesAndTitles_AreNotQuotes(string text) =>
        Assert.DoesNotContain(Quotes(text), q => q.Kind == QuoteKind.Direct);

}

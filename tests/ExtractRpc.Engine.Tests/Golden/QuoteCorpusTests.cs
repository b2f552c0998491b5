using ExtractRpc.Cli;

namespace ExtractRpc.Engine.Tests.Golden;

/// <summary>
/// The 24 annotated articles of Golden/quotes (written for this project in the style of the seeds,
/// covering every attribution pattern) scored as the eval-quotes command scores them. The thresholds
/// sit a little under the measured figures so that a regression fails.
/// </summary>
public sealed class QuoteCorpusTests
{
    private static readonly Lazy<QuoteEvaluator> s_evaluation = new(() =>
    {
        var evaluator = new QuoteEvaluator(TestLexicon.Pipeline);
        evaluator.ScoreFolder(Path.Combine(AppContext.BaseDirectory, "Golden", "quotes"), keepErrors: 200);
        return evaluator;
    });

    [Fact]
    public void Corpus_HasEveryArticleAndQuote()
    {
        var e = s_evaluation.Value;
        Assert.Equal(24, e.Articles);
        Assert.True(e.Gold >= 170, $"{e.Gold} gold quotes");
    }

    [Fact]
    public void Quotes_PrecisionAndRecall_StayHigh()
    {
        var e = s_evaluation.Value;
        Assert.True(e.Precision >= 0.95 && e.Recall >= 0.95, e.Report() + string.Join('\n', e.Errors));
    }

    [Fact]
    public void Quotes_SpansAreExact()
    {
        var e = s_evaluation.Value;
        Assert.True(e.Exact >= 0.95 * e.Matched, e.Report() + string.Join('\n', e.Errors.Where(x => x.StartsWith("SPAN", StringComparison.Ordinal))));
    }

    [Fact]
    public void Speakers_AreMostlyRight()
    {
        var e = s_evaluation.Value;
        Assert.True(e.SpeakerExact >= 0.78 * e.Matched && e.SpeakerLenient >= 0.88 * e.Matched, e.Report() + string.Join('\n', e.Errors.Where(x => x.StartsWith("SPEAKR", StringComparison.Ordinal))));
    }
}

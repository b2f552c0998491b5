using ExtractRpc.Engine.Text;

namespace ExtractRpc.Engine.Tests.Text;

public sealed class TokenizerTests
{
    [Fact]
    public void Create_SplitsWordsNumbersAndPunctuationKeepingOffsets()
    {
        const string text = "4-5-2022 الميادين نت، لأوكرانيا.";
        using var analyzed = AnalyzedText.Create(text);
        var tokens = Enumerable.Range(0, analyzed.Count).Select(i => text[analyzed.Span(i, i).Start..analyzed.Span(i, i).End]).ToArray();
        Assert.Equal(["4", "-", "5", "-", "2022", "الميادين", "نت", "،", "لأوكرانيا", "."], tokens);
    }

    [Fact]
    public void Create_MarksParagraphBreaksOnce()
    {
        using var analyzed = AnalyzedText.Create("سطر\n\n\nسطر");
        Assert.Equal([TokenKind.Word, TokenKind.LineBreak, TokenKind.Word], analyzed.Tokens.ToArray().Select(t => t.Kind));
    }

    [Fact]
    public void Create_ReadsLineBreaksSpacesAndControlCharsOfEveryKind()
    {
        // CR LF and a blank line with spaces are one break; U+2028 and U+0085 break too; a control
        // char separates words but ends a run of breaks; Latin, Cyrillic and an emoji are tokens.
        const string text = "سطر\r\n \t\r\nسطر\u2028Putin\u0085Путин\u0001\n\u0001\nسطر😀سطر";
        using var analyzed = AnalyzedText.Create(text);
        var tokens = analyzed.Tokens.ToArray().Select(t => (t.Kind, text[analyzed.Normalized.OriginalStart(t.Start)..analyzed.Normalized.OriginalEnd(t.End - 1)])).ToArray();
        Assert.Equal(
        [
            (TokenKind.Word, "سطر"), (TokenKind.LineBreak, "\r"), (TokenKind.Word, "سطر"), (TokenKind.LineBreak, "\u2028"),
            (TokenKind.Word, "Putin"), (TokenKind.LineBreak, "\u0085"), (TokenKind.Word, "Путин"), (TokenKind.LineBreak, "\n"),
            (TokenKind.LineBreak, "\n"), (TokenKind.Word, "سطر"), (TokenKind.Punct, "😀"), (TokenKind.Word, "سطر"),
        ], tokens);
    }

    [Fact]
    public void Create_SplitsLettersFromDigits()
    {
        using var analyzed = AnalyzedText.Create("الـ12");
        Assert.Equal(2, analyzed.Count);
        Assert.Equal(TokenKind.Number, analyzed[1].Kind);
        Assert.False(analyzed[1].SpaceBefore);
    }

    [Theory]
    [InlineData("لأوكرانيا", 1)]
    [InlineData("والولايات", 1)]
    [InlineData("وبالعراق", 2)]
    [InlineData("فلروسيا", 2)]
    public void Clitics_OffersTheStemAfterConjunctionAndPreposition(string word, int skip)
    {
        Span<int> skips = stackalloc int[4];
        Span<bool> restores = stackalloc bool[4];
        var n = Clitics.Candidates(ArabicNormalizer.Normalize(word), skips, restores);
        Assert.Contains(skip, skips[..n].ToArray());
    }

    [Fact]
    public void Clitics_LeavesShortWordsWhole()
    {
        Span<int> skips = stackalloc int[4];
        Span<bool> restores = stackalloc bool[4];
        Assert.Equal(0, Clitics.Candidates("لا", skips, restores));
    }

    [Fact]
    public void Clitics_RestoresTheArticleAfterLam()
    {
        Span<int> skips = stackalloc int[4];
        Span<bool> restores = stackalloc bool[4];
        var n = Clitics.Candidates(ArabicNormalizer.Normalize("للولايات"), skips, restores);
        Assert.Contains(true, restores[..n].ToArray());
    }
}

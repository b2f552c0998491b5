using ExtractRpc.Engine.Text;

namespace ExtractRpc.Engine.Tests.Text;

public sealed class ArabicNormalizerTests
{
    [Theory]
    [InlineData("أحمد", "احمد")]
    [InlineData("إسرائيل", "اسرائيل")]
    [InlineData("آب", "اب")]
    [InlineData("ٱلله", "الله")]
    [InlineData("مصطفى", "مصطفي")]
    [InlineData("مدرسة", "مدرسه")]
    [InlineData("مُحَمَّدٌ", "محمد")]
    [InlineData("عسكرياً", "عسكريا")]
    [InlineData("الرحمٰن", "الرحمن")]
    [InlineData("بـــايدن", "بايدن")]
    [InlineData("٢٠٢٢", "2022")]
    [InlineData("۱۴۰۳", "1403")]
    [InlineData("کابل", "كابل")]
    [InlineData("ایران", "ايران")]
    [InlineData("گاز", "غاز")]
    [InlineData("پاریس", "باريس")]
    [InlineData("ڤيينا", "فيينا")]
    [InlineData("ﻻ", "لا")]
    [InlineData("ﺑﺎﻳﺪﻥ", "بايدن")]
    [InlineData("بايدن\u200F", "بايدن")]
    [InlineData("\u202Bبايدن\u202C", "بايدن")]
    [InlineData("باي\u200Cدن", "بايدن")]
    [InlineData("NATO", "nato")]
    public void Normalize_FoldsForMatching(string input, string expected) =>
        Assert.Equal(expected, ArabicNormalizer.Normalize(input));

    [Fact]
    public void NormalizedText_MapsEveryFoldedCharBackToTheOriginal()
    {
        const string text = "قالَ الرئيسُ\u200F بـايدن";
        using var normalized = NormalizedText.Create(text);
        Assert.Equal("قال الرئيس بايدن", normalized.Chars.ToString());
        // The span of the first word takes its trailing fatha.
        Assert.Equal("قالَ", text[normalized.ToOriginal(0, 3).Start..normalized.ToOriginal(0, 3).End]);
        var b = normalized.Chars.IndexOf('ب');
        var span = normalized.ToOriginal(b, normalized.Length);
        Assert.Equal("بـايدن", text[span.Start..span.End]);
    }

    [Fact]
    public void NormalizedText_LamAlefLigatureExpandsToTwoCharsOfOneOriginal()
    {
        const string text = "ﻻ";
        using var normalized = NormalizedText.Create(text);
        Assert.Equal("لا", normalized.Chars.ToString());
        Assert.Equal(new TextSpan(0, 1), normalized.ToOriginal(0, 2));
    }

    [Fact]
    public void NormalizedText_FoldsEveryCharAsTheOneCharFold()
    {
        // The document fold takes a short path for ASCII and the Arabic block; every char of the
        // basic plane must come out as ArabicNormalizer.FoldInto folds it alone, each after a letter.
        var text = new System.Text.StringBuilder();
        var expected = new System.Text.StringBuilder();
        Span<char> two = stackalloc char[2];
        for (var c = 1; c <= 0xFFFF; c++)
        {
            text.Append('ب').Append((char)c);
            expected.Append('ب').Append(two[..ArabicNormalizer.FoldInto((char)c, two)]);
        }

        using var normalized = NormalizedText.Create(text.ToString());
        Assert.Equal(expected.ToString(), normalized.Chars.ToString());
    }

    [Fact]
    public void NormalizedText_GrowsPastTheTextLengthWhenLigaturesExpand()
    {
        // 300 lam-alef ligatures fold to 600 chars: more than the buffer sized to the text.
        var text = string.Concat(Enumerable.Repeat("ﻻ", 300)) + " قالَ";
        using var normalized = NormalizedText.Create(text);
        Assert.Equal(string.Concat(Enumerable.Repeat("لا", 300)) + " قال", normalized.Chars.ToString());
        Assert.Equal(new TextSpan(299, 300), normalized.ToOriginal(598, 600));
        Assert.Equal("قالَ", text[normalized.ToOriginal(601, 604).Start..normalized.ToOriginal(601, 604).End]);
    }

    [Theory]
    [InlineData("مُحَمَّدٌ قالَ")] // several marks after a letter
    [InlineData("ﻻَ بُدَّ")] // a mark after a lam-alef ligature: the alef's, not the lam's
    [InlineData("ب\u200Fَ")] // a mark after a dropped format mark: the letter's span stops at the format mark
    [InlineData("َبـــاب ـ")] // a mark first, tatweel inside a word and alone
    public void NormalizedText_EachCharEndsAfterTheMarksThatFollowIt(string text)
    {
        // The end of each folded char, as the fold used to store it: one past its original, stretched
        // over each dropped combining mark that comes right after that end.
        var expected = new List<int>();
        Span<char> two = stackalloc char[2];
        for (var i = 0; i < text.Length; i++)
        {
            var written = ArabicNormalizer.FoldInto(text[i], two);
            if (written == 0 && expected.Count > 0 && ArabicNormalizer.IsCombiningMark(text[i]) && expected[^1] == i)
            {
                expected[^1] = i + 1;
            }

            for (var k = 0; k < written; k++)
            {
                expected.Add(i + 1);
            }
        }

        using var normalized = NormalizedText.Create(text);
        Assert.Equal(expected, Enumerable.Range(0, normalized.Length).Select(normalized.OriginalEnd));
    }
}

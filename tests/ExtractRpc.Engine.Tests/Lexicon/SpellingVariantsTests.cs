using ExtractRpc.Engine.Lexicon;
using ExtractRpc.Engine.Text;

namespace ExtractRpc.Engine.Tests.Lexicon;

public sealed class SpellingVariantsTests
{
    [Theory]
    [InlineData("شويغو", "شويجو")]
    [InlineData("البنتاغون", "البنتاجون")]
    [InlineData("الكونغرس", "الكونجرس")]
    [InlineData("غيراسيموف", "جيراسيموف")]
    public void Of_GeneratesTheOtherGLetter(string written, string variant) =>
        Assert.Contains(ArabicNormalizer.Normalize(variant), SpellingVariants.Of(ArabicNormalizer.Normalize(written)));

    [Theory]
    [InlineData("ساليفان", "سوليفان")]
    [InlineData("ديميتري", "دميتري")]
    [InlineData("بيسكوف", "بسكوف")]
    public void Skeleton_LongVowelsWrittenOrNot_Meet(string a, string b) =>
        Assert.Equal(Skeleton(a), Skeleton(b));

    [Theory]
    [InlineData("بدن")]
    [InlineData("قال")]
    public void Skeleton_ShortWords_HaveNone(string word) => Assert.Equal("", Skeleton(word));

    private static string Skeleton(string word)
    {
        Span<char> buffer = stackalloc char[64];
        var n = SpellingVariants.Skeleton(ArabicNormalizer.Normalize(word), buffer);
        return buffer[..n].ToString();
    }

    [Theory]
    [InlineData("ستيفن", "ستيفين")] // the last vowel written
    [InlineData("فيدل", "فيديل")]
    [InlineData("ستيفين", "ستيفن")] // or left out
    [InlineData("خوسيه", "خوسي")] // final e written يه or ي
    public void LastVowel_WrittenOrLeftOut(string written, string variant) =>
        Assert.Contains(ArabicNormalizer.Normalize(variant), SpellingVariants.LastVowel(ArabicNormalizer.Normalize(written)));

    [Theory]
    [InlineData("وليم")] // ولم
    [InlineData("غريس")] // غرس
    public void LastVowel_DropsNoVowelFromShortNames(string written) =>
        Assert.Empty(SpellingVariants.LastVowel(ArabicNormalizer.Normalize(written)));

    [Fact]
    public void Of_LeavesWordsWithoutGLettersAlone() => Assert.Empty(SpellingVariants.Of("بايدن"));
}

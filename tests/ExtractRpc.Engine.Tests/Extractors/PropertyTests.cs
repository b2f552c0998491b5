using ExtractRpc.Engine.Pipeline;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ExtractRpc.Engine.Tests.Extractors;

/// <summary>
/// Generated text, built from the pieces news and hostile callers send (Arabic letters and words from
/// the lexicon, diacritics, tatweel, quote marks, digits of three scripts, separators, bidi and
/// zero-width marks, emoji, line breaks): the engine never throws, every span lies in the text and
/// slices to the mention's text, and the same text gives the same answer twice.
/// </summary>
public sealed class PropertyTests
{
    private static readonly string[] s_pieces =
    [
        "قال", "قالت", "إن", "أن", "الرئيس", "الأميركي", "جو", "بايدن", "لأوكرانيا", "والولايات", "المتحدة", "وزارة", "الدفاع",
        "الروسية", "شويغو", "شويجو", "أمس", "الأربعاء", "تشرين", "الثاني", "/", "نوفمبر", "2022", "٢٠٢٢", "۱۴", "4-5-2022",
        "عام", "منذ", "ثلاثة", "أيام", "عيد", "الفطر", "رمضان", "1445", "هـ", "“", "”", "\"", "«", "»", "‘", "’", "„", ":", "،",
        ".", "؟", " ", " ", " ", "\n", "\n\n", "ـ", "\u064E", "\u0651", "\u0670", "\u200F", "\u200D", "\u202B", "\uFEFF", "🇺🇸",
        "👍🏽", "ﻻ", "ﺑ", "ک", "ی", "گ", "ب", "ال", "الـ12", "على", "علي", "محمد", "بن", "أبو", "(", ")", "-", "0", "9",
    ];

    private static Gen<string> Texts =>
        Gen.Elements(s_pieces).ArrayOf().Select(parts => string.Concat(parts));

    [Property(MaxTest = 400)]
    public Property Extract_AnyText_SpansAreInBoundsAndSliceToTheirText() =>
        Prop.ForAll(Texts.ToArbitrary(), text =>
        {
            var result = TestLexicon.Extract(text);
            foreach (var e in result.Entities)
            {
                if (e.Span.Start < 0 || e.Span.End > text.Length || e.Span.End <= e.Span.Start)
                {
                    return false;
                }
            }

            foreach (var span in result.Dates.Select(d => d.Span).Concat(result.Quotes.Select(q => q.Span)))
            {
                if (span.Start < 0 || span.End > text.Length || span.End <= span.Start)
                {
                    return false;
                }
            }

            return true;
        });

    [Property(MaxTest = 200)]
    public Property Extract_SameTextTwice_SameAnswer() =>
        Prop.ForAll(Texts.ToArbitrary(), text =>
        {
            var a = TestLexicon.Extract(text);
            var b = TestLexicon.Extract(text);
            return a.Entities.SequenceEqual(b.Entities) && a.Dates.SequenceEqual(b.Dates)
                && a.Quotes.Select(q => (q.Span, q.Kind, q.Cue)).SequenceEqual(b.Quotes.Select(q => (q.Span, q.Kind, q.Cue)));
        });

    [Property(MaxTest = 200)]
    public Property Extract_AnyText_WireResponseSlicesInEveryUnit() =>
        Prop.ForAll(Texts.ToArbitrary(), text =>
        {
            if (text.Length == 0)
            {
                return true;
            }

            var result = TestLexicon.Extract(text);
            var utf16 = Protocol.ResponseMapper.ToResponse("", text, result, Protocol.V1.OffsetUnit.Utf16, TimeZoneInfo.Utc);
            var points = Protocol.ResponseMapper.ToResponse("", text, result, Protocol.V1.OffsetUnit.CodePoint, TimeZoneInfo.Utc);
            var runes = text.EnumerateRunes().Select(r => r.ToString()).ToArray();
            return utf16.Entities.All(e => text[e.Span.Start..e.Span.End] == e.Text)
                && points.Entities.All(e => string.Concat(runes[e.Span.Start..e.Span.End]) == e.Text)
                && points.Quotes.All(q => string.Concat(runes[q.Span.Start..q.Span.End]) == q.Text);
        });
}

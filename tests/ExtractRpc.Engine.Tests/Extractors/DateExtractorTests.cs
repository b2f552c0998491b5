using ExtractRpc.Engine.Lexicon;
using ExtractRpc.Engine.Pipeline;

namespace ExtractRpc.Engine.Tests.Extractors;

public sealed class DateExtractorTests
{
    // Wednesday 4 May 2022, the seed 000 dateline.
    private static readonly DateTimeOffset s_reference = new(2022, 5, 4, 12, 0, 0, TimeSpan.Zero);

    private static DateMention Single(string text, string expectedText, DateTimeOffset? reference = null)
    {
        var result = TestLexicon.Extract(text, ExtractionKinds.Dates, reference ?? s_reference);
        var date = Assert.Single(result.Dates);
        Assert.Equal(expectedText, TestLexicon.Slice(text, date.Span));
        return date;
    }

    [Theory]
    [InlineData("نشر في 4-5-2022 الميادين نت", "4-5-2022", "2022-05-04")]
    [InlineData("بتاريخ 04/06/2021 أعلنت الوزارة", "04/06/2021", "2021-06-04")]
    [InlineData("صدر القرار 2022/5/4", "2022/5/4", "2022-05-04")]
    [InlineData("بتاريخ ٤-٥-٢٠٢٢", "٤-٥-٢٠٢٢", "2022-05-04")]
    [InlineData("الجمعة 4 يونيو 2021 04:57 م", "الجمعة 4 يونيو 2021 04:57 م", "2021-06-04T16:57")]
    [InlineData("وقع الهجوم في 24 فبراير 2022 فجرا", "24 فبراير 2022", "2022-02-24")]
    [InlineData("في 3 جانفي 2020 أعلنت الحكومة", "3 جانفي 2020", "2020-01-03")]
    [InlineData("يوم 14 جويلية 2019", "14 جويلية 2019", "2019-07-14")]
    [InlineData("بدأت في 5 أوت 2021", "5 أوت 2021", "2021-08-05")]
    [InlineData("في 12 يونيه 2018", "12 يونيه 2018", "2018-06-12")]
    [InlineData("في الأول من آذار 2020", "الأول من آذار 2020", "2020-03-01")]
    [InlineData("في الحادي عشر من أيلول 2001", "الحادي عشر من أيلول 2001", "2001-09-11")]
    public void Extract_AbsoluteDays(string text, string span, string value)
    {
        var date = Single(text, span);
        Assert.Equal(value, date.Value);
        Assert.False(date.Relative);
    }

    [Theory]
    [InlineData("بدأ التنسيق عام 2015 بين البلدين", "عام 2015", "2015")]
    [InlineData("منذ العام 2015", "العام 2015", "2015")]
    [InlineData("في سنة ١٩٩٠ اجتاح", "سنة ١٩٩٠", "1990")]
    [InlineData("انتخب في 2014 رئيسا", "2014", "2014")]
    [InlineData("خلال الفترة 2015-2020 تراجع", "2015-2020", "2015/2020")]
    [InlineData("في تشرين الثاني/ نوفمبر 2023 قصفت", "تشرين الثاني/ نوفمبر 2023", "2023-11")]
    public void Extract_YearsMonthsAndYearRanges(string text, string span, string value) =>
        Assert.Equal(value, Single(text, span).Value);

    [Theory]
    [InlineData("جرت المكالمة في السابع والعشرين من تشرين الثاني/ نوفمبر.", "السابع والعشرين من تشرين الثاني/ نوفمبر", "2024-11-27")]
    [InlineData("يتولى الحكم في العشرين من كانون الثاني/ يناير المقبل.", "العشرين من كانون الثاني/ يناير المقبل", "2025-01-20")]
    [InlineData("أعلن في أيلول/ سبتمبر الماضي عن نيته", "أيلول/ سبتمبر الماضي", "2024-09")]
    public void Extract_DayAndMonthWithoutYear_PlacedByNarration(string text, string span, string value)
    {
        var date = Single(text, span, new DateTimeOffset(2024, 12, 4, 10, 0, 0, TimeSpan.Zero));
        Assert.Equal(value, date.Value);
        Assert.True(date.Relative);
    }

    [Theory]
    [InlineData("وقع الانفجار أمس في المدينة", "أمس", "2022-05-03")]
    [InlineData("وصل الوفد أول أمس إلى القاهرة", "أول أمس", "2022-05-02")]
    [InlineData("يصل الوفد غدا إلى القاهرة", "غدا", "2022-05-05")]
    [InlineData("قال اليوم الأربعاء إن", "اليوم الأربعاء", "2022-05-04")]
    [InlineData("التقى الوزير يوم الخميس نظيره", "يوم الخميس", "2022-04-28")]
    [InlineData("يلتقي الوزير نظيره الخميس المقبل", "الخميس المقبل", "2022-05-05")]
    [InlineData("أوفدت الأسبوع الماضي رئيس الشعبة", "الأسبوع الماضي", "2022-W17")]
    [InlineData("ارتفعت الأسعار الشهر الماضي بنسبة", "الشهر الماضي", "2022-04")]
    [InlineData("تراجعت الصادرات العام الماضي", "العام الماضي", "2021")]
    [InlineData("تنتهي المهلة العام المقبل", "العام المقبل", "2023")]
    [InlineData("زارها قبل ثلاثة أيام", "قبل ثلاثة أيام", "2022-05-01")]
    [InlineData("لم يظهر منذ أسبوعين", "منذ أسبوعين", "2022-W16")]
    [InlineData("زيارة بدأها منتصف الشهر الحالي", "منتصف الشهر الحالي", "2022-05-11/2022-05-20")]
    public void Extract_RelativeExpressions_ResolvedAgainstTheReference(string text, string span, string value)
    {
        var date = Single(text, span);
        Assert.Equal(value, date.Value);
        Assert.True(date.Relative);
    }

    [Theory]
    [InlineData("تتصاعد الاحتجاجات هذا الأسبوع في العاصمة", "هذا الأسبوع", "2022-W18")]
    [InlineData("تنتهي المفاوضات هذا الشهر", "هذا الشهر", "2022-05")]
    [InlineData("سيزور الوفد القاهرة الخميس لبحث الهدنة", "الخميس", "2022-05-05")]
    [InlineData("التقى الوزير نظيره الجمعة من الأسبوع الماضي", "الجمعة من الأسبوع الماضي", "2022-04-29")]
    [InlineData("تبدأ الجولة في العشرين من الشهر المقبل", "العشرين من الشهر المقبل", "2022-06-20")]
    [InlineData("قتل العشرات خلال الأيام الثلاثة الماضية", "الأيام الثلاثة الماضية", "2022-05-01/2022-05-04")]
    [InlineData("تضاعفت الأسعار في العقدين الماضيين", "العقدين الماضيين", "2002-05-04/2022-05-04")]
    [InlineData("شهدت المنطقة في السبعينيات حروبا", "السبعينيات", "1970/1979")]
    [InlineData("صدر التقرير في 3/2015 عن الوزارة", "3/2015", "2015-03")]
    [InlineData("تاريخ الإصدار 16/04/21 من الهيئة", "16/04/21", "2021-04-16")]
    [InlineData("يستمر الإغلاق من اليوم حتى الأحد المقبل", "من اليوم حتى الأحد المقبل", "2022-05-04/2022-05-08")]
    [InlineData("ولد في 5 ديسمبر 1391 في قرطبة", "5 ديسمبر 1391", "1391-12-05")]
    public void Extract_NewsPeriodsAndWeeks(string text, string span, string value) =>
        Assert.Equal(value, Single(text, span).Value);

    [Theory]
    [InlineData("وقع الانفجار يوم 3 حزيران 2022 الساعة الثالثة فجرا", "3 حزيران 2022 الساعة الثالثة فجرا", "2022-06-03T03:00")]
    [InlineData("أقلعت الطائرة في 5 أيار 2022 الساعة 10:30 مساء", "5 أيار 2022 الساعة 10:30 مساء", "2022-05-05T22:30")]
    [InlineData("عقد الاجتماع مساء الأحد في السفارة", "مساء الأحد", "2022-05-01")]
    [InlineData("في 12 كانون 2 2021 أعلنت الحكومة", "12 كانون 2 2021", "2021-01-12")]
    [InlineData("احتفل المسلمون برأس السنة الهجرية 1444 بالصلاة", "رأس السنة الهجرية 1444", "2022-07-30")]
    [InlineData("يبدأ شهر رمضان 2023 بعد أسابيع", "شهر رمضان 2023", "2023-03-23/2023-04-21")]
    [InlineData("تنتهي الهدنة أواخر الشهر الجاري", "أواخر الشهر الجاري", "2022-05-21/2022-05-31")]
    [InlineData("عاد الوفد في 4 ماي 2021 إلى الرباط", "4 ماي 2021", "2021-05-04")]
    [InlineData("انتهت الجولة في 30 نونبر 2019", "30 نونبر 2019", "2019-11-30")]
    public void Extract_TimesHolidaysAndMonthSystems(string text, string span, string value) =>
        Assert.Equal(value, Single(text, span).Value);

    // The parser tries its patterns only at words that may open one: a date table's phrase, or one of a
    // few words (بين، من، يوم، شهر، الفترة، في، منذ), which it finds by vocabulary id, also after a proclitic.
    [Theory]
    [InlineData("وقال إن الاجتماعات جرت وبين 3 و5 أيار 2022 في الدوحة", "وبين 3 و5 أيار 2022", "2022-05-03/2022-05-05")]
    [InlineData("وسافر ومن 3 إلى 5 أيار 2022 كان في الدوحة", "ومن 3 إلى 5 أيار 2022", "2022-05-03/2022-05-05")]
    [InlineData("وسيصل ليوم الخميس المقبل", "يوم الخميس المقبل", "2022-05-05")]
    [InlineData("تستمر الفترة من 3 إلى 5 أيار 2022", "الفترة من 3 إلى 5 أيار 2022", "2022-05-03/2022-05-05")]
    [InlineData("وشهر رمضان المقبل", "شهر رمضان المقبل", "2023-03-23/2023-04-21")]
    public void Extract_DatesOpenedByAWordWithOrWithoutProclitic(string text, string span, string value) =>
        Assert.Equal(value, Single(text, span).Value);

    [Fact]
    public void BuiltInVocabulary_HoldsEveryDateOpeningWord_SoThePreCheckReadsIds()
    {
        var openers = TestLexicon.Lexicon.DateOpeners;
        Assert.NotNull(openers);
        Assert.DoesNotContain(Vocabulary.Unknown, openers);
    }

    [Fact]
    public void Extract_RangeBetweenTwoDays_IsOneInterval()
    {
        var date = Single("في الفترة ما بين 10 و21 أيار/مايو الماضي، استخدم", "الفترة ما بين 10 و21 أيار/مايو الماضي", new DateTimeOffset(2021, 6, 4, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal("2021-05-10/2021-05-21", date.Value);
        Assert.Equal(DateKind.Range, date.Kind);
    }

    [Fact]
    public void Extract_HijriDate_ConvertsThroughUmmAlQura()
    {
        var date = Single("في 15 رمضان 1445 هـ", "15 رمضان 1445 هـ");
        Assert.Equal("2024-03-25", date.Value);
        Assert.Equal(CalendarSystem.Hijri, date.Calendar);
    }

    [Fact]
    public void Extract_HolidayWithYear_IsItsDays()
    {
        var date = Single("تزامن ذلك مع عيد الفطر 2023", "عيد الفطر 2023");
        Assert.Equal("2023-04-21/2023-04-23", date.Value);
        Assert.Equal(CalendarSystem.Hijri, date.Calendar);
    }

    [Fact]
    public void Extract_DurationWithoutAnchor_IsADuration()
    {
        var date = Single("استمر القصف لمدة ثلاثة أيام", "ثلاثة أيام");
        Assert.Equal("P3D", date.Value);
        Assert.Equal(DateKind.Duration, date.Kind);
    }

    [Theory]
    [InlineData("حزمة مساعدات بقيمة 725 مليون دولار لأوكرانيا")]
    [InlineData("وذكرت القناة الـ12 الإسرائيلية")]
    [InlineData("مارس الضغوط على الحكومة")]
    [InlineData("اتصلوا على الرقم 0501234567 للاستفسار")]
    [InlineData("وأضاف أن الاثنين ناقشا القضايا")]
    [InlineData("قتل 2000 جندي في المعارك")]
    public void Extract_NumbersAndWordsThatAreNotDates_AreIgnored(string text) =>
        Assert.Empty(TestLexicon.Extract(text, ExtractionKinds.Dates, s_reference).Dates);

    [Fact]
    public void Extract_DatelineBecomesTheReferenceWhenTheRequestHasNone()
    {
        const string text = "قال الوزير أمس إن المفاوضات مستمرة.\n4-5-2022 الميادين نت";
        var result = TestLexicon.Pipeline.Extract(text, new ExtractionOptions(ExtractionKinds.Dates, null, TimeZoneInfo.Utc));
        Assert.Equal(ReferenceSource.Dateline, result.ReferenceSource);
        Assert.Contains(result.Dates, d => d.Value == "2022-05-03" && TestLexicon.Slice(text, d.Span) == "أمس");
    }

    [Fact]
    public void Extract_WithoutReferenceOrDateline_UsesTheClock()
    {
        var result = TestLexicon.Pipeline.Extract("وصل أمس", new ExtractionOptions(ExtractionKinds.Dates, null, TimeZoneInfo.Utc));
        Assert.Equal(ReferenceSource.Clock, result.ReferenceSource);
        Assert.Equal("2026-11-21", Assert.Single(result.Dates).Value);
    }
}

using ExtractRpc.Engine.Lexicon;
using ExtractRpc.Engine.Pipeline;

namespace ExtractRpc.Engine.Tests.Extractors;

public sealed class EntityExtractorTests
{
    private static IReadOnlyList<EntityMention> Entities(string text) => TestLexicon.Extract(text, ExtractionKinds.Entities).Entities;

    // No mention's span holds the part (ordinal comparison).
    private static void AssertNoMentionContains(string text, string part) =>
        Assert.DoesNotContain(Entities(text), e => TestLexicon.Slice(text, e.Span).Contains(part, StringComparison.Ordinal));

    private static EntityMention Find(string text, string mention)
    {
        var entities = Entities(text);
        return entities.FirstOrDefault(e => TestLexicon.Slice(text, e.Span) == mention)
            ?? throw new Xunit.Sdk.XunitException($"no entity '{mention}' in: {string.Join(" | ", entities.Select(e => $"{TestLexicon.Slice(text, e.Span)}:{e.Kind}"))}");
    }

    [Theory]
    [InlineData("تزيد مساعداتها العسكرية لأوكرانيا", "أوكرانيا", "loc:ua")]
    [InlineData("والولايات المتحدة تدعم كييف", "الولايات المتحدة", "loc:us")]
    [InlineData("وصل الوفد إلى موسكو", "موسكو", "loc:ru-moscow")]
    [InlineData("العلاقات بين روسيا و\u201Dإسرائيل\u201D", "إسرائيل", "loc:il")]
    [InlineData("اتهامات للولايات المتحدة", "لولايات المتحدة", "loc:us")]
    [InlineData("جهودها مع القاهرة وواشنطن للتوصل", "واشنطن", "loc:us-washington")]
    [InlineData("أعلن أن العام سنة أفريقيا بالنسبة لكوريا", "كوريا", "loc:geo-korean-peninsula")] // Korea, as الكوري is Korean
    [InlineData("وصل مدافع الكونغو إلى كينشاسا قبل المباراة", "الكونغو", "loc:cd")] // the DR Congo, as كونغولي is
    [InlineData("عاد الوزير من الكونغو برازافيل أمس", "الكونغو برازافيل", "loc:cg")]
    public void Extract_LeavesProcliticsOutOfTheSpan(string text, string mention, string id)
    {
        var e = Find(text, mention);
        Assert.Equal(EntityKind.Location, e.Kind);
        Assert.Equal(id, e.EntityId);
    }

    [Theory]
    [InlineData("وزير الدفاع الروسي سيرغي شويغو", "سيرغي شويغو", "نظيره الروسي سيرجي شويجو", "سيرجي شويجو")]
    [InlineData("زار البنتاغون", "البنتاغون", "وفقا لبيان صادر عن البنتاجون", "البنتاجون")]
    [InlineData("صوت الكونغرس", "الكونغرس", "في الكونجرس حيث", "الكونجرس")]
    [InlineData("مستشار الأمن القومي جيك ساليفان", "جيك ساليفان", "مستشار الأمن القومي جيك سوليفان", "جيك سوليفان")]
    public void Extract_TransliterationVariants_AreOneEntity(string text1, string mention1, string text2, string mention2)
    {
        var a = Find(text1, mention1);
        var b = Find(text2, mention2);
        Assert.Equal(a.EntityId, b.EntityId);
        Assert.Equal(a.Canonical, b.Canonical);
    }

    [Theory]
    [InlineData("وقال الرئيس الروسي فلاديمير بوتين", "الروسي", "loc:ru")]
    [InlineData("إطلاق صواريخ أميركية الصنع", "أميركية", "loc:us")]
    [InlineData("مسؤولون أمريكيون", "أمريكيون", "loc:us")]
    [InlineData("أعلن الروس", "الروس", "loc:ru")]
    public void Extract_NationalityAdjectives_AreLinkedToTheirCountry(string text, string mention, string countryId)
    {
        var e = Find(text, mention);
        Assert.Equal(EntityKind.Nationality, e.Kind);
        Assert.Equal(countryId, e.EntityId);
    }

    [Fact]
    public void PlaceTrigger_DefiniteTriggerWithNisbaAdjective_IsNotAPlace_IndefiniteTriggerKeepsItsName()
    {
        const string text = "قال المحامي إن القضاء العسكري سيبت في القضية خلال أسبوعين. وضربت الأمواج الساحل الجنوبي الغربي للجزيرة، فيما غمرت المياه بلدة الحميدية وقرية الطيبة.";
        var found = Entities(text).Select(e => (TestLexicon.Slice(text, e.Span), TestLexicon.Slice(text, e.NameSpan), e.Kind)).ToList();
        Assert.DoesNotContain(found, f => f.Item1.Contains("العسكري", StringComparison.Ordinal) || f.Item1.Contains("الجنوبي", StringComparison.Ordinal));
        Assert.Contains(("بلدة الحميدية", "الحميدية", EntityKind.Location), found); // the trigger joins the mention, not the name
        Assert.Contains(("قرية الطيبة", "الطيبة", EntityKind.Location), found);
    }

    [Fact]
    public void Extract_OrganizationHeadAndGenitive_IsOneOrganization()
    {
        var e = Find("وأشار المتحدث إلى أن وزارة الدفاع الروسية هي من طلبت", "وزارة الدفاع الروسية");
        Assert.Equal(EntityKind.Organization, e.Kind);
    }

    [Fact]
    public void Extract_MediaHeadWithQuotedName_IsTheMediumNotThePlace()
    {
        var e = Find("وأفادت صحيفة “الشرق الأوسط”، أن رئيس الوزراء", "الشرق الأوسط");
        Assert.Equal(EntityKind.Organization, e.Kind);
    }

    [Fact]
    public void Extract_TitleAndUnknownName_IsAPersonFoundByRule()
    {
        var e = Find("وقال الناطق باسم البلدية سامر العبدالله إن الأضرار كبيرة", "سامر العبدالله");
        Assert.Equal(EntityKind.Person, e.Kind);
        Assert.Equal(MentionSource.Rule, e.Source);
        Assert.StartsWith("doc:per:", e.EntityId, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("وأشار البدري إلى أن المعرض سيفتتح في أكتوبر المقبل.", "البدري")]
    [InlineData("وقال تريباثي للصحفيين عقب اجتماع الحكومة إن المحادثات ستستأنف.", "تريباثي")]
    [InlineData("وأضاف كارتيني: «لدينا خطة واضحة».", "كارتيني")]
    [InlineData("وقال مسعود شوغاي مدير جمعية الكاريكاتير إن المعرض يضم مئتي رسم.", "مسعود شوغاي")]
    [InlineData("وأوضح فيرجسون أن خط الوسط أهم خطوط الفريق.", "فيرجسون")]
    public void Extract_UnknownNameRightAfterASpeechVerb_IsTheSpeaker(string text, string name)
    {
        var e = Find(text, name);
        Assert.Equal(EntityKind.Person, e.Kind);
        Assert.Equal(MentionSource.Rule, e.Source);
    }

    [Theory]
    [InlineData("وأعلن انسحابه من السباق بعد الجولة الأولى.")]
    [InlineData("وأبدت ثقتها من أن الاتفاق سيصمد.")]
    [InlineData("ونفى وجود أي اتصالات مع الطرف الآخر.")]
    [InlineData("وتعهد بالانتقام من المهاجمين.")]
    [InlineData("وكان قد أعلن رئيسا للنادي في الثالث من أغسطس.")]
    [InlineData("وأكد ضرورة التوصل إلى حل سياسي.")]
    public void Extract_ObjectOfASpeechVerb_IsNotAPerson(string text) =>
        Assert.DoesNotContain(Entities(text), e => e.Kind == EntityKind.Person);

    [Fact]
    public void Extract_ListOfPeopleJoinedByWaw_FindsEveryName()
    {
        const string text = "وضمت القائمة كلا من وائل زنجا ومحمد عبدالمنصف وإبراهيم سعيد وأيمن عبدالعزيز.";
        var people = Entities(text).Where(e => e.Kind == EntityKind.Person).Select(e => TestLexicon.Slice(text, e.Span)).ToList();

        Assert.Equal(["وائل زنجا", "محمد عبدالمنصف", "إبراهيم سعيد", "أيمن عبدالعزيز"], people);
    }

    [Fact]
    public void Extract_ListOfPeople_ASurnameWithTheArticleFollowsAGivenNameCarryingWaw()
    {
        const string text = "وشارك في المباراة محمد عبدالمنصف ووائل القباني وعمرو الصفتي.";
        var people = Entities(text).Where(e => e.Kind == EntityKind.Person).Select(e => TestLexicon.Slice(text, e.Span)).ToList();

        Assert.Equal(["محمد عبدالمنصف", "وائل القباني", "عمرو الصفتي"], people);
    }

    [Theory]
    [InlineData("وأقاموا المتاجر وبنوا مدارسهم ومساجدهم.")]
    [InlineData("تساعد المنطقة على تنويع اقتصادياتها وتحسين آفاقها.")]
    public void Extract_WawPlusAWordThatIsAlsoAName_IsNotAPersonOutsideAList(string text) =>
        Assert.DoesNotContain(Entities(text), e => e.Kind == EntityKind.Person);

    [Theory]
    [InlineData("وتغلب برشلونة على ضيفه في مباراة الدوري مساء السبت.", "برشلونة", "org:fc-barcelona")]
    [InlineData("تعادل الزمالك مع الإسماعيلي سلبيا في الدوري الممتاز.", "الزمالك", "org:zamalek")]
    [InlineData("وفاز بايرن ميونيخ على ضيفه بهدفين في الدوري الألماني.", "بايرن ميونيخ", "org:bayern")] // ميونيخ as well as ميونخ
    [InlineData("وقال إن خط هجوم تشلسي قوي جدا مقارنة ببقية فرق الدوري.", "تشلسي", "org:chelsea-fc")] // تشلسي as well as تشيلسي
    [InlineData("قمة المجموعة الثانية من دوري أبطال أوروبا أمام تشلسي الإنجليزي", "تشلسي", "org:chelsea-fc")] // أمام, not إمام (a title)
    public void Extract_BareClubNameInASportsReport_IsTheClub(string text, string name, string id)
    {
        var e = Find(text, name);
        Assert.Equal(EntityKind.Organization, e.Kind);
        Assert.Equal(id, e.EntityId);
    }

    [Fact]
    public void Extract_EnglishClubTownInASportsReport_IsAClubOfTheDocument()
    {
        // مانشستر is United and City alike: a club, but which one the sentence does not say.
        var e = Find("وأصر المدرب على أن لاعب مانشستر البرتغالي لن يرحل عن صفوف الفريق", "مانشستر");
        Assert.Equal(EntityKind.Organization, e.Kind);
        Assert.StartsWith("doc:", e.EntityId);
        Assert.Equal(EntityKind.Location, Find("وصل الوفد إلى مانشستر أمس", "مانشستر").Kind);
    }

    [Theory]
    [InlineData("وسجل مدافع بريمن الألماني هدفا في المباراة", "بريمن", "org:werder-bremen")] // فيردر بريمن
    [InlineData("وخسر بلاكبيرن أمام ضيفه في الدوري الإنجليزي", "بلاكبيرن", "org:blackburn-rovers")] // بلاكبيرن روفرز, named without نادي
    public void Extract_ClubNamedByItsTownInASportsReport_IsTheClub(string text, string name, string id) =>
        Assert.Equal(id, Find(text, name).EntityId);

    [Theory]
    [InlineData("بتغلب الأول على ضيفه بورتو البرتغالي بطل الموسم قبل الماضي", "بورتو البرتغالي")] // a masculine adjective: the club
    [InlineData("بعد تعادله مع النصر العماني في الدور الأول من البطولة", "النصر العماني")] // an everyday word, in a sports sentence
    public void Extract_ClubNameWithTheCountrysMasculineAdjective_IsTheClub(string text, string name) =>
        Assert.Equal(EntityKind.Organization, Find(text, name).Kind);

    [Theory]
    [InlineData("ليون ( فرنسا ) - ميلان ( ايطاليا ) صفر - 3 .", "ليون")] // a fixture list
    [InlineData("وفاز فالنسيا على ضيفه 2 - 1 مساء أمس", "فالنسيا")] // a score
    public void Extract_ClubCityNextToAScoreOrAFixture_IsTheClub(string text, string name) =>
        Assert.Equal(EntityKind.Organization, Find(text, name).Kind);

    [Theory]
    [InlineData("وألقى رئيس وفد نادي الجزيرة كلمة خلال الحفل", "الجزيرة")] // after نادي, anywhere
    [InlineData("وحصل لاعب فريق الوحدة على جائزة أفضل لاعب في المباراة", "الوحدة")] // after فريق, in a sports sentence
    public void Extract_ClubsBareNameAfterNadiOrFariq_IsTheClub(string text, string name) =>
        Assert.Equal(EntityKind.Organization, Find(text, name).Kind);

    [Fact]
    public void Extract_OutletInParenthesesBeforeTheNextParagraphsVerb_IsTheOutlet() =>
        Assert.Equal(EntityKind.Organization, Find("عاجزة عن مواجهة استحقاقات الحرب ( الجزيرة ) دعا الأمين العام لحزب الله", "الجزيرة").Kind);

    [Theory]
    [InlineData("وصل الوفد إلى بورتو البرتغالية أمس", "بورتو")] // the city is feminine
    [InlineData("المجموعة السابعة ارسنال ( انكلترا ) - بورتو ( البرتغال )", "بورتو")]
    public void Extract_ClubCityWithTheFeminineAdjective_StaysAPlace(string text, string name) =>
        Assert.Equal(EntityKind.Location, Find(text, name).Kind);

    [Theory]
    [InlineData("زار الوفد برشلونة لبحث الاستثمارات.", "برشلونة")]
    [InlineData("وتقام المباراة في برشلونة مساء السبت.", "برشلونة")]
    public void Extract_ClubCityOutsideAMatchOrAsTheVenue_StaysAPlace(string text, string name) =>
        Assert.Equal(EntityKind.Location, Find(text, name).Kind);

    [Theory]
    [InlineData("وله الى مطار حيدر علييف الدولي في العاصمة الاذرية باكو أمس", "باكو", "loc:az-baku")] // Baku, and Paco a given name
    [InlineData("وقتل خمسة في داريا بريف دمشق", "داريا", "loc:sy-daraya")]
    public void Extract_PlaceThatIsAGivenName_IsThePlaceWhereAPlaceIsExpected(string text, string name, string id)
    {
        var e = Find(text, name);
        Assert.Equal(EntityKind.Location, e.Kind);
        Assert.Equal(id, e.EntityId);
    }

    [Theory]
    [InlineData("كما عوم السندات الحكومية بمبلغ بليون دولار")] // ب + ليون (Lyon, Leon): "a billion"
    [InlineData("وغادرت صوفيا المنزل صباحا")] // Sofia, a woman here, in no place slot
    [InlineData("كشف مدير عام الهيئة ، براق النابلسي ، عن رفع متطلبات الترخيص")] // براق: Prague's spelling, here a given name before a nisba
    public void Extract_PlaceThatIsAGivenName_ElsewhereIsNoPlace(string text) =>
        Assert.DoesNotContain(Entities(text), e => e.Kind == EntityKind.Location);

    [Theory]
    [InlineData("وتم التكتم مطولا لاسباب امنية على اسم القاضي")] // مطولاً without its tanween, not Metula
    [InlineData("كأروع مشهد يطل عليه إنسان ، خاصة من نوافذ المطعم")]
    [InlineData("زرت العديد من الدول من بينها دول فقيرة للغاية")] // فقيرة: feminine of فقير, not ف + قيرة
    [InlineData("أمه فاطمة بنت أسد وهي هاشمية")] // a given name, not ف + أطمة
    [InlineData("أعلنت الهيئة عن خطة للقضاء علي قوائم الانتظار")] // للقضاء is definite: "eliminating", no district
    public void Extract_WordsReadWholeOrDefinite_AreNoPlaces(string text) =>
        Assert.DoesNotContain(Entities(text), e => e.Kind == EntityKind.Location);

    [Theory]
    [InlineData("ويسعى ديمورا إلى إنتاج خمسين وحدة سنويا من هذه السيارة", "ديمورا")]
    [InlineData("وخلص موتان الى القول إن هذه اللوحة رسمت بمناسبة ولادة الطفل", "موتان")]
    public void Extract_UnknownWordAfterASentencesOpeningVerb_IsItsSubjectsName(string text, string name) =>
        Assert.Equal(EntityKind.Person, Find(text, name).Kind);

    [Theory]
    [InlineData("وقال الأمين العام للجامعة العربية إن", "org:arab-league")] // ل + الجامعة, not ل + لجامعة
    [InlineData("وقدمت دعما للبنان", "loc:lb")] // ل + لبنان: البنان is no name
    public void Extract_LamLam_ReadsTheArticleFirst(string text, string id) =>
        Assert.Contains(Entities(text), e => e.EntityId == id);

    [Theory]
    [InlineData("وشهدت المباراة الظهور الأول للمدافع الإيطالي جيانلوكا زامبورتا مع فريقه الجديد", "جيانلوكا زامبورتا")] // تا ends names too
    public void Extract_ForeignSurnameEndingLikeADual_StaysInTheName(string text, string name) =>
        Assert.Equal(EntityKind.Person, Find(text, name).Kind);

    [Theory]
    [InlineData("قام سيباستيان بأول زيارة صحفية له إلى لبنان", "سيباستيان")] // ب + أول, not a surname
    [InlineData("والتقى كولن باول أمس", "كولن باول")] // Powell has no hamza
    [InlineData("رئيس ديوان بلدية طولكرم محمد أمين بشناق .", "محمد أمين بشناق")] // a family name beginning with ب
    public void Extract_PrepositionBeforeAHamza_EndsAName(string text, string name) =>
        Assert.Equal(EntityKind.Person, Find(text, name).Kind);

    [Theory]
    [InlineData("أهمية الترابط الهجومي بين ابوتريكة ومتعب", "ابوتريكة")]
    [InlineData("والتقى ابوعبد الله في نهاية المطاف الاصولي المصري", "ابوعبد الله")]
    [InlineData("وابو عبد الله على قناعة أن الشريعة ستطبق", "ابو عبد الله")] // و on the kunya
    public void Extract_KunyaWrittenAsOneWord_IsAPerson(string text, string name) =>
        Assert.Equal(EntityKind.Person, Find(text, name).Kind);

    [Theory]
    [InlineData("الترابط الهجومي بين ابوتريكة ومتعب وأسامة حسني في المباراة", "أسامة حسني")] // the item before was not found
    [InlineData("وحضر اللقاء المدير العام للقناة ، وريكاردو سيملر رئيس الشركة", "ريكاردو سيملر")]
    [InlineData("وقد خاض العداءان محمد بوفلوسن ومحسن الشرقاوي أمس نهائي 5000 متر", "محسن الشرقاوي")] // a given name that is a word, before a nisba
    [InlineData("سجل بيتر كراوتش ( 5 و69 ) وسامي حمزة ( 74 ) للفريق", "سامي حمزة")] // after a scorer's two minutes
    [InlineData("ضمت التشكيلة محسن سعد وخلف سالم وعبد الله قاسم حسن ويوسف حسن رستم", "عبد الله قاسم حسن")] // a compound given name with و
    public void Extract_ConjoinedGivenNameBeforeAnUnknownSurname_BeginsAName(string text, string name) =>
        Assert.Equal(EntityKind.Person, Find(text, name).Kind);

    [Theory]
    [InlineData("رفض المخرج إسناد الدور عندما علم بأنني ممثلة ، لكنني للأسف لم أستطع الإقامة في مصر")]
    [InlineData("وقال الوزير إنني لن أستقيل وإننا باقون")]
    public void Extract_ParticleWithAnAttachedPronoun_IsNoName(string text) =>
        Assert.DoesNotContain(Entities(text), e => e.Kind == EntityKind.Person);

    [Fact]
    public void Extract_LamOnAli_StaysTheName() =>
        Assert.Equal(EntityKind.Person, Find("ثم جاء جيش لعلي بن أبي طالب بقيادة جارية بن قدامة", "علي بن أبي طالب").Kind);

    [Theory]
    [InlineData("وهو الدور الذي سبق أن أشار إليه خوسي لويس ثاباتيرو خلال خطاب تعيينه", "خوسي لويس ثاباتيرو")] // خوسيه
    [InlineData("والتقى الخبير ستيفين كورين في طوكيو", "ستيفين كورين")] // ستيفن
    public void Extract_ForeignGivenNameWithItsLastVowelWrittenOrNot_IsKnown(string text, string name) =>
        Assert.Equal(EntityKind.Person, Find(text, name).Kind);

    [Theory]
    [InlineData("وعكف المدرب ومساعده عبدالله مبارك صباح امس على مشاهدة المباراة", "عبدالله مبارك")] // صباح أمس: when
    [InlineData("فربما يستيقظ ليوناردو صباح أحد الأيام وقد عادت ذاكرته", "ليوناردو")]
    [InlineData("وقدم يحيى بيرت الحاصل على الدكتوراه دراسة", "يحيى بيرت")] // a participle governing على
    [InlineData("بتمويل شخصي من جلالة الملك الحسين طيب الله ثراه", "الحسين")] // a blessing after the name
    [InlineData("وكتب الأديب محمد عبده رحمه الله مقالا", "محمد عبده")]
    public void Extract_NameBeforeATimeOrAParticiple_EndsThere(string text, string name) =>
        Assert.Equal(EntityKind.Person, Find(text, name).Kind); // Find holds the span to the name exactly

    [Theory]
    [InlineData("وقد ولد الإمام الرضا عليه السلام في المدينة المنورة", "الرضا")] // a laqab after a religious title
    [InlineData("وهناك تمت البيعة للإمام الرضا بولاية العهد", "الرضا")]
    [InlineData("عندما تدخل آية الله الطبسي رئيس العلماء", "الطبسي")]
    public void Extract_LaqabAfterAReligiousTitle_IsAPerson(string text, string name) =>
        Assert.Equal(EntityKind.Person, Find(text, name).Kind);

    [Theory]
    [InlineData("حقق حلمه في الوقوف امام الكاميرا الحقيقية")] // امام is the preposition here
    [InlineData("وألقى الإمام الأكبر كلمة في المؤتمر")] // a title of two words, no name
    public void Extract_DefiniteWordAfterAReligiousTitleShape_IsNoLaqab(string text) =>
        Assert.DoesNotContain(Entities(text), e => e.Kind == EntityKind.Person);

    [Theory]
    [InlineData("وشاركت الممثلتان أنيت بينينغ وكاترين دونوف في الحفل", "أنيت بينينغ")] // the dual of الممثلة
    [InlineData("وصل المخرجان ستيفن كورين وفرانك كوراسي إلى المهرجان", "ستيفن كورين")] // the dual of المخرج
    public void Extract_NameAfterADualTitle_IsAPerson(string text, string name) =>
        Assert.Equal(EntityKind.Person, Find(text, name).Kind);

    [Theory]
    [InlineData("ويخشى المدرب من الثلاثي ديديه يوكانان وايمانويل ايبواه ودراماني ديابي", "ايمانويل ايبواه")] // the next item
    [InlineData("وفي عام 1886 تزوج مارتا برزنيز وأنجب منها ستة أطفال", "مارتا برزنيز")] // the next clause
    [InlineData("أجرينا مقابلة مع السيدة أم محمد وحدو حول حرب 1948", "أم محمد وحدو")] // a family name written with و
    public void Extract_WordWithWawAfterAFullName_EndsItUnlessItIsTheFamilyName(string text, string name) =>
        Assert.Equal(EntityKind.Person, Find(text, name).Kind);

    [Theory]
    [InlineData("وزيّن صحن المسجد بأسماء الله الحسنى")] // a sentence's first word: و + a verb
    [InlineData("والنصوص صحيحة وسليمة ومتفقة مع الشرع")] // a feminine adjective follows
    public void Extract_ConjoinedGivenNameWithoutASurname_IsNoName(string text) =>
        Assert.DoesNotContain(Entities(text), e => e.Kind == EntityKind.Person);

    [Theory]
    [InlineData("والإدارة الجماعية لحق المؤلف والحقوق المجاورة")] // ل + حق, not لحج with a g-letter spelling
    [InlineData("لإجراء عمليات زراعة القرنية على نفقة التأمين الصحي")] // the cornea, not الجرنية
    [InlineData("ثم خرج من المدينة بجيشه واستخلف عليها أبا هريرة")] // a kunya, not Aba in Nigeria
    [InlineData("كان يبحث عن برنامج جديد وجيد ليقدمه")] // و + جيد, not Wajid
    [InlineData("وفرضت المحكمة بعقوبة قاسية")]
    public void Extract_ArabicWordShapedLikeAPlace_IsNoPlace(string text) =>
        Assert.DoesNotContain(Entities(text), e => e.Kind == EntityKind.Location);

    [Theory]
    [InlineData("وفي بعقوبة أعلنت الشرطة مصرع ثلاثة أشخاص", "بعقوبة")] // ب + عقوبة is also a word: a place's slot
    [InlineData("على الطريق العام بين بعقوبة والخالص", "بعقوبة")]
    [InlineData("وصل الوفد إلى محافظة لحج أمس", "محافظة لحج")]
    public void Extract_PlaceThatIsAlsoAWordInAPlacesSlot_IsThePlace(string text, string name) =>
        Assert.Equal(EntityKind.Location, Find(text, name).Kind);

    [Theory]
    [InlineData("أعلن البنك الآسيوي للتنمية منح الصين قرضا", "البنك الآسيوي للتنمية")] // ل + a definite noun
    [InlineData("وقال رئيس الرابطة الألمانية لصناعة النفط إن الوقود", "الرابطة الألمانية لصناعة النفط")] // ل + a noun and its genitive
    [InlineData("بحسب المعهد الوطني الأميركي لرصد الزلازل ووقع الزلزال", "المعهد الوطني الأميركي لرصد الزلازل")]
    public void Extract_BodyWithWhatItIsFor_IsNamedWhole(string text, string name) =>
        Assert.Equal(EntityKind.Organization, Find(text, name).Kind);

    [Theory]
    [InlineData("حذر رئيس كتلة تيار المستقبل سعد الحريري مساء امس", "كتلة تيار المستقبل", "تيار المستقبل")]
    [InlineData("اجتماع طارئ لوزراء خارجية دول الاتحاد الأوروبي لحسم المسألة", "الاتحاد الأوروبي", "الاتحاد الأوروبي")] // دول is no part of the name
    public void Extract_HeadBeforeABodyTheLexiconKnows_NamesThatBody(string text, string mention, string name)
    {
        var e = Find(text, mention);
        Assert.Equal(EntityKind.Organization, e.Kind);
        Assert.Equal(name, TestLexicon.Slice(text, e.NameSpan));
    }

    [Theory]
    [InlineData("وأدى العنابي مرانا خفيفا صباح امس قبل مواجهة تايلاند", "العنابي", "org:qatar-national-team")]
    [InlineData("وتأهل النشامى إلى الدور الثاني من كأس آسيا", "النشامى", "org:jordan-national-team")]
    [InlineData("وأرجأ الزمالك سفر الوفد أكثر من مرة", "الزمالك", "org:zamalek")] // the club by its bare name
    [InlineData("حقق فريق العربي بداية جيدة في الجولة الرابعة من الدوري", "العربي", "doc:")] // فريق in construct: a club (Al-Arabi of Kuwait or Qatar)
    [InlineData("يسكن في حي الزمالك بالقاهرة", "حي الزمالك", "loc:eg-zamalek")] // the district keeps its trigger
    [InlineData("وتضم الآستانة الرضوية 15 مؤسسة ثقافية", "الآستانة الرضوية", "org:astan-quds")] // not الآستانة, Istanbul's old name
    public void Extract_TeamByItsNicknameOrBareName_IsTheTeam(string text, string name, string id) =>
        Assert.StartsWith(id, Find(text, name).EntityId);

    [Fact]
    public void Extract_NationalityAfterADefiniteTeam_StaysTheAdjective() =>
        Assert.Equal(EntityKind.Nationality, Find("وقال إن الفريق العربي قدم أداء جيدا", "العربي").Kind);

    [Theory]
    [InlineData("ورئيس مجلس الأمن القومي السعودي بندر بن سلطان", "مجلس الأمن القومي السعودي")] // not the UN Security Council
    [InlineData("ترأس عباس اجتماعا طارئا لمجلس الأمن القومي الفلسطيني", "مجلس الأمن القومي الفلسطيني")]
    public void Extract_NationalBodyNamedLikeAnInternationalOne_IsItsOwnBody(string text, string name)
    {
        var e = Find(text, name);
        Assert.Equal(EntityKind.Organization, e.Kind);
        Assert.StartsWith("doc:", e.EntityId);
    }

    [Theory]
    [InlineData("واعتصم أعضاء النقابة الفلسطينية للمطالبة بحقوقهم", "النقابة الفلسطينية")] // a purpose clause: the noun governs بـ
    [InlineData("ويقوم أفراد الكتيبة الهندية التابعة لقوة المراقبة الدولية بدوريات", "الكتيبة الهندية التابعة")] // whose it is
    public void Extract_BodyBeforeAPurposeClause_EndsBeforeIt(string text, string name) =>
        Assert.Equal(EntityKind.Organization, Find(text, name).Kind);

    [Theory]
    [InlineData("وهو من مواليد بلدة اجدير بالريف سنة 1882", "اجدير")] // a proclitic begins what is said of the place
    [InlineData("عثر على جثتين بالقرب من نهر مهروت مصابتين بطلقات نارية", "مهروت")] // a feminine dual
    [InlineData("ذهب إلى كتاب الشيخ في حارة الكبابجي بالقرب من درب قرمز", "الكبابجي")]
    public void Extract_PlaceAfterATrigger_EndsBeforeWhatIsSaidOfIt(string text, string name) =>
        Assert.Contains(Entities(text), e => e.Kind == EntityKind.Location && TestLexicon.Slice(text, e.NameSpan) == name);

    [Fact]
    public void Extract_KunyaShapedPlace_StaysThePlace() =>
        Assert.Equal(EntityKind.Location, Find("وصل الوفد إلى ابوظبي أمس", "ابوظبي").Kind);

    [Theory]
    [InlineData("انثى الأسد الآسيوي في إحدى حدائق الحيوان")] // the lion, not Assad
    [InlineData("السلالة الهندية ( الأسد الهندي )")]
    public void Extract_AmbiguousSurnameWithAnAdjective_IsTheWord(string text) =>
        Assert.DoesNotContain(Entities(text), e => e.Kind == EntityKind.Person);

    [Theory]
    [InlineData("وسيمضي شافيز يومين في روسيا البيضاء", "شافيز", "per:hugo-chavez")] // تشافيز with its ch written ش
    [InlineData("وقال حسن نصرالله في كلمته إن المقاومة انتصرت", "حسن نصرالله", "per:hassan-nasrallah")] // نصر الله run together
    [InlineData("واستقبل عبدالعزيز بوتفليقة الوفد أمس", "عبدالعزيز بوتفليقة", "per:abdelaziz-bouteflika")] // عبد العزيز run together
    public void Extract_KnownPersonInAnotherSpelling_IsTheKnownPerson(string text, string name, string id) =>
        Assert.Equal(id, Find(text, name).EntityId);

    [Theory]
    [InlineData("التقى مسؤولا رفيعا من العائلة المالكة السعودية أمس", EntityKind.Nationality)]
    [InlineData("تصدرت المبادرة المحادثات الإسرائيلية السعودية التي لم يكشف عن مكانها", EntityKind.Nationality)]
    [InlineData("صاموا مع السعودية وخالفوا إعلان دار الإفتاء", EntityKind.Location)]
    [InlineData("تدعم الولايات المتحدة السعودية في حربها", EntityKind.Location)] // the object, after a name
    public void Extract_CountryNamedByItsNisba_IsTheAdjectiveAfterAFeminineNoun(string text, EntityKind kind)
    {
        var e = Find(text, "السعودية");
        Assert.Equal(kind, e.Kind);
        Assert.Equal("loc:sa", e.EntityId);
    }

    [Theory]
    [InlineData("وقال الحريري اتفاق الطائف باق", "الحريري")] // Rafic, Saad and Bahaa Hariri: a nisba with the article
    [InlineData("واستبعد المالكي حدوث مفاجأة من جانب المنتخب", "المالكي")]
    [InlineData("وواصل ألونسو انتقاده للعقوبة", "ألونسو")] // folded, أل looks like the article
    public void Extract_DefiniteSurnameKnownPeopleBear_IsAPersonAfterAVerb(string text, string name) =>
        Assert.Equal(EntityKind.Person, Find(text, name).Kind);

    [Theory]
    [InlineData("وأكد الجفيري أن الفريق جاهز للمباراة", "الجفيري")]
    [InlineData("وهاجم الشهيبي قرار الحكم بعد المباراة", "الشهيبي")] // the verb فاعل
    [InlineData("وسجلت بنحسي توقيتا جيدا في السباق", "بنحسي")] // the feminine past فعلت
    public void Extract_UnknownFamilyNisbaAsTheOpeningVerbsSubject_IsAPerson(string text, string name) =>
        Assert.Equal(EntityKind.Person, Find(text, name).Kind);

    [Theory]
    [InlineData("وقال الوزير إن الإيرادات ارتفعت")] // a title, not نصر الحريري's kind of name
    [InlineData("بينما استشهد الثالث شرق المخيم")] // an ordinal
    [InlineData("لا أحد يملك الحق في التنازل")] // a noun that ends names (عبد الحق)
    public void Extract_DefiniteNounAfterAVerb_IsNoSurname(string text) =>
        Assert.DoesNotContain(Entities(text), e => e.Kind == EntityKind.Person);

    [Theory]
    [InlineData("وكان الرئيس طالباني قد حذر من أن العراق يمكنه إثارة متاعب", "طالباني")] // Jalal, Bafel and Qubad Talabani
    [InlineData("تصريح نشرته الصحيفة اتهم جنبلاط حزب الله بالسعي للانقلاب", "جنبلاط")] // Walid, Kamal and Taymour Jumblatt
    public void Extract_SurnameSeveralKnownPeopleBear_IsAPersonOfTheDocument(string text, string name)
    {
        var e = Find(text, name);
        Assert.Equal(EntityKind.Person, e.Kind);
        Assert.StartsWith("doc:", e.EntityId);
    }

    [Fact]
    public void Extract_SurnameSeveralKnownPeopleBear_TakesTheIdOfTheOneNamedInFull()
    {
        var text = "استقبل الرئيس العراقي جلال طالباني الوفد . وقال الرئيس طالباني إن العلاقات جيدة .";
        Assert.All(Entities(text).Where(e => e.Kind == EntityKind.Person), e => Assert.Equal("per:jalal-talabani", e.EntityId));
        Assert.Equal(2, Entities(text).Count(e => e.EntityId == "per:jalal-talabani"));
    }

    [Theory]
    [InlineData("حضر اللقاء السفير معصوم مرزوق الذي سيتولى منصبه", "معصوم")] // a given name before a surname
    [InlineData("وكانت الأحلاف إما لرد عدوان أو للمسالمة", "عدوان")] // "aggression"
    public void Extract_KnownSurnameWithMoreNameOrAsAWord_IsNotThePersonAlone(string text, string word) =>
        Assert.DoesNotContain(Entities(text), e => e.Kind == EntityKind.Person && TestLexicon.Slice(text, e.Span) == word);

    [Theory]
    [InlineData("وشارك العداء محسن الشهيبي بدوره في سباق 800 متر", "محسن الشهيبي")] // a given name that is a word, a family nisba
    [InlineData("وقال سفير كراكاس بدمشق نادر الأنداري لوكالة الأنباء السورية إن", "نادر الأنداري")]
    [InlineData("وعقد البرتغالي مانويل كاجودا جلسة مع اللاعبين", "مانويل كاجودا")] // not ك + أجود
    [InlineData("وأخرى للتشيكي توماس روزيكي بجوار القائم الأيسر", "توماس روزيكي")] // بجوار is a preposition
    [InlineData("فيلم أنتج عن رواية مارغريت ميتشل الشهيرة ذهب مع الريح", "مارغريت ميتشل")] // الشهيرة qualifies the novel
    [InlineData("وهي نظرية كارل هوسهوفر صاحب الفكرة الشهيرة", "كارل هوسهوفر")] // صاحب الفكرة: "the one behind the idea"
    [InlineData("أنذر الجيش عائلتي منصور وأبو حميد باتصالين هاتفيين", "أبو حميد")] // ب + the dual of اتصال
    [InlineData("وعلق تيم سيباستيان علي ذلك بالقول إن قطر منفتحة", "تيم سيباستيان")] // على written علي
    [InlineData("وقال محمد علي الحسيني إن الاجتماع انتهى", "محمد علي الحسيني")]
    [InlineData("فلننظر إلى بيل غيتس أو ستيف جوبس علي سبيل المثال", "ستيف جوبس")] // على written علي before a common noun
    [InlineData("وقال الإمام علي إن الصبر مفتاح الفرج", "علي")] // after a title, before إن, the name
    public void Extract_PersonNamedByRules_HasTightBounds(string text, string name) =>
        Assert.Equal(EntityKind.Person, Find(text, name).Kind);

    [Theory]
    [InlineData("نائبا عن السيد فيصل السويدي نائب الرئيس", "فيصل السويدي")] // a nationality as family name
    [InlineData("وقال العميد شارل شيخاني قائد اللواء العاشر إنها المرة الأولى", "شارل شيخاني")] // a town's name as surname
    [InlineData("ومن هنا يقول شارلز مورفي السياسي الإنجليزي بعد الزيارة", "شارلز مورفي")] // a foreign given name and a town's name (Morbi)
    [InlineData("وسدد البرازيلي كارلوس كوريا كرة قوية ارتدت من الحارس", "كارلوس كوريا")] // كوريا is also Korea
    [InlineData("وكان الإسباني رافايل نادال المصنف ثانيا قد بلغ الدور الثالث", "رافايل نادال")] // رافائيل without the hamza's seat
    [InlineData("واعتذر فايز الحربي عن الدور", "فايز الحربي")] // a given name that is a word (winner), and a known family's nisba
    public void Extract_GivenNameAndAWordTheLexiconKnowsAsSomethingElse_IsTheName(string text, string name) =>
        Assert.Equal(EntityKind.Person, Find(text, name).Kind);

    [Theory]
    [InlineData("بعدما تغلب على منافسه التركي نظمي أفلوكا في المباراة النهائية", "نظمي أفلوكا")] // نظمي is in the lexicon, as part of another name
    [InlineData("الضغوط على نظيره الروماني تارايان باسيسكو لعدم دعوة لحود", "تارايان باسيسكو")]
    [InlineData("وفاز التشيكي توماس برديتش على الألماني فلوريان ماير 6 - 1 و3 - 6", "فلوريان ماير")] // a given name, not ف + the club لوريان
    [InlineData("فاز المصري محمد عبد الفتاح بالميدالية الذهبية", "محمد عبد الفتاح")] // a compound given name
    [InlineData("ونقل عن وزير الدفاع جوونو سودارسونو قوله أمس", "جوونو سودارسونو")] // two unknown names after a bare title
    [InlineData("وفاز الإسباني رافائيل نادال، والروسي إيغور أندرييف على منافسيهما", "إيغور أندرييف")] // و on the national; إيغور is also the Uyghurs
    [InlineData("وخسر أمام الإندونيسي بامبانغ سوريونو 6 - 4", "بامبانغ سوريونو")] // a first name beginning with ب
    public void Extract_UnknownNamesAfterANationalityOrATitle_AreAPerson(string text, string name) =>
        Assert.Equal(EntityKind.Person, Find(text, name).Kind);

    [Fact]
    public void Extract_PluralNationalityBeforeAVerb_NamesNoPerson()
    {
        const string text = "وكشف السقاف أن الألمان سيكونون ضيف شرف على المعرض";
        AssertNoMentionContains(text, "سيكونون");
    }

    [Theory]
    [InlineData("أثارت الشخصية التلفزيونية جدلا قوميا واسع النطاق")] // قومي + the accusative, not جوميا with ق for g
    [InlineData("وقالت إن والدي لا يسمح لي بالذهاب إلى الخارج")] // "my father", not و + ألدي
    [InlineData("وهذا الاختلاف في موقع وأهمية الجانبين ليس شكليا")] // و + a known word after موقع
    public void Extract_WordsThatLookLikeBrandsOrOutlets_AreNoOrganization(string text) =>
        Assert.DoesNotContain(Entities(text), e => e.Kind == EntityKind.Organization);

    [Theory]
    [InlineData("ودعا متحدث باسم الحزب الباكستانيين إلى مقاطعة المنتجات", "الباكستانيين", EntityKind.Nationality)] // the people, not the party's adjective
    [InlineData("وقالت نقابة الصحفيين الفلسطينيين إن الاعتقال تعسفي", "نقابة الصحفيين الفلسطينيين", EntityKind.Organization)]
    public void Extract_PluralNationalityAfterAnOrganizationHead_AgreesOnlyWithAPluralNoun(string text, string mention, EntityKind kind) =>
        Assert.Equal(kind, Find(text, mention).Kind);

    [Theory]
    [InlineData("طرحت شركة « إل جي الكترونكس » في جدة أنحف جوال", "إل جي الكترونكس")] // longer than the lexicon's إل جي
    [InlineData("إثر مسابقة أطلقتها جمعية \" كاريكاتير إيران \" وصحيفة همشهري", "كاريكاتير إيران")] // not the country
    [InlineData("قال بيرنار أنغو ، رئيس \" بروتان انتيرناسيونال \" ، إن البلد وجهة مفضلة", "بروتان انتيرناسيونال")] // the body رئيس runs
    public void Extract_QuotedNameAfterAnOrganizationHead_IsTheOrganization(string text, string name) =>
        Assert.Equal(EntityKind.Organization, Find(text, name).Kind);

    [Fact]
    public void Extract_QuotedNameAfterAnEmperor_IsNoOrganization()
    {
        const string text = "وتبدأ التماثيل بالإمبراطور \" هوانج تي \" الذي حكم في عام 269";
        Assert.DoesNotContain(Entities(text), e => e.Kind == EntityKind.Organization);
    }

    [Fact]
    public void Extract_OneCommonWordQuotedAfterAnOrganizationHead_IsAGloss()
    {
        const string text = "اياد جمال الدين عضو مجلس النواب « البرلمان » العراقي";
        Assert.DoesNotContain(Entities(text), e => TestLexicon.Slice(text, e.Span) == "البرلمان");
    }

    [Theory]
    [InlineData("وتجري وزيرة التعاون الدولي علي هامش المؤتمر مباحثات مهمة")] // على written علي, after a title
    [InlineData("وقال المتحدث إن الاتفاق باق، مؤكدا استعدادنا للحوار")] // a known noun and "our"
    public void Extract_PrepositionOrNounWithPronoun_IsNoPerson(string text) =>
        Assert.DoesNotContain(Entities(text), e => e.Kind == EntityKind.Person);

    [Theory]
    [InlineData("يعتمد جوزيه في تجاوز عقبة أسيك على فارق الخبرة", "جوزيه")] // a foreign name in ه, no pronoun
    [InlineData("وهذا الثلاثي يمثل صداعا في رأس جوزيه", "جوزيه")]
    [InlineData("وقال رمضان إن الأصوات الرافضة للسياسة العدوانية تتزايد", "رمضان")] // a month and a given name, the speaker
    [InlineData("وأعرب ايبرمان عن سعادته للتطورات التي شهدتها العلاقات", "ايبرمان")] // أعرب X عن: X expressed
    public void Extract_LoneGivenNameThatLooksLikeSomethingElse_IsAPerson(string text, string name) =>
        Assert.Equal(EntityKind.Person, Find(text, name).Kind);

    [Fact]
    public void Extract_ScorerListWithMinutes_NamesEveryScorer()
    {
        // و on the next given name, after the previous scorer's minute in parentheses.
        const string text = "فاز الفريق برباعية تناوب عليها فرناندو توريس ( 20 ) وديفد فيا ( 44 ) ولويس غارسيا ( 66 ) .";
        foreach (var name in new[] { "فرناندو توريس", "ديفد فيا", "لويس غارسيا" })
        {
            Assert.Equal(EntityKind.Person, Find(text, name).Kind);
        }
    }

    [Fact]
    public void Extract_ClubTheLexiconLacks_IsNamedAfterNadi()
    {
        const string text = "ويخشى رونالدو أن تستهدفه جماهير نادي تشارلتون الإنجليزي اليوم";
        Assert.Equal(EntityKind.Organization, Find(text, "نادي تشارلتون").Kind);
        Assert.DoesNotContain(Entities(text), e => e.Kind == EntityKind.Person && TestLexicon.Slice(text, e.Span).Contains("تشارلتون"));
    }

    [Theory]
    [InlineData("لمحافظة خراسان في القرن الخامس عشر إبان الحكم المغولي")] // الحكم is "rule" here
    public void Extract_DefiniteGivenNameBeforeANisba_IsNoPerson(string text) =>
        Assert.DoesNotContain(Entities(text), e => e.Kind == EntityKind.Person);

    [Theory]
    [InlineData("بينما لقي مساعده عبدالرحمن عبدالفتاح مصرعه في الحادث", "عبدالرحمن عبدالفتاح")] // مصرع + ه
    [InlineData("وظهر خط الدفاع بقيادة خلف سالم ويوسف عبد الله وسالم مسعود مترابط ومنسجم", "سالم مسعود")] // a participle
    [InlineData("ترحل المواطن عادل عليان دراغمه من الاغوار", "عادل عليان دراغمه")] // a family name in ه
    [InlineData("رسالة من يوسف سليمان عطا الله إلى هيئة المجلس", "يوسف سليمان عطا الله")]
    public void Extract_AfterAGivenNameAndSurname_NounsAndParticiplesEndTheName(string text, string name) =>
        Assert.Equal(EntityKind.Person, Find(text, name).Kind);

    [Fact]
    public void Extract_KnownPersonOfTwoGivenNames_TakesTheFamilyNameAfterIt()
    {
        // محمود حسين is a known person; محمود حسين هديب, a village mukhtar, is another.
        var e = Find("مقابلة مع السيد محمود حسين هديب مختار قرية الدوايمة", "محمود حسين هديب");
        Assert.Equal(EntityKind.Person, e.Kind);
        Assert.StartsWith("doc:", e.EntityId);
    }

    [Theory]
    [InlineData("عين الرئيس السوداني عمر البشير ميني ميناوي زعيم أحد الأجنحة", "عمر البشير")] // the next person's given name
    [InlineData("ورفع المتظاهرون صورا للرئيس العراقي صدام حسين وشوهدت صورة", "صدام حسين")] // the next clause's verb
    public void Extract_KnownPersonOfTwoGivenNames_StopsBeforeTheNextPhrase(string text, string name) =>
        Assert.Equal(EntityKind.Person, Find(text, name).Kind);

    [Theory]
    [InlineData("ويواجه معتنقو الاسلام الجدد اكثر من عقبة")] // a plural in construct
    [InlineData("واستهل حامل اللقب التسجيل مبكرا")] // an active participle in construct
    [InlineData("ونومه تشخير متواصل")] // نومه is a noun and its pronoun, no verb
    public void Extract_NounAfterASentencesOpeningWord_IsNoPerson(string text) =>
        Assert.DoesNotContain(Entities(text), e => e.Kind == EntityKind.Person);

    [Theory]
    [InlineData("ان المدير الفني الحالي للفريق سيشارك في اختيار خليفة له")] // الفريق "the team", then س + يشارك
    [InlineData("أكد رئيس فريق الدفاع ان الفريق سيقاطع جلسة اليوم")]
    [InlineData("فالفريق الطنجي يلعب من أجل انتزاع ثلاث نقاط الفوز أمام جمهوره")] // the team, in a sports sentence
    public void Extract_FutureOfAKnownVerbAfterATitle_IsNoName(string text) =>
        Assert.DoesNotContain(Entities(text), e => e.Kind == EntityKind.Person);

    [Theory]
    [InlineData("استوطن هذه المدينة آلاف التجار العرب إبان أسرتي تانغ وسونغ")] // إبان "during"
    [InlineData("حيث تقوم بدور تاجرة جملة في سوق الخضراوات")] // ب + دور "as", and a feminine noun
    [InlineData("بأن الفرنسيين أميل إلى قضاء العطلات في إطار عائلي")] // أميل "more inclined"
    [InlineData("وهو شاهد مكتمل ويسهل قراءته , وقد نقشت عليه الآية")] // و + يسهل, a verb, ends any name
    public void Extract_GivenNamesThatAreWordsHere_AreNoPeople(string text) =>
        Assert.DoesNotContain(Entities(text), e => e.Kind == EntityKind.Person);

    [Theory]
    [InlineData("بأن الفرنسيين أميل إلى قضاء العطلات في إطار عائلي", "العطلات")] // قضاء "spending"
    public void Extract_DefinitePluralAloneAfterAPlaceTrigger_IsNoPlace(string text, string word) =>
        AssertNoMentionContains(text, word);

    [Fact]
    public void Extract_PluralAsTheSecondWordOfAPlacesName_StaysInIt() =>
        Assert.Equal(EntityKind.Location, Find("مقابلة مع سهام فحماوي من قرية ام الزينات قضاء مدينة حيفا", "قرية ام الزينات").Kind);

    [Theory]
    [InlineData("وحقق منهم فوزه الثاني على التوالي")] // فوز + ه, not the given name فوزة
    public void Extract_NounWithPronounShapedLikeAGivenName_IsNoPerson(string text) =>
        Assert.DoesNotContain(Entities(text), e => e.Kind == EntityKind.Person);

    [Fact]
    public void Extract_VerbalNounShapedLikeTheArticle_EndsAnOrganizationsName()
    {
        // التزام (iltizam) has no article: مجلس الوزراء does not run on into التزام لبنان.
        const string text = "وأكد رئيس مجلس الوزراء التزام لبنان بجميع شروط القرار";
        Assert.Equal(EntityKind.Location, Find(text, "لبنان").Kind);
        AssertNoMentionContains(text, "التزام");
    }

    [Fact]
    public void Extract_ArticleWrittenApartBeforeAQuotedName_IsNoName()
    {
        const string text = "بعدما خرجت مجلة الـ \" تايم \" الأمريكية في 7 تشرين الثاني";
        Assert.Equal(EntityKind.Organization, Find(text, "تايم").Kind);
        AssertNoMentionContains(text, "الـ");
    }

    [Theory]
    [InlineData("وتعمل في مدينة دبي للإعلام ، فهي شركة إماراتية .")]
    [InlineData("ووقعت الوزارة عقدا مع شركة أمريكية أمس")]
    public void Extract_IndefiniteHeadAndNationality_IsNoOrganization(string text) =>
        Assert.DoesNotContain(Entities(text), e => e.Kind == EntityKind.Organization && TestLexicon.Slice(text, e.Span).StartsWith("شركة"));

    [Fact]
    public void Extract_OrganizationHeadWithAnOrdinal_EndsAtTheOrdinal()
    {
        const string text = "المجموعة السابعة ارسنال ( انكلترا ) - بورتو ( البرتغال ) 2 - صفر .";
        Assert.Equal(EntityKind.Organization, Find(text, "ارسنال").Kind);
        AssertNoMentionContains(text, "المجموعة");
    }

    [Fact]
    public void Extract_CountryBetweenParentheses_IsTheCountryNotAnOutlet() =>
        Assert.Equal(EntityKind.Location, Find("ليل ( فرنسا ) - ميلان ( ايطاليا ) صفر - صفر .", "فرنسا").Kind);

    [Fact]
    public void Extract_AccusativeWithoutTanween_IsNotAProcliticBeforeAPlace()
    {
        // كبيرا is "big" (كبير + the accusative alef), not ك + بيرا (Beira).
        const string text = "وحققت الشركة نجاحا كبيرا في السوق هذا العام.";
        Assert.DoesNotContain(Entities(text), e => e.Kind == EntityKind.Location);
    }

    [Theory]
    [InlineData("وقعت الدول الأعضاء علي بيان يدعو إلى الحوار.")]
    [InlineData("ما زال العراق يوافق علي مبدا عودة المفتشين.")]
    public void Extract_OnWrittenWithYaBeforeANoun_IsNotAPerson(string text) =>
        Assert.DoesNotContain(Entities(text), e => e.Kind == EntityKind.Person);

    [Fact]
    public void Extract_OnAsWritten_DoesNotBeginAKnownPersonsName()
    {
        const string text = "وشن المندوب الإسرائيلي هجوما عنيفا على أمين الأمم المتحدة، ثم التقى الكاتب علي أمين.";
        var people = Entities(text).Where(e => e.Kind == EntityKind.Person).Select(e => TestLexicon.Slice(text, e.Span)).ToList();
        Assert.DoesNotContain("على أمين", people);
    }

    [Theory]
    [InlineData("ما إذا كان المعتقل يستحق هذه التسمية أم لا.", "يستحق")]
    [InlineData("تربطه بجلالة الملك علاقة قديمة، والملك يربط بينهما ميثاق مقدس.", "يربط")]
    [InlineData("وقبل أن يدخل الإسلام كان أبو عبد الله يسمع أعلام الموسيقى التركية.", "يسمع")]
    [InlineData("هوانغ يصمم شعارات الشركة الغريبة الأشكال.", "يصمم")]
    public void Extract_ImperfectVerbAfterANounOrAName_IsNotPartOfAName(string text, string verb) =>
        AssertNoMentionContains(text, verb);

    [Theory]
    [InlineData("بدأ نزار يكتب الشعر وعمره ست عشرة سنة.", "نزار")]
    [InlineData("ورفض حمدان الإجراءات التي اتخذتها السلطات.", "حمدان")]
    public void Extract_AGivenNameAlone_IsAPerson(string text, string name) =>
        Assert.Contains(Entities(text), e => e.Kind == EntityKind.Person && TestLexicon.Slice(text, e.Span) == name);

    [Fact]
    public void Extract_OnBehalfOf_IsNoGivenNameBeforeAKnownSurname()
    {
        const string text = "وقال متحدث باسم أولمرت إنه ليس لديه معلومات.";
        var person = Assert.Single(Entities(text), e => e.Kind == EntityKind.Person);
        Assert.Equal("أولمرت", TestLexicon.Slice(text, person.Span));
    }

    [Fact]
    public void Extract_AGivenNameAlone_TakesTheIdOfThePersonNamedInFullWithIt()
    {
        const string text = "أسس الشاعر نزار قباني دار نشر في بيروت. بدأ نزار يكتب الشعر وعمره ست عشرة سنة.";
        var people = Entities(text).Where(e => e.Kind == EntityKind.Person).ToList();
        var full = Assert.Single(people, e => TestLexicon.Slice(text, e.Span) == "نزار قباني");
        var alone = Assert.Single(people, e => TestLexicon.Slice(text, e.Span) == "نزار");
        Assert.Equal(full.EntityId, alone.EntityId);
        Assert.Equal(full.Canonical, alone.Canonical);
    }

    [Theory]
    [InlineData("ويعد هذا المشروع الأكبر في المنطقة وقد أقيم باسم الشعب.")]
    [InlineData("وأشاد المدرب بفوزه الأخير وقال إن الفريق حقق أكبر انتصار.")]
    [InlineData("قدم سبعة أدوار في المسلسلات، وكان موقع الجزيرة الفريد يربط القارات.")]
    [InlineData("وكان المتهمون يحملون جوازات سفر بريطانية.")]
    public void Extract_AGivenNameThatIsAlsoAWord_AloneIsNoPerson(string text) =>
        Assert.DoesNotContain(Entities(text), e => e.Kind == EntityKind.Person);

    [Theory]
    [InlineData("وقال مراسل الجزيرة في غزة إن القصف تواصل طوال الليل.", "الجزيرة")]
    [InlineData("وأضاف في تصريحات للجزيرة أن المفاوضات متعثرة.", "لجزيرة")] // ل + (ا)لجزيرة: the span keeps the article's lam
    [InlineData("وقال رئيس الجمهورية الأسبق أمين الجميل للجزيرة إن الوزيرة طرحت مجرد أفكار.", "لجزيرة")] // the speaker between verb and outlet
    [InlineData("الدوحة - الراية : يشارك الإعلامي البارز في المؤتمر.", "الراية")]
    [InlineData("الدوحة - قنا : تلقى الوزير اتصالا هاتفيا.", "قنا")] // an agency (وكالة قنا), here not the city
    [InlineData("وعلمت وكالة الأنباء القطرية قنا أنه جرى بحث العلاقات.", "قنا")] // the short name after the full one
    [InlineData("وقال في رسالة أرسلها لـ « الشرق الأوسط » أمس إنه بخير.", "الشرق الأوسط")] // quoted: the paper, not the region
    [InlineData("التقت ( العربي ) إمام المسجد في المدينة.", "العربي")] // in parentheses: the magazine, not the nationality
    public void Extract_AnOutletCreditedByItsBareName_IsTheOrganization(string text, string name) =>
        Assert.Contains(Entities(text), e => e.Kind == EntityKind.Organization && TestLexicon.Slice(text, e.Span) == name);

    [Theory]
    [InlineData("تقع الجزيرة في وسط البحر، ورفع الجنود الراية فوق التلة.")]
    [InlineData("وعلم أن الرئيس قال للوفد إن الاعتداء خطير.")]
    [InlineData("وقال الرئيس الأسبق أمين الجميل للوفد إن الاعتداء خطير.")] // الوفد is a common word
    [InlineData("وقال للأنباء إن الاعتداء خطير.")] // أنباء names the kind of agency, not one
    public void Extract_AnOutletsBareNameUncredited_IsNoOrganization(string text) =>
        Assert.DoesNotContain(Entities(text), e => e.Kind == EntityKind.Organization);

    [Theory]
    [InlineData("وقال الوزير علينا أن نجد حلا سريعا للأزمة.")]
    [InlineData("وحصل اللاعب على مقابل مالي كبير، ولدى الدولة فائض مالي ضخم.")]
    [InlineData("وأعلنت القوات أن الطريق الموصل إلى المدينة مغلق.")]
    [InlineData("وحوكم بتهمة ارتكاب إبادة جماعية.")]
    [InlineData("وتوعد بمفاجآت على الصعيد العسكري، وعلى ذات الصعيد عرضت الحكومة مقترحات.")]
    [InlineData("التقينا الإمام الجليل في المسجد بعد الصلاة.")] // الجليل: venerable, and Galilee
    [InlineData("ومن المصادر كتاب مروج الذهب لأبي الحسن.")] // لأبي folds like Labé
    public void Extract_APlaceNameThatIsAlsoAWord_OutOfAPlaceSlot_IsNoPlace(string text) =>
        Assert.DoesNotContain(Entities(text), e => e.Kind == EntityKind.Location);

    [Fact]
    public void Extract_TheSourceInADateline_IsNoSecondPlace()
    {
        const string text = "الدوحة - قنا : تلقى الأمير اتصالا هاتفيا من الرئيس.";
        var places = Entities(text).Where(e => e.Kind == EntityKind.Location).Select(e => TestLexicon.Slice(text, e.Span)).ToList();
        Assert.Equal(["الدوحة"], places);
    }

    [Theory]
    [InlineData("قتل جنود فرنسيون في شمال مالي أمس.", "مالي")]
    [InlineData("يعيش أهل نجد في وسط الجزيرة العربية.", "نجد")]
    [InlineData("وتقدمت القوات العراقية في الموصل.", "الموصل")]
    public void Extract_APlaceNameThatIsAlsoAWord_InAPlaceSlot_IsThePlace(string text, string name) =>
        Assert.Contains(Entities(text), e => e.Kind == EntityKind.Location && TestLexicon.Slice(text, e.Span) == name);

    [Theory]
    [InlineData("وفاز الصربي يانكو تيبساروفيتش على منافسه في الدور الأول.", "يانكو تيبساروفيتش")]
    [InlineData("ووقع النادي مع الكونغولي شاباني نوندا عقدا جديدا.", "شاباني نوندا")]
    [InlineData("ضمت التشكيلة وائل القباني ومحمود محمود وعادل فتحي.", "عادل فتحي")]
    [InlineData("فتركها أبو أيوب ودخل الجيش المدينة.", "أبو أيوب")]
    [InlineData("وبعد خروج أبو زيد من بلنسية عاد إلى المغرب.", "أبو زيد")]
    public void Extract_NamesInListsAfterNationalitiesAndKunyas(string text, string name) =>
        Assert.Contains(Entities(text), e => e.Kind == EntityKind.Person && TestLexicon.Slice(text, e.Span) == name);

    [Fact]
    public void Extract_NationalityAdjectiveOfANoun_IsNotTheSurnameOfAPersonNamedEarlier()
    {
        const string text = "والتقى أبو حمزة المصري بالمحققين، ثم تحدث الداعية المصري عن اعتقاله.";
        var second = Entities(text).Single(e => e.Span.Start > text.IndexOf("الداعية", StringComparison.Ordinal) && TestLexicon.Slice(text, e.Span) == "المصري");
        Assert.Equal(EntityKind.Nationality, second.Kind);
    }

    [Theory]
    [InlineData("وقرر مجلس الإدارة توزيع أرباح على المساهمين.")]
    [InlineData("وقالت هيئة الدفاع عن المتهم إن المحكمة غير مختصة.")]
    public void Extract_AnInstitutionOfOneGenericWord_IsNoOrganization(string text) =>
        Assert.DoesNotContain(Entities(text), e => e.Kind == EntityKind.Organization);

    [Fact]
    public void Extract_AnInstitutionWithAQualifier_IsAnOrganization()
    {
        const string text = "وأحالت هيئة الرقابة الإدارية الملف إلى النيابة.";
        Assert.Contains(Entities(text), e => e.Kind == EntityKind.Organization && TestLexicon.Slice(text, e.Span) == "هيئة الرقابة الإدارية");
    }

    [Theory]
    [InlineData("وتستثمر الشركة في مصانع فولكسفاغن الألمانية.", "فولكسفاغن")]
    [InlineData("ونشر المقطع على فيسبوك قبل حذفه.", "فيسبوك")]
    [InlineData("وافتتحت مطاعم مكدونالدز فرعا جديدا.", "مكدونالدز")]
    public void Extract_ABrandWrittenJoinedOrWithOtherVowels_IsTheLexiconOrganization(string text, string name) =>
        Assert.Contains(Entities(text), e => e.Kind == EntityKind.Organization && e.Source == MentionSource.Lexicon && TestLexicon.Slice(text, e.Span) == name);

    [Theory]
    [InlineData("وذكرت وكالة الأنباء المصرية أن الدراسات أكدت ذلك.", "وكالة الأنباء المصرية", "org:mena")]
    [InlineData("ونقلت وكالة الأنباء الكويتية عن الوزير قوله.", "وكالة الأنباء الكويتية", "org:kuna")]
    public void Extract_ACountrysNewsAgency_IsNamedHeadAndAll(string text, string name, string id) =>
        Assert.Contains(Entities(text), e => e.Kind == EntityKind.Organization && e.EntityId == id && TestLexicon.Slice(text, e.Span) == name);

    [Theory]
    [InlineData("ونشرت جريدة فلسطين في عددها الصادر أمس خبرا عن الاجتماع.", "جريدة فلسطين")]
    [InlineData("وقالت صحيفة لوبوان إن الحكومة ستستقيل.", "صحيفة لوبوان")]
    [InlineData("وقالت صحيفة “المستقبل” إن الحكومة ستستقيل.", "المستقبل")]
    public void Extract_AnOutletAfterItsHead_IsNamedWithTheHeadUnlessQuoted(string text, string name) =>
        Assert.Contains(Entities(text), e => e.Kind == EntityKind.Organization && TestLexicon.Slice(text, e.Span) == name);

    [Fact]
    public void Extract_AnAdverbWithTanween_IsNoBrandThroughItsSkeleton()
    {
        const string text = "وكان الهدف تمديداً روتينياً للعقوبات.";
        Assert.DoesNotContain(Entities(text), e => e.Kind == EntityKind.Organization);
    }

    [Theory]
    [InlineData("يربط", true)]
    [InlineData("يستحق", true)]
    [InlineData("يستخدم", true)]
    [InlineData("يتلفت", true)]
    [InlineData("نطلب", true)]
    [InlineData("اعتزل", true)]
    [InlineData("انسحب", true)]
    [InlineData("استخدم", true)]
    [InlineData("انتصار", false)]
    [InlineData("اعتدال", false)]
    [InlineData("يانغ", false)]
    [InlineData("يوسف", false)]
    [InlineData("نادال", false)]
    [InlineData("ترمب", false)]
    [InlineData("يلتسين", false)]
    public void LooksLikeVerb_ReadsTheVerbShapes(string word, bool verb) =>
        Assert.Equal(verb, ExtractRpc.Engine.Extractors.EntityExtractor.LooksLikeVerb(word));

    [Theory]
    [InlineData("الافصاح", true)] // folded: الإفصاح
    [InlineData("الاخبار", true)]
    [InlineData("الاعتقال", true)]
    [InlineData("الانسحاب", true)]
    [InlineData("الاستقلال", true)]
    [InlineData("الافغاني", false)] // a nisba
    [InlineData("الاسعد", false)]
    [InlineData("الانصاري", false)]
    [InlineData("الاطرش", false)]
    public void LooksLikeDefiniteVerbalNoun_ReadsTheShapes(string word, bool verbalNoun) =>
        Assert.Equal(verbalNoun, ExtractRpc.Engine.Extractors.EntityExtractor.LooksLikeDefiniteVerbalNoun(word));

    [Fact]
    public void Extract_DefiniteVerbalNounAfterAGivenName_IsNoSurname()
    {
        const string text = "ورفض المدرب جوزيه الإفصاح عن نقاط الضعف";
        AssertNoMentionContains(text, "الإفصاح");
    }

    [Fact]
    public void Extract_NameEndsBeforeAnAdverbInTheAccusative()
    {
        const string text = "واكتشف الروائي نجيب محفوظ مبكرا أن الزمن زمن الرواية.";
        Assert.Contains(Entities(text), e => e.Kind == EntityKind.Person && TestLexicon.Slice(text, e.Span) == "نجيب محفوظ");
        AssertNoMentionContains(text, "مبكرا");
    }

    [Theory]
    [InlineData("وأشار إلى أن فريق الجزيرة يعرف هو الآخر قدر منافسه.")]
    [InlineData("ويقال إن المعبد يمتلئ باستمرار بالزوار.")]
    [InlineData("يهاجم الأسد إنسانا إن مر بقربه.")]
    public void Extract_VerbAfterADefiniteTriggerOrAPronounNoun_IsNotAPlace(string text) =>
        Assert.DoesNotContain(Entities(text), e => e.Kind == EntityKind.Location);

    [Fact]
    public void Extract_CapitalInApposition_IsStillAPlace()
    {
        const string text = "وافتتحت البطولة في العاصمة الأردنية عمان أمس.";
        Assert.Equal(EntityKind.Location, Find(text, "عمان").Kind);
    }

    [Fact]
    public void Extract_AcronymWithTheArticle_IsTheBodyButAWordIsNot()
    {
        const string text = "ودعت الأوبك والآسيان إلى التحرك، وأكدت حماس أن الحماس كبير.";
        Assert.Equal("org:opec", Find(text, "الأوبك").EntityId);
        Assert.Equal("org:asean", Find(text, "الآسيان").EntityId);
        Assert.DoesNotContain(Entities(text), e => TestLexicon.Slice(text, e.Span) == "الحماس");
    }

    [Theory]
    [InlineData("لكن الرئيس جون كندي رفض التدخل في الأزمة.", "جون كندي")]
    [InlineData("ترتدي بطلته النجمة سميحة أيوب وغيرها الحجاب.", "سميحة أيوب")]
    [InlineData("وكان السيد أحمد يوسف الجفيري رئيس القسم قد أعلن ذلك.", "أحمد يوسف الجفيري")]
    [InlineData("واستطاع الإمام علي ورجاله أن يحققوا الانتصار.", "علي")]
    [InlineData("وزار المعرض الشيخ نهيان بن مبارك النهيان مع مجموعة من المشاركين.", "نهيان بن مبارك النهيان")]
    [InlineData("وقال ديفد فرانكلين أمين المتحف إن اللوحة نادرة.", "ديفد فرانكلين")]
    [InlineData("وقال السيد منغ يانغ إن الشركة ستوسع إنتاجها.", "منغ يانغ")]
    public void Extract_NameBoundaries(string text, string name) =>
        Assert.Equal(EntityKind.Person, Find(text, name).Kind);

    [Fact]
    public void Extract_TheHouse_IsNotElbitSystems()
    {
        // إلبيت (Elbit) folds to البيت, "the house": a one-word alias that is a common word is not matched.
        const string text = "وأضاف أن البيت المجاور كان مقفلا.";
        Assert.Empty(Entities(text));
    }

    [Fact]
    public void Extract_ClubNamedByAnEverydayWord_IsNotTakenForTheClub()
    {
        const string text = "وعاقب الاتحاد الدولي اللاعب بإيقافه مباراتين.";
        Assert.DoesNotContain(Entities(text), e => TestLexicon.Slice(text, e.Span) == "الاتحاد");
    }

    [Theory]
    [InlineData("ناشط من حركة حماس في رفح", "حركة حماس", "حماس")]
    [InlineData("وقالت قناة الجزيرة نقلا عن مراسلها", "قناة الجزيرة", "الجزيرة")]
    [InlineData("في نبرة تحد خلال ظهوره عبر فضائية الجزيرة أكد", "فضائية الجزيرة", "الجزيرة")]
    [InlineData("وتوغلت دبابات في قطاع غزة فجر اليوم", "قطاع غزة", "غزة")]
    [InlineData("وقصفت الطائرات جنوب لبنان مساء أمس", "جنوب لبنان", "لبنان")]
    [InlineData("وصل الحجاج إلى مكة المكرمة أمس", "مكة المكرمة", "مكة")]
    [InlineData("بعد زيارته مدينة مشهد في خراسان", "مدينة مشهد", "مشهد")]
    [InlineData("وصل الوفد إلى مدينة القدس أمس", "مدينة القدس", "القدس")] // the classifier joins a place's mention
    [InlineData("اعتقل الجيش شابين من قرية اليامون قرب جنين", "قرية اليامون", "اليامون")]
    [InlineData("وأقام في بمدينة رام الله سنوات", "مدينة رام الله", "رام الله")] // ب on the classifier stays out
    [InlineData("ولد في اليامون قضاء مدينة جنين عام 1930", "قضاء مدينة جنين", "جنين")] // classifiers in a row
    [InlineData("وأعلن حزب الله اللبناني أن", "حزب الله اللبناني", "حزب الله")]
    [InlineData("عندما يستضيف برشلونة الإسباني حامل اللقب", "برشلونة الإسباني", "برشلونة")] // a club's bare name
    [InlineData("ولا تكتفي الصين الشعبية بترويج منتجاتها", "الصين الشعبية", "الصين")] // a country's epithet
    [InlineData("تبلغ مساحة جمهورية إيران الإسلامية 627 ألف ميل مربع", "جمهورية إيران الإسلامية", "إيران")] // classifier and epithet
    [InlineData("وقعت الاتفاقية مع جمهورية مصر العربية", "جمهورية مصر العربية", "مصر")]
    [InlineData("وصلت البعثة إلى جمهورية الكونغو الديمقراطية", "جمهورية الكونغو الديمقراطية", "الكونغو")] // الكونغو alone is the DR Congo
    public void Extract_NameSpan_IsTheProperNameWithoutItsClassifier(string text, string mention, string name)
    {
        var e = Find(text, mention);
        Assert.True(e.HasNarrowerName);
        Assert.Equal(name, TestLexicon.Slice(text, e.NameSpan));
    }

    [Theory]
    [InlineData("وانتشر الجيش اللبناني في الجنوب", "الجيش اللبناني", true)]
    [InlineData("وقالت الحكومة السودانية إن", "الحكومة السودانية", true)]
    [InlineData("وصوت البرلمان الأوروبي على القرار", "البرلمان الأوروبي", false)] // Europe is no country: a name
    [InlineData("وأعلنت السلطة الفلسطينية أن", "السلطة الفلسطينية", false)]
    [InlineData("القائم بأعمال السفارة اليابانية في الدوحة", "السفارة اليابانية", true)]
    [InlineData("وقال متحدث باسم القوات المسلحة السودانية انه", "القوات المسلحة السودانية", true)] // a two-word noun
    public void Extract_InstitutionNounAndNationality_IsANominalMention(string text, string mention, bool nominal)
    {
        var e = Find(text, mention);
        Assert.Equal(EntityKind.Organization, e.Kind);
        Assert.Equal(nominal, e.IsNominal);
    }

    [Theory]
    [InlineData("وطالب مجلس الأمن الدولي بوقف القتال", "مجلس الأمن الدولي")] // الدولي is part of the name
    [InlineData("ووصل الرئيس إلى جنوب أفريقيا أمس", "جنوب أفريقيا")] // a country named with a direction
    [InlineData("وأعلن حزب الله أن", "حزب الله")] // حزب forms the name
    [InlineData("وصل الوفد إلى الولايات المتحدة الأمريكية أمس", "الولايات المتحدة الأمريكية")] // the country's own adjective
    [InlineData("إن لدول مجلس التعاون الخليجي دورا هاما", "مجلس التعاون الخليجي")] // a region's adjective, no country's
    [InlineData("وقال الاتحاد الأوروبي إن", "الاتحاد الأوروبي")]
    [InlineData("وقالت وكالة أنباء الشرق الأوسط الرسمية", "وكالة أنباء الشرق الأوسط")] // an agency named after a place
    public void Extract_NameSpan_IsTheMention_WhenTheMentionIsAllName(string text, string mention)
    {
        var e = Find(text, mention);
        Assert.False(e.HasNarrowerName);
        Assert.Equal(e.Span, e.NameSpan);
    }

    [Fact]
    public void Extract_LaterSurnameMention_TakesTheFullNamesId()
    {
        const string text = "التقى رجل الأعمال كريم الدجاني بالوفد. وقال الدجاني إن اللقاء كان مثمرا.";
        var full = Find(text, "كريم الدجاني");
        var partial = Find(text, "الدجاني");
        Assert.Equal(full.EntityId, partial.EntityId);
        Assert.Equal(MentionSource.Coreference, partial.Source);
    }

    [Fact]
    public void Extract_LexiconPersonSurname_IsLinked()
    {
        const string text = "أجرى الرئيس الأميركي جو بايدن اتصالا. وقال بايدن إن";
        var entities = Entities(text).Where(e => e.Kind == EntityKind.Person).ToList();
        Assert.Equal(2, entities.Count);
        Assert.Single(entities.Select(e => e.EntityId).Distinct());
    }

    [Fact]
    public void Extract_ShortWordSharingASurnameSkeleton_IsNotThatPerson()
    {
        // بدون ("without") has the consonant skeleton of بايدن.
        const string text = "وقال الرئيس الأميركي جو بايدن إن الحرب لن تنتهي بدون مفاوضات.";
        Assert.DoesNotContain(Entities(text), e => TestLexicon.Slice(text, e.Span) == "بدون");
    }

    [Theory]
    [InlineData("وقررت أسر هؤلاء المعتقلين نصب خيام أمام المقر")] // أسر "families", folded like the name آسر
    [InlineData("سلالة شمال شرق الكونغو ( أسد شمال شرق الكونغو )")] // directions are no name words
    public void Extract_WordsShapedLikeNames_AreNotPeople(string text) =>
        Assert.DoesNotContain(Entities(text), e => e.Kind == EntityKind.Person);

    [Theory]
    [InlineData("ورحب باتشان بالأفلام التي تزاوج بين السينما الغربية والهندية", "باتشان", "per:amitabh-bachchan")]
    [InlineData("واعتبر داليما أن الحكومة باقية", "داليما", "per:massimo-dalema")]
    public void Extract_ASurnameOnlyOneKnownPersonHas_AfterAVerb_IsThatPerson(string text, string surname, string id)
    {
        var e = Find(text, surname);
        Assert.Equal(EntityKind.Person, e.Kind);
        Assert.Equal(id, e.EntityId);
    }

    [Theory]
    [InlineData("وأكد النحاس أن الأسعار ارتفعت")] // النحاس: copper, and a surname
    [InlineData("وأعلن أنه سيعود وسوف يواصل العمل")] // وسوف: "and will", and جورج وسوف's surname
    public void Extract_ASurnameThatIsAlsoAWord_AfterAVerb_IsNoPerson(string text) =>
        Assert.DoesNotContain(Entities(text), e => e.Kind == EntityKind.Person);

    [Fact]
    public void Extract_GivenNameAndBinBeforeAKnownPerson_IsOneName()
    {
        const string text = "انتصر أمير الريف محمد بن عبد الكريم الخطابي على الجيش الإسباني";
        var e = Find(text, "محمد بن عبد الكريم الخطابي");
        Assert.Equal(EntityKind.Person, e.Kind);
        Assert.StartsWith("doc:", e.EntityId, StringComparison.Ordinal); // not surely the known person: بن names a father
    }

    [Theory]
    [InlineData("وأكد على ضرورة الحفاظ على العلاقات")]
    [InlineData("وعلى الرغم من هذا الاتصال")]
    [InlineData("لدى عودته إلى البلاد")]
    public void Extract_FunctionWords_NeverBecomeNames(string text) =>
        Assert.DoesNotContain(Entities(text), e => e.Kind == EntityKind.Person);

    [Fact]
    public void Extract_SpansAlwaysSliceTheOriginalText_WithDiacriticsAndMarks()
    {
        const string text = "قالَ الرئيسُ الأميركيُّ جو بايدن\u200F إنَّ روسيا";
        foreach (var e in Entities(text))
        {
            var slice = TestLexicon.Slice(text, e.Span);
            Assert.False(string.IsNullOrWhiteSpace(slice));
            Assert.DoesNotContain('\u200F', slice);
        }

        Assert.Contains(Entities(text), e => e.EntityId == "per:joe-biden");
    }

    [Theory]
    [InlineData("ولد ألبرت أينشتاين ( Albert Einstein ) في ألمانيا", "ألبرت أينشتاين", "Albert Einstein")]
    [InlineData("وقالت هيئة الإذاعة البريطانية ( BBC ) إن", "هيئة الإذاعة البريطانية", "BBC")] // an acronym of the English name
    [InlineData("درس في زيورخ Zürich عامين", "زيورخ", "Zürich")] // no parentheses, the accent kept
    [InlineData("وقعت شركة \" نوفاتيك \" ( Novatech ) عقدا مع الوزارة", "نوفاتيك", "Novatech")] // after the closing quote
    public void Extract_NameInLatinLettersAfterAMention_IsTheSameEntity(string text, string mention, string gloss)
    {
        var arabic = Find(text, mention);
        var latin = Find(text, gloss);
        Assert.Equal(arabic.Kind, latin.Kind);
        Assert.Equal(arabic.EntityId, latin.EntityId);
    }

    [Fact]
    public void Extract_LatinGlossOfANameTheLexiconLacks_IsItsEnglishName()
    {
        const string text = "وقعت شركة \" نوفاتيك \" ( Novatech ) عقدا مع الوزارة";
        Assert.Equal("Novatech", Find(text, "نوفاتيك").English);
    }

    [Theory]
    [InlineData("اجتمعت لجنة حقوق الإنسان التابعة للأمم المتحدة ( UNHRC ) في جنيف", "UNHRC")] // not the UN's initials
    [InlineData("التقى وزير الدفاع عمير بيرتس Search Archive Today", "Search Archive Today")] // longer than the name, without parentheses
    public void Extract_LatinWordsThatAreNotTheMentionsName_AreNoGloss(string text, string latin) =>
        AssertNoMentionContains(text, latin);

    [Fact]
    public void Extract_ThreeLetterLatinAcronymOfAnOutlet_IsTheOutlet()
    {
        const string text = "وقال مراسل BBC في القاهرة إن";
        Assert.Equal(EntityKind.Organization, Find(text, "BBC").Kind);
    }

    [Theory]
    [InlineData("واعتذر محفوظ عن حضور الحفل", "محفوظ")] // "preserved" would need a noun before it
    [InlineData("وقال المحامي إن صدام لن يحضر الجلسة", "صدام")] // "clash" would be in construct before a noun
    public void Extract_GivenNameThatIsAlsoAWord_AsTheSubjectBeforeAFunctionWord_IsAPerson(string text, string name) =>
        Assert.Equal(EntityKind.Person, Find(text, name).Kind);

    [Theory]
    [InlineData("أكد الخبراء أن صدام الحضارات ليس حتميا", "صدام")] // in construct: the clash of civilizations
    [InlineData("ومن المتوقع أن يزيد عدد الزوار", "يزيد")] // after أن, a verb
    public void Extract_GivenNameThatIsAlsoAWord_ReadAsTheWord_IsNoPerson(string text, string word) =>
        AssertNoMentionContains(text, word);

    [Theory]
    [InlineData("وزار ألفونسو ماريا ملك إسبانيا المغرب", "ألفونسو ماريا")] // a title in construct with a place: an apposition
    [InlineData("واستقبل كارلوس ألبرتو ملك البلاد الوفد", "كارلوس ألبرتو")] // ... or with a definite word
    [InlineData("وظهرت نادين خالد مرتدية ثوبا أبيض", "نادين خالد")] // the feminine participle مفتعلة
    [InlineData("سمحت السلطات لمحامي سالم بالتحدث إلى موكله", "سالم")] // ب + a definite verbal noun
    public void Extract_NameEndsBeforeWhatIsSaidOfThePerson(string text, string name) =>
        Assert.Equal(EntityKind.Person, Find(text, name).Kind);

    [Theory]
    [InlineData("الحاكم في تايلند اليوم", "تايلند", "loc:th")] // تايلاند with one alef fewer
    [InlineData("وقعت اتفاقية مع تركمنستان أمس", "تركمنستان", "loc:tm")]
    [InlineData("ووقعت أوزباكستان الاتفاقية", "أوزباكستان", "loc:uz")] // one alef more
    [InlineData("وكانت كراكاس اشترت طائرات", "كراكاس", "loc:ve-caracas")] // a capital
    public void Extract_CountryOrCapitalWithALongVowelMoreOrFewer_IsThePlace(string text, string mention, string id) =>
        Assert.Equal(id, Find(text, mention).EntityId);

    [Theory]
    [InlineData("صار مواطنا أمريكيا بعد الحرب", "أمريكيا")] // the adjective's accusative, not أمريكا
    [InlineData("نشرتها صحيفة الأهرام القاهرية كاملة", "القاهرية")] // a nisba, not القاهرة
    [InlineData("هذا الطريق العريق معروف", "العريق")] // another vowel, not one more or fewer
    public void Extract_WordOneVowelFromAPlaceName_IsNoPlace(string text, string word) =>
        AssertNoMentionContains(text, word);

    [Theory]
    [InlineData("منذ انهيار الاتحاد السوفياتي تغيرت الخريطة", "الاتحاد السوفياتي", "loc:su")]
    [InlineData("وقال الزعيم السوفييتي ميخائيل غورباتشوف", "السوفييتي", "loc:su")] // the nationality, linked to the former state
    [InlineData("بعد تفكك يوغسلافيا في التسعينيات", "يوغسلافيا", "loc:yu")]
    public void Extract_FormerStates_AreNamedAndLinked(string text, string mention, string id) =>
        Assert.Equal(id, Find(text, mention).EntityId);

    [Theory]
    [InlineData("يقول أبو عبد الله إنه يراعي الله في عمله", "الله")] // not the surname of أبو عبد الله
    [InlineData("وقال بيتر عبد الرحمن إن الرحمن رحيم", "الرحمن")]
    [InlineData("ضرب الإعصار كاترينا المدينة", "كاترينا")] // a storm named like a woman
    [InlineData("وضربت العاصفة ساندي الساحل الشرقي", "ساندي")]
    public void Extract_WordThatIsNoPersonHere_IsNoMention(string text, string word) =>
        Assert.DoesNotContain(Entities(text), e => TestLexicon.Slice(text, e.Span) == word);
}

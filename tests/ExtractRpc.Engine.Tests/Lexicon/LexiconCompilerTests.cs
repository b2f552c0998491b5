using ExtractRpc.Engine.Lexicon;
using ExtractRpc.Engine.Pipeline;

namespace ExtractRpc.Engine.Tests.Lexicon;

public class LexiconCompilerTests
{
    [Fact]
    public void Compile_OneEntityWrittenTwiceUnderTwoIds_IsOneEntryWhoseAliasesAllLeadToTheFirstId()
    {
        var user = new DataFile("user.tsv", string.Join('\n',
            "loc:a-wadi-x\tLOC\tوادي الزيتون الأخضر\tGreen Olive Valley\tالوادي الأخضر",
            "loc:b-wadi-x\tLOC\tوادي الزيتون الأخضر\tGreen Olive Valley\tوادي الزيتون الكبير"));
        var pipeline = new ExtractionPipeline(LexiconCompiler.Compile([user]));
        const string text = "زار الوفد وادي الزيتون الكبير ثم الوادي الأخضر.";

        var ids = pipeline.Extract(text, new ExtractionOptions(ExtractionKinds.Entities, DateTimeOffset.UnixEpoch, TimeZoneInfo.Utc))
            .Entities.Where(e => e.Kind == EntityKind.Location).Select(e => e.EntityId).ToList();

        Assert.Equal(["loc:a-wadi-x", "loc:a-wadi-x"], ids);
    }

    [Fact]
    public void Compile_SameArabicNameButAnotherEnglishName_StaysTwoEntries()
    {
        var user = new DataFile("user.tsv", string.Join('\n',
            "loc:x-one\tLOC\tتل الورد\tTel al-Ward (north)\tتل الورد الشمالي",
            "loc:x-two\tLOC\tتل الورد\tTel al-Ward (south)\tتل الورد الجنوبي"));
        var lexicon = LexiconCompiler.Compile([user]);

        Assert.Contains(lexicon.Entries, e => e.Id == "loc:x-one");
        Assert.Contains(lexicon.Entries, e => e.Id == "loc:x-two");
    }

    [Fact]
    public void SurfaceTokens_ShortcutsForPlainWordsAndPhrases_AgreeWithTheTokenizerOnEveryBuiltInLine()
    {
        var checkedWords = 0;
        var checkedPhrases = 0;
        foreach (var file in LexiconCompiler.BuiltInFiles())
        {
            foreach (var line in file.Content.Split('\n'))
            {
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                foreach (var field in line.TrimEnd('\r').Split('\t').SelectMany(f => f.Split('|')))
                {
                    if (LexiconCompiler.IsPlainArabicWord(field))
                    {
                        Assert.Equal(LexiconCompiler.Tokenize(field), LexiconCompiler.SurfaceTokens(field));
                        checkedWords++;
                    }
                    else if (LexiconCompiler.IsPlainArabicPhrase(field))
                    {
                        Assert.Equal(LexiconCompiler.Tokenize(field), LexiconCompiler.SurfaceTokens(field));
                        checkedPhrases++;
                    }
                }
            }
        }

        Assert.True(checkedWords > 20_000, $"only {checkedWords} plain words checked");
        Assert.True(checkedPhrases > 20_000, $"only {checkedPhrases} plain phrases checked");
    }

    [Fact]
    public void BuiltIn_SouthLebanonInBothItsSpellings_IsOneEntity()
    {
        var result = TestLexicon.Extract("انتشر الجيش في جنوب لبنان، ثم عاد الهدوء إلى الجنوب اللبناني.", ExtractionKinds.Entities);
        var ids = result.Entities.Where(e => e.Canonical == "جنوب لبنان").Select(e => e.EntityId).Distinct().ToList();

        Assert.Equal(2, result.Entities.Count(e => e.Canonical == "جنوب لبنان"));
        Assert.Single(ids);
    }

    /// <summary>
    /// One entity, one id: no match key (a canonical name or an alias, folded as the matcher folds it)
    /// leads to two entities of one kind, unless both are homonyms told apart in English by a qualifier
    /// (Yaren (Nauru), Yarin (Lebanon)). The same entity written twice under two English names would
    /// give its mentions two ids (الجولان and هضبة الجولان).
    /// </summary>
    [Fact]
    public void BuiltIn_NoMatchKeyLeadsToTwoEntitiesOfOneKind_ButQualifiedHomonyms()
    {
        // عمان is Amman and, unvowelled, Oman; بونو is the singer and the goalkeeper's family name.
        string[] homographs = ["\u0639\u0645\u0627\u0646", "\u0628\u0648\u0646\u0648"];
        var errors = new List<string>();
        var byKey = new Dictionary<(string Kind, string Key), HashSet<(string Arabic, string English)>>();
        foreach (var file in LexiconCompiler.BuiltInFiles().Where(f => f.Name.StartsWith("lexicon/entities/", StringComparison.Ordinal)))
        {
            foreach (var (_, f) in DataReader.Rows(file, 4, errors))
            {
                var surfaces = f.Length > 4 ? DataReader.Alternatives(f[4]).Prepend(f[2]) : [f[2]];
                foreach (var surface in surfaces)
                {
                    var key = (f[1], string.Join(' ', LexiconCompiler.Tokenize(surface)));
                    if (!byKey.TryGetValue(key, out var entities))
                    {
                        byKey[key] = entities = [];
                    }

                    entities.Add((f[2], f[3]));
                }
            }
        }

        var shared = byKey.Where(p => p.Value.Count > 1 && !homographs.Contains(p.Key.Key)
                && !p.Value.All(e => e.English.EndsWith(')')))
            .Select(p => $"{p.Key.Kind} {p.Key.Key}: {string.Join(" / ", p.Value.Select(e => $"{e.Arabic} ({e.English})"))}")
            .ToList();

        Assert.Empty(errors);
        Assert.True(shared.Count == 0, string.Join(Environment.NewLine, shared));
    }

    [Theory]
    [InlineData("احتلت إسرائيل هضبة الجولان عام 1967 ثم ضمت الجولان", "هضبة الجولان", "الجولان")]
    [InlineData("وصل الوفد إلى كسمايو ثم غادر كيسمايو مساء", "كسمايو", "كيسمايو")]
    [InlineData("عبروا نهر الفرات ثم عادوا إلى ضفة الفرات", "نهر الفرات", "الفرات")]
    public void BuiltIn_OnePlaceByTwoOfItsNames_HasOneId(string text, string one, string other)
    {
        var entities = TestLexicon.Extract(text, ExtractionKinds.Entities).Entities;
        var a = entities.Single(e => TestLexicon.Slice(text, e.Span) == one);
        var b = entities.Single(e => TestLexicon.Slice(text, e.Span) == other);
        Assert.Equal(a.EntityId, b.EntityId);
    }
}

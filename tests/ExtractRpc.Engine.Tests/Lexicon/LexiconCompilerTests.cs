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
}

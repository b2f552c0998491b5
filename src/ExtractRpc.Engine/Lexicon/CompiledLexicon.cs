using System.Collections.Frozen;
using System.Collections.Immutable;

namespace ExtractRpc.Engine.Lexicon;

/// <summary>
/// All language data compiled for matching: the entity gazetteer and every word list the rules use
/// (names, titles, triggers, months, speech verbs …), over one shared token vocabulary.
/// Built once by <see cref="LexiconCompiler"/>, immutable and safe to share between threads;
/// a reload builds a new instance and swaps it whole.
/// </summary>
public sealed class CompiledLexicon
{
    internal CompiledLexicon(
        string version,
        Vocabulary vocabulary,
        ImmutableArray<LexiconEntry> entries,
        PhraseTable<int> entities,
        WordLists words,
        ImmutableDictionary<string, long> counts,
        HashSet<string> exactFunctionWords,
        int[] startMasks,
        FrozenDictionary<int, int> surnames,
        FrozenDictionary<int, int> nisbaNamedCountries)
    {
        Surnames = surnames;
        _surnameBits = new ulong[(surnames.Keys.DefaultIfEmpty(-1).Max() >> 6) + 1];
        foreach (var id in surnames.Keys.Where(k => k >= 0))
        {
            _surnameBits[id >> 6] |= 1UL << id;
        }

        DateOpeners = Dates.DateExtractor.OpenerIds(vocabulary);
        NisbaNamedCountries = nisbaNamedCountries;
        StartMasks = startMasks;
        _exactFunctionWords = exactFunctionWords;
        _exactLookup = exactFunctionWords.GetAlternateLookup<ReadOnlySpan<char>>();
        Version = version;
        Vocabulary = vocabulary;
        Entries = entries;
        Entities = entities;
        Words = words;
        Counts = counts;
    }

    private readonly HashSet<string> _exactFunctionWords;

    internal IReadOnlyCollection<string> ExactFunctionWords => _exactFunctionWords;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _exactLookup;

    /// <summary>Identifies the data this lexicon was built from (a hash of every file).</summary>
    public string Version { get; }

    /// <summary>Every entity entry; nationality entries carry their country's id and names.</summary>
    public ImmutableArray<LexiconEntry> Entries { get; }

    /// <summary>Entry counts by kind (PER, ORG, LOC, NAT) and by word list.</summary>
    public ImmutableDictionary<string, long> Counts { get; }

    internal Vocabulary Vocabulary { get; }

    internal PhraseTable<int> Entities { get; }

    internal WordLists Words { get; }

    /// <summary>The entry of the one person whose names end with a token id (شافيز → هوغو شافيز), or -1
    /// when several people's names end with it (جنبلاط).</summary>
    internal FrozenDictionary<int, int> Surnames { get; }

    // The keys of Surnames as bits, for a test without hashing.
    private readonly ulong[] _surnameBits;

    /// <summary>True when <see cref="Surnames"/> has the vocabulary id <paramref name="id"/>.</summary>
    internal bool IsSurname(int id) => (uint)id < (uint)_surnameBits.Length * 64 && (_surnameBits[id >> 6] & (1UL << id)) != 0;

    /// <summary>The vocabulary ids of the words a date pattern may open with, or null (see <see cref="Dates.DateExtractor.OpenerIds"/>).</summary>
    internal int[]? DateOpeners { get; }

    /// <summary>A country named by the feminine of its own nisba (السعودية): by token id, the nationality entry.</summary>
    internal FrozenDictionary<int, int> NisbaNamedCountries { get; }

    /// <summary>For every token id, one bit per phrase table in which a phrase may start with it.</summary>
    internal int[] StartMasks { get; }

    /// <summary>True when <paramref name="written"/> (diacritics removed, not folded) is a function word
    /// as written: على is one, the name علي is not, though both fold to علي.</summary>
    internal bool IsFunctionWordAsWritten(ReadOnlySpan<char> written) => _exactLookup.Contains(written);
}

/// <summary>The word lists the rules and the date and quote extractors read.</summary>
internal sealed record WordLists(
    PhraseTable<bool> FirstNames,
    PhraseTable<string> Titles,
    PhraseTable<string> OrgHeads,
    PhraseTable<string> PlaceTriggers,
    PhraseTable<bool> FunctionWords,
    PhraseTable<bool> AmbiguousNames,
    PhraseTable<bool> CommonWords,
    PhraseTable<bool> NameParticles,
    PhraseTable<MonthName> Months,
    PhraseTable<int> Weekdays,
    PhraseTable<OrdinalWord> Ordinals,
    PhraseTable<NumberWord> Numbers,
    PhraseTable<UnitWord> Units,
    PhraseTable<RelativeWord> Relative,
    PhraseTable<HolidayName> Holidays,
    PhraseTable<int> Decades,
    PhraseTable<CalendarSystem> Eras,
    PhraseTable<DayPart> DayParts,
    PhraseTable<int> ClockWords,
    PhraseTable<SpeechVerb> SpeechVerbs,
    PhraseTable<CuePhrase> CuePhrases,
    PhraseTable<string> SpeakerNouns,
    PhraseTable<bool> AfterSpeaker,
    PhraseTable<bool> SportsWords,
    PhraseTable<int> Clubs,
    PhraseTable<bool> MediaCredits, // true: the outlet's staff (مراسل)
    PhraseTable<int> Media,
    PhraseTable<bool> NamesAlsoWords,
    PhraseTable<bool> PlacesAlsoWords, // true: the name; false: a word before it that makes it the place
    NameClassifiers Classifiers)
{
    /// <summary>The start bits of the tables a date pattern may open with (see the date parser's
    /// MayStartWithWord).</summary>
    public int DateStartBits { get; } = Ordinals.StartBit | DayParts.StartBit | Weekdays.StartBit | Holidays.StartBit
        | Months.StartBit | Relative.StartBit | Units.StartBit | Decades.StartBit;
}

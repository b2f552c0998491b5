using System.Buffers;
using System.Runtime.InteropServices;
using ExtractRpc.Engine.Lexicon;
using ExtractRpc.Engine.Pipeline;
using ExtractRpc.Engine.Text;

namespace ExtractRpc.Engine.Extractors;

/// <summary>An entity mention with the tokens it covers, for the extractors that build on entities.</summary>
internal readonly record struct EntityHit(int First, int End, EntityMention Mention);

/// <summary>
/// Finds people, organizations, places and nationality adjectives: the lexicon first (longest match,
/// proclitics left out), then rules for names the lexicon lacks (title + name, first name + name,
/// organization head + genitive, media head + quoted name, place trigger + name), then in-document
/// coreference of partial mentions. Stateless and thread-safe.
/// </summary>
internal sealed class EntityExtractor
{
    private const float LexiconConfidence = 0.95f;
    private const float NationalityConfidence = 0.9f;
    private const float CoreferenceConfidence = 0.8f;
    private const int MaxNameTokens = 4;
    private const int MaxSpeakerTokens = 3;
    private const int SportsWindow = 40;
    private const int NearSportsWindow = 12;
    private const float ClubConfidence = 0.8f;
    private const float SpeakerConfidence = 0.7f;
    private const float LoneNameConfidence = 0.6f;
    private const int MinCoreferenceSkeletonLength = 6;

    /// <summary>Appends the document's entity hits to <paramref name="hits"/> in text order.</summary>
    public void Extract(Document doc, List<EntityHit> hits, CancellationToken cancellationToken)
    {
        var n = doc.Count;
        var candidates = new List<Candidate>();
        var owner = ArrayPool<int>.Shared.Rent(Math.Max(1, n));
        try
        {
            owner.AsSpan(0, n).Fill(-1);
            FindLexicon(doc, candidates, owner, cancellationToken);
            FindCreditedMedia(doc, candidates, owner);
            FindNamedByNationality(doc, candidates, owner);
            FindRules(doc, candidates, owner, cancellationToken);
            var accepted = Resolve(candidates, owner.AsSpan(0, n));
            TakeClassifiersIn(doc, candidates, accepted, owner.AsSpan(0, n));
            Corefer(doc, candidates, accepted, owner.AsSpan(0, n));
            TakeLatinGlosses(doc, candidates, accepted, owner.AsSpan(0, n));
            SortByPosition(candidates, accepted);
            foreach (var index in accepted)
            {
                var c = candidates[index];
                var mention = new EntityMention(doc.Text.Span(c.First, c.End - 1, c.Skip), c.Kind, c.Id, c.Canonical, c.English, c.Confidence, c.Source);
                if (IsNominal(doc, c))
                {
                    mention = mention with { IsNominal = true };
                }
                else if (NameCore(doc, c.NameFirst >= 0 ? c with { First = c.NameFirst, Skip = 0 } : c) is var (first, end, skip) && (first != c.First || end != c.End))
                {
                    mention = mention with { NameSpan = doc.Text.Span(first, end - 1, skip) };
                }

                hits.Add(new EntityHit(c.First, c.End, mention));
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(owner);
        }
    }

    // NameFirst: where the name starts when classifiers were taken into the mention (مدينة القدس: the
    // token of القدس), else -1.
    private sealed record Candidate(int First, int End, int Skip, EntityKind Kind, string Id, string Canonical, string English, float Confidence, MentionSource Source, int Priority, int NameFirst = -1)
    {
        public int Length => End - First;
    }

    /// <summary>الجيش اللبناني، الحكومة السودانية: an institution's common noun and a country's nationality
    /// adjective describe the country's institution; they do not name it.</summary>
    private static bool IsNominal(Document doc, Candidate c) =>
        c is { Kind: EntityKind.Organization, Length: 2 or 3 }
        && doc.Lexicon.Words.Classifiers.Match(doc, c.First, c.Skip, c.End, out var kind) is var n && n == c.Length - 1 && kind == NameClassifier.Nominal
        && CountryNationality(doc, c.First + n, allowClitic: false) is not null;

    /// <summary>The country whose nationality adjective token <paramref name="index"/> is (اللبناني → Lebanon), or null.</summary>
    private static LexiconEntry? CountryNationality(Document doc, int index, bool allowClitic) =>
        doc.Lexicon.Entities.TryMatch(doc, index, out var n, allowClitic, maxTokens: 1)
        && doc.Lexicon.Entries[n.Value] is { Kind: EntityKind.Nationality, IsCountry: true } nationality ? nationality : null;

    /// <summary>
    /// The tokens of the proper name inside a place or organization mention: after a classifier noun
    /// (مدينة غزة، حركة حماس، صحيفة لوبوان) or a direction (جنوب لبنان, but not جنوب أفريقيا, a country)
    /// when what follows is a name by itself, and before an epithet the same entry is also named without
    /// (مكة المكرمة، حزب الله اللبناني). The whole mention otherwise.
    /// </summary>
    private static (int First, int End, int Skip) NameCore(Document doc, Candidate c)
    {
        if (c.Length < 2 || c.Kind is not (EntityKind.Location or EntityKind.Organization))
        {
            return (c.First, c.End, c.Skip);
        }

        var length = doc.Lexicon.Words.Classifiers.Match(doc, c.First, c.Skip, c.End, out var kind);
        var classified = length > 0 && (c.Kind == EntityKind.Organization ? kind == NameClassifier.Organization : kind != NameClassifier.Organization)
            && !(kind == NameClassifier.Direction && LexiconEntry.IsCountryId(c.Id));
        // جمهورية إيران الإسلامية، جمهورية الصين الشعبية: after the classifier, the name before its
        // epithet (below) when there is one.
        var (first, skip) = classified && length < c.Length - 1 ? (c.First + length, 0) : (c.First, c.Skip);

        // The epithet: one definite word after a name of the same entry, an honorific (مكة المكرمة، القدس
        // الشريف) or another country's nationality (حزب الله اللبناني); after a country's name, any nisba
        // but the country's own (الصين الشعبية، إيران الإسلامية). Any other nisba is part of the name
        // (مجلس الأمن الدولي), and so is the country's own (الولايات المتحدة الأمريكية).
        var table = doc.Lexicon.Entities;
        var last = c.End - 1;
        if (c.Source == MentionSource.Lexicon && IsDefinite(doc, last)
            && (!IsDefiniteNisba(doc, last)
                || (CountryNationality(doc, last, allowClitic: true) is { } nationality ? nationality.Id != c.Id : LexiconEntry.IsCountryId(c.Id)))
            && (IsSameEntry(table, out var m) || (c.Kind == EntityKind.Organization && IsSameEntry(doc.Lexicon.Words.Clubs, out m))))
        {
            return (first, last, skip);
        }

        if (classified && IsNameByItself(doc, c.First + length, c.End, c.Kind == EntityKind.Organization && length > 1))
        {
            return (c.First + length, c.End, 0);
        }

        return (c.First, c.End, c.Skip);

        // The words before the epithet name the same entry: in the lexicon, or as a club's bare name
        // (برشلونة الإسباني، الزمالك المصري).
        bool IsSameEntry(PhraseTable<int> names, out PhraseMatch<int> m) =>
            names.TryMatch(doc, first, out m, maxTokens: last - first) && m.End == last && m.Skip == skip
            && (m.Value < 0 || doc.Lexicon.Entries[m.Value].Id == c.Id);
    }

    /// <summary>True when tokens [<paramref name="first"/>, <paramref name="end"/>) are a name without the
    /// words before them: a lexicon entity, or words no list knows (صحيفة لوبوان), not a common noun
    /// phrase (شركة النفط). A word without the article is a name after a classifier even when it is also
    /// a common word (مدينة مشهد): a genitive common noun there would be definite. With
    /// <paramref name="organizationsOnly"/> (after a two-word organization noun) a lexicon name must be an
    /// organization's: وكالة أنباء الشرق الأوسط is named whole, the place is only part of it.</summary>
    private static bool IsNameByItself(Document doc, int first, int end, bool organizationsOnly)
    {
        if (doc.Lexicon.Entities.TryMatch(doc, first, out var m, maxTokens: end - first) && m.End == end && m.Skip == 0)
        {
            return !organizationsOnly || doc.Lexicon.Entries[m.Value].Kind == EntityKind.Organization;
        }

        var words = doc.Lexicon.Words;
        for (var k = first; k < end; k++)
        {
            if (!doc.IsWord(k) || IsFunctionWord(doc, k) || IsDefiniteNisba(doc, k)
                || (IsDefinite(doc, k) && words.CommonWords.ContainsToken(doc, k, out _)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// مدينة القدس، قرية اليامون، قضاء مدينة جنين: the classifier nouns right before a place are part of
    /// the mention, as in the lexicon's own names (مدينة مشهد); the name span keeps the place's name alone.
    /// </summary>
    private static void TakeClassifiersIn(Document doc, List<Candidate> candidates, List<int> accepted, Span<int> owner)
    {
        var classifiers = doc.Lexicon.Words.Classifiers;
        foreach (var index in accepted)
        {
            var c = candidates[index];
            bool IsPlaceClassifier(int k, int skip, int length) =>
                classifiers.Match(doc, k, skip, c.End, out var kind) == length && kind == NameClassifier.Place;

            if (c.Kind != EntityKind.Location || c.Skip > 0)
            {
                continue;
            }

            var first = c.First;
            var skip = 0;
            while (true)
            {
                var found = false;
                for (var length = 2; length >= 1 && !found; length--)
                {
                    var k = first - length;
                    if (k < 0 || owner[k] >= 0 || !doc.IsWord(k))
                    {
                        continue;
                    }

                    // A one-word classifier may carry a proclitic (بمدينة القدس); the name after it does not.
                    if (IsPlaceClassifier(k, 0, length))
                    {
                        (first, skip, found) = (k, 0, true);
                    }
                    else if (length == 1 && doc.StemSkips[k] > 0 && IsPlaceClassifier(k, doc.StemSkips[k], length))
                    {
                        (first, skip, found) = (k, doc.StemSkips[k], true);
                    }
                }

                if (!found || skip > 0)
                {
                    break; // a proclitic opens the phrase: nothing before it belongs to it
                }
            }

            if (first != c.First)
            {
                candidates[index] = c with { First = first, Skip = skip, NameFirst = c.First };
                owner[first..c.First].Fill(index);
            }
        }
    }

    /// <summary>
    /// ألبرت أينشتاين ( Albert Einstein )، جامعة " آستون " ( Aston University )، زيورخ Zürich: a name in
    /// Latin letters right after a mention, in parentheses or not, is the same entity written in its own
    /// language. It is a mention of that entity, and it gives a name the lexicon lacks its English form.
    /// </summary>
    private static void TakeLatinGlosses(Document doc, List<Candidate> candidates, List<int> accepted, Span<int> owner)
    {
        var count = accepted.Count;
        for (var a = 0; a < count; a++)
        {
            var index = accepted[a];
            var c = candidates[index];
            if (c.Kind == EntityKind.Nationality)
            {
                continue;
            }

            var k = c.End;
            if (k < doc.Count && IsQuote(doc, k))
            {
                k++;
            }

            var parenthesized = doc.Text.IsPunct(k, '(');
            var first = parenthesized ? k + 1 : k;
            var end = LatinNameEnd(doc, first);
            // Without parentheses, a transliteration has no more words than the name (دان حالوتس My Search
            // History is a headline run on, not Dan Halutz).
            if (end == first || (parenthesized ? !doc.Text.IsPunct(end, ')') : k != c.End || end - first > c.Length))
            {
                continue;
            }

            var span = doc.Text.Span(first, end - 1);
            var gloss = doc.Text.Original.AsSpan(span.Start, span.Length);
            if (!IsFree(owner, first, end) || !GlossFits(c.English, gloss))
            {
                continue;
            }

            var english = c.English;
            if (english.Length == 0)
            {
                english = gloss.ToString();
                candidates[index] = c with { English = english };
            }

            Mark(owner, first, end, candidates.Count);
            accepted.Add(candidates.Count);
            candidates.Add(c with { First = first, End = end, Skip = 0, English = english, NameFirst = -1 });
        }
    }

    // A gloss after an entity the lexicon knows must be its name: UNHRC after الأمم المتحدة (UN) is the
    // council whose name ends there, not the UN. An acronym matches the English name's initials (UN,
    // United Nations), a name shares a word with it (Einstein, Albert Einstein; Zürich, Zurich).
    private static bool GlossFits(string english, ReadOnlySpan<char> gloss)
    {
        if (english.Length == 0)
        {
            return true;
        }

        Span<char> initials = stackalloc char[16];
        var n = 0;
        foreach (var range in english.AsSpan().SplitAny(" -"))
        {
            var word = english.AsSpan()[range];
            if (word.Length > 0 && char.IsUpper(word[0]) && n < initials.Length)
            {
                initials[n++] = word[0];
            }
        }

        if (gloss.IndexOf(' ') < 0 && gloss.Length is >= 2 and <= 8 && !gloss.ContainsAnyExceptInRange('A', 'Z'))
        {
            return gloss.SequenceEqual(initials[..n]) || english.AsSpan().SequenceEqual(gloss);
        }

        var folded = FoldLatin(english);
        foreach (var range in gloss.Split(' '))
        {
            var word = gloss[range];
            if (word.Length >= 3 && folded.Contains(FoldLatin(word.ToString()), StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // Zürich and Zurich, Ségolène and Segolene: Latin letters without their accents, lower-cased.
    private static string FoldLatin(string text)
    {
        var decomposed = text.Normalize(System.Text.NormalizationForm.FormD);
        var sb = new System.Text.StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(ch) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                sb.Append(char.ToLowerInvariant(ch));
            }
        }

        return sb.ToString();
    }

    // The end of a run of Latin words that begins at <paramref name="first"/> and reads as a name: each
    // word capitalized (Charles I، ICSS), but for the particles between them (Institute of Management
    // Technology، El Telegramma Del Rif), and a hyphen inside a word (Jean-Paul). First when there is none.
    private static int LatinNameEnd(Document doc, int first)
    {
        const int MaxWords = 8;
        var end = first;
        var words = 0;
        for (var k = first; k < doc.Count && words < MaxWords; k++)
        {
            if (doc.Text[k].Kind == TokenKind.Punct && k > first && doc.Text.IsPunct(k, '-') && !doc.Text[k].SpaceBefore
                && k + 1 < doc.Count && !doc.Text[k + 1].SpaceBefore && IsLatinWord(doc, k + 1, out _))
            {
                continue;
            }

            if (doc.Text[k].Kind != TokenKind.Word || !IsLatinWord(doc, k, out var capitalized))
            {
                break;
            }

            if (capitalized)
            {
                end = k + 1;
            }
            else if (!IsLatinParticle(doc.Text.TokenText(k)) || k == first)
            {
                break;
            }

            words++;
        }

        return end;
    }

    private static bool IsLatinWord(Document doc, int index, out bool capitalized)
    {
        var span = doc.Text.Span(index, index);
        var word = doc.Text.Original.AsSpan(span.Start, span.Length);
        capitalized = word.Length > 0 && char.IsUpper(word[0]);
        foreach (var ch in word)
        {
            if (!(char.IsLetter(ch) && ch < '\u0250'))
            {
                return false;
            }
        }

        return word.Length > 0;
    }

    private static bool IsLatinParticle(ReadOnlySpan<char> word) =>
        word is "of" or "the" or "and" or "for" or "de" or "del" or "della" or "der" or "des" or "du" or "da" or "di" or "la" or "le" or "los" or "las"
            or "van" or "von" or "al" or "el" or "bin" or "ibn" or "y" or "et" or "on" or "in";

    /// <summary>Puts the accepted candidates, which do not overlap, in text order.</summary>
    private static void SortByPosition(List<Candidate> candidates, List<int> accepted)
    {
        var keys = ArrayPool<int>.Shared.Rent(Math.Max(1, accepted.Count));
        var items = CollectionsMarshal.AsSpan(accepted);
        for (var a = 0; a < items.Length; a++)
        {
            keys[a] = candidates[items[a]].First;
        }

        keys.AsSpan(0, items.Length).Sort(items);
        ArrayPool<int>.Shared.Return(keys);
    }

    private static void FindLexicon(Document doc, List<Candidate> candidates, int[] owner, CancellationToken cancellationToken)
    {
        var table = doc.Lexicon.Entities;
        var entries = doc.Lexicon.Entries;
        var i = 0;
        while (i < doc.Count)
        {
            if ((i & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            // A one-word match through a skeleton, or a one-word person through a generated spelling
            // (قوته is "its strength", not a spelling of غوته), needs the person named in full: coreference.
            // So does a one-word match reached both through a proclitic and a generated spelling
            // (بقربه, "near it", is not ب + a g-letter spelling of جربة).
            // So does a one-word match through a generated spelling of a word the lists know (قوميا is
            // "national", not جوميا).
            if (doc.Text[i].Kind is TokenKind.Word && table.TryMatch(doc, i, out var m)
                && !(m.End - m.Start == 1 && ((m.Weak && !IsLongForeignBrand(doc, m) && !IsLongForeignPlaceSpelling(doc, m))
                    || (m.Generated && (m.Skip > 0 || (entries[m.Value].Kind == EntityKind.Person && !IsChSpelling(doc, m.Start)) || IsWholeWord(doc, m.Start)))))
                && !(m.Skip > 0 && IsWholeWord(doc, i))
                // هجوما على أمين الأمم المتحدة: the preposition as written, with its alef maqsura, folded
                // into علي أمين. (لي تشاو شينغ، مني مناوي are names that are also function words: kept.)
                && !(entries[m.Value].Kind == EntityKind.Person && m.Skip == 0 && WrittenWord(doc, m.Start) is [.., '\u0649'] && IsFunctionWord(doc, m.Start))
                && !ModifiesPreviousNoun(doc, m)
                && !IsWordWithItsAdjective(doc, m)
                && !IsNationalBodyOfTheName(doc, m)
                && !IsPlaceWordOutOfPlace(doc, m)
                && !IsDatelineSource(doc, m))
            {
                var e = entries[m.Value];
                // برشلونة، ليفربول in a match report are the clubs, not the cities; مصر there is the national
                // side, still the country.
                if (e.Kind == EntityKind.Location && !e.IsCountry && (!IsPlaceSlot(doc, m.Start, m.Skip) || IsFixture(doc, m.End + 2, allowEnd: true))
                    && doc.Lexicon.Words.Clubs.TryMatch(doc, m.Start, out var club, maxTokens: 4) && club.End == m.End
                    && TryClub(doc, club, NearSportsWindow, ordinary: false, candidates, owner))
                {
                    i = m.End;
                    continue;
                }

                if (IsCountryAsAdjective(doc, m, candidates, owner) is { } nationality)
                {
                    e = entries[nationality];
                }

                var confidence = e.Kind == EntityKind.Nationality ? NationalityConfidence : LexiconConfidence;
                var skip = m.Skip;
                // للإسرائيليين: ل + (ا)لإسرائيليين. The article of an adjective is not part of a name, so the
                // mention is the adjective itself (إسرائيليين); a name keeps its article's lam (لولايات المتحدة).
                if (e.Kind == EntityKind.Nationality && skip > 0 && IsRestoredArticle(doc, m.Start, skip))
                {
                    skip++;
                }

                Mark(owner, m.Start, m.End, candidates.Count);
                candidates.Add(new Candidate(m.Start, m.End, skip, e.Kind, e.Id, e.Canonical, e.English, confidence, MentionSource.Lexicon, 1));
                i = m.End;
            }
            else
            {
                i++;
            }
        }
    }

    // العائلة المالكة السعودية، الديون السيادية السعودية: a country named by the feminine of its nisba,
    // right after a definite feminine word that names nothing, is the adjective: the nationality entry.
    // (تدعم الولايات المتحدة السعودية: after a name it is the country, the object.)
    private static int? IsCountryAsAdjective(Document doc, PhraseMatch<int> m, List<Candidate> candidates, int[] owner)
    {
        var p = m.Start - 1;
        if (m.End - m.Start != 1 || m.Skip != 0 || p < 0 || !doc.IsWord(p)
            || !doc.Lexicon.NisbaNamedCountries.TryGetValue(doc.Ids[m.Start], out var nationality)
            || !IsDefinite(doc, p) || doc.Text.TokenText(p) is not ([.., ArabicNormalizer.Heh] or [.., ArabicNormalizer.Alef, Teh])
            || (owner[p] >= 0 && candidates[owner[p]].Kind != EntityKind.Nationality))
        {
            return null;
        }

        return nationality;
    }

    // الدوحة - قنا :، عمان - الراية :: in a dateline the word between the dash and the colon is the
    // source (an agency, a paper), not a second place (قنا is also Qena).
    private static bool IsDatelineSource(Document doc, PhraseMatch<int> m) =>
        m.End - m.Start == 1 && m.Skip == 0 && doc.Lexicon.Entries[m.Value] is { Kind: EntityKind.Location, IsCountry: false }
        && doc.Text.IsPunct(m.Start - 1, '-') && doc.Text.IsPunct(m.End, ':') && doc.IsWord(m.Start - 2);

    // الأسد الآسيوي، الأسد الهندي: a one-word person whose name is also a word (ambiguous_names.txt),
    // followed by a definite masculine adjective, is the word and its adjective (the lion), not the
    // person. (A feminine one qualifies a noun before: أنظمة دفاع نظام الأسد الجوية.)
    private static bool IsWordWithItsAdjective(Document doc, PhraseMatch<int> m) =>
        m.End - m.Start == 1 && doc.Lexicon.Entries[m.Value].Kind == EntityKind.Person
        && IsMasculineNisba(doc, m.End)
        && doc.Lexicon.Words.AmbiguousNames.ContainsToken(doc, m.Start, out _);

    // مجلس الأمن القومي السعودي is not مجلس الأمن (the UN's): a body's name followed by "national" names
    // a country's own body, which the organization rules then name whole.
    private static bool IsNationalBodyOfTheName(Document doc, PhraseMatch<int> m) =>
        m.End - m.Start >= 2 && m.End < doc.Count && doc.Lexicon.Entries[m.Value].Kind == EntityKind.Organization
        && doc.Text.TokenText(m.End) is "\u0627\u0644\u0642\u0648\u0645\u064A" or "\u0627\u0644\u0648\u0637\u0646\u064A"; // القومي، الوطني

    // علينا أن نجد حلا، دعم مالي، الطريق الموصل إلى: a one-word place that is also an everyday word is
    // the place only where a place is expected.
    private static bool IsPlaceWordOutOfPlace(Document doc, PhraseMatch<int> m)
    {
        // براق النابلسي (Prague in another spelling), ليون الفرنسي: a one-word place that is a given name
        // or another spelling, before a masculine nisba, is a person's name (a city's adjective is
        // feminine: باكو الأذربيجانية).
        if (m.End - m.Start == 1 && (m.Generated || doc.Lexicon.Words.FirstNames.ContainsToken(doc, m.Start, out _, allowClitic: false))
            && doc.Lexicon.Entries[m.Value] is { Kind: EntityKind.Location, IsCountry: false }
            && IsMasculineNisba(doc, m.End))
        {
            return true;
        }

        var list = doc.Lexicon.Words.PlacesAlsoWords;
        if (m.End - m.Start != 1 || doc.Lexicon.Entries[m.Value].Kind != EntityKind.Location
            || !list.ContainsToken(doc, m.Start, out var isName) || !isName)
        {
            return false;
        }

        // بليون "a billion", بقايا "remains": a place that is also a given name (ليون، كايا) takes no proclitic.
        if (m.Skip > 0 && doc.Lexicon.Words.FirstNames.ContainsToken(doc, m.Start, out _))
        {
            return true;
        }

        var p = m.Start - 1;
        return !(IsPlaceSlot(doc, m.Start, m.Skip)
            || (doc.IsWord(p) && (IsPlacePreposition(doc.Text.TokenText(p))
                || (list.ContainsToken(doc, p, out var name) && !name)
                || (p > 0 && list.TryMatch(doc, p - 1, out var before, maxTokens: 2) && before.End == m.Start && !before.Value))));
    }

    // في، إلى، من، عن، بين, also with و or ف (وفي بعقوبة، ومن الموصل).
    private static bool IsPlacePreposition(ReadOnlySpan<char> word) =>
        WithoutConjunction(word) is "\u0641\u064A" or "\u0627\u0644\u064A" or "\u0645\u0646" or "\u0639\u0646" or "\u0628\u064A\u0646";

    // وفي، فإن: a particle without the و or ف written on it.
    private static ReadOnlySpan<char> WithoutConjunction(ReadOnlySpan<char> word) =>
        word.Length > 2 && word[0] is Clitics.Waw or Clitics.Feh ? word[1..] : word;

    // شافيز، شومسكي for تشافيز، تشومسكي: a foreign ch written ش is no Arabic word's shape the way a
    // g-letter is (قوته is "its strength", not غوته), so a long name in that spelling stands alone.
    private static bool IsChSpelling(Document doc, int index)
    {
        var word = doc.Text.TokenText(index);
        if (word.Length < 5 || word[0] != '\u0634' || doc.StemSkips[index] > 0)
        {
            return false;
        }

        Span<char> buffer = stackalloc char[word.Length + 1];
        buffer[0] = '\u062A';
        word.CopyTo(buffer[1..]);
        return doc.Lexicon.Vocabulary.Get(buffer) != Vocabulary.Unknown;
    }

    // مكدونالدز for ماكدونالدز: a long word no list knows, reached through the skeleton of an
    // organization's one-word name, is that name with its vowels written otherwise.
    // Not a word that may carry a proclitic or the article, nor one with tanween (روتينياً).
    private static bool IsLongForeignBrand(Document doc, PhraseMatch<int> m) =>
        m.Skip == 0 && doc.Lexicon.Entries[m.Value].Kind == EntityKind.Organization && doc.Text[m.Start].Length >= 7 && doc.Ids[m.Start] == Vocabulary.Unknown
        && doc.Text.TokenText(m.Start)[0] is not (Clitics.Waw or Clitics.Feh or Clitics.Beh or Clitics.Lam or Clitics.Kaf or ArabicNormalizer.Alef)
        && !HasTanween(doc, m.Start) && !IsAccusativeOfKnownWord(doc, m.Start);

    // تايلند، تركمنستان، كراكاس for تايلاند، تركمانستان، كاراكاس: a country or a capital, reached through its
    // skeleton (a long vowel written or left out) by a long word no list knows, is that place.
    private static bool IsLongForeignPlaceSpelling(Document doc, PhraseMatch<int> m)
    {
        var e = doc.Lexicon.Entries[m.Value];
        if (e.Kind != EntityKind.Location || !(e.IsCountry || e.Source.EndsWith("/capitals.tsv", StringComparison.Ordinal)))
        {
            return false;
        }

        var word = doc.Text.TokenText(m.Start)[m.Skip..];
        return word.Length >= 6 && doc.Ids[m.Start] == Vocabulary.Unknown && !HasTanween(doc, m.Start)
            && OneLongVowelApart(word, ArabicNormalizer.Normalize(e.Canonical));
    }

    // تايلند and تايلاند, أوزباكستان and أوزبكستان: one spelling is the other with one long vowel more. Not a
    // nisba's ي before the last letter (أمريكيا is "American", القاهرية "of Cairo", not أمريكا، القاهرة).
    private static bool OneLongVowelApart(ReadOnlySpan<char> word, ReadOnlySpan<char> name)
    {
        if (Math.Abs(word.Length - name.Length) != 1)
        {
            return false;
        }

        var wordIsLonger = word.Length > name.Length;
        var longer = wordIsLonger ? word : name;
        var shorter = wordIsLonger ? name : word;
        var at = 0;
        while (at < shorter.Length && longer[at] == shorter[at])
        {
            at++;
        }

        return at > 0 && at < longer.Length - 1 && longer[at] is ArabicNormalizer.Alef or Yeh or Clitics.Waw
            && longer[(at + 1)..].SequenceEqual(shorter[at..])
            && !(wordIsLonger && longer[at] == Yeh && at == longer.Length - 2);
    }

    // كبيراً is "big", not ك + بيرا (Beira): a word the lists know whole, or one with tanween, has no proclitic.
    // So is كبيرا written without its tanween: a known word plus the alef of the accusative; so is فقيرة,
    // the feminine of a known word (not ف + قيرة, a village), and فاطمة, a given name (not ف + أطمة).
    private static bool IsWholeWord(Document doc, int index) =>
        HasTanween(doc, index) || doc.Lexicon.Words.CommonWords.ContainsToken(doc, index, out _, allowClitic: false)
        || doc.Lexicon.Words.FunctionWords.ContainsToken(doc, index, out _, allowClitic: false)
        || doc.Lexicon.Words.FirstNames.ContainsToken(doc, index, out _, allowClitic: false)
        || IsAccusativeOfKnownWord(doc, index) || IsFeminineOfKnownWord(doc, index);


    // السياسة الخارجية الأميركية is "American foreign policy", not the State Department: a name that
    // begins with a definite adjective right after a definite common noun is that noun's adjective.
    private static bool ModifiesPreviousNoun(Document doc, PhraseMatch<int> m)
    {
        var words = doc.Lexicon.Words;
        var p = m.Start - 1;
        var first = doc.Text.TokenText(m.Start);
        // Only an organization whose name opens with a relational adjective (الخارجية، الداخلية).
        return doc.Lexicon.Entries[m.Value].Kind == EntityKind.Organization && first.Length > 4 && first[^1] == ArabicNormalizer.Heh && first[^2] == ArabicNormalizer.Yeh
            && m.Skip == 0 && p >= 0 && doc.IsWord(p) && doc.Text[m.Start].SpaceBefore
            && StartsWithArticle(doc, m.Start) && words.CommonWords.ContainsToken(doc, m.Start, out _, allowClitic: false)
            && StartsWithArticle(doc, p) && words.CommonWords.ContainsToken(doc, p, out _);
    }

    private static void FindRules(Document doc, List<Candidate> candidates, int[] owner, CancellationToken cancellationToken)
    {
        var words = doc.Lexicon.Words;
        var filter = RuleFilter.For(doc.Lexicon);
        for (var i = 0; i < doc.Count; i++)
        {
            if ((i & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (!doc.IsWord(i) || (owner[i] < 0 && filter.CannotStartAt(doc, i)))
            {
                continue;
            }

            if (words.OrgHeads.TryMatch(doc, i, out var head, maxTokens: 3))
            {
                if (head.Value == "media" ? MediaName(doc, head, candidates, owner) : (QuotedOrganizationName(doc, head, candidates, owner) || OrganizationName(doc, head, candidates, owner)))
                {
                    continue;
                }
            }

            if (owner[i] >= 0)
            {
                // فريق العربي، حارس العربي: after an indefinite فريق, نادي or sports noun the nationality's form is
                // in construct, so it names the club (an adjective would take the article with its noun: الفريق العربي).
                if (candidates[owner[i]] is { Kind: EntityKind.Nationality, Length: 1, First: var at } && at == i && i > 0 && doc.IsWord(i - 1)
                    && (ClubHead(doc, i - 1) > 0 || words.SportsWords.ContainsToken(doc, i - 1, out _))
                    && !doc.Text.TokenText(i - 1)[doc.StemSkips[i - 1]..].StartsWith("\u0627\u0644", StringComparison.Ordinal)
                    && words.Clubs.TryMatch(doc, i, out var nisbaClub, maxTokens: 1) && nisbaClub.End == i + 1)
                {
                    candidates[owner[i]] = BareName(doc, i, i + 1, nisbaClub);
                }

                LongerThanKnownPerson(doc, i, candidates, owner);
                NasabBeforeKnownPerson(doc, i, candidates, owner);
                continue;
            }

            if (ClubName(doc, i, candidates, owner))
            {
                continue;
            }

            // تعادل الزمالك مع الأهلي: in a sports report a bare club name is the club.
            // (النصر العماني: a club's name may end in the nationality the lexicon found first.)
            if (words.Clubs.TryMatch(doc, i, out var club, maxTokens: 4) && !(club.Skip > 0 && IsWholeWord(doc, i)) // فلوريان is no ف + لوريان
                && (IsFree(owner, i, club.End) || (IsFree(owner, i, club.End - 1) && candidates[owner[club.End - 1]] is { Kind: EntityKind.Nationality, Length: 1 }))
                && TryClub(doc, club, SportsWindow, HasOrdinaryWord(doc, i, club.End), candidates, owner))
            {
                continue;
            }

            if (words.Titles.TryMatch(doc, i, out var title, maxTokens: 5))
            {
                // رئيس " بروتان انتيرناسيونال "، مدير " غوغل ": a quoted name right after رئيس or an official's
                // title (of three words at most) is the body the person runs (after الملك or الإمبراطور it is
                // the ruler's name).
                if (title.End - title.Start <= 3
                    && (title.Value == "official" || (title.Value == "head" && doc.Text.TokenText(i)[doc.StemSkips[i]..] is President or PresidentFeminine))
                    && QuotedOrganizationName(doc, title, candidates, owner))
                {
                    continue;
                }

                // الفريق is a rank, and in a sports report the team (الفريق الضيف، فالفريق الطنجي سيلعب).
                // مباراة أمام تشلسي: أمام folds to إمام, a title; as written it is the preposition.
                if (!(title.End - title.Start == 1 && ClubHead(doc, i) == 1 && InSportsSentence(doc, i, SportsWindow))
                    && !(title.End - title.Start == 1 && title.Skip == 0 && IsFunctionWordAsWritten(doc, i))
                    && TitledName(doc, title, candidates, owner))
                {
                    continue;
                }
            }

            // A name follows its trigger in construct (مدينة X، بلدة X): after a definite trigger (المعبد
            // يمتلئ، الجزيرة يعرف) comes an adjective or the verb of a new clause, unless the trigger is
            // one that stands in apposition (العاصمة بغداد).
            if (words.PlaceTriggers.TryMatch(doc, i, out var trigger, maxTokens: 2)
                && !(IsDefinite(doc, trigger.End - 1) && trigger.End < doc.Count && IsDefiniteNisba(doc, trigger.End))
                && !((IsDefinite(doc, trigger.Start) || HasArticleClitic(doc, trigger)) && trigger.Value != "settlement")
                && PlaceName(doc, trigger.End, candidates, owner))
            {
                continue;
            }

            if ((words.FirstNames.ContainsToken(doc, i, out _) || IsKunya(doc, i) || IsConjoinedKunya(doc, i) || IsCompoundFirstName(doc, i)
                    || IsConjoinedCompoundFirstName(doc, i, candidates, owner, out _))
                && !IsFunctionWord(doc, i)
                && FirstNamePerson(doc, i, candidates, owner, titled: false))
            {
                continue;
            }

            if (IsJoinedKunya(doc, i))
            {
                // ابوعبد الله: the kunya's name goes on in the next word.
                var kunyaEnd = doc.Text.TokenText(i).EndsWith("\u0639\u0628\u062F", StringComparison.Ordinal) && i + 1 < doc.Count && doc.IsWord(i + 1) && owner[i + 1] < 0 ? i + 2 : i + 1;
                AddPerson(doc, i, kunyaEnd, LoneNameConfidence, candidates, owner);
                continue;
            }

            if (!SurnameAfterVerb(doc, i, candidates, owner) && !SpeakerAfterVerb(doc, i, candidates, owner))
            {
                SubjectAfterOpeningVerb(doc, i, candidates, owner);
            }
        }
    }

    /// <summary>
    /// What a free word needs for any of <see cref="FindRules"/>' rules to start at it, in tests that are
    /// cheap and nearly always false: most words of an article pass none, and skip the fifteen rules, each of
    /// which would test the word's text or look it up. Each rule needs one of: a phrase of the rules' word
    /// lists starting at the word (its start mask); the word or its stem being نادي (a club's name follows) or
    /// ابو (a kunya); a word the vocabulary does not know, whole or as a stem (a kunya written as one word);
    /// a known surname; a speech verb before it; or a sentence end two words before it (a verb opening the
    /// sentence, then its subject). Off (every word tried) when the vocabulary lacks نادي or ابو.
    /// </summary>
    private readonly struct RuleFilter
    {
        private readonly int _bits;
        private readonly int _verbBit;
        private readonly int _club;
        private readonly int _abu;
        private readonly bool _on;

        private RuleFilter(WordLists words, int club, int abu)
        {
            _bits = words.OrgHeads.StartBit | words.Clubs.StartBit | words.Titles.StartBit | words.PlaceTriggers.StartBit
                | words.FirstNames.StartBit | words.NameParticles.StartBit | words.NamesAlsoWords.StartBit;
            _verbBit = words.SpeechVerbs.StartBit;
            _club = club;
            _abu = abu;
            _on = club != Vocabulary.Unknown && abu != Vocabulary.Unknown;
        }

        public static RuleFilter For(CompiledLexicon lexicon) =>
            new(lexicon.Words, lexicon.Vocabulary.Get("\u0646\u0627\u062F\u064A"), lexicon.Vocabulary.Get("\u0627\u0628\u0648")); // نادي، ابو

        public bool CannotStartAt(Document doc, int i)
        {
            if (!_on)
            {
                return false;
            }

            var id = doc.Ids[i];
            var stem = doc.StemIds[i];
            return (doc.StartMasks[i] & _bits) == 0
                & id != _club & stem != _club & id != _abu & stem != _abu
                & (id != Vocabulary.Unknown | stem != Vocabulary.Unknown)
                & !doc.Lexicon.IsSurname(id)
                & (i == 0 || (doc.StartMasks[i - 1] & _verbBit) == 0)
                && !doc.Text.IsSentenceEnd(i - 2);
        }
    }

    /// <summary>
    /// وسيمضي شافيز، اعتبر جنبلاط: right after a verb, a known person's surname is that person, named
    /// without the given name. When several known people bear it, the mention gets the document's own id
    /// (the surname of someone named in full in the document takes that person's id later).
    /// </summary>
    private static bool SurnameAfterVerb(Document doc, int i, List<Candidate> candidates, int[] owner)
    {
        var p = i - 1;
        if (owner[i] >= 0 || p < 0 || !doc.Lexicon.IsSurname(doc.Ids[i]) || !doc.IsWord(p)
            || !doc.Lexicon.Surnames.TryGetValue(doc.Ids[i], out var entry)
            || !(doc.Lexicon.Words.SpeechVerbs.ContainsToken(doc, p, out _) || LooksLikeVerb(doc.Text.TokenText(p))))
        {
            return false;
        }

        AddSurname(doc, i, entry, candidates, owner);
        return true;
    }

    // The known person a surname alone names, or a person of the document's own when several bear it.
    private static void AddSurname(Document doc, int i, int entry, List<Candidate> candidates, int[] owner)
    {
        if (entry < 0)
        {
            AddPerson(doc, i, i + 1, LoneNameConfidence, candidates, owner);
            return;
        }

        var e = doc.Lexicon.Entries[entry];
        Mark(owner, i, i + 1, candidates.Count);
        candidates.Add(new Candidate(i, i + 1, 0, EntityKind.Person, e.Id, e.Canonical, e.English, CoreferenceConfidence, MentionSource.Lexicon, 1));
    }

    /// <summary>
    /// أحمد يوسف الجفيري is not أحمد يوسف: a person the lexicon knows by two or more words, followed at
    /// once by a family name in nisba form that no list knows, is someone else, named at greater length.
    /// </summary>
    private static void LongerThanKnownPerson(Document doc, int i, List<Candidate> candidates, int[] owner)
    {
        var c = candidates[owner[i]];
        var end = c.End;
        if (c.First != i || c.Kind != EntityKind.Person || c.Source != MentionSource.Lexicon || c.Length < 2
            || end >= doc.Count || owner[end] >= 0 || !doc.Text[end].SpaceBefore
            || !(IsMasculineNisba(doc, end) || IsFamilyNameAfterGivenNames(doc, c))
            || !IsNameLike(doc, end, allowArticle: true)
            || doc.Lexicon.Words.Ordinals.ContainsToken(doc, end, out _))
        {
            return; // الثاني (an ordinal), الرمضانية (a feminine adjective of what follows)
        }

        AddPerson(doc, i, end + 1, 0.75f, candidates, owner, c.Skip);
    }

    // محمود حسين هديب: a known person named by two given names (محمود حسين), followed by a word no list
    // knows, is a longer name, a grandfather's or a family's after the father's.
    private static bool IsFamilyNameAfterGivenNames(Document doc, Candidate c)
    {
        var words = doc.Lexicon.Words;
        for (var k = c.First; k < c.End; k++)
        {
            if (!words.FirstNames.ContainsToken(doc, k, out _, allowClitic: false))
            {
                return false;
            }
        }

        // Not a word that may open the next clause: a conjunction's (وشوهدت) or a present verb's (يغني) letter.
        var next = c.End;
        return doc.Ids[next] == Vocabulary.Unknown && doc.StemIds[next] == Vocabulary.Unknown && !StartsWithArticle(doc, next)
            && doc.Text.TokenText(next)[0] is not (Clitics.Waw or Clitics.Feh or ArabicNormalizer.Yeh)
            && IsSpeakerWord(doc, next) && !LooksLikeVerb(doc.Text.TokenText(next))
            // عمر البشير ميني ميناوي: the word begins the next person's name.
            && !(next + 1 < doc.Count && doc.IsWord(next + 1) && doc.Lexicon.Entities.TryMatch(doc, next + 1, out var after)
                && doc.Lexicon.Entries[after.Value].Kind == EntityKind.Person);
    }

    /// <summary>
    /// محمد بن عبد الكريم الخطابي: a given name and بن/ابن/بنت before a known person is one name with it.
    /// It is not that person for sure (محمد بن سلمان is the son of سلمان), so it gets a document-scoped id.
    /// </summary>
    private static void NasabBeforeKnownPerson(Document doc, int i, List<Candidate> candidates, int[] owner)
    {
        var c = candidates[owner[i]];
        var given = i - 2;
        if (c.First != i || c.Skip != 0 || c.Kind != EntityKind.Person || c.Source != MentionSource.Lexicon || given < 0
            || owner[i - 1] >= 0 || !IsParticle(doc, i - 1) || !doc.IsWord(given) || IsFunctionWord(doc, given)
            || !doc.Lexicon.Words.FirstNames.ContainsToken(doc, given, out _))
        {
            return;
        }

        // The given name alone may already be a rule's person (it stopped at the known name).
        var skip = doc.Lexicon.Words.FirstNames.ContainsToken(doc, given, out _, allowClitic: false) ? 0 : doc.StemSkips[given];
        if (owner[given] >= 0)
        {
            var alone = candidates[owner[given]];
            if (alone is not { Kind: EntityKind.Person, Source: MentionSource.Rule } || alone.First != given || alone.End > i - 1)
            {
                return;
            }

            skip = alone.Skip;
        }

        AddPerson(doc, given, c.End, 0.75f, candidates, owner, skip);
    }

    /// <summary>
    /// Adds the club a bare club name (<paramref name="club"/>, a match in the club table) stands for when
    /// its sentence is a sports report. A name several clubs bear (الأهلي) gets a
    /// document-scoped id: the report says which club, the lexicon cannot. A country's masculine
    /// nationality adjective after the name (برشلونة الإسباني، بورتو البرتغالي; the city is feminine:
    /// برشلونة الإسبانية) makes it the club anywhere; a name that is also an everyday word
    /// (<paramref name="ordinary"/>: النصر، الاتحاد) needs both the adjective and the sports sentence.
    /// </summary>
    private static bool TryClub(Document doc, PhraseMatch<int> club, int window, bool ordinary, List<Candidate> candidates, int[] owner)
    {
        var (first, end) = (club.Start, club.End);
        // نادي الجزيرة، فريق الوحدة: a club's bare name right after نادي is the club; after فريق, in a
        // sports sentence or when the name is no everyday word.
        var head = first > 0 && doc.IsWord(first - 1) ? ClubHead(doc, first - 1) : 0;
        if (head == 2 || (head == 1 && (!ordinary || InSportsSentence(doc, first, window))))
        {
            AddBareName(doc, first, end, club, candidates, owner);
            return true;
        }

        var nationality = IsMasculineNationality(doc, end) || (end - first > 1 && IsMasculineNationality(doc, end - 1)); // النصر العماني
        // وزير الداخلية الأردني: after a title the adjective is the title's.
        if (nationality && ordinary && first > 0 && doc.IsWord(first - 1) && doc.Lexicon.Words.Titles.ContainsToken(doc, first - 1, out _))
        {
            return false;
        }

        if (ordinary ? !(nationality && InSportsSentence(doc, first, window)) : !(nationality || InSportsSentence(doc, first, window)))
        {
            return false;
        }

        AddBareName(doc, first, end, club, candidates, owner);
        return true;
    }

    // 2 for نادي/النادي (a club), 1 for فريق/الفريق (a team), else 0; with or without a proclitic.
    private static int ClubHead(Document doc, int index)
    {
        var word = StemWithoutArticle(doc, index);
        return word is "\u0646\u0627\u062F\u064A" ? 2 : word is "\u0641\u0631\u064A\u0642" ? 1 : 0; // نادي، فريق
    }

    // A country's masculine nationality adjective (الإسباني، العماني), not the feminine (الإسبانية).
    private static bool IsMasculineNationality(Document doc, int index) =>
        IsMasculineNisba(doc, index) && CountryNationality(doc, index, allowClitic: false) is not null;

    // A club's or an outlet's bare name: its entry, or, when several bear the name, a document-scoped id.
    private static void AddBareName(Document doc, int first, int end, PhraseMatch<int> name, List<Candidate> candidates, int[] owner)
    {
        Mark(owner, first, end, candidates.Count);
        candidates.Add(BareName(doc, first, end, name));
    }

    private static Candidate BareName(Document doc, int first, int end, PhraseMatch<int> name)
    {
        if (name.Value < 0)
        {
            return new Candidate(first, end, name.Skip, EntityKind.Organization, DocumentId(EntityKind.Organization, doc, first, end), Canonical(doc, first, end, name.Skip), "", ClubConfidence, MentionSource.Rule, 1);
        }

        var e = doc.Lexicon.Entries[name.Value];
        return new Candidate(first, end, name.Skip, EntityKind.Organization, e.Id, e.Canonical, e.English, ClubConfidence, MentionSource.Lexicon, 1);
    }

    /// <summary>
    /// مراسل الجزيرة، وقال للجزيرة، الدوحة - الراية :، ( الجزيرة ): an outlet's bare name (its lexicon name
    /// without قناة، صحيفة …) where an outlet is credited is the outlet. Elsewhere الجزيرة is the island
    /// and الراية the flag, so the bare names are no lexicon aliases.
    /// </summary>
    private static void FindCreditedMedia(Document doc, List<Candidate> candidates, int[] owner)
    {
        var words = doc.Lexicon.Words;
        var mediaBit = words.Media.StartBit;
        for (var i = 1; i < doc.Count; i++)
        {
            // Both readings below need an outlet's name to start here.
            if ((doc.StartMasks[i] & mediaBit) == 0)
            {
                continue;
            }

            if (owner[i] >= 0 && TryTakeMarkedOutlet(doc, i, candidates, owner))
            {
                continue;
            }

            // وكالة الأنباء القطرية قنا: the short name right after the full one is the same outlet.
            if (owner[i] >= 0 || !doc.IsWord(i) || !words.Media.TryMatch(doc, i, out var m, maxTokens: 4)
                || !(IsCredited(doc, m) || (m.Value >= 0 && owner[i - 1] >= 0 && candidates[owner[i - 1]].Id == doc.Lexicon.Entries[m.Value].Id)))
            {
                continue;
            }

            var end = m.End;
            while (end > i && owner[end - 1] >= 0)
            {
                end--;
            }

            if (end != m.End)
            {
                continue; // the lexicon read the words after it as something longer
            }

            AddBareName(doc, i, end, m, candidates, owner);
            i = end - 1;
        }
    }

    /// <summary>
    /// بتغلبه على الروسي إيغور كونيتسين، واللاعب الكونغولي شاباني نوندا: a definite nationality used as a
    /// noun (not right after a definite noun it would qualify, as in الجيش الروسي) followed by words the
    /// lists do not know is that national's name. Two or three such words: one could be a noun.
    /// </summary>
    private static void FindNamedByNationality(Document doc, List<Candidate> candidates, int[] owner)
    {
        for (var i = 0; i < doc.Count; i++)
        {
            // A singular nationality (البرازيلي، اليابانية); a plural (الألمان سيكونون) is the people.
            // والروسي: a proclitic before the article (و، ف، ب).
            if (owner[i] < 0 || candidates[owner[i]] is not { Kind: EntityKind.Nationality } nationality || nationality.First != i
                || WrittenWord(doc, i) is var written && !IsDefiniteNisbaShape(written[Math.Min(nationality.Skip, written.Length)..]))
            {
                continue;
            }

            var first = nationality.End;
            var p = i - 1;
            if (first >= doc.Count || (p >= 0 && doc.IsWord(p) && IsDefinite(doc, p) && !IsFunctionWord(doc, p)))
            {
                continue; // الجيش الروسي، اللاعب الروسي الشاب
            }

            var end = first;
            while (end < doc.Count && end - first < 3 && (owner[end] < 0 || IsGivenNameReadAsPeople(doc, end, candidates, owner))
                && (doc.StemSkips[end] == 0 || (end == first && doc.Ids[end] == Vocabulary.Unknown)))
            {
                // محمد عبد الفتاح: عبد and the name after it are one given name.
                if (IsCompoundFirstName(doc, end) && end + 1 < doc.Count && owner[end + 1] < 0)
                {
                    end += 2;
                    continue;
                }

                if (!IsNameLike(doc, end, allowArticle: false) || LooksLikeInflectedNoun(doc, end) || IsPrepositionalWord(doc, end, afterSurname: end - first >= 2))
                {
                    break;
                }

                end++;
            }

            if (end - first >= 2)
            {
                AddPerson(doc, first, end, 0.7f, candidates, owner);
                i = end - 1;
            }
        }
    }

    // الروسي إيغور كونيتسين: a people's bare plural that is also a given name (إيغور, the Uyghurs) is the
    // given name after a national.
    private static bool IsGivenNameReadAsPeople(Document doc, int index, List<Candidate> candidates, int[] owner) =>
        candidates[owner[index]] is { Kind: EntityKind.Nationality, Length: 1, Skip: 0 } && !IsDefinite(doc, index)
        && doc.Lexicon.Words.FirstNames.ContainsToken(doc, index, out _, allowClitic: false);

    /// <summary>
    /// قال لـ « الشرق الأوسط »، التقت ( العربي ): a place or nationality the lexicon found at token
    /// <paramref name="i"/> that is exactly an outlet's bare name between quote marks or parentheses is the
    /// outlet (places are seldom quoted; outlets often are),
    /// with a document-scoped id when several outlets bear the name. Replaces the place's candidate and
    /// returns true.
    /// </summary>
    private static bool TryTakeMarkedOutlet(Document doc, int i, List<Candidate> candidates, int[] owner)
    {
        var index = owner[i];
        var place = candidates[index];
        // ليل ( فرنسا ): a country between parentheses is the country (a club's, a city's), not an outlet.
        if (place is not { Kind: EntityKind.Location or EntityKind.Nationality, Source: MentionSource.Lexicon, Skip: 0 } || place.First != i
            || LexiconEntry.IsCountryId(place.Id)
            || place.End >= doc.Count || !IsBetweenMarks(doc, i - 1, place.End)
            || !doc.Lexicon.Words.Media.TryMatch(doc, i, out var m, allowClitic: false, maxTokens: 4) || m.End != place.End
            || IsAfterMediaHead(doc, i - 1))
        {
            return false; // صحيفة “الشرق الأوسط”: the head names the outlet (see MediaName)
        }

        // Replaced in place: the candidate keeps its index, which the owner array already holds.
        candidates[index] = BareName(doc, place.First, place.End, m);
        return true;
    }

    // « الشرق الأوسط »، "الشرق الأوسط"، ( العربي ): quote marks, or parentheses around a name in the sentence.
    private static bool IsBetweenMarks(Document doc, int open, int close) =>
        (IsQuote(doc, open) && IsQuote(doc, close)) || (doc.Text.IsPunct(open, '(') && doc.Text.IsPunct(close, ')'));

    private static bool IsAfterMediaHead(Document doc, int index)
    {
        for (var start = Math.Max(0, index - 3); start < index; start++)
        {
            if (doc.IsWord(start) && doc.Lexicon.Words.OrgHeads.TryMatch(doc, start, out var head, maxTokens: 3) && head.End == index && head.Value == "media")
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsCredited(Document doc, PhraseMatch<int> m)
    {
        var words = doc.Lexicon.Words;
        var text = doc.Text;
        var p = m.Start - 1;
        // A dateline: الدوحة - الراية :
        if (text.IsPunct(p, '-') && text.IsPunct(m.End, ':'))
        {
            return true;
        }

        // A name that is also a common word (الوفد، المسيرة، النبأ) needs one of the credits below: قال
        // للوفد is "said to the delegation", and ( الحوار ) a gloss.
        var commonWord = m.End - m.Start == 1 && words.CommonWords.ContainsToken(doc, m.Start, out _);

        // A source in parentheses closing a sentence: … ( الجزيرة ). (Or closing a paragraph run into the
        // next, which opens with a verb: … الحرب ( الجزيرة ) دعا الأمين العام.)
        if (!commonWord && text.IsPunct(p, '(') && text.IsPunct(m.End, ')')
            && (text.IsSentenceEnd(m.End + 1) || text.IsSentenceEnd(p - 1)
                || (doc.IsWord(m.End + 1) && (words.SpeechVerbs.ContainsToken(doc, m.End + 1, out _) || IsOpeningVerb(doc, m.End + 1)))))
        {
            return true;
        }

        // وقال للجزيرة، في تصريحات للجزيرة
        if (!commonWord && m.Skip == 1 && text.TokenText(m.Start)[0] == Clitics.Lam && doc.IsWord(p)
            && (words.SpeechVerbs.ContainsToken(doc, p, out _) || words.MediaCredits.ContainsToken(doc, p, out _, allowClitic: false)))
        {
            return true;
        }

        // وقال رئيس الجمهورية الأسبق أمين الجميل للجزيرة إن …: the speaker between the speech verb and
        // the outlet, what was said right after it.
        if (!commonWord && m.Skip == 1 && text.TokenText(m.Start)[0] == Clitics.Lam && OpensReport(doc, m.End, strict: true)
            && HasSpeechVerbBefore(doc, p, MaxCreditSpan))
        {
            return true;
        }

        // مراسل الجزيرة، في مقابلة مع الجزيرة، ذكرت الحياة: the credit ends right before the name.
        for (var start = Math.Max(0, p - 2); start <= p; start++)
        {
            if (doc.IsWord(start) && words.MediaCredits.TryMatch(doc, start, out var credit, maxTokens: 3) && credit.End == m.Start)
            {
                return m.Skip == 0 && (!commonWord || credit.Value);
            }
        }

        return false;
    }

    // How far before an outlet credited after its speaker (قال … للجزيرة إن) the speech verb may stand: a title, its qualifiers and a name.
    private const int MaxCreditSpan = 10;

    /// <summary>True when a speech verb stands within <paramref name="window"/> tokens before
    /// <paramref name="index"/> (inclusive) in the same sentence.</summary>
    private static bool HasSpeechVerbBefore(Document doc, int index, int window)
    {
        for (var k = index; k >= 0 && index - k < window && !doc.Text.IsSentenceEnd(k); k--)
        {
            if (doc.IsWord(k) && doc.Lexicon.Words.SpeechVerbs.ContainsToken(doc, k, out _))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the sentence around token <paramref name="index"/> has a word only sport uses
    /// (مباراة، الدوري، المدرب، ركلة جزاء).</summary>
    private static bool InSportsSentence(Document doc, int index, int window) =>
        HasSportsWord(doc, index, -1, window) || HasSportsWord(doc, index, +1, window);

    /// <summary>True when a sports word stands within <paramref name="window"/> tokens of
    /// <paramref name="index"/> in direction <paramref name="step"/>, before the sentence ends.</summary>
    private static bool HasSportsWord(Document doc, int index, int step, int window)
    {
        var sports = doc.Lexicon.Words.SportsWords;
        for (var k = index + step; Math.Abs(k - index) <= window && !doc.Text.IsSentenceEnd(k); k += step)
        {
            if ((doc.IsWord(k) && sports.TryMatch(doc, k, out _, maxTokens: 3)) || IsScore(doc, k) || IsFixture(doc, k))
            {
                return true;
            }
        }

        return false;
    }

    // 2 - صفر، 3 / 1: a score, one-digit numbers (or صفر) across a dash or a slash (15 / 1 is a date).
    private static bool IsScore(Document doc, int index) =>
        (doc.Text.IsPunct(index, '-') || doc.Text.IsPunct(index, '/')) && IsGoals(doc, index - 1) && IsGoals(doc, index + 1);

    private static bool IsGoals(Document doc, int index) =>
        (uint)index < (uint)doc.Count && ((doc.Text[index].Kind == TokenKind.Number && doc.Text[index].Length == 1) || IsZero(doc, index));

    private static bool IsZero(Document doc, int index) => doc.IsWord(index) && doc.Text.TokenText(index) is "\u0635\u0641\u0631"; // صفر

    // ليون ( فرنسا ) - ميلان ( إيطاليا ): clubs with their countries, a dash between them (or, with
    // allowEnd, a closing parenthesis of the list's last pair, which the score follows).
    private static bool IsFixture(Document doc, int index, bool allowEnd = false) =>
        doc.Text.IsPunct(index, ')') && (doc.Text.IsPunct(index + 1, '-') || (allowEnd && InSportsSentence(doc, index, NearSportsWindow))) && index >= 2 && doc.Text.IsPunct(index - 2, '(')
        && doc.Lexicon.Entities.TryMatch(doc, index - 1, out var m, allowClitic: false, maxTokens: 1) && doc.Lexicon.Entries[m.Value].IsCountry;

    // الاتحاد، الشباب، الوحدة، تشرين، أحد: a club named by an everyday word needs more than a sports
    // sentence (الاتحاد الدولي is the federation); such bare names are left alone.
    private static bool HasOrdinaryWord(Document doc, int first, int end)
    {
        var words = doc.Lexicon.Words;
        for (var k = first; k < end; k++)
        {
            if (doc.Text[k].Length < 4 || IsFunctionWord(doc, k)
                || words.CommonWords.ContainsToken(doc, k, out _) || words.Months.TryMatch(doc, k, out _, maxTokens: 2)
                || words.Titles.ContainsToken(doc, k, out _) || words.OrgHeads.ContainsToken(doc, k, out _) || words.PlaceTriggers.ContainsToken(doc, k, out _))
            {
                return true;
            }
        }

        return false;
    }

    // في برشلونة، بمدينة ليون، العاصمة الأردنية عمان، ملعب برشلونة، "نيويورك - الخرطوم -": the place itself.
    private static bool IsPlaceSlot(Document doc, int index, int skip)
    {
        if (skip > 0 && doc.Text.TokenText(index)[skip - 1] == Clitics.Beh)
        {
            return true;
        }

        var p = index - 1;
        if (p < 0)
        {
            return false;
        }

        if (doc.Text.IsPunct(p, '-') || (index + 1 < doc.Count && doc.Text.IsPunct(index + 1, '-')))
        {
            return true;
        }

        var words = doc.Lexicon.Words;
        while (p > 0 && IsDefiniteNisba(doc, p))
        {
            p--; // العاصمة الأردنية
        }

        return doc.IsWord(p) && (doc.Text.TokenText(p).SequenceEqual("\u0641\u064A") // في
            || words.PlaceTriggers.ContainsToken(doc, p, out _));
    }

    private static bool IsFree(ReadOnlySpan<int> owner, int first, int end)
    {
        for (var k = first; k < end; k++)
        {
            if (owner[k] >= 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// وقال عنان إن …، وأكد غريب « …»، وأشار السقاف إلى أن …: right after a speech verb, one to three
    /// words that no list knows, followed at once by what the speaker says (a complementizer, a
    /// preposition, punctuation), are the speaker's name. A noun there is the verb's object (أكد ضرورة
    /// التوصل، أعلن انسحابه من): it is a known word, carries a pronoun or teh marbuta, or is followed by
    /// its own complement, and the rule leaves it.
    /// </summary>
    private static bool SpeakerAfterVerb(Document doc, int i, List<Candidate> candidates, int[] owner)
    {
        var words = doc.Lexicon.Words;
        var p = i - 1;
        if (p < 0 || !doc.IsWord(p) || !words.SpeechVerbs.ContainsToken(doc, p, out var verb) || doc.Lexicon.Entities.TryMatch(doc, p, out _))
        {
            return false;
        }

        var end = i;
        while (end < doc.Count && end - i < MaxSpeakerTokens && owner[end] < 0 && IsSpeakerWord(doc, end))
        {
            end++;
            if (StartsWithArticle(doc, end - 1))
            {
                break; // الحريري، محمد المالكي: a definite surname ends the name
            }
        }

        // A reporting verb (أبدى، أعلن، كشف، طالب) takes objects as often as subjects: only إن/أن or a
        // colon or quote after the word makes it the speaker; after أعرب, so does عن (واعرب وانغ عن مخاوفه).
        if (end == i || !(OpensReport(doc, end, strict: !verb.Direct) || (verb.Lemma == ExpressedLemma && IsWordAt(doc, end, An))))
        {
            return false;
        }

        // وقال الدجاني after كريم الدجاني: the surname of a person already named is left to coreference.
        if (end - i == 1)
        {
            var word = doc.Text.TokenText(i);
            foreach (var c in candidates)
            {
                if (c.Kind == EntityKind.Person && c.Length >= 2 && doc.Text.TokenText(c.End - 1).SequenceEqual(word))
                {
                    return false;
                }
            }
        }

        AddPerson(doc, i, end, SpeakerConfidence, candidates, owner);
        return true;
    }

    /// <summary>
    /// وتجاوز محفوظ في الستينيات، وسيترك فيرجسون منصبه، ويحمل أتيجالي شهادة: a sentence that opens with
    /// و or ف and a verb has the verb's subject next, and there a word no list knows is a name.
    /// </summary>
    private static void SubjectAfterOpeningVerb(Document doc, int i, List<Candidate> candidates, int[] owner)
    {
        var p = i - 1;
        if (p < 0 || owner[i] >= 0)
        {
            return;
        }

        var opening = doc.Text.IsSentenceEnd(p - 1) && IsOpeningVerb(doc, p);
        if (!(opening && (IsUnknownNameWord(doc, i) || IsUnknownFamilyNisba(doc, i) || IsGivenNameAlsoWordAsSubject(doc, i)))
            && !(IsComplementizer(doc.Text.TokenText(p)) && doc.Text.TokenText(i)[0] is not (Yeh or Teh or Noon) && IsGivenNameAlsoWordAsSubject(doc, i)))
        {
            return;
        }

        // حامل اللقب is an active participle (فاعل) in construct; صيادو الأسماك، مستخدمو هذه a plural in construct.
        var word = doc.Text.TokenText(i);
        if ((word.Length == 4 && word[1] == ArabicNormalizer.Alef) || (word[^1] == Clitics.Waw && i + 1 < doc.Count && (StartsWithArticle(doc, i + 1) || IsFunctionWord(doc, i + 1))))
        {
            return;
        }

        AddPerson(doc, i, i + 1, LoneNameConfidence, candidates, owner);
    }

    // وتوقف محفوظ عن، أن صدام لن: a given name that is also a word, as the subject of a sentence's opening
    // verb or after أن، إن، لكن, before a function word or a verb (the word would be in construct before a
    // noun, صدام الحضارات, or need a noun before it).
    private static bool IsGivenNameAlsoWordAsSubject(Document doc, int index) =>
        doc.IsWord(index) && doc.StemSkips[index] == 0 && index + 1 < doc.Count && doc.IsWord(index + 1)
        && doc.Lexicon.Words.NamesAlsoWords.ContainsToken(doc, index, out _, allowClitic: false)
        && doc.Lexicon.Words.FirstNames.ContainsToken(doc, index, out _, allowClitic: false)
        && !doc.Lexicon.Words.CommonWords.ContainsToken(doc, index, out _, allowClitic: false)
        && (IsFunctionWord(doc, index + 1) || LooksLikeVerb(doc.Text.TokenText(index + 1)));

    // أن، إن، لأن، لكن (also with و or ف): a noun, the subject, follows, or after أن a verb (أن يزيد).
    private static bool IsComplementizer(ReadOnlySpan<char> word) =>
        WithoutConjunction(word) is "\u0627\u0646" or "\u0644\u0627\u0646" or "\u0644\u0643\u0646";

    // وواصل البدري كلامه، وأكد الجفيري أن: a definite nisba no list knows is a family name when it is
    // the verb's subject (a nationality or a known adjective would be in the lists).
    private static bool IsUnknownFamilyNisba(Document doc, int index) =>
        doc.IsWord(index) && doc.Ids[index] == Vocabulary.Unknown && doc.StemIds[index] == Vocabulary.Unknown && doc.StemSkips[index] == 0
        && StartsWithArticle(doc, index) && IsDefiniteNisba(doc, index) && WrittenWord(doc, index)[^1] != '\u0629' && IsSpeakerWord(doc, index);

    // و or ف and a verb: a speech verb, or a verb's shape: the present (ويسعى، وسيترك، وتجاوز), the
    // past of the derived stems, أفعل (وأشار، وأضاف), فاعل (وهاجم، وطالب), كان.
    private static bool IsOpeningVerb(Document doc, int index)
    {
        var word = doc.Text.TokenText(index);
        if (word.Length < 4 || word[0] is not (Clitics.Waw or Clitics.Feh) || IsFunctionWord(doc, index))
        {
            return false;
        }

        var verb = word[1..];
        if (verb.Length >= 4 && verb[0] == Seen && verb[1] is Yeh or Teh or Noon)
        {
            verb = verb[1..]; // the future's س
        }

        return doc.Lexicon.Words.SpeechVerbs.ContainsToken(doc, index, out _) || LooksLikeVerb(verb)
            || (verb.Length >= 4 && verb[0] is Yeh or Teh or Noon && verb[^1] != ArabicNormalizer.Heh) // ونومه: a noun and its pronoun
            || (verb.Length == 4 && verb[0] == ArabicNormalizer.Alef)
            || (verb.Length == 4 && verb[1] == ArabicNormalizer.Alef) // وهاجم، وطالب: فاعل
            || IsFeminineSingularPast(verb)
            || verb is "\u0643\u0627\u0646" or "\u0643\u0627\u0646\u062A";
    }

    // وسجلت، وقامت، وأكدت: the past with the feminine ت — فعلت, فالت (a hollow root) or أفعلت. Plurals in
    // ات (جهات) have the alef just before the ت.
    private static bool IsFeminineSingularPast(ReadOnlySpan<char> verb) =>
        (verb is [_, _, not ArabicNormalizer.Alef, Teh] && verb[..3].IndexOfAny(LongVowels) is < 0 or 1)
        || (verb is [ArabicNormalizer.Alef, _, _, _, Teh] && verb[1..4].IndexOfAny(LongVowels) < 0);

    // A word no word list knows (a lexicon name's may be), shaped like a name: no article, no pronoun, no
    // feminine ending, no verb's shape, and no known word behind a proclitic.
    private static bool IsUnknownNameWord(Document doc, int index)
    {
        var words = doc.Lexicon.Words;
        return doc.IsWord(index) && doc.StemIds[index] == Vocabulary.Unknown && !StartsWithArticle(doc, index)
            && IsSpeakerWord(doc, index) && !LooksLikeVerb(doc.Text.TokenText(index))
            && !words.FirstNames.ContainsToken(doc, index, out _) && !IsWordToo(doc, index)
            && !words.AmbiguousNames.ContainsToken(doc, index, out _);
    }

    private const string ExpressedLemma = "\u0623\u0639\u0631\u0628"; // أعرب
    private const string President = "\u0631\u0626\u064A\u0633"; // رئيس
    private const string PresidentFeminine = "\u0631\u0626\u064A\u0633\u0647"; // رئيسة, folded
    private const string An = "\u0639\u0646"; // عن

    // Token <paramref name="index"/> is the folded word <paramref name="word"/>, without proclitics.
    private static bool IsWordAt(Document doc, int index, string word) =>
        index < doc.Count && doc.IsWord(index) && doc.Text.TokenText(index).SequenceEqual(word);

    private static bool IsSpeakerWord(Document doc, int index)
    {
        var words = doc.Lexicon.Words;
        // وقال رمضان إن: a month that is also a given name is the speaker here.
        var monthName = words.Months.ContainsToken(doc, index, out _, allowClitic: false) && words.FirstNames.ContainsToken(doc, index, out _, allowClitic: false);
        if (!(IsNameLike(doc, index, allowArticle: true) || monthName) || (doc.StemSkips[index] > 0 && doc.Ids[index] == Vocabulary.Unknown))
        {
            return false;
        }

        // No conjunction test here (فيرجسون begins with the letter of ف): the slot after a verb holds
        // its subject, and a second verb joined by و is a speech verb, which IsNameLike refuses.
        var word = WrittenWord(doc, index);
        if (word.Length > 3 && word[^1] == '\u0647')
        {
            return false; // حديثه، موقفه: a noun with its pronoun
        }

        var firstName = words.FirstNames.ContainsToken(doc, index, out _, allowClitic: false);
        // (IsNameLike has already refused pronoun-suffixed words and accusatives of known words.)
        if (!firstName && (word.Length < 4 || StartsWithPrepositionAndArticle(doc.Text.TokenText(index))))
        {
            return false;
        }

        // A definite word is a surname only as a nisba (الحريري، المالكي); التقرير، الطرفان are nouns.
        // A word in teh marbuta is a noun (ضرورة، أهمية) unless it is a given name (أسامة، فاطمة).
        return (!StartsWithArticle(doc, index) || IsDefiniteNisba(doc, index) && word[^1] != '\u0629')
            && (word[^1] != '\u0629' || firstName);
    }

    // عدوانها، رغبتهما، حياتهم، حركتا: a possessive pronoun or a dual in construct ends a noun, not a name.
    // The dual's تا only after a known word (أكدتا: أكد; حركتا: حركة): زامبورتا، روبرتا are names.
    private static bool HasObjectSuffix(Document doc, int index)
    {
        var word = WrittenWord(doc, index);
        if (word.Length <= 4)
        {
            return false;
        }

        if (word.EndsWith("\u062A\u0627"))
        {
            var stem = doc.Text.TokenText(index)[..^2];
            Span<char> feminine = stackalloc char[stem.Length + 1];
            stem.CopyTo(feminine);
            feminine[^1] = ArabicNormalizer.Heh;
            return IsCommonWord(doc, stem) || IsCommonWord(doc, feminine);
        }

        // استعدادنا: a known word and "our".
        if (word.EndsWith("\u0646\u0627") && IsCommonWord(doc, doc.Text.TokenText(index)[..^2]))
        {
            return true;
        }

        return word.EndsWith("\u0647\u0627") || word.EndsWith("\u0647\u0645") || word.EndsWith("\u0647\u0645\u0627") || word.EndsWith("\u0647\u0646");
    }

    // مجلس الوزراء التزام لبنان: التزام, التقاء, التماس begin with ال but have no article (the verbal
    // noun of a root in ل): a common word whose letters after ال are no word.
    private static bool IsMasdarOfLamRoot(Document doc, int index)
    {
        var word = doc.Text.TokenText(index);
        return word.Length >= 5 && word[2] == Teh && doc.Lexicon.Words.CommonWords.ContainsToken(doc, index, out _, allowClitic: false)
            && doc.Lexicon.Vocabulary.Get(word[2..]) == Vocabulary.Unknown;
    }

    // باتصالين، مراقبون: a known word (behind a proclitic or not) with the oblique dual or a sound plural
    // ending (ين، ون; an ان is too often a family name: الفردان، موتان). Said of the words after a given
    // name only: places end so too (قرية زرعين).
    private static bool IsDualOrPluralOfKnownWord(Document doc, int index)
    {
        var word = doc.Text.TokenText(index)[doc.StemSkips[index]..];
        if (word.Length < 5 || word[^1] != Noon || word[^2] is not (Yeh or Clitics.Waw))
        {
            return false;
        }

        // The stem's proclitic is not split off when the whole word is unknown (باتصالين).
        var stem = word[..^2];
        return IsCommonWord(doc, stem) || (stem.Length > 3 && stem[0] is Clitics.Beh or Clitics.Lam or Clitics.Waw or Clitics.Feh && IsCommonWord(doc, stem[1..]));
    }

    // رئيسا، كاملا، دليلا: an indefinite accusative written without its tanween is a known word plus alef.
    // عقدا: a noun the function-word list holds (عقد) takes the accusative alef too.
    private static bool IsAccusativeOfKnownWord(Document doc, int index) => IsKnownWordAnd(doc, index, ArabicNormalizer.Alef, functionWords: true);

    // فقيرة (فقير + ة), فوزه (فوز + ه): folded, both end in ه.
    private static bool IsFeminineOfKnownWord(Document doc, int index) => IsKnownWordAnd(doc, index, ArabicNormalizer.Heh);

    // A common word (or, with <paramref name="functionWords"/>, a function word) followed by one letter,
    // <paramref name="last"/> (folded text).
    private static bool IsKnownWordAnd(Document doc, int index, char last, bool functionWords = false)
    {
        var word = doc.Text.TokenText(index);
        if (word.Length < 4 || word[^1] != last)
        {
            return false;
        }

        return IsCommonWord(doc, word[..^1]) || (functionWords && IsListed(doc, word[..^1], doc.Lexicon.Words.FunctionWords));
    }

    private static bool IsCommonWord(Document doc, ReadOnlySpan<char> folded) => IsListed(doc, folded, doc.Lexicon.Words.CommonWords);

    // A folded word, as one token, is in the word list.
    private static bool IsListed(Document doc, ReadOnlySpan<char> folded, PhraseTable<bool> list)
    {
        var id = doc.Lexicon.Vocabulary.Get(folded);
        return id != Vocabulary.Unknown && list.TryGetSequence([id], out _);
    }

    /// <summary>
    /// سيباستيان بأول زيارة: a preposition before a hamza (بأول، لإسرائيل; Powell is باول) begins a phrase.
    /// After a given name and a surname (<paramref name="afterSurname"/>) so does a word no list knows that
    /// begins with a preposition and the article (ستيف جوبس بالتعاون، وبالقرب), unless it is a given name.
    /// </summary>
    private static bool IsPrepositionalWord(Document doc, int index, bool afterSurname)
    {
        var written = WrittenWord(doc, index);
        if (written.Length > 2 && written[0] is Clitics.Beh or Clitics.Lam or Clitics.Kaf && written[1] is '\u0623' or '\u0625' or '\u0622')
        {
            return true;
        }

        var word = doc.Text.TokenText(index);
        // بالتحدث، بالانسحاب: ب + a definite verbal noun is no family name, even after a lone given name
        // (بالحاج may be one).
        if (word.Length > 6 && word[0] is Clitics.Beh or Clitics.Kaf && word[1] == ArabicNormalizer.Alef && word[2] == Clitics.Lam
            && ((word[3] == Teh && word.Length is 7 or 8 && word[^1] != Yeh) || LooksLikeDefiniteVerbalNoun(word[1..])))
        {
            return true;
        }

        return afterSurname && doc.Ids[index] == Vocabulary.Unknown && (StartsWithPrepositionAndArticle(word) || (word.Length > 5 && word[0] is Clitics.Waw or Clitics.Feh && StartsWithPrepositionAndArticle(word[1..])))
            && !doc.Lexicon.Words.FirstNames.ContainsToken(doc, index, out _, allowClitic: false);
    }

    // بالاعتزال، للانظار: a preposition fused with the article begins a phrase, never a name.
    private static bool StartsWithPrepositionAndArticle(ReadOnlySpan<char> word) =>
        word.Length > 4 && ((word[0] is Clitics.Beh or Clitics.Kaf && word[1] == ArabicNormalizer.Alef && word[2] == Clitics.Lam)
            || (word[0] == Clitics.Lam && word[1] == Clitics.Lam));

    /// <summary>True when token <paramref name="index"/> begins what a speaker says or where: إن/أن/بأن،
    /// a preposition (في، عن، إلى، على، من، خلال، لصحيفة), الذي، a title in apposition, punctuation or
    /// the end of the text; when
    /// <paramref name="strict"/>, only إن/أن, a colon or a quote mark.</summary>
    private static bool OpensReport(Document doc, int index, bool strict)
    {
        if (index >= doc.Count || doc.Text[index].Kind is TokenKind.LineBreak)
        {
            return !strict;
        }

        if (doc.Text[index].Kind is TokenKind.Punct)
        {
            return !strict || doc.Text.IsPunct(index, ':') || IsQuote(doc, index);
        }

        if (!doc.IsWord(index))
        {
            return false;
        }

        var words = doc.Lexicon.Words;
        if (words.CuePhrases.TryMatch(doc, index, out var cue, allowClitic: false, maxTokens: 1) && cue.Value.Kind == CueKind.Complementizer)
        {
            return true;
        }

        if (strict)
        {
            return false;
        }

        // لصحيفة، للصحفيين: a reader addressed with lam.
        var word = doc.Text.TokenText(index);
        if (word.Length >= 4 && word[0] == Clitics.Lam && !IsFunctionWord(doc, index))
        {
            return true;
        }

        // جلال محمود عضو لجنة الكرة، كلود مانديل المدير التنفيذي: a title in apposition.
        return words.AfterSpeaker.ContainsToken(doc, index, out _, allowClitic: false)
            || words.Titles.TryMatch(doc, index, out _, allowClitic: false, maxTokens: 5);
    }

    // صحيفة “الشرق الأوسط”، موقع “أكسيوس”، قناة الجزيرة: the name after a media head is the medium,
    // whatever else the name could be (a region, a city).
    private static bool MediaName(Document doc, PhraseMatch<string> head, List<Candidate> candidates, int[] owner)
    {
        var j = head.End;
        if (j + 1 < doc.Count && IsBareArticle(doc, j) && IsQuote(doc, j + 1))
        {
            j++; // مجلة الـ " تايم ": the article written apart before a quoted name
        }

        var quoted = j < doc.Count && IsQuote(doc, j);
        if (quoted)
        {
            j++;
        }

        var first = j;
        if (first >= doc.Count || !doc.IsWord(first))
        {
            return false;
        }

        var end = j;
        if (!quoted && doc.Lexicon.Words.Media.TryMatch(doc, first, out var bare, allowClitic: false, maxTokens: 4) && bare.Value >= 0
            && (owner[first] < 0 || candidates[owner[first]].Kind == EntityKind.Nationality))
        {
            // فضائية الجزيرة، قناة العربية: an outlet's bare name, though it is also a word (الجزيرة "the
            // island") or a nationality (the longer medium wins over it when candidates are resolved).
            AddMedium(doc, head.Start, bare.End, head.Skip, doc.Lexicon.Entries[bare.Value], candidates, owner);
            return true;
        }

        if (!quoted && owner[first] >= 0 && candidates[owner[first]].Kind == EntityKind.Nationality)
        {
            // وكالة الأنباء المصرية، وكالة الأنباء الفرنسية: a country's news agency is named so, head and all.
            var nationality = candidates[owner[first]];
            if (head.End - head.Start >= 2 && nationality.First == first && nationality.Skip == 0 && IsDefinite(doc, first))
            {
                AddMedium(doc, head.Start, nationality.End, head.Skip, FindOrganization(doc, head, first, nationality.End), candidates, owner);
                return true;
            }

            return false; // الصحيفة الإسرائيلية: a medium named by its country only is a reference back, not a name
        }

        if (!quoted && owner[first] >= 0)
        {
            // Unquoted: a lexicon mention right after the head is the name (صحيفة واشنطن بوست).
            end = candidates[owner[first]].End;
        }
        else
        {
            while (end < doc.Count && end - first < 5 && doc.Text[end].Kind is TokenKind.Word or TokenKind.Number)
            {
                // موقع وأهمية: و and a known word is the next phrase.
                if (!quoted && (IsFunctionWord(doc, end) || owner[end] >= 0 || !IsNameLike(doc, end, allowArticle: true) || IsConjoinedWord(doc, end)))
                {
                    break;
                }

                end++;
            }
        }

        if (end == first || (quoted && !(end < doc.Count && IsQuote(doc, end))))
        {
            return false;
        }

        var inner = owner[first];
        if (inner >= 0 && candidates[inner].Kind == EntityKind.Organization && candidates[inner].First == first && candidates[inner].End == end)
        {
            // The lexicon already knows the medium (لوبوان): unquoted, the head joins its name.
            if (!quoted && candidates[inner].Skip == 0)
            {
                candidates[inner] = candidates[inner] with { First = head.Start, Skip = head.Skip };
                Mark(owner, head.Start, first, inner);
            }

            return true;
        }

        // Unquoted, the head is part of the name, as in the lexicon's own (جريدة فلسطين، صحيفة الراية القطرية);
        // a quoted name is the words between the marks.
        AddMedium(doc, quoted ? first : head.Start, end, quoted ? 0 : head.Skip, FindOrganization(doc, head, first, end), candidates, owner);
        return true;
    }

    /// <summary>
    /// شركة « إل جي الكترونكس »، جمعية " كاريكاتير إيران ": the words between quote marks right after an
    /// organization head are its name, whatever the lexicon reads inside them (إل جي، إيران).
    /// </summary>
    private static bool QuotedOrganizationName(Document doc, PhraseMatch<string> head, List<Candidate> candidates, int[] owner)
    {
        var first = head.End;
        if (owner[head.Start] >= 0 || first >= doc.Count || !IsQuote(doc, first))
        {
            return false;
        }

        first++;
        var end = first;
        while (end < doc.Count && end - first < MaxQuotedNameTokens && doc.Text[end].Kind is TokenKind.Word or TokenKind.Number)
        {
            end++;
        }

        // مجلس النواب « البرلمان »: one common word between the marks is a gloss or a nickname.
        if (end == first || end >= doc.Count || !IsQuote(doc, end)
            || (end - first == 1 && (IsFunctionWord(doc, first) || doc.Lexicon.Words.CommonWords.ContainsToken(doc, first, out _))))
        {
            return false;
        }

        AddMedium(doc, first, end, 0, FindOrganization(doc, head, first, end), candidates, owner);
        return true;
    }

    // The longest name read between quote marks after an organization head.
    private const int MaxQuotedNameTokens = 5;

    // A medium named after its head: the lexicon entry when there is one, else a document-scoped id.
    private static void AddMedium(Document doc, int start, int end, int skip, LexiconEntry? org, List<Candidate> candidates, int[] owner)
    {
        Mark(owner, start, end, candidates.Count);
        candidates.Add(org is not null
            ? new Candidate(start, end, skip, EntityKind.Organization, org.Id, org.Canonical, org.English, LexiconConfidence, MentionSource.Lexicon, 3)
            : new Candidate(start, end, skip, EntityKind.Organization, DocumentId(EntityKind.Organization, doc, start, end), Canonical(doc, start, end, skip), "", 0.75f, MentionSource.Rule, 3));
    }

    // The organization entry named by head + name (صحيفة الشرق الأوسط) or by the name alone, looked up
    // word by word so that quote marks between them do not matter.
    private static LexiconEntry? FindOrganization(Document doc, PhraseMatch<string> head, int first, int end)
    {
        Span<int> ids = stackalloc int[12];
        var n = 0;
        for (var k = head.Start; k < head.End && n < ids.Length; k++)
        {
            ids[n++] = k == head.Start && head.Skip > 0 ? doc.StemIds[k] : doc.Ids[k];
        }

        var headLength = n;
        for (var k = first; k < end && n < ids.Length; k++)
        {
            ids[n++] = doc.Ids[k];
        }

        var entries = doc.Lexicon.Entries;
        if (doc.Lexicon.Entities.TryGetSequence(ids[..n], out var index) && entries[index].Kind == EntityKind.Organization)
        {
            return entries[index];
        }

        return doc.Lexicon.Entities.TryGetSequence(ids[headLength..n], out index) && entries[index].Kind == EntityKind.Organization ? entries[index] : null;
    }

    // وزارة الدفاع الروسية، جامعة القاهرة، حركة حماس: a head and its genitive phrase of definite nouns,
    // adjectives, places and nationality adjectives.
    private static bool OrganizationName(Document doc, PhraseMatch<string> head, List<Candidate> candidates, int[] owner)
    {
        if (owner[head.Start] >= 0)
        {
            return false;
        }

        var j = head.End;
        var end = j;
        string? linkedId = null;
        string? linkedCanonical = null;
        string? linkedEnglish = null;
        var linkedFirst = -1;
        var administration = head.Value == "administration";
        while (end < doc.Count && end - j < 6 && doc.IsWord(end))
        {
            var o = owner[end];
            if (o >= 0)
            {
                var c = candidates[o];
                if (c.First != end || c.Skip > 0)
                {
                    break;
                }

                // إدارة بايدن keeps Biden a person: the flat result has no place for both, and the person
                // matters more; the quote extractor names such a speaker by the whole phrase. A plural
                // nationality right after the head (الحزب الباكستانيين) qualifies no singular body: it is the
                // people (نقابة الصحفيين الفلسطينيين: after a plural noun it agrees).
                if (c.Kind == EntityKind.Person || (c.Kind == EntityKind.Nationality && end == j && doc.Text.TokenText(end) is [.., Yeh or Clitics.Waw, Noon]))
                {
                    break;
                }

                if (c.Kind == EntityKind.Organization && end == j)
                {
                    (linkedId, linkedCanonical, linkedEnglish, linkedFirst) = (c.Id, c.Canonical, c.English, c.First);
                }

                end = c.End;
                continue;
            }

            if (IsFunctionWord(doc, end) || !StartsWithArticle(doc, end) || doc.StemSkips[end] > 0 || IsMasdarOfLamRoot(doc, end))
            {
                break;
            }

            // هيئة الرقابة الإدارية الملف: the qualifier closes the name; a plain noun after it is the next phrase.
            if (end > j && owner[end - 1] < 0 && IsDefiniteNisba(doc, end - 1) && !IsDefiniteNisba(doc, end))
            {
                break;
            }

            end++;

            // المجموعة السابعة ارسنال، الفرقة الرابعة: an ordinal closes the phrase; what follows is another.
            if (doc.Lexicon.Words.Ordinals.ContainsToken(doc, end - 1, out _, allowClitic: false))
            {
                break;
            }
        }

        // إدارة الرئيس الأميركي جو بايدن: the phrase leads to its leader's name, so it describes, not names.
        var leaderFollows = end < doc.Count && owner[end] >= 0 && candidates[owner[end]].Kind == EntityKind.Person;
        if (administration && (leaderFollows || !(end > j && owner[end - 1] >= 0 && candidates[owner[end - 1]].Kind is EntityKind.Location or EntityKind.Nationality)))
        {
            return false; // حكومة الاحتلال: an epithet; حكومة كييف، الحكومة اللبنانية: a name
        }

        if (end == j)
        {
            return false;
        }

        // شركة إماراتية، حكومة أجنبية: an indefinite noun and an indefinite adjective describe, never name.
        if (end == j + 1 && owner[j] >= 0 && candidates[owner[j]].Kind == EntityKind.Nationality && !IsDefinite(doc, j)
            && !IsDefinite(doc, head.Start) && !HasArticleClitic(doc, head))
        {
            return false;
        }

        // Only an institution head (وزارة الدفاع، هيئة الأركان) makes a name of a generic phrase; after any
        // other head, and after a definite one (المجموعة الثانية، الجهاز الفني), the phrase must name a
        // country, place or body (حكومة كييف، الحكومة اللبنانية، جامعة القاهرة).
        var board = head.Value == "board";
        if (!administration && (!(head.Value == "institution" || board) || StartsWithArticle(doc, head.Start)) && !HasNamedPart(candidates, owner, j, end))
        {
            return false;
        }

        // مجلس الإدارة، هيئة الدفاع: a board or a team of one generic word is what every company or trial
        // has; a qualifier makes the body (هيئة الرقابة الإدارية، مجلس التعاون الخليجي).
        if (board && end == j + 1 && owner[j] < 0 && doc.Lexicon.Words.CommonWords.ContainsToken(doc, j, out _))
        {
            return false;
        }

        if (linkedId is null && !administration && head.Value != "media")
        {
            end = WithPurpose(doc, end, owner);
        }

        var text = Canonical(doc, head.Start, end, head.Skip);
        Mark(owner, head.Start, end, candidates.Count);
        candidates.Add(linkedId is not null
            // كتلة تيار المستقبل: the mention is the phrase, the id and the name are the body the lexicon knows.
            ? new Candidate(head.Start, end, head.Skip, EntityKind.Organization, linkedId, linkedCanonical!, linkedEnglish!, 0.9f, MentionSource.Lexicon, 2, NameFirst: linkedFirst)
            : new Candidate(head.Start, end, head.Skip, EntityKind.Organization, DocumentId(EntityKind.Organization, doc, head.Start, end), text, "", 0.7f, MentionSource.Rule, 2));
        return true;
    }

    /// <summary>
    /// المعهد الوطني الأميركي لرصد الزلازل، الاتحاد العربي لعلوم الفضاء، البنك الآسيوي للتنمية: after a
    /// body's name, ل + a noun and its genitive (or ل + a definite noun) say what the body is for and belong
    /// to the name. Not when the noun governs a preposition (النقابة الفلسطينية للمطالبة بحقوقهم), a purpose
    /// clause, nor after التابعة (whose the body is). Returns the new end.
    /// </summary>
    private static int WithPurpose(Document doc, int end, int[] owner)
    {
        if (end >= doc.Count || owner[end] >= 0 || !doc.IsWord(end) || doc.Text.TokenText(end) is not [Clitics.Lam, _, _, _, ..]
            || doc.StemSkips[end] != 1 || IsFunctionWord(doc, end) || !doc.Text[end].SpaceBefore
            || doc.Text.TokenText(end - 1) is "\u0627\u0644\u062A\u0627\u0628\u0639" or "\u0627\u0644\u062A\u0627\u0628\u0639\u0647") // التابعة لقوة: whose it is, not what for
        {
            return end;
        }

        var definite = doc.Text.TokenText(end) is [Clitics.Lam, Clitics.Lam, ..]; // للتنمية: ل + التنمية
        var next = end + 1;
        var k = next;
        while (k < doc.Count && k - next < 3 && owner[k] < 0 && doc.IsWord(k) && StartsWithArticle(doc, k) && !IsFunctionWord(doc, k) && doc.StemSkips[k] == 0)
        {
            k++;
            if (IsDefiniteNisba(doc, k - 1))
            {
                break; // للتعاون الإنمائي: the adjective closes it
            }
        }

        // لرصد الزلازل needs its genitive; للتنمية stands alone. Either way a preposition after it makes it a clause.
        if (k == next && (!definite || (k < doc.Count && doc.IsWord(k)
            && (IsFunctionWord(doc, k) || doc.Text.TokenText(k)[0] == Clitics.Beh || (doc.StemSkips[k] > 0 && doc.Text.TokenText(k)[0] == Clitics.Lam))))) // للمطالبة بحقوق
        {
            return end;
        }

        return k;
    }

    /// <summary>
    /// نادي تشارلتون الإنجليزي، لنادي ويغان: نادي in construct before words no list knows (or a given
    /// name) is a club the lexicon lacks; the name ends before a definite word (its country's adjective).
    /// </summary>
    private static bool ClubName(Document doc, int i, List<Candidate> candidates, int[] owner)
    {
        var skip = doc.StemSkips[i];
        if (doc.Text.TokenText(i)[skip..] is not "\u0646\u0627\u062F\u064A") // نادي, without the article
        {
            return false;
        }

        var words = doc.Lexicon.Words;
        var end = i + 1;
        while (end < doc.Count && end - i <= 3 && owner[end] < 0 && doc.StemSkips[end] == 0 && !IsFunctionWord(doc, end)
            && (IsNameLike(doc, end, allowArticle: false) || words.FirstNames.ContainsToken(doc, end, out _, allowClitic: false))
            && (doc.Ids[end] == Vocabulary.Unknown || words.FirstNames.ContainsToken(doc, end, out _, allowClitic: false)))
        {
            end++;
        }

        if (end == i + 1)
        {
            return false;
        }

        Mark(owner, i, end, candidates.Count);
        candidates.Add(new Candidate(i, end, skip, EntityKind.Organization, DocumentId(EntityKind.Organization, doc, i, end), Canonical(doc, i, end, skip), "", 0.7f, MentionSource.Rule, 2));
        return true;
    }

    private static bool HasNamedPart(List<Candidate> candidates, int[] owner, int first, int end)
    {
        for (var k = first; k < end; k++)
        {
            if (owner[k] >= 0 && candidates[owner[k]].Kind is not EntityKind.Person)
            {
                return true;
            }
        }

        return false;
    }

    // الرئيس الأميركي جو بايدن، المتحدثة باسم الخارجية الروسية، ماريا زاخاروفا، الجنرال تشارلز كيو براون.
    private static bool TitledName(Document doc, PhraseMatch<string> title, List<Candidate> candidates, int[] owner)
    {
        var j = title.End;
        var skipped = 0;
        while (j < doc.Count && skipped < 6)
        {
            var o = owner[j];
            if (o >= 0)
            {
                var c = candidates[o];
                if (c.Kind == EntityKind.Person)
                {
                    return true; // the lexicon already knows the person
                }

                j = c.End;
                skipped++;
                continue;
            }

            if (doc.Text.IsPunct(j, '\u060C') || doc.Text.IsPunct(j, ','))
            {
                j++;
                skipped++;
                continue;
            }

            if (doc.IsWord(j) && StartsWithArticle(doc, j) && !IsFunctionWord(doc, j) && !doc.Lexicon.Words.FirstNames.ContainsToken(doc, j, out _, allowClitic: false))
            {
                j++;
                skipped++;
                continue;
            }

            break;
        }

        // طالب الأمين العام، صاحب السمو حاكم دبي: another title follows (الأمين is also a given name),
        // and the name, if any, comes after it.
        // A one-word title that is also a given name and goes on with one is the name (الدكتور سيد
        // محمد خاتمي).
        if (IsLaqabAfterReligiousTitle(doc, title, j, skipped, owner))
        {
            AddPerson(doc, j - 1, j, 0.7f, candidates, owner);
            return true;
        }

        if (j >= doc.Count || owner[j] >= 0
            || (doc.Lexicon.Words.Titles.TryMatch(doc, j, out var next, allowClitic: false, maxTokens: 5)
                && !(next.End == j + 1 && doc.Lexicon.Words.FirstNames.ContainsToken(doc, j, out _, allowClitic: false)
                    && j + 1 < doc.Count && owner[j + 1] < 0 && doc.Lexicon.Words.FirstNames.ContainsToken(doc, j + 1, out _, allowClitic: false))))
        {
            return false;
        }

        if ((doc.Lexicon.Words.FirstNames.ContainsToken(doc, j, out _, allowClitic: false) || IsKunya(doc, j)) && !IsFunctionWord(doc, j))
        {
            return FirstNamePerson(doc, j, candidates, owner, titled: true);
        }

        if (IsParticle(doc, j))
        {
            return false;
        }

        // A word the lists do not know right after a bare title is as often a noun (الرئيس بضمان …)
        // as a surname: take it only after a modifier or a comma (الرئيس الأميركي X، المتحدثة، X) or
        // after a title that is always followed by a name (الجنرال، السيد، الشيخ).
        var strongTitle = title.Value is "military" or "honorific" or "religious";
        if (!IsNameLike(doc, j, allowArticle: false) || doc.StemSkips[j] > 0 || LooksLikeInflectedNoun(doc, j))
        {
            return false;
        }

        // وزير الدفاع جوونو سودارسونو: two words no list knows, both shaped like names, are a name even
        // right after a bare title.
        var after = j + 1;
        var twoUnknownNames = doc.Ids[j] == Vocabulary.Unknown && after < doc.Count && owner[after] < 0 && doc.StemSkips[after] == 0
            && doc.Ids[after] == Vocabulary.Unknown && IsNameLike(doc, after, allowArticle: false) && !LooksLikeInflectedNoun(doc, after);
        if (skipped == 0 && !strongTitle && !twoUnknownNames)
        {
            // الرئيس طالباني، الرئيس بري: a known person's surname alone, when no other name follows it
            // (السفير معصوم مرزوق is someone else's given name and surname).
            if (doc.Ids[j] == Vocabulary.Unknown || !doc.Lexicon.Surnames.TryGetValue(doc.Ids[j], out var surnameEntry)
                || (after < doc.Count && owner[after] < 0 && !IsFunctionWord(doc, after)
                    && (IsParticle(doc, after) || doc.Lexicon.Words.FirstNames.ContainsToken(doc, after, out _, allowClitic: false)
                        || (doc.Ids[after] == Vocabulary.Unknown && IsNameLike(doc, after, allowArticle: false)))))
            {
                return false;
            }

            // تقديم أميرة كرارة: a one-word title that is also a given name is the given name.
            if (title.End - title.Start == 1 && title.End == j && title.Skip == 0 && doc.Lexicon.Words.FirstNames.ContainsToken(doc, title.Start, out _, allowClitic: false))
            {
                AddPerson(doc, title.Start, j + 1, 0.6f, candidates, owner);
                return true;
            }

            AddSurname(doc, j, surnameEntry, candidates, owner);
            return true;
        }

        // الناطق باسم الكرملين ديميتري بيسكوف: an unknown first name before a surname the lexicon knows.
        if (j + 1 < doc.Count && owner[j + 1] >= 0 && candidates[owner[j + 1]] is { Kind: EntityKind.Person, Source: MentionSource.Lexicon, Skip: 0 } surname && surname.First == j + 1)
        {
            Mark(owner, j, surname.End, candidates.Count);
            candidates.Add(new Candidate(j, surname.End, 0, EntityKind.Person, surname.Id, surname.Canonical, surname.English, 0.85f, MentionSource.Lexicon, 2));
            return true;
        }

        // الشيخ نهيان بن مبارك النهيان: بن، أبو، آل join the next name, and a definite surname may close
        // the chain after a given name. السيد منغ يانغ: a second unknown word, a given name or a nisba is the
        // surname.
        var end = j + 1;
        if (end < doc.Count && owner[end] < 0 && doc.StemSkips[end] == 0 && !IsParticle(doc, end)
            && (doc.Ids[end] == Vocabulary.Unknown
                    ? IsNameLike(doc, end, allowArticle: false) && !LooksLikeInflectedNoun(doc, end) && !IsPrepositionalWord(doc, end, afterSurname: true) // بالتحدث
                : (IsDefiniteNisba(doc, end) && IsNameLike(doc, end, allowArticle: true))
                    || (doc.Lexicon.Words.FirstNames.ContainsToken(doc, end, out _, allowClitic: false) && !IsWordToo(doc, end) && !IsFunctionWord(doc, end))))
        {
            end++;
        }

        while (end + 1 < doc.Count && IsParticle(doc, end) && owner[end + 1] < 0 && !IsFunctionWord(doc, end + 1)
            && (IsNameLike(doc, end + 1, allowArticle: true) || doc.Lexicon.Words.FirstNames.ContainsToken(doc, end + 1, out _, allowClitic: false)))
        {
            end += 2;
            if (end < doc.Count && owner[end] < 0 && StartsWithArticle(doc, end) && IsNameLike(doc, end, allowArticle: true)
                && doc.Lexicon.Words.FirstNames.ContainsToken(doc, end - 1, out _, allowClitic: false) && !IsParticle(doc, end))
            {
                end++;
                break;
            }
        }

        AddPerson(doc, j, end, 0.6f, candidates, owner);
        return true;
    }

    // الإمام الرضا عليه السلام، الإمام الصادق، الشيخ الطوسي: after a religious title, one definite word
    // the lists do not know as a noun or adjective, with no name after it, is the person's laqab.
    private static bool IsLaqabAfterReligiousTitle(Document doc, PhraseMatch<string> title, int j, int skipped, int[] owner)
    {
        var k = j - 1;
        var words = doc.Lexicon.Words;
        // (امام الكاميرا: an indefinite one-word title is the preposition أمام or a noun in construct.)
        return title.Value == "religious" && skipped == 1 && k == title.End && owner[k] < 0 && doc.StemSkips[k] == 0
            && (title.End - title.Start > 1 || StartsWithArticle(doc, title.Start) || HasArticleClitic(doc, title))
            && !words.CommonWords.ContainsToken(doc, k, out _) && !words.Titles.ContainsToken(doc, k, out _) && !words.Ordinals.ContainsToken(doc, k, out _)
            && !LooksLikeDefiniteVerbalNoun(doc.Text.TokenText(k)) && IsNameLike(doc, k, allowArticle: true)
            && (j >= doc.Count || !doc.IsWord(j) || IsFunctionWord(doc, j) // عليه السلام: عليه is a function word
                || !IsNameLike(doc, j, allowArticle: true) || doc.Text.TokenText(j) is "\u0631\u062D\u0645\u0647"); // رحمه الله
    }

    private static bool FirstNamePerson(Document doc, int first, List<Candidate> candidates, int[] owner, bool titled)
    {
        var words = doc.Lexicon.Words;
        if (!titled && IsStormBefore(doc, first))
        {
            return false; // الإعصار كاترينا is a storm named like a woman
        }

        // وجود is و + جود: a first name found only by taking a proclitic off needs a title before it,
        // and so does one that is also a common word.
        var compound = words.FirstNames.TryMatch(doc, first, out var fn, allowClitic: false, maxTokens: 2) && fn.End - fn.Start == 2;
        var conjoinedCompound = !titled && !compound && IsConjoinedCompoundFirstName(doc, first, candidates, owner, out fn);
        compound |= conjoinedCompound;
        // In a list of people (سالم مسعود ووليد حمزة ومحمد نايف) the conjunction is written on the next
        // first name: right after a person, و + a first name, when the whole word is no known word,
        // begins a name (elsewhere وبارك، وتحسين are a verb and a noun).
        // A list whose previous item no rule found (ومتعب وأسامة حسني) still shows the name by what follows:
        // a given name no list holds as a word, then a word no vocabulary knows, shaped like a surname.
        var conjoined = conjoinedCompound || (!titled && !compound && IsConjoinedFirstName(doc, first)
            && (IsPersonBefore(doc, first, candidates, owner) || IsSurnameAfterConjoinedName(doc, first)));
        // أبو أيوب، أبي زيد; أم مريم stays a kunya only after a title: it is as often "Maryam's mother".
        var kunya = (IsKunya(doc, first) && !doc.Text.TokenText(first).SequenceEqual("\u0627\u0645")) || IsConjoinedKunya(doc, first);
        // العداء محسن الشهيبي، السفير نادر الأنداري: a given name that is also a word, before a family
        // name in nisba form that no list knows, is the name.
        // So is a known person's family name of that form (فايز الحربي).
        var familyNisba = first + 1 < doc.Count && owner[first + 1] < 0 && !StartsWithArticle(doc, first) && IsMasculineNisba(doc, first + 1)
            && ((doc.Ids[first + 1] == Vocabulary.Unknown && doc.StemIds[first + 1] == Vocabulary.Unknown) || doc.Lexicon.Surnames.ContainsKey(doc.Ids[first + 1]))
            && doc.Text[first + 1].SpaceBefore;
        if (!titled && !compound && !conjoined && !kunya && (!words.FirstNames.ContainsToken(doc, first, out _, allowClitic: false)
            || (words.CommonWords.ContainsToken(doc, first, out _, allowClitic: false) && !familyNisba)
            || IsNounWithPronoun(doc, first)))
        {
            return false;
        }

        // وزيرة التعاون الدولي علي هامش المؤتمر: على written علي, even after a title.
        if (IsPrepositionWrittenAsName(doc, first, titled))
        {
            return false;
        }

        var skip = conjoinedCompound ? fn.Skip : conjoined || IsConjoinedKunya(doc, first) ? doc.StemSkips[first] : 0;

        var end = compound ? fn.End : first + 1;
        // A given name that is also a word (باسم "on behalf of") takes no known surname or nisba after it.
        var firstIsWord = !titled && IsWordToo(doc, first);
        Candidate? known = null;
        while (end < doc.Count && end - first < MaxNameTokens + 2)
        {
            if (owner[end] >= 0)
            {
                var c = candidates[owner[end]];
                // A surname the lexicon knows as a person (جاك سوليفان) joins the name and lends its id; not
                // after a given name that is also a word (متحدث باسم أولمرت: "on behalf of").
                if (c.Kind == EntityKind.Person && c.First == end && c.Skip == 0 && c.Source == MentionSource.Lexicon
                    && !(end == first + 1 && firstIsWord))
                {
                    end = c.End;
                    known = c;
                }
                else if (c.Kind == EntityKind.Nationality && c.First == end && c.End == end + 1 && c.Skip == 0 && end > first && !StartsWithArticle(doc, end)
                    && !(end == first + 1 && firstIsWord)) // جوازات سفر بريطانية
                {
                    // جون كندي، أحمد مصري: an indefinite nisba right after a name is a surname (an adjective
                    // of the person would take the article).
                    end++;
                }
                else if (c is { Length: 1, Skip: 0 } && c.First == end && end == first + 1 && !firstIsWord
                    && ((c.Kind == EntityKind.Nationality && IsMasculineNisba(doc, end))
                        || ((titled || (words.FirstNames.ContainsToken(doc, first, out var foreign, allowClitic: false) && foreign))
                            && c.Kind == EntityKind.Location && !LexiconEntry.IsCountryId(c.Id))))
                {
                    // السيد فيصل السويدي: a definite nationality right after a given name is the family
                    // name; العميد شارل شيخاني، كارلوس كوريا: so is a place's name after a titled or a
                    // foreign given name.
                    end++;
                }

                break;
            }

            // بن، أبو، ولد، فان، دي join the words around them: take the particle and what follows it.
            if (IsParticle(doc, end))
            {
                var next = end + 1;
                while (next < doc.Count && IsParticle(doc, next) && next - end < 3)
                {
                    next++;
                }

                if (next < doc.Count && owner[next] < 0 && !IsFunctionWord(doc, next) && (IsNameLike(doc, next, allowArticle: true) || words.FirstNames.ContainsToken(doc, next, out _, allowClitic: false)))
                {
                    end = next + 1;
                    continue;
                }

                break;
            }

            var nameLike = !IsFunctionWord(doc, end) && (IsNameLike(doc, end, allowArticle: true) || words.FirstNames.ContainsToken(doc, end, out _, allowClitic: false));
            if (!nameLike || doc.StemSkips[end] > 0 && doc.Ids[end] == Vocabulary.Unknown && !IsKafBeforeBareWord(doc, end) || IsConjoinedWord(doc, end) || IsRoleNoun(doc, first, end)
                || IsPrepositionalWord(doc, end, afterSurname: end - first >= 2) || IsPrepositionWrittenAsName(doc, end)
                || (IsDualOrPluralOfKnownWord(doc, end) && !words.FirstNames.ContainsToken(doc, end, out _, allowClitic: false))
                || IsDayPartOfADay(doc, end) || IsBlessing(doc, end) || (end > first && IsTitleInConstruct(doc, end, owner))
                || (end - first >= 2 && (IsNounOrParticipleAfterName(doc, end) || IsConjoinedAfterFullName(doc, end))))
            {
                break;
            }

            var article = StartsWithArticle(doc, end);
            // يحيى السنوار، عبد الله الرشيدي: an article-bearing surname follows a given name or a particle
            // and ends the name; after a surname it is the next phrase (باتريس موتسيبي النسخة).
            // (ووائل القباني: the given name may carry the list's و.)
            if (article && (!(words.FirstNames.ContainsToken(doc, end - 1, out _, allowClitic: false) || (conjoined && end - 1 == first)
                || IsParticle(doc, end - 1) || IsCompoundFirstName(doc, end - 2)) || LooksLikeDefiniteVerbalNoun(doc.Text.TokenText(end))))
            {
                break;
            }

            end++;
            if (article)
            {
                break;
            }
        }

        var length = end - first;
        // A first name that folding makes a preposition (علي written for على) must be followed by a name.
        if (!titled && words.FunctionWords.ContainsToken(doc, first, out _, allowClitic: false) && (length < 2 || StartsWithArticle(doc, first + 1)))
        {
            return false;
        }

        // علي بيان، علي مبدأ عودة: where على is written with ya, the "name" must go on as a name does —
        // a given name that is no common word (بيان is both), a particle or a known person next
        // (علي حسن خليل، علي عبد الله صالح، علي لاريجاني).
        if (!titled && words.FunctionWords.ContainsToken(doc, first, out _, allowClitic: false)
            && !((words.FirstNames.ContainsToken(doc, first + 1, out _, allowClitic: false) && !words.CommonWords.ContainsToken(doc, first + 1, out _, allowClitic: false)
                    && !words.AmbiguousNames.ContainsToken(doc, first + 1, out _, allowClitic: false))
                || IsParticle(doc, first + 1)
                || (owner[first + 1] >= 0 && candidates[owner[first + 1]].Kind == EntityKind.Person)))
        {
            return false;
        }

        var ambiguous = words.AmbiguousNames.ContainsToken(doc, first, out _);
        if (length < 2 && !titled && !conjoined && !compound && !kunya && IsLoneGivenName(doc, first, ambiguous))
        {
            AddPerson(doc, first, end, LoneNameConfidence, candidates, owner);
            return true;
        }

        if ((length < 2 && !titled) || (ambiguous && !titled && !conjoined && length < 3 && !(familyNisba && length == 2)))
        {
            return false;
        }

        // حقق أكبر انتصار، أقيم باسم الشعب، بدور الثمانية: a given name that is a word too, followed by
        // another or by a number, is the words (a definite nisba keeps the name: عمر الحلبي).
        if (!titled && length == 2 && (IsWordToo(doc, first) || IsForeignNameShapedLikeAWord(doc, first))
            && (IsWordToo(doc, first + 1) || words.AmbiguousNames.ContainsToken(doc, first + 1, out _, allowClitic: false)
                || words.Numbers.ContainsToken(doc, first + 1, out _) || words.Ordinals.ContainsToken(doc, first + 1, out _)
                || (WrittenWord(doc, first + 1) is [.., '\u0629'] && !words.FirstNames.ContainsToken(doc, first + 1, out _, allowClitic: false))) // بدور تاجرة: "as a trader"
            && !(IsDefinite(doc, first + 1) && IsDefiniteNisba(doc, first + 1)))
        {
            return false;
        }

        if (known is { } k && k.End == end)
        {
            for (var i = first; i < end; i++)
            {
                owner[i] = candidates.Count;
            }

            candidates.Add(new Candidate(first, end, skip, EntityKind.Person, k.Id, k.Canonical, k.English, 0.85f, MentionSource.Lexicon, 2));
            return true;
        }

        AddPerson(doc, first, end, titled ? 0.85f : 0.75f, candidates, owner, skip);
        return true;
    }

    // إعصار، الإعصار، عاصفة، العاصفة (also with a proclitic) right before a given name: a storm's name.
    private static bool IsStormBefore(Document doc, int index)
    {
        var p = index - 1;
        if (p < 0 || !doc.IsWord(p))
        {
            return false;
        }

        return StemWithoutArticle(doc, p) is "\u0627\u0639\u0635\u0627\u0631" or "\u0639\u0627\u0635\u0641\u0647"; // اعصار، عاصفه (folded)
    }

    // خوان كارلوس ملك إسبانيا، محمد رسول الإسلام: a title without the article, in construct with a
    // definite word or a name the lexicon knows, is an apposition after the name, not a part of it.
    private static bool IsTitleInConstruct(Document doc, int index, int[] owner) =>
        index + 1 < doc.Count && doc.IsWord(index + 1) && !StartsWithArticle(doc, index) && doc.StemSkips[index] == 0
        && doc.Lexicon.Words.Titles.ContainsToken(doc, index, out _, allowClitic: false)
        && (StartsWithArticle(doc, index + 1) || (owner[index + 1] >= 0 && doc.Text[index + 1].SpaceBefore));

    // وعلق تيم سيباستيان علي ذلك: a name that folding shares with a preposition (علي/على), before a
    // function word or a definite common noun, is the preposition.
    // After a title, before a function word, it is the name (قال الإمام علي إن).
    private static bool IsPrepositionWrittenAsName(Document doc, int index, bool titled = false)
    {
        var next = index + 1;
        return next < doc.Count && doc.IsWord(next) && doc.Lexicon.Words.FunctionWords.ContainsToken(doc, index, out _, allowClitic: false)
            && ((!titled && IsFunctionWord(doc, next))
                || (!IsDefiniteNisba(doc, next) && doc.Lexicon.Words.CommonWords.ContainsToken(doc, next, out _, allowClitic: false)
                    && !doc.Lexicon.Words.FirstNames.ContainsToken(doc, next, out _, allowClitic: false)));
    }

    // مانويل كاجودا is not ك + أجود ("like the best"): the preposition ك rarely stands before a word
    // without the article, and a foreign surname often begins with كا.
    private static bool IsKafBeforeBareWord(Document doc, int index) =>
        doc.StemSkips[index] == 1 && doc.Text.TokenText(index) is [Clitics.Kaf, _, _, _, ..] && !StartsWithArticle(doc, index);

    // A person ends right before token <paramref name="index"/>, or before a number in parentheses after
    // it (فرناندو توريس ( 20 ) وديفد فيا: a scorer list).
    private static bool IsPersonBefore(Document doc, int index, List<Candidate> candidates, int[] owner)
    {
        // فرناندو توريس ( 20 ) وديفد فيا، بيتر كراوتش ( 5 و69 ) وستيفن جيرارد: a scorer's minutes in parentheses.
        var k = index - 1;
        if (k >= 3 && doc.Text.IsPunct(k, ')') && doc.Text[k - 1].Kind == TokenKind.Number)
        {
            var open = k - 2;
            while (open > k - 8 && open > 0 && !doc.Text.IsPunct(open, '(')
                && (doc.Text[open].Kind == TokenKind.Number || doc.Text.IsPunct(open, '\u060C') || doc.Text.IsPunct(open, ',') || IsWordAt(doc, open, "\u0648")))
            {
                open--;
            }

            if (doc.Text.IsPunct(open, '('))
            {
                k = open - 1;
            }
        }

        return k >= 0 && owner[k] >= 0 && candidates[owner[k]].Kind == EntityKind.Person;
    }

    // الإمام علي ورجاله: و + a word the lists know, or + a noun with a pronoun (its final letter a
    // real heh), or + a verb's shape, is the next phrase, not the name going on (names that begin with و, وليد، وهبة, are
    // given names or end otherwise).
    private static bool IsConjoinedWord(Document doc, int index)
    {
        var words = doc.Lexicon.Words;
        return doc.Text.TokenText(index) is [Clitics.Waw, _, _, _, ..]
            && !words.FirstNames.ContainsToken(doc, index, out _, allowClitic: false)
            && (doc.StemSkips[index] == 1 && words.CommonWords.ContainsToken(doc, index, out _) || WrittenWord(doc, index) is [.., '\u0647']
                || LooksLikeVerb(doc.Text.TokenText(index)[1..])); // ويسهل: و and a verb (ويليام، ويلسون have no verb's shape)
    }

    // سمير عوض مساعد وزير الداخلية، ديفد فرانكلين أمين المتحف: after a name of two words, a given name
    // that is also a noun, followed by a title, an organization head or a definite noun that is no
    // nisba, is the role in construct (a nisba after it is a surname: محمد أمين الحسيني).
    private static bool IsRoleNoun(Document doc, int first, int index)
    {
        var words = doc.Lexicon.Words;
        var next = index + 1;
        if (index < first + 2 || next >= doc.Count || !doc.IsWord(next) || doc.StemSkips[index] > 0
            || !(words.CommonWords.ContainsToken(doc, index, out _, allowClitic: false) || words.AmbiguousNames.ContainsToken(doc, index, out _, allowClitic: false)))
        {
            return false;
        }

        return words.Titles.TryMatch(doc, next, out _, allowClitic: false)
            || words.OrgHeads.TryMatch(doc, next, out _, allowClitic: false)
            || IsDefinite(doc, next) && !IsDefiniteNisba(doc, next) && words.CommonWords.ContainsToken(doc, next, out _, allowClitic: false);
    }

    // بدأ نزار يكتب الشعر، ورفض حمدان الإجراءات: a given name alone is the person, when it is no word
    // too (أكبر، باسم، عمر، يزيد — the lists of common words, ambiguous names and names that are also
    // words), has no proclitic or pronoun (فوزه is فوز + ه), and is no verb's shape.
    private static bool IsLoneGivenName(Document doc, int index, bool ambiguous)
    {
        var words = doc.Lexicon.Words;
        var written = WrittenWord(doc, index);
        // A final ه is a pronoun's, except in a foreign name whose stem is no word (جوزيه، خوسيه).
        return !ambiguous && doc.StemSkips[index] == 0 && written.Length >= 3
            && words.FirstNames.ContainsToken(doc, index, out var foreign, allowClitic: false)
            && (written[^1] != '\u0647' || (foreign && !IsFeminineOfKnownWord(doc, index)))
            && !words.FunctionWords.ContainsToken(doc, index, out _, allowClitic: false) // وشدد علي انه: على
            && !(foreign && LooksLikeArabicWord(doc.Text.TokenText(index))) // الفريد، أميل alone are the words
            && !HasTanween(doc, index) && !IsAccusativeOfKnownWord(doc, index)
            && !words.CommonWords.ContainsToken(doc, index, out _, allowClitic: false)
            && !words.NamesAlsoWords.ContainsToken(doc, index, out _, allowClitic: false)
            && !words.Titles.ContainsToken(doc, index, out _, allowClitic: false)
            && !LooksLikeVerb(doc.Text.TokenText(index));
    }

    // فوزه الثاني is "its second win": a given name in ة written with ه (فوزة) whose stem is a known word
    // (فوز) is that word with the pronoun.
    private static bool IsNounWithPronoun(Document doc, int index) =>
        WrittenWord(doc, index) is [.., ArabicNormalizer.Heh] && IsFeminineOfKnownWord(doc, index);

    private static bool IsWordToo(Document doc, int index) =>
        doc.Lexicon.Words.NamesAlsoWords.ContainsToken(doc, index, out _, allowClitic: false) || doc.Lexicon.Words.CommonWords.ContainsToken(doc, index, out _, allowClitic: false)
        || (doc.Lexicon.Words.PlacesAlsoWords.ContainsToken(doc, index, out var name, allowClitic: false) && name);

    // A transliterated given name shaped like an Arabic word: the article (الفريد Alfred, "the unique") or
    // the pattern أفعل/أفعال (أميل Emile, "more inclined"; أدوار Edouard, "roles").
    private static bool IsForeignNameShapedLikeAWord(Document doc, int index) =>
        doc.Lexicon.Words.FirstNames.ContainsToken(doc, index, out var foreign, allowClitic: false) && foreign && LooksLikeArabicWord(doc.Text.TokenText(index));

    private static bool LooksLikeArabicWord(ReadOnlySpan<char> word) =>
        word.StartsWith("\u0627\u0644") || (word.Length is 4 or 5 && word[0] == ArabicNormalizer.Alef && (word.Length == 4 || word[3] == ArabicNormalizer.Alef));

    private static bool IsConjoinedFirstName(Document doc, int index)
    {
        var words = doc.Lexicon.Words;
        var word = doc.Text.TokenText(index);
        if (!(doc.StemSkips[index] == 1 && word[0] == Clitics.Waw && doc.Ids[index] == Vocabulary.Unknown
            && doc.StemLevel(index) != SpellingLevel.Skeleton
            && words.FirstNames.ContainsToken(doc, index, out _) && !words.FirstNames.ContainsToken(doc, index, out _, allowClitic: false)))
        {
            return false;
        }

        // وعادل فتحي، ومحمود محمود: a given name that is also a word still begins the next name in the
        // list when a word of a name follows it (and no common word: وسلام دائم).
        var next = index + 1;
        return !(words.CommonWords.ContainsToken(doc, index, out _) || words.AmbiguousNames.ContainsToken(doc, index, out _))
            || (next < doc.Count && doc.IsWord(next) && !IsFunctionWord(doc, next) && !words.CommonWords.ContainsToken(doc, next, out _, allowClitic: false)
                && (words.FirstNames.ContainsToken(doc, next, out _, allowClitic: false)
                    || ((doc.Ids[next] == Vocabulary.Unknown || IsDefiniteNisba(doc, next)) && IsNameLike(doc, next, allowArticle: true)))); // ومحسن الشرقاوي
    }

    // ايمانويل ايبواه ودراماني ديابي، مارتا برزنيز وأنجب: after a given name and a surname, a word
    // written with و that no list knows whole is the next item (a name-shaped word follows) or the
    // next clause (the word after و is known or a verb); otherwise it is a family name (أم محمد وحدو).
    private static bool IsConjoinedAfterFullName(Document doc, int index)
    {
        var word = doc.Text.TokenText(index);
        if (word is not [Clitics.Waw, _, _, ..] || doc.Ids[index] != Vocabulary.Unknown
            || doc.Lexicon.Words.FirstNames.ContainsToken(doc, index, out _, allowClitic: false))
        {
            return false;
        }

        var next = index + 1;
        var rest = word[1..];
        return doc.StemIds[index] != Vocabulary.Unknown || LooksLikeVerb(rest)
            || (rest is [ArabicNormalizer.Alef, _, _, _] && rest[1..].IndexOfAny(LongVowels) < 0) // أنجب: the form أفعل
            || (next < doc.Count && doc.Text[next].SpaceBefore && !IsFunctionWord(doc, next) && IsNameLike(doc, next, allowArticle: false));
    }

    // عبدالله مبارك صباح امس، ليوناردو صباح أحد الأيام: a part of the day before a day (أمس، اليوم، الخميس)
    // is when, not a family name (صباح الأحمد begins one).
    private static bool IsDayPartOfADay(Document doc, int index)
    {
        var words = doc.Lexicon.Words;
        var next = index + 1;
        return next < doc.Count && doc.IsWord(next) && words.DayParts.ContainsToken(doc, index, out _, allowClitic: false)
            && (words.Weekdays.ContainsToken(doc, next, out _) || (words.Relative.ContainsToken(doc, next, out var relative) && relative.Kind == RelativeKind.DayOffset)
                || IsWordAt(doc, next, "\u0627\u062D\u062F")); // أحد (الأيام)
    }

    // وخلف سالم وعبد الله قاسم حسن: right after a person, a compound given name takes the list's و too.
    private static bool IsConjoinedCompoundFirstName(Document doc, int index, List<Candidate> candidates, int[] owner, out PhraseMatch<bool> name)
    {
        name = default;
        return doc.Text.TokenText(index) is [Clitics.Waw, ..]
            && doc.Lexicon.Words.FirstNames.TryMatch(doc, index, out name, maxTokens: 2) && name.End - name.Start == 2 && name.Skip == 1
            && IsPersonBefore(doc, index, candidates, owner);
    }

    // الملك الحسين طيب الله ثراه، محمد رحمه الله، علي رضي الله عنه: the blessing after a name is no part of it.
    private static bool IsBlessing(Document doc, int index) =>
        IsWordAt(doc, index + 1, "\u0627\u0644\u0644\u0647") // الله
        && doc.Text.TokenText(index) is "\u0637\u064A\u0628" or "\u0631\u062D\u0645\u0647" or "\u064A\u0631\u062D\u0645\u0647" or "\u062D\u0641\u0638\u0647" or "\u0631\u0639\u0627\u0647" or "\u0631\u0636\u064A"; // طيب، رحمه، يرحمه، حفظه، رعاه، رضي

    // ومتعب وأسامة حسني: و + a given name that is no word, then a surname-shaped word no list knows (or
    // another given name), is the next name in a list even when the item before it was not found.
    private static bool IsSurnameAfterConjoinedName(Document doc, int index)
    {
        var words = doc.Lexicon.Words;
        var next = index + 1;
        // At a sentence's start و + a word is as often a verb (وزيّن صحن المسجد): a list needs an item before.
        return index > 0 && !doc.Text.IsSentenceEnd(index - 1)
            && !words.CommonWords.ContainsToken(doc, index, out _) && !words.AmbiguousNames.ContainsToken(doc, index, out _)
            && next < doc.Count && doc.Text[next].SpaceBefore && doc.StemSkips[next] == 0
            && ((doc.Ids[next] == Vocabulary.Unknown && doc.StemIds[next] == Vocabulary.Unknown) || words.FirstNames.ContainsToken(doc, next, out _, allowClitic: false))
            && IsNameLike(doc, next, allowArticle: true)
            && WrittenWord(doc, next) is [not Clitics.Waw, .., not ('\u0629' or '\u0647')]; // not ويسمى، متفرقة، عاداته
    }

    private static void AddPerson(Document doc, int first, int end, float confidence, List<Candidate> candidates, int[] owner, int skip = 0)
    {
        // The end may reach into a lexicon person (a known surname); the longer rule name wins later.
        var text = Canonical(doc, first, end, skip);
        for (var k = first; k < end; k++)
        {
            if (owner[k] < 0)
            {
                owner[k] = candidates.Count;
            }
        }

        candidates.Add(new Candidate(first, end, skip, EntityKind.Person, DocumentId(EntityKind.Person, doc, first, end), text, "", confidence, MentionSource.Rule, 2));
    }

    // مدينة X، بلدة X، محافظة X: the name after a place trigger (the trigger itself stays out).
    private static bool PlaceName(Document doc, int j, List<Candidate> candidates, int[] owner)
    {
        if (j >= doc.Count || owner[j] >= 0)
        {
            return false;
        }

        // قضاء العطلات "spending the holidays": a definite plural in ات alone names no place the lexicon
        // lacks (after a first word it may: قرية أم الزينات).
        var end = j;
        while (end < doc.Count && end - j < 2 && IsNameLike(doc, end, allowArticle: true) && owner[end] < 0 && !LooksLikeInflectedNoun(doc, end)
            && !(end == j && StartsWithArticle(doc, end) && doc.Text.TokenText(end) is [.., ArabicNormalizer.Alef, Teh])
            // بلدة اجدير بالريف، نهر مهروت مصابتين: a proclitic or a feminine dual begins what is said of the place.
            && !(end > j && (doc.StemSkips[end] > 0 || WrittenWord(doc, end) is [_, _, .., '\u062A', '\u064A', '\u0646'])))
        {
            end++;
        }

        if (end == j)
        {
            return false;
        }

        Mark(owner, j, end, candidates.Count);
        candidates.Add(new Candidate(j, end, 0, EntityKind.Location, DocumentId(EntityKind.Location, doc, j, end), Canonical(doc, j, end), "", 0.65f, MentionSource.Rule, 2));
        return true;
    }

    /// <summary>Keeps the longest candidates that do not overlap; returns their indexes.</summary>
    private static List<int> Resolve(List<Candidate> candidates, Span<int> owner)
    {
        var order = ArrayPool<ResolveOrder>.Shared.Rent(Math.Max(1, candidates.Count));
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            order[i] = new ResolveOrder(c.Length, c.Priority, c.First, i);
        }

        var sorted = order.AsSpan(0, candidates.Count);
        sorted.Sort();
        owner.Fill(-1);
        var accepted = new List<int>();
        foreach (var entry in sorted)
        {
            var index = entry.Index;
            var c = candidates[index];
            var free = true;
            for (var k = c.First; k < c.End; k++)
            {
                if (owner[k] >= 0)
                {
                    free = false;
                    break;
                }
            }

            if (!free)
            {
                continue;
            }

            for (var k = c.First; k < c.End; k++)
            {
                owner[k] = index;
            }

            accepted.Add(index);
        }

        ArrayPool<ResolveOrder>.Shared.Return(order);
        return accepted;
    }

    /// <summary>The order <see cref="Resolve"/> takes candidates in: longest first, then the higher priority,
    /// then the earlier, then the one found first.</summary>
    private readonly record struct ResolveOrder(int Length, int Priority, int First, int Index) : IComparable<ResolveOrder>
    {
        public int CompareTo(ResolveOrder other) =>
            Length != other.Length ? other.Length.CompareTo(Length)
            : Priority != other.Priority ? other.Priority.CompareTo(Priority)
            : First != other.First ? First.CompareTo(other.First)
            : Index.CompareTo(other.Index);
    }

    // A later (or earlier) partial mention of a person named in full — the surname alone (بايدن after
    // جو بايدن, براون after تشارلز كيو براون) — takes the full name's id and canonical name.
    private static void Corefer(Document doc, List<Candidate> candidates, List<int> accepted, Span<int> owner)
    {
        LinkLoneGivenNames(doc, candidates, accepted, owner);
        IdIndex? surnames = null;
        IdIndex? guardedSurnames = null;
        foreach (var index in accepted)
        {
            var c = candidates[index];
            if (c.Kind != EntityKind.Person || c.Length < 2)
            {
                continue;
            }

            // أبو عبد الله، بيتر عبد الرحمن: a name that ends in عبد + a name of God has no surname to link
            // (الله alone is God).
            var last = c.End - 1;
            if (doc.Text[last].Length < 3 || IsFunctionWord(doc, last) || (last - 1 >= c.First && IsWordAt(doc, last - 1, "\u0639\u0628\u062F")))
            {
                continue;
            }

            // A surname that is also a given name or a common word (قيس سعيد، جوزاف عون) links back only
            // right after a speech verb or a title (وأضاف سعيد، الرئيس عون).
            if (doc.Lexicon.Words.FirstNames.ContainsToken(doc, last, out _, allowClitic: false) || doc.Lexicon.Words.CommonWords.ContainsToken(doc, last, out _, allowClitic: false))
            {
                if (doc.Ids[last] != Vocabulary.Unknown)
                {
                    guardedSurnames ??= new IdIndex();
                    guardedSurnames.TryAdd(doc.Ids[last], index);
                }

                continue;
            }

            // Both the exact id and the skeleton's, so that سوليفان finds ساليفان either way.
            foreach (var id in (ReadOnlySpan<int>)[doc.Ids[last], doc.VariantIds[last]])
            {
                if (id != Vocabulary.Unknown)
                {
                    surnames ??= new IdIndex();
                    surnames.TryAdd(id, index);
                }
            }

            foreach (var id in doc.Alternatives(last))
            {
                surnames ??= new IdIndex();
                surnames.TryAdd(id, index);
            }
        }

        // Rule names are not in the vocabulary; their surnames are compared as text.
        Dictionary<string, int>? ruleSurnames = null;
        foreach (var index in accepted)
        {
            var c = candidates[index];
            if (c.Kind == EntityKind.Person && c.Length >= 2 && c.Source == MentionSource.Rule && doc.Ids[c.End - 1] == Vocabulary.Unknown && doc.Text[c.End - 1].Length >= 3)
            {
                ruleSurnames ??= new Dictionary<string, int>(StringComparer.Ordinal);
                ruleSurnames.TryAdd(doc.Text.TokenText(c.End - 1).ToString(), index);
            }
        }

        if (surnames is null && ruleSurnames is null && guardedSurnames is null)
        {
            return;
        }

        var lookup = ruleSurnames?.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<int> skips = stackalloc int[4];
        Span<bool> restore = stackalloc bool[4];

        // A one-word mention that is the surname of a person named in full in this document is that
        // person, whatever else the lexicon or a rule took it for (أوستن after لويد أوستن is not
        // Austin, Texas; براون after the general's full name is the general).
        // A given name a rule took for a person alone (بين أوستن وشويجو) is the person named in full
        // with it as surname, though such a surname is otherwise linked only after a verb or a title.
        if (surnames is not null || guardedSurnames is not null)
        {
            for (var a = 0; a < accepted.Count; a++)
            {
                var c = candidates[accepted[a]];
                if (c.Length != 1 || (c.Kind == EntityKind.Person && c.Source == MentionSource.Lexicon)
                    || (c.Kind == EntityKind.Nationality && c.First > 0 && doc.IsWord(c.First - 1) && IsDefinite(doc, c.First - 1) && IsDefinite(doc, c.First)))
                {
                    continue; // الأصولي المصري after أبو حمزة المصري: an adjective agreeing with its noun
                }

                var id = c.Skip > 0 ? doc.StemIds[c.First] : doc.Ids[c.First];
                var target = -1;
                if (((surnames is not null && (surnames.TryGetValue(id, out target) || (c.Skip == 0 && (surnames.TryGetValue(doc.VariantIds[c.First], out target)
                        || (doc.Text[c.First].Length >= MinCoreferenceSkeletonLength && TryAlternative(doc, surnames, c.First, out target))))))
                    || (c is { Kind: EntityKind.Person, Source: MentionSource.Rule, Skip: 0 } && guardedSurnames is not null && guardedSurnames.TryGetValue(id, out target)))
                    && target != accepted[a])
                {
                    var full = candidates[target];
                    owner[c.First] = candidates.Count;
                    accepted[a] = candidates.Count;
                    candidates.Add(new Candidate(c.First, c.End, c.Skip, EntityKind.Person, full.Id, full.Canonical, full.English, CoreferenceConfidence, MentionSource.Coreference, 0));
                }
            }
        }

        for (var i = 0; i < doc.Count; i++)
        {
            if (owner[i] >= 0 || !doc.IsWord(i))
            {
                continue;
            }

            var target = -1;
            var skip = 0;
            // A skeleton links only a long word (سوليفان to ساليفان): a short one is too often another word
            // (بدون "without" has بايدن's skeleton).
            var longWord = doc.Text[i].Length >= MinCoreferenceSkeletonLength;
            if (surnames is not null && (surnames.TryGetValue(doc.Ids[i], out target) || surnames.TryGetValue(doc.VariantIds[i], out target)
                || (longWord && TryAlternative(doc, surnames, i, out target))))
            {
                skip = 0;
            }
            else if (surnames is not null && doc.StemIds[i] != Vocabulary.Unknown && surnames.TryGetValue(doc.StemIds[i], out target))
            {
                skip = doc.StemSkips[i];
            }
            else if (guardedSurnames is not null && doc.Ids[i] != Vocabulary.Unknown && guardedSurnames.TryGetValue(doc.Ids[i], out target) && IsAttributionSlot(doc, i))
            {
                skip = 0;
            }
            else if (lookup is { } l)
            {
                var word = doc.Text.TokenText(i);
                if (!l.TryGetValue(word, out target))
                {
                    target = -1;
                    var count = Clitics.Candidates(word, skips, restore);
                    for (var k = 0; k < count && target < 0; k++)
                    {
                        if (!restore[k] && l.TryGetValue(word[skips[k]..], out var t))
                        {
                            target = t;
                            skip = skips[k];
                        }
                    }
                }
            }
            else
            {
                target = -1;
            }

            if (target < 0)
            {
                continue;
            }

            var full = candidates[target];
            owner[i] = candidates.Count;
            accepted.Add(candidates.Count);
            candidates.Add(new Candidate(i, i + 1, skip, EntityKind.Person, full.Id, full.Canonical, full.English, CoreferenceConfidence, MentionSource.Coreference, 0));
        }
    }

    /// <summary>
    /// بدأ نزار يكتب after نزار قباني: a given name a rule found alone is the one person of the document
    /// named in full with it; with two such people (or none) it keeps its own id.
    /// </summary>
    private static void LinkLoneGivenNames(Document doc, List<Candidate> candidates, List<int> accepted, Span<int> owner)
    {
        for (var a = 0; a < accepted.Count; a++)
        {
            var lone = candidates[accepted[a]];
            if (lone is not { Kind: EntityKind.Person, Source: MentionSource.Rule, Length: 1, Skip: 0 } || lone.Confidence != LoneNameConfidence)
            {
                continue;
            }

            var id = doc.Ids[lone.First];
            string? personId = null;
            var target = -1;
            foreach (var index in accepted)
            {
                var c = candidates[index];
                if (c is { Kind: EntityKind.Person, Skip: 0 } && c.Length >= 2 && doc.Ids[c.First] == id && c.Id != personId)
                {
                    target = personId is null ? index : -2; // a second person with that given name: ambiguous
                    personId ??= c.Id;
                }
            }

            if (target >= 0)
            {
                var full = candidates[target];
                owner[lone.First] = candidates.Count;
                accepted[a] = candidates.Count;
                candidates.Add(new Candidate(lone.First, lone.End, 0, EntityKind.Person, full.Id, full.Canonical, full.English, CoreferenceConfidence, MentionSource.Coreference, 0));
            }
        }
    }

    private static bool TryAlternative(Document doc, IdIndex surnames, int index, out int target)
    {
        foreach (var alt in doc.Alternatives(index))
        {
            if (surnames.TryGetValue(alt, out target))
            {
                return true;
            }
        }

        target = -1;
        return false;
    }

    // Right after a speech verb (وأضاف سعيد) or a title (الرئيس عون): where a name is expected.
    private static bool IsAttributionSlot(Document doc, int i)
    {
        var p = i - 1;
        return p >= 0 && doc.IsWord(p) && (doc.Lexicon.Words.SpeechVerbs.ContainsToken(doc, p, out _) || doc.Lexicon.Words.Titles.ContainsToken(doc, p, out _));
    }

    private static void Mark(Span<int> owner, int first, int end, int index)
    {
        for (var k = first; k < end; k++)
        {
            owner[k] = index;
        }
    }

    /// <summary>A word that may be part of a name: not a function word, title, speech verb or known common word.</summary>
    private static bool IsNameLike(Document doc, int index, bool allowArticle)
    {
        // The rules read Arabic names: a word in Latin letters (ماريك Mileva Maric) is a gloss, not part of one.
        if (!doc.IsWord(index) || doc.Text[index].Length < 2 || char.IsAsciiLetter(doc.Text.TokenText(index)[0]))
        {
            return false;
        }

        var words = doc.Lexicon.Words;
        if (IsFunctionWord(doc, index) || IsBareArticle(doc, index) || IsFutureOfKnownVerb(doc, index)
            || HasTanween(doc, index)
            || IsAccusativeOfKnownWord(doc, index)
            || HasObjectSuffix(doc, index) && !words.FirstNames.ContainsToken(doc, index, out _, allowClitic: false)
            || LooksLikeVerb(doc.Text.TokenText(index)) && !words.FirstNames.ContainsToken(doc, index, out _, allowClitic: false)
            || doc.Text.TokenText(index) is [Clitics.Lam, Clitics.Lam, _, _, ..] // للمفكرين (بال، كال begin names too: بالاسيوس، كالديرون)
            || words.CommonWords.ContainsToken(doc, index, out _)
            || words.Titles.ContainsToken(doc, index, out _, allowClitic: false)
            || words.SpeechVerbs.ContainsToken(doc, index, out _)
            || words.Months.ContainsToken(doc, index, out _, allowClitic: false)
            || words.Weekdays.ContainsToken(doc, index, out _)
            || words.OrgHeads.ContainsToken(doc, index, out _, allowClitic: false)
            || words.PlaceTriggers.ContainsToken(doc, index, out _, allowClitic: false)
            || words.SpeakerNouns.ContainsToken(doc, index, out _, allowClitic: false)
            || words.Relative.ContainsToken(doc, index, out _, allowClitic: false))
        {
            return false;
        }

        return allowArticle || !StartsWithArticle(doc, index);
    }

    private static bool IsRestoredArticle(Document doc, int index, int skip)
    {
        var word = doc.Text.TokenText(index);
        return skip < word.Length - 2 && word[skip - 1] == Clitics.Lam && word[skip] == Clitics.Lam && word[skip + 1] != Clitics.Lam;
    }

    // عبد الله، عبد العزيز written in two words.
    private static bool IsCompoundFirstName(Document doc, int index) =>
        doc.Lexicon.Words.FirstNames.TryMatch(doc, index, out var m, allowClitic: false, maxTokens: 2) && m.End - m.Start == 2;

    private static bool IsParticle(Document doc, int index) =>
        doc.IsWord(index) && doc.Lexicon.Words.NameParticles.ContainsToken(doc, index, out _, allowClitic: false);

    // أبو مازن، أم كلثوم: a kunya begins a name.
    private static bool IsKunya(Document doc, int index)
    {
        if (!IsParticle(doc, index))
        {
            return false;
        }

        var w = doc.Text.TokenText(index);
        return w is "\u0627\u0628\u0648" or "\u0627\u0628\u064A" or "\u0627\u0628\u0627" or "\u0627\u0645"; // أبو، أبي، أبا، أم
    }

    // وأبو عبد الله: و on the kunya أبو (not أم: وأم is as often "and the mother of").
    private static bool IsConjoinedKunya(Document doc, int index) =>
        doc.IsWord(index) && doc.StemSkips[index] == 1 && doc.Text.TokenText(index) is [Clitics.Waw, ArabicNormalizer.Alef, Clitics.Beh, '\u0648'];

    // ابوتريكة، ابومازن، ابوالغيط: a kunya written as one word that no list knows (أبوظبي is a place the lexicon has).
    private static bool IsJoinedKunya(Document doc, int index)
    {
        var w = doc.Text.TokenText(index);
        return w.Length >= 6 && w.StartsWith("\u0627\u0628\u0648", StringComparison.Ordinal) && doc.Ids[index] == Vocabulary.Unknown
            && doc.StemIds[index] == Vocabulary.Unknown && doc.IsWord(index) && IsNameLike(doc, index, allowArticle: false);
    }

    // An indefinite accusative (اتصالاً، عسكرياً) is an adverb or object, never a name.
    private static bool HasTanween(Document doc, int index)
    {
        var span = doc.Text.Span(index, index);
        var original = doc.Text.Original.AsSpan(span.Start, span.Length);
        return original.Contains('\u064B') || original.Contains('\u064C') || original.Contains('\u064D');
    }

    // A one-word name after a title must not be a noun with a conjunction or a possessive pronoun
    // (ونظيره، حزبه): its last original letter is a real heh, not the teh marbuta of a name.
    // After a definite trigger, a definite nisba agrees with it as an adjective: القضاء العسكري (the
    // military judiciary, not a district), الساحل الجنوبي الغربي. An indefinite trigger keeps its
    // genitive name: محافظة الشرقية، قضاء البقاع الغربي.
    private static bool IsDefinite(Document doc, int index) => WrittenWord(doc, index).StartsWith("\u0627\u0644", StringComparison.Ordinal);

    // للقضاء، والقضاء: the first word has the article behind its proclitic (لل، وال، بال).
    private static bool HasArticleClitic<T>(Document doc, PhraseMatch<T> m)
    {
        var word = doc.Text.TokenText(m.Start);
        return m.Skip > 0 && m.Skip < word.Length
            && (word[..m.Skip].EndsWith("\u0627\u0644", StringComparison.Ordinal) || word[m.Skip..].StartsWith("\u0627\u0644", StringComparison.Ordinal)
                || IsRestoredArticle(doc, m.Start, m.Skip));
    }

    // سيشارك، ستواصل: the future's س before a verb the lists know (سيباستيان is no س + a known word).
    private static bool IsFutureOfKnownVerb(Document doc, int index)
    {
        var word = doc.Text.TokenText(index);
        return word.Length >= 5 && word[0] == Seen && word[1] is Yeh or Teh or Noon && IsCommonWord(doc, word[1..]);
    }

    /// <summary>
    /// After a given name and a surname, what the lists do not know needs a name's shape: not a known noun
    /// with its pronoun (عبدالرحمن عبدالفتاح مصرعه; دراغمه, a family name in ه, is no known word), not a
    /// participle of the derived stems (مسعود مترابط، مستقل), unless it is a given name.
    /// </summary>
    private static bool IsNounOrParticipleAfterName(Document doc, int index)
    {
        if (doc.Lexicon.Words.FirstNames.ContainsToken(doc, index, out _, allowClitic: false))
        {
            return false;
        }

        var word = doc.Text.TokenText(index);
        // مرتدية، منتظرين: the feminine or plural of the participle مفتعل (a family name of that shape,
        // مكتوم، مفتاح, ends otherwise).
        return IsNounWithPronoun(doc, index)
            || (word.Length >= 5 && word[0] == '\u0645' && (word[1] == Teh || (word[1] == Seen && word[2] == Teh)))
            || (word.Length >= 5 && word[0] == '\u0645' && word[2] == Teh && (WrittenWord(doc, index) is [.., '\u0629'] || word.EndsWith("\u064A\u0646") || word.EndsWith("\u0648\u0646")));
    }

    // الـ written apart (الـ " تايم "، الـ 12): an article, no word.
    private static bool IsBareArticle(Document doc, int index) => doc.IsWord(index) && doc.Text.TokenText(index) is "\u0627\u0644";

    // الآسيوي، النابلسي: a definite nisba in the masculine (the feminine ends in ة: الآسيوية).
    private static bool IsMasculineNisba(Document doc, int index) =>
        (uint)index < (uint)doc.Count && doc.IsWord(index) && IsDefiniteNisba(doc, index) && WrittenWord(doc, index)[^1] == '\u064A';

    /// <summary>
    /// ورفض جوزيه الإفصاح: the shapes of definite verbal nouns and broken plurals no family name takes —
    /// الإفعال/الأفعال (الإفصاح، الأخبار)، الافتعال (الاعتقال)، الانفعال (الانسحاب)، الاستفعال (الاستقلال) —
    /// on the folded word; a nisba (الأفغاني) ends otherwise.
    /// </summary>
    internal static bool LooksLikeDefiniteVerbalNoun(ReadOnlySpan<char> word)
    {
        const char alef = ArabicNormalizer.Alef;
        if (word.Length < 7 || word[0] != alef || word[1] != Clitics.Lam || word[2] != alef || word[^1] == Yeh)
        {
            return false;
        }

        return word.Length switch
        {
            7 => word[5] == alef && IsRootLetter(word[3]) && IsRootLetter(word[4]),
            8 => word[6] == alef && (word[4] == Teh || word[3] == Noon) && IsRootLetter(word[5]),
            9 => word[3] == Seen && word[4] == Teh && word[7] == alef && IsRootLetter(word[5]) && IsRootLetter(word[6]),
            _ => false,
        };

        static bool IsRootLetter(char c) => c is not (alef or Yeh or '\u0648');
    }

    private static bool IsDefiniteNisba(Document doc, int index) => IsDefiniteNisbaShape(WrittenWord(doc, index));

    private static bool IsDefiniteNisbaShape(ReadOnlySpan<char> word) =>
        word.Length > 4 && word.StartsWith("\u0627\u0644", StringComparison.Ordinal)
        && (word[^1] == '\u064A' || (word[^1] == '\u0629' && word[^2] == '\u064A'));

    /// <summary>
    /// The verb shapes names almost never take: an imperfect with the prefix ي or ن and three root
    /// consonants (يربط، يسمع، نطلب، يصمم) or a derived stem يست/نست/يت + three letters (يستحق، يتلفت،
    /// يستخدم), and the past of the derived stems (اعتزل، انسحب، استخدم). A long vowel inside (يانغ،
    /// يوكو، نادال) is left alone: transliterated names have them, and ت, which begins ترمب، تشن، is not
    /// read as a prefix. Given names are checked by the caller.
    /// </summary>
    internal static bool LooksLikeVerb(ReadOnlySpan<char> word)
    {
        // The derived past stems: افتعل (اعتزل، انتقل)، انفعل (انسحب)، استفعل (استقال is left: it has a long vowel).
        if (word.Length is 5 or 6 && word[0] == ArabicNormalizer.Alef)
        {
            var past = word.Length == 5 && word[2] == Teh ? word[1..]
                : word.Length == 5 && word[1] == Noon ? word[2..]
                : word.Length == 6 && word[1] == Seen && word[2] == Teh ? word[3..]
                : [];
            return past.Length >= 3 && past.IndexOfAny(LongVowels) < 0;
        }

        if (word.Length < 4 || word[0] is not (Yeh or Noon))
        {
            return false;
        }

        var stem = word.Length == 4 ? word[1..]
            : word.Length == 5 && word[1] == Teh ? word[2..]
            : word.Length is 5 or 6 && word[1] == Seen && word[2] == Teh ? word[3..] // يستحق، يستخدم
            : [];
        return stem.Length >= 2 && stem.IndexOfAny(LongVowels) < 0;
    }

    private const char Yeh = '\u064A';
    private const char Noon = '\u0646';
    private const char Teh = '\u062A';
    private const char Seen = '\u0633';
    private static readonly System.Buffers.SearchValues<char> LongVowels = System.Buffers.SearchValues.Create("\u0627\u0648\u064A\u0649\u0623\u0625\u0622\u0629");

    /// <summary>The token as written in the original text, without its final vowel marks.</summary>
    private static ReadOnlySpan<char> WrittenWord(Document doc, int index)
    {
        var span = doc.Text.Span(index, index);
        return doc.Text.Original.AsSpan(span.Start, span.Length).TrimEnd("\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652");
    }

    private static bool LooksLikeInflectedNoun(Document doc, int index)
    {
        var original = WrittenWord(doc, index);
        var word = doc.Text.TokenText(index);
        return (original.Length > 3 && original[^1] == '\u0647')
            || (word.Length > 3 && word[0] is Clitics.Waw or Clitics.Feh && !doc.Lexicon.Words.FirstNames.ContainsToken(doc, index, out _, allowClitic: false))
            // إسناد، إعلان، إصدار: the verbal noun إفعال, written with its hamza below (إسحاق، إلهام are given names).
            || (original is ['\u0625', _, _, ArabicNormalizer.Alef, _] && !doc.Lexicon.Words.FirstNames.ContainsToken(doc, index, out _, allowClitic: false));
    }

    private static bool IsFunctionWord(Document doc, int index)
    {
        var words = doc.Lexicon.Words;
        if (!words.FunctionWords.ContainsToken(doc, index, out _, allowClitic: false))
        {
            return doc.Ids[index] == Vocabulary.Unknown && words.FunctionWords.ContainsToken(doc, index, out _);
        }

        if (!words.FirstNames.ContainsToken(doc, index, out _, allowClitic: false))
        {
            return true;
        }

        // Folding made a function word and a name one key (على/علي، أن/آن): the spelling decides.
        return IsFunctionWordAsWritten(doc, index);
    }

    // The token, as written without its marks, is a function word (أمام "in front of", not إمام "imam").
    private static bool IsFunctionWordAsWritten(Document doc, int index)
    {
        var span = doc.Text.Span(index, index);
        Span<char> written = stackalloc char[Math.Min(64, span.Length)];
        var n = 0;
        foreach (var c in doc.Text.Original.AsSpan(span.Start, span.Length))
        {
            if (!ArabicNormalizer.IsCombiningMark(c) && !ArabicNormalizer.IsFormatMark(c) && n < written.Length)
            {
                written[n++] = c;
            }
        }

        return doc.Lexicon.IsFunctionWordAsWritten(written[..n]);
    }

    // The folded word without its proclitics and its article: الإعصار، وللنادي → اعصار، نادي.
    private static ReadOnlySpan<char> StemWithoutArticle(Document doc, int index)
    {
        var word = doc.Text.TokenText(index)[doc.StemSkips[index]..];
        return word.StartsWith("\u0627\u0644", StringComparison.Ordinal) ? word[2..] : word;
    }

    private static bool StartsWithArticle(Document doc, int index)
    {
        var word = doc.Text.TokenText(index);
        var skip = doc.Ids[index] == Vocabulary.Unknown ? doc.StemSkips[index] : 0;
        word = word[skip..];
        return word.Length > 3 && word[0] == ArabicNormalizer.Alef && word[1] == Clitics.Lam;
    }

    private static bool IsQuote(Document doc, int index) =>
        doc.Text[index].Kind == TokenKind.Punct && QuoteMarks.IsQuoteMark(doc.Text.Normalized.Chars[doc.Text[index].Start]);


    /// <summary>The original text of tokens <c>[first, end)</c>, first token entered after <paramref name="skip"/> chars.</summary>
    private static string Canonical(Document doc, int first, int end, int skip = 0)
    {
        var span = doc.Text.Span(first, end - 1, skip);
        return doc.Text.Original[span.Start..span.End];
    }

    // Document-scoped ids are derived from the folded name, so every mention of the same name in
    // one document shares it.
    private static string DocumentId(EntityKind kind, Document doc, int first, int end)
    {
        var prefix = kind switch
        {
            EntityKind.Person => "doc:per:",
            EntityKind.Organization => "doc:org:",
            _ => "doc:loc:",
        };
        var folded = doc.Text.Normalized.Chars[doc.Text[first].Start..doc.Text[end - 1].End];
        return prefix + ((uint)StableHash(folded)).ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
    }

    // FNV-1a over the folded chars: HashCode is randomized per process, ids must be the same every run.
    private static int StableHash(ReadOnlySpan<char> text)
    {
        var h = 2166136261u;
        foreach (var c in text)
        {
            if (c is ' ' or '\u060C')
            {
                continue;
            }

            h = (h ^ c) * 16777619u;
        }

        return (int)h;
    }
}

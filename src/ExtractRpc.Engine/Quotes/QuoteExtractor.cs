using ExtractRpc.Engine.Extractors;
using ExtractRpc.Engine.Lexicon;
using ExtractRpc.Engine.Pipeline;
using ExtractRpc.Engine.Text;

namespace ExtractRpc.Engine.Quotes;

/// <summary>
/// Finds direct quotes (text in quote marks attributed by a speech verb, a colon, a complementizer or
/// a cue after the quote) and indirect ones (a speech verb + إن/أن/بأن and the reported clause), with
/// speaker and cue. Short quoted terms with no speech cue (scare quotes, titles) are not quotes.
/// Every step is a bounded look-around from one left-to-right pass: linear in the text.
/// Stateless and thread-safe.
/// </summary>
internal sealed class QuoteExtractor
{
    private const int MaxNesting = 8;
    private const int CueWindow = 30;
    private const int SpeakerWindow = 12;
    private const int MinPartialQuoteWords = 4;
    private const int MinIndirectWords = 3;

    private readonly record struct Pair(int Open, int Close);

    private readonly record struct Cue(int Start, int End, int Skip, bool Continuation, bool After);

    /// <summary>A quote found, before its speaker is resolved: content tokens <c>[First, End)</c>.</summary>
    private sealed record Candidate(int First, int End, QuoteKind Kind, Cue? Cue, float Confidence, int SpeakerLimit);

    /// <summary>Appends the quotes of <paramref name="doc"/>; <paramref name="entities"/> are its entity hits in text order.</summary>
    public void Extract(Document doc, IReadOnlyList<EntityHit> entities, List<QuoteMention> quotes, CancellationToken cancellationToken)
    {
        var pairs = FindPairs(doc, cancellationToken);
        // Token → entity hit, pooled: allocation follows the results, not the text.
        var owner = System.Buffers.ArrayPool<int>.Shared.Rent(Math.Max(1, doc.Count));
        try
        {
            Extract(doc, entities, quotes, pairs, owner, cancellationToken);
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(owner);
        }
    }

    private static void Extract(Document doc, IReadOnlyList<EntityHit> entities, List<QuoteMention> quotes, List<Pair> pairs, int[] owner, CancellationToken cancellationToken)
    {
        owner.AsSpan(0, doc.Count).Fill(-1);
        for (var e = 0; e < entities.Count; e++)
        {
            for (var k = entities[e].First; k < entities[e].End; k++)
            {
                owner[k] = e;
            }
        }

        var context = new Context(doc, entities, owner);
        var candidates = new List<Candidate>();
        var coveredUntil = -1;
        foreach (var pair in pairs)
        {
            if (pair.Open < coveredUntil)
            {
                continue; // a quote inside a quote: the outer one carries it
            }

            if (context.TryDirect(pair) is { } direct)
            {
                candidates.Add(direct);
                coveredUntil = pair.Close;
            }
        }

        context.AddIndirect(candidates, cancellationToken);
        context.AddAccordingTo(candidates, cancellationToken);

        // A short quoted phrase inside a reported clause is part of that report, not a second one.
        var indirect = candidates.Where(c => c.Kind == QuoteKind.Indirect).ToList();
        candidates.RemoveAll(c => c.Kind == QuoteKind.Direct && indirect.Any(r => r.First <= c.First && c.End <= r.End));

        // Speakers in text order, so that a continuation (وأضاف: …) takes the speaker before it.
        candidates.Sort((a, b) => a.First.CompareTo(b.First));
        foreach (var c in candidates)
        {
            quotes.Add(context.Resolve(c));
        }
    }

    /// <summary>Pairs quote marks: a stack per paragraph; directional marks decide by their neighbours.</summary>
    private static List<Pair> FindPairs(Document doc, CancellationToken cancellationToken)
    {
        var t = doc.Text;
        var pairs = new List<Pair>();
        Span<int> stack = stackalloc int[MaxNesting];
        Span<char> marks = stackalloc char[MaxNesting];
        var depth = 0;
        for (var i = 0; i < t.Count; i++)
        {
            if ((i & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var token = t[i];
            if (token.Kind == TokenKind.LineBreak)
            {
                // An unclosed quote runs to the end of its paragraph, unless the next paragraph opens
                // with a quote mark: then the quote goes on there.
                if (depth > 0 && !(i + 1 < t.Count && t[i + 1].Kind == TokenKind.Punct && QuoteMarks.IsQuoteMark(t.Normalized.Chars[t[i + 1].Start])))
                {
                    pairs.Add(new Pair(stack[0], i));
                    depth = 0;
                }
                else if (depth > 0)
                {
                    i++; // skip the resuming mark
                }

                continue;
            }

            if (token.Kind != TokenKind.Punct)
            {
                continue;
            }

            var c = t.Normalized.Chars[token.Start];
            if (!QuoteMarks.IsQuoteMark(c))
            {
                continue;
            }

            var nextIsWord = i + 1 < t.Count && !t[i + 1].SpaceBefore && t[i + 1].Kind is TokenKind.Word or TokenKind.Number;
            var attachedBefore = !token.SpaceBefore && i > 0 && t[i - 1].Kind is TokenKind.Word or TokenKind.Number or TokenKind.Punct;
            // A one-letter word before the mark is a proclitic (و”إسرائيليون”، بـ”أسلحة”): the mark opens.
            var afterClitic = attachedBefore && t[i - 1].Kind == TokenKind.Word && t[i - 1].Length == 1;
            bool open;
            if (QuoteMarks.IsOpenOnly(c) || c == '\u2018')
            {
                open = true;
            }
            else if (QuoteMarks.IsCloseOnly(c) || c == '\u2019')
            {
                open = false;
                if (c == '\u2019' && (depth == 0 || marks[depth - 1] != '\u2018'))
                {
                    continue; // an apostrophe
                }
            }
            else if (c == '"')
            {
                // A straight mark closes a straight one; it also closes «…" or “…" (mixed pairs) when it
                // ends a word and no word follows it.
                open = depth == 0 || (marks[depth - 1] != '"' && !(attachedBefore && !nextIsWord));
            }
            else if (c == '\u201C')
            {
                open = depth == 0 || (nextIsWord && !attachedBefore) || marks[depth - 1] == '\u201C' && nextIsWord && afterClitic;
                if (depth > 0 && marks[depth - 1] == '\u201E')
                {
                    open = false;
                }
            }
            else
            {
                // ” closes what is open, except when it starts a word after a space or a proclitic.
                open = depth == 0 || (nextIsWord && (!attachedBefore || afterClitic));
            }

            if (open)
            {
                if (depth < MaxNesting)
                {
                    stack[depth] = i;
                    marks[depth] = c;
                    depth++;
                }
            }
            else if (depth > 0)
            {
                depth--;
                pairs.Add(new Pair(stack[depth], i));
            }
        }

        if (depth > 0)
        {
            pairs.Add(new Pair(stack[0], t.Count));
        }

        pairs.Sort((a, b) => a.Open != b.Open ? a.Open.CompareTo(b.Open) : b.Close.CompareTo(a.Close));
        return pairs;
    }

    private sealed class Context(Document doc, IReadOnlyList<EntityHit> entities, int[] owner)
    {
        private const int IndirectSpeakerWindow = 30;
        private readonly AnalyzedText _t = doc.Text;
        private readonly WordLists _w = doc.Lexicon.Words;
        private QuoteSpeaker? _lastSpeaker;

        /// <summary>A quote-mark pair that is speech, with its cue; null for scare quotes and titles.</summary>
        public Candidate? TryDirect(Pair pair)
        {
            var words = Words(pair.Open + 1, pair.Close);
            if (words == 0)
            {
                return null;
            }

            var before = pair.Open - 1;
            var colon = IsPunct(before, ':');
            var complementizer = before >= 0 && IsComplementizer(before);
            var cue = FindCueBefore(pair.Open, colon || complementizer ? SpeakerWindow + 6 : CueWindow);
            // After قال إن a quoted word or two inside a running clause (أن “إسرائيل” تدرس …) is a scare
            // quote: the clause is reported speech, found by the indirect pass.
            var wholeClause = words >= 3 || IsSentenceEnd(pair.Close + 1) || IsPunct(pair.Close + 1, '\u060C') || IsPunct(pair.Close + 1, ',');
            float confidence;
            if (colon)
            {
                confidence = 0.95f;
            }
            else if (complementizer && cue is not null && wholeClause)
            {
                confidence = 0.9f;
            }
            else if (words >= MinPartialQuoteWords && cue is not null)
            {
                confidence = 0.75f;
            }
            else if (words >= MinPartialQuoteWords && FindCueAfter(pair.Close) is { } after)
            {
                cue = after;
                confidence = 0.85f;
            }
            else
            {
                return null;
            }

            var (first, end) = Trim(pair.Open + 1, pair.Close);
            if (end <= first)
            {
                return null;
            }

            var limit = cue is { After: false } c ? pair.Open : SentenceEnd(cue?.End ?? pair.Close);
            return new Candidate(first, end, QuoteKind.Direct, cue, confidence, limit);
        }

        /// <summary>Adds reported speech: a speech verb, its speaker, إن/أن/بأن and the clause to the sentence end.</summary>
        public void AddIndirect(List<Candidate> candidates, CancellationToken cancellationToken)
        {
            var direct = candidates.OrderBy(c => c.First).ToList();
            var i = 0;
            while (i < _t.Count)
            {
                if ((i & 0xFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                if (!doc.IsWord(i) || !_w.SpeechVerbs.TryMatch(doc, i, out var verb, maxTokens: 2))
                {
                    i++;
                    continue;
                }

                // Speech reported inside a direct quote belongs to that quote.
                var inside = IndexCovering(direct, i);
                if (inside >= 0)
                {
                    i = direct[inside].End;
                    continue;
                }

                var comp = -1;
                var limit = Math.Min(_t.Count, verb.End + IndirectSpeakerWindow);
                for (var k = verb.End; k < limit; k++)
                {
                    // A direct quote opening here is the verb's object (قال … “يقولون إنهم …”).
                    if (IsSentenceEnd(k) || IsPunct(k, ':') || (IsQuoteMark(k) && IndexStartingAt(direct, k + 1) >= 0))
                    {
                        break;
                    }

                    // أعرب عن أمله في أن …: a complementizer after في or عن belongs to a noun, not to the verb
                    // (حذر من أن، شدد على أن، أشار إلى أن are the verb's own).
                    if (IsComplementizer(k) && !IsPrepositionBeforeComplementizer(k - 1))
                    {
                        comp = k;
                        break;
                    }
                }

                if (comp < 0)
                {
                    i = verb.End;
                    continue;
                }

                var start = comp + 1;
                if (IsQuoteMark(start) && IndexStartingAt(direct, start + 1) >= 0)
                {
                    i = start;
                    continue; // قالت … إنّ “…”: the direct quote carries it
                }

                var end = ClauseEnd(start);
                var (first, last) = Trim(start, end);
                if (Words(first, last) < MinIndirectWords)
                {
                    i = verb.End;
                    continue;
                }

                // A direct quote that makes most of the clause carries it (قال إن “…”).
                if (CarriesClause(direct, start, first, last))
                {
                    i = end;
                    continue;
                }

                var cue = new Cue(verb.Start, verb.End, verb.Skip, IsContinuationVerb(verb), false);
                candidates.Add(new Candidate(first, last, QuoteKind.Indirect, cue, 0.7f, comp));
                i = end;
            }
        }

        /// <summary>Adds reports introduced by a source at the head of a sentence: وبحسب صحيفة واشنطن بوست،
        /// تخشى إدارة بايدن …</summary>
        public void AddAccordingTo(List<Candidate> candidates, CancellationToken cancellationToken)
        {
            var cueBit = _w.CuePhrases.StartBit;
            for (var i = 0; i < _t.Count; i++)
            {
                if ((i & 0xFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                // The cue's start bit first: few words have it, where every word follows a sentence end or not.
                if ((doc.StartMasks[i] & cueBit) == 0 || !doc.IsWord(i) || !(i == 0 || IsSentenceEnd(i - 1) || IsPunct(i - 1, '\u060C'))
                    || !_w.CuePhrases.TryMatch(doc, i, out var cue, maxTokens: 4) || cue.Value.Kind != CueKind.AccordingTo)
                {
                    continue;
                }

                var comma = cue.End;
                while (comma < _t.Count && comma - cue.End < 10 && !IsSentenceEnd(comma) && !IsPunct(comma, '\u060C') && !IsPunct(comma, ','))
                {
                    comma++;
                }

                if (comma == cue.End || !(IsPunct(comma, '\u060C') || IsPunct(comma, ',')) || IndexCovering(candidates, comma) >= 0)
                {
                    continue;
                }

                var (first, last) = Trim(comma + 1, ClauseEnd(comma + 1));
                if (Words(first, last) < MinIndirectWords || Overlaps(candidates, first, last))
                {
                    continue;
                }

                candidates.Add(new Candidate(first, last, QuoteKind.Indirect, new Cue(i, cue.End, cue.Skip, false, false), 0.65f, comma));
                i = last;
            }
        }

        // Loops rather than lambdas: a lambda capturing the loop's locals costs an allocation per token.

        /// <summary>A direct quote that makes most of the clause [first, last) opening at <paramref name="start"/>.</summary>
        private bool CarriesClause(List<Candidate> direct, int start, int first, int last)
        {
            foreach (var d in direct)
            {
                if (d.First >= start - 1 && d.First < last && 2 * Words(d.First, d.End) >= Words(first, last))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The first quote that covers token <paramref name="k"/>, or -1.</summary>
        private static int IndexCovering(List<Candidate> quotes, int k)
        {
            for (var q = 0; q < quotes.Count; q++)
            {
                if (quotes[q].First <= k && k < quotes[q].End)
                {
                    return q;
                }
            }

            return -1;
        }

        /// <summary>The first quote that starts at token <paramref name="k"/>, or -1.</summary>
        private static int IndexStartingAt(List<Candidate> quotes, int k)
        {
            for (var q = 0; q < quotes.Count; q++)
            {
                if (quotes[q].First == k)
                {
                    return q;
                }
            }

            return -1;
        }

        /// <summary>True when a quote shares a token with [first, last).</summary>
        private static bool Overlaps(List<Candidate> quotes, int first, int last)
        {
            foreach (var c in quotes)
            {
                if (c.First < last && first < c.End)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The quote with its speaker, resolved after every earlier quote.</summary>
        public QuoteMention Resolve(Candidate c)
        {
            var speaker = c.Cue is { } cue ? FindSpeaker(cue, c.SpeakerLimit) : _lastSpeaker;
            if (speaker is not null)
            {
                _lastSpeaker = speaker;
            }

            var cueSpan = c.Cue is { } u ? _t.Span(u.Start, u.End - 1, u.Skip) : (TextSpan?)null;
            return new QuoteMention(_t.Span(c.First, c.End - 1), c.Kind, speaker, cueSpan, c.Confidence);
        }

        private int Words(int first, int end)
        {
            var words = 0;
            for (var k = first; k < end && k < _t.Count; k++)
            {
                if (_t[k].Kind is TokenKind.Word or TokenKind.Number)
                {
                    words++;
                }
            }

            return words;
        }

        // Punctuation at both ends of a content is left out; quote marks inside stay.
        private (int First, int End) Trim(int first, int end)
        {
            while (first < end && _t[first].Kind is TokenKind.Punct or TokenKind.LineBreak && !IsQuoteMark(first))
            {
                first++;
            }

            while (end > first && _t[end - 1].Kind is TokenKind.Punct or TokenKind.LineBreak && !(IsQuoteMark(end - 1) && HasOpeningBefore(first, end - 1)))
            {
                end--;
            }

            return (first, end);
        }

        private bool HasOpeningBefore(int first, int close)
        {
            for (var k = first; k < close; k++)
            {
                if (IsQuoteMark(k))
                {
                    return true;
                }
            }

            return false;
        }

        private Cue? FindCueBefore(int open, int window)
        {
            var stop = Math.Max(0, open - window);
            Cue? phrase = null;
            for (var k = open - 1; k >= stop; k--)
            {
                if (IsSentenceEnd(k))
                {
                    break;
                }

                if (!doc.IsWord(k))
                {
                    continue;
                }

                // A speech verb wins over a cue phrase (وكتب غانتس في تغريدة: “…” → كتب).
                if (_w.SpeechVerbs.TryMatch(doc, k, out var verb, maxTokens: 2) && verb.End <= open)
                {
                    return new Cue(k, verb.End, verb.Skip, IsContinuationVerb(verb), false);
                }

                if (phrase is null && _w.CuePhrases.TryMatch(doc, k, out var p, maxTokens: 4) && p.Value.Kind is CueKind.AccordingTo or CueKind.Channel or CueKind.Manner && p.End <= open)
                {
                    phrase = new Cue(k, p.End, p.Skip, false, false);
                }
            }

            return phrase;
        }

        // "…"، قال بايدن / "…"، بحسب البيان
        private Cue? FindCueAfter(int close)
        {
            var k = close + 1;
            if (IsPunct(k, '\u060C') || IsPunct(k, ','))
            {
                k++;
            }

            if (!doc.IsWord(k))
            {
                return null;
            }

            if (_w.SpeechVerbs.TryMatch(doc, k, out var verb, maxTokens: 2))
            {
                return new Cue(k, verb.End, verb.Skip, false, true);
            }

            if (_w.CuePhrases.TryMatch(doc, k, out var phrase, maxTokens: 4) && phrase.Value.Kind is CueKind.AccordingTo or CueKind.Manner)
            {
                return new Cue(k, phrase.End, phrase.Skip, false, true);
            }

            return null;
        }

        /// <summary>
        /// The speaker of a cue: the entity or speaker phrase right after it (وقال وزير الخارجية الروسي
        /// سيرغي لافروف، أفاد متحدث باسم الجنرال براون، أفاد موقع “أكسيوس”), else the first person or
        /// organization before <paramref name="limit"/> that is not behind a preposition, else an entity
        /// right before the verb (زاخاروفا قالت), else the previous speaker. A continuation with no
        /// subject of its own (وأضاف: …، مشيرا إلى أن) takes the previous speaker.
        /// </summary>
        private QuoteSpeaker? FindSpeaker(Cue cue, int limit)
        {
            var end = Math.Min(limit, cue.End + SpeakerWindow);
            var k = SkipMarks(cue.End, end);

            // وأوضحت إدارة بايدن، حكومة بينيت: the administration speaks, named by its leader.
            if (k < end && doc.IsWord(k) && _w.OrgHeads.TryMatch(doc, k, out var head, maxTokens: 2) && head.Value == "administration")
            {
                var p = head.End;
                while (p < end && p - head.End < 4 && owner[p] >= 0 && entities[owner[p]].Mention.Kind == EntityKind.Nationality || p < end && doc.IsWord(p) && owner[p] < 0 && StartsWithArticle(p) && p - head.End < 4)
                {
                    p++;
                }

                if (p < end && owner[p] >= 0 && entities[owner[p]].Mention.Kind == EntityKind.Person)
                {
                    return Phrase(k, entities[owner[p]].End);
                }
            }

            if (k < end && owner[k] >= 0 && entities[owner[k]].Mention.Kind != EntityKind.Nationality)
            {
                var hit = entities[owner[k]];
                // A title phrase such as المتحدثة باسم الخارجية الروسية، ماريا زاخاروفا: the person after it.
                return hit.Mention.Kind == EntityKind.Person ? FromEntity(hit) : PersonAfter(hit.End, end) ?? FromEntity(hit);
            }

            if (cue.Continuation && _lastSpeaker is not null)
            {
                return _lastSpeaker;
            }

            var isVerb = _w.SpeechVerbs.TryMatch(doc, cue.Start, out var verb, maxTokens: 2);
            if (!isVerb && EntityIn(k, end, behindPreposition: true) is { } source)
            {
                return FromEntity(source); // وفقا لبيان صادر عن البنتاجون
            }

            // نقل الموقع عن مسؤول “إسرائيلي” بارز: the source after عن said it.
            if (isVerb && verb.Value.Relay && RelaySource(k, end) is { } relayed)
            {
                return relayed;
            }

            if (k < end && doc.IsWord(k))
            {
                if (_w.Titles.TryMatch(doc, k, out var title, maxTokens: 5))
                {
                    if (title.Value == "spokesperson")
                    {
                        // متحدث باسم الجنرال براون speaks for Brown but is not Brown; a name after the body
                        // spoken for is the spokesperson's own (المتحدثة باسم المفوضية جمانة الغلاي، المتحدثة
                        // باسم الخارجية الروسية، ماريا زاخاروفا).
                        var r = title.End;
                        var body = false;
                        while (r < end && !IsPunct(r, ':') && !IsComplementizer(r) && !IsSentenceEnd(r) && !IsPreposition(r))
                        {
                            if (owner[r] >= 0 && entities[owner[r]].Mention.Kind == EntityKind.Person)
                            {
                                if (body)
                                {
                                    return FromEntity(entities[owner[r]]);
                                }

                                r = entities[owner[r]].End;
                                break; // the person spoken for
                            }

                            if (IsPunct(r, '\u060C') || IsPunct(r, ','))
                            {
                                if (!body)
                                {
                                    break;
                                }

                                r++;
                                continue;
                            }

                            if (IsQuoteMark(r) || (doc.IsWord(r) && _w.Titles.ContainsToken(doc, r, out _, allowClitic: false)))
                            {
                                r++;
                                continue;
                            }

                            body = true;
                            r = owner[r] >= 0 ? entities[owner[r]].End : r + 1;
                        }

                        return Phrase(k, r);
                    }

                    if (PersonAfter(title.End, end) is { } titled)
                    {
                        return titled;
                    }

                    return Phrase(k, TitleEnd(title.End, end));
                }

                if (_w.SpeakerNouns.TryMatch(doc, k, out var noun, maxTokens: 3) && (noun.Value != "quantifier" || (doc.IsWord(noun.End) && _w.SpeakerNouns.TryMatch(doc, noun.End, out noun, maxTokens: 3))))
                {
                    // موقع “أكسيوس”، صحيفة “هآرتس”: the named entity right after the noun is the speaker.
                    var named = SkipMarks(noun.End, end);
                    if (named < end && named - noun.End <= 1 && owner[named] >= 0 && entities[owner[named]].Mention.Kind is EntityKind.Organization or EntityKind.Person)
                    {
                        return FromEntity(entities[owner[named]]);
                    }

                    var stop = noun.End;
                    while (stop < end && stop - k < 8 && (doc.IsWord(stop) || owner[stop] >= 0) && !IsComplementizer(stop) && !IsPreposition(stop) && !HasPrepositionClitic(stop))
                    {
                        stop++;
                    }

                    return Phrase(k, stop);
                }
            }

            if (EntityIn(k, end) is { } entity)
            {
                return FromEntity(entity);
            }

            // Before the verb: زاخاروفا قالت، لافروف الذي قال.
            for (var b = cue.Start - 1; b >= 0 && b >= cue.Start - 3; b--)
            {
                if (owner[b] >= 0 && entities[owner[b]].Mention.Kind is EntityKind.Person or EntityKind.Organization)
                {
                    return FromEntity(entities[owner[b]]);
                }

                if (!(doc.IsWord(b) && _w.FunctionWords.ContainsToken(doc, b, out _, allowClitic: false)))
                {
                    break;
                }
            }

            return _lastSpeaker;
        }

        // للموقع، لوكالة، للصحفيين، لـ: a word behind a preposition ends a speaker phrase.
        private bool HasPrepositionClitic(int k)
        {
            if (!doc.IsWord(k))
            {
                return false;
            }

            var word = _t.TokenText(k);
            if (word.Length == 1 && word[0] is Clitics.Lam or Clitics.Beh or Clitics.Kaf)
            {
                return true; // لـ written apart
            }

            var skip = doc.StemSkips[k];
            return skip > 0 && doc.Ids[k] == Vocabulary.Unknown && word[skip - 1] is Clitics.Lam or Clitics.Beh or Clitics.Kaf;
        }

        // تأكيده، قوله: a noun with a possessive pronoun is what the source said, not part of the source.
        // The original ends with heh (a teh marbuta would be part of a name or noun).
        private bool HasPronounSuffix(int k)
        {
            if (!doc.IsWord(k) || owner[k] >= 0 || _t[k].Length <= 3)
            {
                return false;
            }

            var span = _t.Span(k, k);
            var original = _t.Original.AsSpan(span.Start, span.Length);
            var last = original.Length - 1;
            while (last > 0 && ArabicNormalizer.IsCombiningMark(original[last]))
            {
                last--;
            }

            return original[last] == ArabicNormalizer.Heh;
        }

        // The speaker phrase or entity after عن in a relayed report.
        private QuoteSpeaker? RelaySource(int from, int end)
        {
            for (var j = from; j < end - 1; j++)
            {
                if (IsSentenceEnd(j) || IsComplementizer(j))
                {
                    return null;
                }

                if (!(doc.IsWord(j) && _w.FunctionWords.ContainsToken(doc, j, out _, allowClitic: false) && _t[j].Length == 2 && _t.TokenText(j)[0] == '\u0639'))
                {
                    continue; // looking for عن
                }

                var s = SkipMarks(j + 1, end);
                if (s < end && owner[s] >= 0 && entities[owner[s]].Mention.Kind is EntityKind.Person or EntityKind.Organization)
                {
                    return FromEntity(entities[owner[s]]);
                }

                var stop = s;
                while (stop < end && stop - s < 6 && (doc.IsWord(stop) || IsQuoteMark(stop) || owner[stop] >= 0) && !IsComplementizer(stop) && !IsPreposition(stop) && !HasPrepositionClitic(stop) && !HasPronounSuffix(stop))
                {
                    stop++;
                }

                while (stop > s && IsQuoteMark(stop - 1))
                {
                    stop--;
                }

                return stop > s ? Phrase(s, stop) : null;
            }

            return null;
        }

        private bool StartsWithArticle(int k)
        {
            var w = _t.TokenText(k);
            return w.Length > 3 && w[0] == ArabicNormalizer.Alef && w[1] == Clitics.Lam;
        }

        private QuoteSpeaker Phrase(int first, int end)
        {
            while (end > first + 1 && (IsQuoteMark(end - 1) || HasPrepositionClitic(end - 1)))
            {
                end--;
            }

            // لمصادر مطلعة (after وفقاً): the preposition is not part of the speaker.
            var skip = doc.Ids[first] == Vocabulary.Unknown && doc.StemSkips[first] > 0 ? doc.StemSkips[first] : 0;
            var span = _t.Span(first, Math.Max(first, end - 1), skip);
            return new QuoteSpeaker(span, "", _t.Original[span.Start..span.End]);
        }

        // وزير الدفاع الأميركي: a title and the nationality, place or definite words that qualify it.
        private int TitleEnd(int from, int end)
        {
            var j = from;
            while (j < end)
            {
                if (owner[j] >= 0 && entities[owner[j]].Mention.Kind != EntityKind.Person)
                {
                    j = entities[owner[j]].End;
                    continue;
                }

                if (doc.IsWord(j) && _t[j].Length > 3 && _t.TokenText(j).StartsWith("\u0627\u0644") && !_w.FunctionWords.ContainsToken(doc, j, out _, allowClitic: false))
                {
                    j++;
                    continue;
                }

                break;
            }

            return j;
        }

        private int SkipMarks(int k, int end)
        {
            while (k < end && (IsPunct(k, '\u060C') || IsPunct(k, ',') || IsQuoteMark(k)))
            {
                k++;
            }

            return k;
        }

        // The first person, else the first organization, up to the complementizer; one behind a
        // preposition (على تويتر، في ولاية بنسلفانيا) is where it was said, not who said it.
        private EntityHit? EntityIn(int from, int end, bool behindPreposition = false)
        {
            EntityHit? best = null;
            for (var j = from; j < end; j++)
            {
                if (IsSentenceEnd(j) || IsComplementizer(j) || IsPunct(j, ':'))
                {
                    break;
                }

                var o = owner[j];
                if (o < 0)
                {
                    continue;
                }

                var hit = entities[o];
                j = hit.End - 1;
                if (!behindPreposition && IsPrepositionBefore(hit.First))
                {
                    continue;
                }

                if (hit.Mention.Kind == EntityKind.Person)
                {
                    return hit;
                }

                if (best is null && hit.Mention.Kind == EntityKind.Organization)
                {
                    best = hit;
                }
            }

            return best;
        }

        private bool IsPrepositionBefore(int first)
        {
            if (doc.StemSkips[first] > 0 && doc.Ids[first] == Vocabulary.Unknown && _t.TokenText(first)[doc.StemSkips[first] - 1] is Clitics.Beh or Clitics.Lam or Clitics.Kaf)
            {
                return true; // لبيان، بواشنطن
            }

            var p = first - 1;
            while (p >= 0 && IsQuoteMark(p))
            {
                p--;
            }

            return p >= 0 && (HasPrepositionClitic(p) && _t[p].Length == 1
                || doc.IsWord(p) && _w.FunctionWords.ContainsToken(doc, p, out _, allowClitic: false) && _t[p].Length <= 4 && !IsComplementizer(p));
        }

        private QuoteSpeaker? PersonAfter(int from, int end)
        {
            for (var j = from; j < end && j < _t.Count; j++)
            {
                if (IsSentenceEnd(j) || IsComplementizer(j) || IsPunct(j, ':'))
                {
                    return null;
                }

                if (owner[j] >= 0 && entities[owner[j]].Mention.Kind == EntityKind.Person)
                {
                    return FromEntity(entities[owner[j]]);
                }
            }

            return null;
        }

        private static QuoteSpeaker FromEntity(EntityHit hit) =>
            new(hit.Mention.Span, hit.Mention.EntityId, hit.Mention.Canonical);

        // وأضاف، وتابع (the continuation list) and participles of narration (مضيفا، مشيرا، معتبرة):
        // they continue the sentence's subject.
        private bool IsContinuationVerb(PhraseMatch<SpeechVerb> verb)
        {
            if (_w.CuePhrases.TryMatch(doc, verb.Start, out var c, maxTokens: 3) && c.Value.Kind == CueKind.Continuation)
            {
                return true;
            }

            var word = _t.TokenText(verb.Start)[verb.Skip..];
            return word.Length > 3 && word[0] == '\u0645' && verb.Value.Lemma.Length > 0 && verb.Value.Lemma[0] != '\u0645';
        }

        private bool IsComplementizer(int k) =>
            (doc.IsWord(k) && _w.CuePhrases.TryMatch(doc, k, out var c, allowClitic: false, maxTokens: 1) && c.Value.Kind == CueKind.Complementizer)
            || (doc.IsWord(k) && doc.StemSkips[k] > 0 && _t.TokenText(k)[0] == Clitics.Beh && _w.CuePhrases.ContainsToken(doc, k, out var s) && s.Kind == CueKind.Complementizer);

        private bool IsPrepositionBeforeComplementizer(int k)
        {
            if (!doc.IsWord(k))
            {
                return false;
            }

            var w = _t.TokenText(k);
            return w.SequenceEqual("\u0641\u064A") || w.SequenceEqual("\u0639\u0646");
        }

        private bool IsPreposition(int k) =>
            doc.IsWord(k) && _w.FunctionWords.ContainsToken(doc, k, out _, allowClitic: false) && _t[k].Length <= 3;

        private bool IsPunct(int k, char c) => _t.IsPunct(k, c);

        private bool IsQuoteMark(int k) =>
            k >= 0 && k < _t.Count && _t[k].Kind == TokenKind.Punct && QuoteMarks.IsQuoteMark(_t.Normalized.Chars[_t[k].Start]);

        private bool IsSentenceEnd(int k) => _t.IsSentenceEnd(k);

        // A reported clause ends with its sentence, or where a new speech act starts (، معتبرة أن …).
        private int ClauseEnd(int from)
        {
            var k = from;
            while (k < _t.Count && !IsSentenceEnd(k))
            {
                if ((IsPunct(k, '\u060C') || IsPunct(k, ',')) && doc.IsWord(k + 1) && _w.SpeechVerbs.TryMatch(doc, k + 1, out _, maxTokens: 2))
                {
                    break;
                }

                k++;
            }

            return k;
        }

        private int SentenceEnd(int from)
        {
            var k = from;
            while (k < _t.Count && !IsSentenceEnd(k))
            {
                k++;
            }

            return k;
        }
    }
}

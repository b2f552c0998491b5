using ExtractRpc.Engine.Dates;
using ExtractRpc.Engine.Extractors;
using ExtractRpc.Engine.Lexicon;
using ExtractRpc.Engine.Pipeline;
using ExtractRpc.Engine.Quotes;
using ExtractRpc.Engine.Text;

namespace ExtractRpc.Engine;

/// <summary>
/// Runs the extractors over one document: analysis (folding and tokens, once), entities, dates
/// (after choosing the reference time) and quotes (which read the entities). Immutable and
/// thread-safe: build one per lexicon and share it. Never throws for content; throws
/// <see cref="OperationCanceledException"/> when the token is cancelled.
/// </summary>
public sealed class ExtractionPipeline
{
    /// <summary>Lines from the top or the bottom of an article where a dateline may stand.</summary>
    private const int DatelineLines = 4;

    /// <summary>Most words a dateline line holds besides its date (a site name, a city).</summary>
    private const int DatelineMaxWords = 8;

    private readonly EntityExtractor _entities = new();
    private readonly DateExtractor _dates = new();
    private readonly QuoteExtractor _quotes = new();
    private readonly TimeProvider _clock;

    /// <summary>Creates a pipeline over <paramref name="lexicon"/>; <paramref name="clock"/> supplies the
    /// reference time when neither the request nor the article gives one.</summary>
    public ExtractionPipeline(CompiledLexicon lexicon, TimeProvider? clock = null)
    {
        Lexicon = lexicon ?? throw new ArgumentNullException(nameof(lexicon));
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>The lexicon the pipeline matches against.</summary>
    public CompiledLexicon Lexicon { get; }

    /// <summary>Extracts from <paramref name="text"/>. Spans are UTF-16 ranges of <paramref name="text"/>.</summary>
    public ExtractionResult Extract(string text, ExtractionOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        using var doc = Document.Create(text, Lexicon, cancellationToken);
        var kinds = options.Kinds == ExtractionKinds.None ? ExtractionKinds.All : options.Kinds;

        var entityHits = new List<EntityHit>();
        if ((kinds & (ExtractionKinds.Entities | ExtractionKinds.Quotes)) != 0)
        {
            _entities.Extract(doc, entityHits, cancellationToken);
        }

        var (reference, source) = ChooseReference(doc, options, cancellationToken);
        var dates = new List<DateMention>();
        if ((kinds & ExtractionKinds.Dates) != 0)
        {
            var hits = new List<DateHit>();
            _dates.Extract(doc, TimeZoneInfo.ConvertTime(reference, options.TimeZone).DateTime, hits, cancellationToken);
            dates.AddRange(hits.Select(h => h.Mention));
        }

        var quotes = new List<QuoteMention>();
        if ((kinds & ExtractionKinds.Quotes) != 0)
        {
            _quotes.Extract(doc, entityHits, quotes, cancellationToken);
        }

        IReadOnlyList<EntityMention> entities = (kinds & ExtractionKinds.Entities) != 0 ? entityHits.ConvertAll(h => h.Mention) : [];
        return new ExtractionResult(entities, dates, quotes, reference, source, Lexicon.Version);
    }

    private (DateTimeOffset Reference, ReferenceSource Source) ChooseReference(Document doc, ExtractionOptions options, CancellationToken cancellationToken)
    {
        if (options.ReferenceTime is { } requested)
        {
            return (requested, ReferenceSource.Request);
        }

        var now = _clock.GetUtcNow();
        var local = TimeZoneInfo.ConvertTime(now, options.TimeZone).DateTime;

        // A dateline stands on one of the first or last lines: only those are read for it.
        var (headEnd, tailStart) = DatelineRegions(doc);
        var hits = new List<DateHit>();
        _dates.Extract(doc, local, hits, 0, headEnd, cancellationToken);
        if (tailStart < doc.Count)
        {
            var tail = new List<DateHit>();
            _dates.Extract(doc, local, tail, Math.Max(headEnd, tailStart), doc.Count, cancellationToken);
            hits.AddRange(tail);
        }

        if (FindDateline(doc, hits) is { } dateline)
        {
            var found = DateTime.SpecifyKind(dateline, DateTimeKind.Unspecified);
            return (new DateTimeOffset(found, options.TimeZone.GetUtcOffset(found)), ReferenceSource.Dateline);
        }

        return (now, ReferenceSource.Clock);
    }

    /// <summary>
    /// The tokens where a dateline may start: [0, head end) are the first <see cref="DatelineLines"/>
    /// lines, [tail start, count) the last ones (the two overlap in a short article).
    /// </summary>
    private static (int HeadEnd, int TailStart) DatelineRegions(Document doc) =>
        (TokenAfterBreak(doc, 0, +1) ?? doc.Count, TokenAfterBreak(doc, doc.Count - 1, -1) ?? 0);

    /// <summary>The token after the <see cref="DatelineLines"/>-th line break met going from
    /// <paramref name="from"/> in direction <paramref name="step"/>, or null when there are fewer.</summary>
    private static int? TokenAfterBreak(Document doc, int from, int step)
    {
        var t = doc.Text;
        var breaks = 0;
        for (var i = from; i >= 0 && i < t.Count; i += step)
        {
            if (t[i].Kind == TokenKind.LineBreak && ++breaks == DatelineLines)
            {
                return i + 1;
            }
        }

        return null;
    }

    /// <summary>
    /// A dateline is an absolute date (a day, with or without time) on a short line near the top or
    /// the bottom of the article: "4-5-2022 الميادين نت", "الجمعة 4 يونيو 2021 04:57 م".
    /// </summary>
    private static DateTime? FindDateline(Document doc, List<DateHit> hits)
    {
        if (hits.Count == 0)
        {
            return null;
        }

        var t = doc.Text;
        var lines = 0;
        for (var i = 0; i < t.Count; i++)
        {
            if (t[i].Kind == TokenKind.LineBreak)
            {
                lines++;
            }
        }

        foreach (var hit in hits)
        {
            var m = hit.Mention;
            if (m.Relative || m.Kind != DateKind.Date || m.Granularity is not (DateGranularity.Day or DateGranularity.Time))
            {
                continue;
            }

            // The line around the hit.
            var start = hit.First;
            while (start > 0 && t[start - 1].Kind != TokenKind.LineBreak)
            {
                start--;
            }

            var end = hit.End;
            while (end < t.Count && t[end].Kind != TokenKind.LineBreak)
            {
                end++;
            }

            var line = 0;
            for (var i = 0; i < start; i++)
            {
                if (t[i].Kind == TokenKind.LineBreak)
                {
                    line++;
                }
            }

            var words = 0;
            for (var i = start; i < end; i++)
            {
                if ((i < hit.First || i >= hit.End) && t[i].Kind == TokenKind.Word)
                {
                    words++;
                }
            }

            if (words <= DatelineMaxWords && (line < DatelineLines || lines - line < DatelineLines))
            {
                return DateTime.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None);
            }
        }

        return null;
    }
}

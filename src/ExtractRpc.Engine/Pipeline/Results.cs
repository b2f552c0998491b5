using ExtractRpc.Engine.Lexicon;
using ExtractRpc.Engine.Text;

namespace ExtractRpc.Engine.Pipeline;

/// <summary>What found an entity mention.</summary>
public enum MentionSource : byte
{
    /// <summary>A lexicon entry.</summary>
    Lexicon,
    /// <summary>A rule.</summary>
    Rule,
    /// <summary>A later mention linked to an earlier one of the same document.</summary>
    Coreference,
}

/// <summary>One mention of an entity. Spans are UTF-16 ranges of the original text.</summary>
/// <param name="Span">Where the mention is (proclitics left out).</param>
/// <param name="Kind">What the entity is.</param>
/// <param name="EntityId">Shared by every mention of one entity (lexicon ids are stable; rule ids start with "doc:").</param>
/// <param name="Canonical">Canonical Arabic name.</param>
/// <param name="English">English name, empty when unknown.</param>
/// <param name="Confidence">From 0 to 1.</param>
/// <param name="Source">What found it.</param>
public sealed record EntityMention(TextSpan Span, EntityKind Kind, string EntityId, string Canonical, string English, float Confidence, MentionSource Source)
{
    private readonly TextSpan? _nameSpan;

    /// <summary>
    /// The proper name alone, inside <see cref="Span"/>: without the classifier noun before it (مدينة غزة،
    /// حركة حماس → غزة، حماس), the direction before a place (جنوب لبنان → لبنان) or the epithet after it
    /// (مكة المكرمة → مكة). <see cref="Span"/> itself when the mention is all name.
    /// </summary>
    public TextSpan NameSpan { get => _nameSpan ?? Span; init => _nameSpan = value; }

    /// <summary>True when <see cref="NameSpan"/> is narrower than <see cref="Span"/>.</summary>
    public bool HasNarrowerName => _nameSpan is { } name && name != Span;

    /// <summary>
    /// True when the mention describes the entity instead of naming it: a country's institution by its
    /// common noun and the country's nationality adjective (الجيش اللبناني، الحكومة السودانية), a nominal
    /// mention in ACE's terms. Corpora of proper names (ANERcorp) do not tag these.
    /// </summary>
    public bool IsNominal { get; init; }
}

/// <summary>The finest unit a date value states.</summary>
public enum DateGranularity : byte
{
    /// <summary>A year.</summary>
    Year,
    /// <summary>A month.</summary>
    Month,
    /// <summary>An ISO week.</summary>
    Week,
    /// <summary>A day.</summary>
    Day,
    /// <summary>A time of day.</summary>
    Time,
}

/// <summary>What a temporal expression denotes.</summary>
public enum DateKind : byte
{
    /// <summary>A point or calendar unit.</summary>
    Date,
    /// <summary>A range "start/end".</summary>
    Range,
    /// <summary>A duration (P3D).</summary>
    Duration,
}

/// <summary>One temporal expression, resolved.</summary>
/// <param name="Span">Where it is.</param>
/// <param name="Value">ISO 8601 value.</param>
/// <param name="Granularity">The finest unit stated.</param>
/// <param name="Relative">True when resolved against the reference time.</param>
/// <param name="Calendar">The calendar it was written in.</param>
/// <param name="Kind">Point, range or duration.</param>
public sealed record DateMention(TextSpan Span, string Value, DateGranularity Granularity, bool Relative, CalendarSystem Calendar, DateKind Kind);

/// <summary>How speech is reported.</summary>
public enum QuoteKind : byte
{
    /// <summary>In quote marks.</summary>
    Direct,
    /// <summary>Reported with إن/أن.</summary>
    Indirect,
}

/// <summary>Who said a quote.</summary>
/// <param name="Span">The speaker as written.</param>
/// <param name="EntityId">The entity's id when the speaker is an entity mention, else empty.</param>
/// <param name="Canonical">The entity's canonical name, else the speaker text.</param>
public sealed record QuoteSpeaker(TextSpan Span, string EntityId, string Canonical);

/// <summary>One quotation.</summary>
/// <param name="Span">The content, without quote marks.</param>
/// <param name="Kind">Direct or indirect.</param>
/// <param name="Speaker">Who said it, or null.</param>
/// <param name="Cue">The speech verb or cue phrase, or null.</param>
/// <param name="Confidence">From 0 to 1.</param>
public sealed record QuoteMention(TextSpan Span, QuoteKind Kind, QuoteSpeaker? Speaker, TextSpan? Cue, float Confidence);

/// <summary>Where the reference time came from.</summary>
public enum ReferenceSource : byte
{
    /// <summary>The request.</summary>
    Request,
    /// <summary>The article's dateline.</summary>
    Dateline,
    /// <summary>The clock (the <see cref="TimeProvider"/> the pipeline was given).</summary>
    Clock,
}

/// <summary>Which extractors to run.</summary>
[Flags]
public enum ExtractionKinds : byte
{
    /// <summary>None.</summary>
    None = 0,
    /// <summary>Entities.</summary>
    Entities = 1,
    /// <summary>Dates.</summary>
    Dates = 2,
    /// <summary>Quotes.</summary>
    Quotes = 4,
    /// <summary>All of them.</summary>
    All = Entities | Dates | Quotes,
}

/// <summary>Options of one extraction.</summary>
/// <param name="Kinds">Which extractors to run.</param>
/// <param name="ReferenceTime">Anchor for relative dates; null means the dateline, else the clock.</param>
/// <param name="TimeZone">Zone the reference time is read in.</param>
public sealed record ExtractionOptions(ExtractionKinds Kinds, DateTimeOffset? ReferenceTime, TimeZoneInfo TimeZone)
{
    /// <summary>All kinds, no reference time, UTC.</summary>
    public static ExtractionOptions Default { get; } = new(ExtractionKinds.All, null, TimeZoneInfo.Utc);
}

/// <summary>The result of one extraction. Immutable.</summary>
/// <param name="Entities">Entity mentions in text order.</param>
/// <param name="Dates">Date mentions in text order.</param>
/// <param name="Quotes">Quotes in text order.</param>
/// <param name="ReferenceTime">The reference time used.</param>
/// <param name="ReferenceSource">Where it came from.</param>
/// <param name="LexiconVersion">The lexicon's version.</param>
public sealed record ExtractionResult(
    IReadOnlyList<EntityMention> Entities,
    IReadOnlyList<DateMention> Dates,
    IReadOnlyList<QuoteMention> Quotes,
    DateTimeOffset ReferenceTime,
    ReferenceSource ReferenceSource,
    string LexiconVersion);

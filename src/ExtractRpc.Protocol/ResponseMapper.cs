using ExtractRpc.Engine;
using ExtractRpc.Engine.Lexicon;
using ExtractRpc.Engine.Pipeline;
using ExtractRpc.Engine.Text;
using ExtractRpc.Protocol.V1;
using Google.Protobuf.WellKnownTypes;
using Proto = ExtractRpc.Protocol.V1;

namespace ExtractRpc.Protocol;

/// <summary>Maps between the wire contract and the engine. Thread-safe (no state).</summary>
public static class ResponseMapper
{
    /// <summary>The engine kinds a request asks for (empty means all).</summary>
    public static ExtractionKinds Kinds(IEnumerable<ExtractionKind> kinds)
    {
        var result = ExtractionKinds.None;
        foreach (var kind in kinds)
        {
            result |= kind switch
            {
                ExtractionKind.Entities => ExtractionKinds.Entities,
                ExtractionKind.Dates => ExtractionKinds.Dates,
                ExtractionKind.Quotes => ExtractionKinds.Quotes,
                _ => ExtractionKinds.None,
            };
        }

        return result == ExtractionKinds.None ? ExtractionKinds.All : result;
    }

    /// <summary>Builds the response for <paramref name="result"/> of <paramref name="text"/>.</summary>
    public static ExtractResponse ToResponse(string id, string text, ExtractionResult result, OffsetUnit unit, TimeZoneInfo zone)
    {
        var mapper = new OffsetMapper(text, unit);
        foreach (var e in result.Entities)
        {
            Add(mapper, e.Span);
            if (e.HasNarrowerName)
            {
                Add(mapper, e.NameSpan);
            }
        }

        foreach (var d in result.Dates)
        {
            Add(mapper, d.Span);
        }

        foreach (var q in result.Quotes)
        {
            Add(mapper, q.Span);
            if (q.Speaker is { } s)
            {
                Add(mapper, s.Span);
            }

            if (q.Cue is { } c)
            {
                Add(mapper, c);
            }
        }

        mapper.Compute();
        var response = new ExtractResponse
        {
            Id = id,
            ReferenceTime = Timestamp.FromDateTimeOffset(result.ReferenceTime),
            ReferenceTimeSource = result.ReferenceSource switch
            {
                ReferenceSource.Request => ReferenceTimeSource.Request,
                ReferenceSource.Dateline => ReferenceTimeSource.Dateline,
                _ => ReferenceTimeSource.ServerClock,
            },
            LexiconVersion = result.LexiconVersion,
            OffsetUnit = mapper.Unit,
            TimeZone = zone.Id,
        };

        foreach (var e in result.Entities)
        {
            var entity = new Entity
            {
                Text = Slice(text, e.Span),
                Span = Map(mapper, e.Span),
                Type = e.Kind switch
                {
                    EntityKind.Person => EntityType.Person,
                    EntityKind.Organization => EntityType.Organization,
                    EntityKind.Location => EntityType.Location,
                    _ => EntityType.Nationality,
                },
                CanonicalName = e.Canonical,
                EnglishName = e.English,
                EntityId = e.EntityId,
                Confidence = e.Confidence,
                Source = e.Source switch
                {
                    MentionSource.Lexicon => EntitySource.Lexicon,
                    MentionSource.Rule => EntitySource.Rule,
                    _ => EntitySource.Coreference,
                },
                Nominal = e.IsNominal,
            };
            if (e.HasNarrowerName)
            {
                entity.NameSpan = Map(mapper, e.NameSpan);
            }

            response.Entities.Add(entity);
        }

        foreach (var d in result.Dates)
        {
            response.Dates.Add(new Proto.DateMention
            {
                Text = Slice(text, d.Span),
                Span = Map(mapper, d.Span),
                Value = d.Value,
                Granularity = d.Granularity switch
                {
                    Engine.Pipeline.DateGranularity.Year => Proto.DateGranularity.Year,
                    Engine.Pipeline.DateGranularity.Month => Proto.DateGranularity.Month,
                    Engine.Pipeline.DateGranularity.Week => Proto.DateGranularity.Week,
                    Engine.Pipeline.DateGranularity.Day => Proto.DateGranularity.Day,
                    _ => Proto.DateGranularity.Time,
                },
                Relative = d.Relative,
                Calendar = d.Calendar == CalendarSystem.Hijri ? Calendar.Hijri : Calendar.Gregorian,
                Kind = d.Kind switch
                {
                    Engine.Pipeline.DateKind.Range => Proto.DateKind.Range,
                    Engine.Pipeline.DateKind.Duration => Proto.DateKind.Duration,
                    _ => Proto.DateKind.Date,
                },
            });
        }

        foreach (var q in result.Quotes)
        {
            var quote = new Quote
            {
                Text = Slice(text, q.Span),
                Span = Map(mapper, q.Span),
                Kind = q.Kind == Engine.Pipeline.QuoteKind.Direct ? Proto.QuoteKind.Direct : Proto.QuoteKind.Indirect,
                Confidence = q.Confidence,
            };
            if (q.Speaker is { } s)
            {
                quote.Speaker = new Speaker
                {
                    Text = Slice(text, s.Span),
                    Span = Map(mapper, s.Span),
                    EntityId = s.EntityId,
                    CanonicalName = s.Canonical,
                };
            }

            if (q.Cue is { } c)
            {
                quote.Cue = Slice(text, c);
                quote.CueSpan = Map(mapper, c);
            }

            response.Quotes.Add(quote);
        }

        return response;
    }

    private static void Add(OffsetMapper mapper, TextSpan span)
    {
        mapper.Add(span.Start);
        mapper.Add(span.End);
    }

    private static Span Map(OffsetMapper mapper, TextSpan span) => new() { Start = mapper.Map(span.Start), End = mapper.Map(span.End) };

    private static string Slice(string text, TextSpan span) => text[span.Start..span.End];
}

using System.Globalization;
using System.Text.Json;
using ExtractRpc.Engine.Pipeline;
using ExtractRpc.Protocol;
using ExtractRpc.Protocol.V1;

namespace ExtractRpc.Engine.Tests.Golden;

/// <summary>
/// The five seed articles against their reviewed expected output (seeds/*.expected.json). Offsets
/// are code points, as a Python caller slices.
/// </summary>
public sealed class SeedGoldenTests
{
    public static TheoryData<string> Seeds()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(SeedDirectory, "*.expected.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file)[..^".expected.json".Length]);
        }

        return data;
    }

    private static string SeedDirectory => Path.Combine(AppContext.BaseDirectory, "seeds");

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ExpectedSpans_SliceTheSeedText(string seed)
    {
        var (text, expected) = Load(seed);
        foreach (var item in expected.AllSpans())
        {
            Assert.Equal(item.Text, SliceCodePoints(text, item.Start, item.End));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Entities_MatchTheReviewedExpectation(string seed)
    {
        var (text, expected) = Load(seed);
        var response = Run(text, expected);
        // The name span and the nominal flag show only where the mention has them.
        var actual = response.Entities.Select(e => $"{e.Span.Start}-{e.Span.End} {e.Type.ToString().ToUpperInvariant()} {e.EntityId} {e.Text}"
            + (e.NameSpan is { } n ? $" name={n.Start}-{n.End}" : "") + (e.Nominal ? " nominal" : "")).ToList();
        var wanted = expected.Entities.Select(e => $"{e.Start}-{e.End} {e.Type.Replace("_", "", StringComparison.Ordinal)} {e.EntityId} {e.Text}"
            + (e.Name is { } n ? $" name={n.Start}-{n.End}" : "") + (e.Nominal ? " nominal" : "")).ToList();
        AssertSame(wanted, actual);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Dates_MatchTheReviewedExpectation(string seed)
    {
        var (text, expected) = Load(seed);
        var response = Run(text, expected);
        AssertSame(
            expected.Dates.Select(d => $"{d.Start}-{d.End} {d.Value} {d.Text}").ToList(),
            response.Dates.Select(d => $"{d.Span.Start}-{d.Span.End} {d.Value} {d.Text}").ToList());
        Assert.Equal(expected.ReferenceTimeSource, response.ReferenceTimeSource.ToString());
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Quotes_MatchTheReviewedExpectation(string seed)
    {
        var (text, expected) = Load(seed);
        var response = Run(text, expected);
        AssertSame(
            expected.Quotes.Select(q => $"{q.Start}-{q.End} {q.Kind} cue={q.Cue} speaker={q.Speaker}|{q.SpeakerId}").ToList(),
            response.Quotes.Select(q => $"{q.Span.Start}-{q.Span.End} {q.Kind.ToString().ToUpperInvariant()} cue={q.Cue} speaker={q.Speaker?.Text}|{q.Speaker?.EntityId}").ToList());
    }

    private static void AssertSame(List<string> expected, List<string> actual)
    {
        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"missing:\n  {string.Join("\n  ", missing)}\nunexpected:\n  {string.Join("\n  ", extra)}");
        Assert.Equal(expected.Count, actual.Count);
    }

    private static ExtractResponse Run(string text, Expected expected)
    {
        DateTimeOffset? reference = expected.ReferenceTime is { } r ? DateTimeOffset.Parse(r, CultureInfo.InvariantCulture) : null;
        var result = TestLexicon.Pipeline.Extract(text, new ExtractionOptions(ExtractionKinds.All, reference, TimeZoneInfo.Utc));
        return ResponseMapper.ToResponse("", text, result, OffsetUnit.CodePoint, TimeZoneInfo.Utc);
    }

    private static (string Text, Expected Expected) Load(string seed)
    {
        var text = File.ReadAllText(Path.Combine(SeedDirectory, seed + ".txt"));
        var json = File.ReadAllText(Path.Combine(SeedDirectory, seed + ".expected.json"));
        var expected = JsonSerializer.Deserialize<Expected>(json, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower })!;
        return (text, expected);
    }

    internal static string SliceCodePoints(string text, int start, int end)
    {
        var runes = text.EnumerateRunes().ToArray();
        Assert.InRange(start, 0, runes.Length);
        Assert.InRange(end, start, runes.Length);
        return string.Concat(runes[start..end].Select(r => r.ToString()));
    }

    private sealed record Expected(
        string? ReferenceTime,
        string ReferenceTimeSource,
        List<ExpectedEntity> Entities,
        List<ExpectedDate> Dates,
        List<ExpectedQuote> Quotes)
    {
        public IEnumerable<(string Text, int Start, int End)> AllSpans() =>
            Entities.Select(e => (e.Text, e.Start, e.End))
                .Concat(Entities.Where(e => e.Name is not null).Select(e => (e.Name!.Text, e.Name.Start, e.Name.End)))
                .Concat(Dates.Select(d => (d.Text, d.Start, d.End)))
                .Concat(Quotes.Select(q => (q.Text, q.Start, q.End)));
    }

    private sealed record ExpectedEntity(string Text, int Start, int End, string Type, string EntityId, ExpectedName? Name = null, bool Nominal = false);

    private sealed record ExpectedName(string Text, int Start, int End);

    private sealed record ExpectedDate(string Text, int Start, int End, string Value);

    private sealed record ExpectedQuote(string Text, int Start, int End, string Kind, string Cue, string Speaker, string SpeakerId);
}

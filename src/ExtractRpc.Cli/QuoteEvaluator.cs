using System.Globalization;
using System.Text;
using System.Text.Json;
using ExtractRpc.Engine;
using ExtractRpc.Engine.Pipeline;

namespace ExtractRpc.Cli;

/// <summary>
/// Scores quotes against annotated articles: NAME.txt beside NAME.expected.json ({"quotes": [{kind, text,
/// speaker, cue}]}, texts as they appear in the article, in order). A predicted quote matches a gold one
/// of the same kind when their content spans overlap by at least half of the longer one; it matches
/// exactly when the spans are equal. A speaker is right when its text equals the gold speaker, or
/// (lenient) when one contains the other.
/// </summary>
internal sealed class QuoteEvaluator(ExtractionPipeline pipeline)
{
    public int Articles { get; private set; }
    public int Gold { get; private set; }
    public int Predicted { get; private set; }
    public int Matched { get; private set; }
    public int Exact { get; private set; }
    public int SpeakerExact { get; private set; }
    public int SpeakerLenient { get; private set; }
    public int CueRight { get; private set; }
    public Dictionary<string, (int Gold, int Predicted, int Matched)> ByKind { get; } = new(StringComparer.Ordinal);
    public List<string> Errors { get; } = [];

    public double Precision => Predicted == 0 ? 0 : (double)Matched / Predicted;
    public double Recall => Gold == 0 ? 0 : (double)Matched / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public void ScoreFolder(string folder, int keepErrors)
    {
        foreach (var expected in Directory.GetFiles(folder, "*.expected.json").Order(StringComparer.Ordinal))
        {
            var name = expected[..^".expected.json".Length];
            Score(File.ReadAllText(name + ".txt"), File.ReadAllText(expected), Path.GetFileName(name), keepErrors);
        }
    }

    public void Score(string text, string expectedJson, string name, int keepErrors)
    {
        Articles++;
        using var json = JsonDocument.Parse(expectedJson);
        var gold = new List<(int Start, int End, string Kind, string Speaker, string Cue)>();
        var from = 0;
        foreach (var q in json.RootElement.GetProperty("quotes").EnumerateArray())
        {
            var content = q.GetProperty("text").GetString()!;
            var at = text.IndexOf(content, from, StringComparison.Ordinal);
            if (at < 0)
            {
                at = text.IndexOf(content, StringComparison.Ordinal);
            }

            if (at < 0)
            {
                throw new CliUsageException($"{name}: quote text not found in the article: {content}");
            }

            from = at + 1;
            gold.Add((at, at + content.Length, q.GetProperty("kind").GetString()!, q.GetProperty("speaker").GetString()!, q.GetProperty("cue").GetString()!));
        }

        var result = pipeline.Extract(text, new ExtractionOptions(ExtractionKinds.Quotes, new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc));
        var predicted = result.Quotes;
        Gold += gold.Count;
        Predicted += predicted.Count;
        var used = new HashSet<int>();
        foreach (var g in gold)
        {
            Count(g.Kind, gold: 1);
            var best = -1;
            var bestOverlap = 0.0;
            for (var p = 0; p < predicted.Count; p++)
            {
                var q = predicted[p];
                if (used.Contains(p) || Kind(q) != g.Kind)
                {
                    continue;
                }

                var overlap = Math.Min(g.End, q.Span.End) - Math.Max(g.Start, q.Span.Start);
                var ratio = overlap / (double)Math.Max(g.End - g.Start, q.Span.Length);
                if (ratio >= 0.5 && ratio > bestOverlap)
                {
                    best = p;
                    bestOverlap = ratio;
                }
            }

            if (best < 0)
            {
                Note(keepErrors, $"MISS   {name}: {g.Kind} [{g.Speaker}] {Short(text[g.Start..g.End])}");
                continue;
            }

            used.Add(best);
            Matched++;
            Count(g.Kind, matched: 1);
            var m = predicted[best];
            if (m.Span.Start == g.Start && m.Span.End == g.End)
            {
                Exact++;
            }
            else
            {
                Note(keepErrors, $"SPAN   {name}: gold «{Short(text[g.Start..g.End])}» got «{Short(text[m.Span.Start..m.Span.End])}»");
            }

            var speaker = m.Speaker is { } s ? text[s.Span.Start..s.Span.End] : "";
            if (speaker == g.Speaker)
            {
                SpeakerExact++;
                SpeakerLenient++;
            }
            else
            {
                if (speaker.Length > 0 && g.Speaker.Length > 0 && (speaker.Contains(g.Speaker, StringComparison.Ordinal) || g.Speaker.Contains(speaker, StringComparison.Ordinal)))
                {
                    SpeakerLenient++;
                }

                Note(keepErrors, $"SPEAKR {name}: gold [{g.Speaker}] got [{speaker}] for «{Short(text[g.Start..g.End])}»");
            }

            var cue = m.Cue is { } c ? text[c.Start..c.End] : "";
            if (cue == g.Cue || (cue.Length > 1 && (cue[1..] == g.Cue || cue.StartsWith(g.Cue, StringComparison.Ordinal) || g.Cue.StartsWith(cue, StringComparison.Ordinal))))
            {
                CueRight++;
            }
        }

        for (var p = 0; p < predicted.Count; p++)
        {
            if (!used.Contains(p))
            {
                Count(Kind(predicted[p]), predicted: 1);
                Note(keepErrors, $"EXTRA  {name}: {Kind(predicted[p])} {Short(text[predicted[p].Span.Start..predicted[p].Span.End])}");
            }
            else
            {
                Count(Kind(predicted[p]), predicted: 1);
            }
        }
    }

    private static string Kind(QuoteMention q) => q.Kind == QuoteKind.Direct ? "DIRECT" : "INDIRECT";

    private static string Short(string s) => s.Length > 70 ? s[..70] + "…" : s;

    private void Count(string kind, int gold = 0, int predicted = 0, int matched = 0)
    {
        var c = ByKind.GetValueOrDefault(kind);
        ByKind[kind] = (c.Gold + gold, c.Predicted + predicted, c.Matched + matched);
    }

    private void Note(int keep, string message)
    {
        if (Errors.Count < keep)
        {
            Errors.Add(message);
        }
    }

    public string Report()
    {
        static string P(double v) => v.ToString("F3", CultureInfo.InvariantCulture);
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"articles {Articles}, gold quotes {Gold}, predicted {Predicted}, matched {Matched} (exact spans {Exact})");
        sb.AppendLine(CultureInfo.InvariantCulture, $"precision {P(Precision)}  recall {P(Recall)}  f1 {P(F1)}");
        foreach (var (kind, c) in ByKind.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            var p = c.Predicted == 0 ? 0 : (double)c.Matched / c.Predicted;
            var r = c.Gold == 0 ? 0 : (double)c.Matched / c.Gold;
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {kind,-8} gold {c.Gold,4} predicted {c.Predicted,4} matched {c.Matched,4}  precision {P(p)} recall {P(r)}");
        }

        sb.AppendLine(CultureInfo.InvariantCulture, $"speaker accuracy on matched quotes: exact {P(Matched == 0 ? 0 : (double)SpeakerExact / Matched)}, lenient {P(Matched == 0 ? 0 : (double)SpeakerLenient / Matched)}; cue accuracy {P(Matched == 0 ? 0 : (double)CueRight / Matched)}");
        return sb.ToString();
    }
}

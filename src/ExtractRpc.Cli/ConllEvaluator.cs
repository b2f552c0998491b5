using System.Globalization;
using System.Text;
using ExtractRpc.Engine;
using ExtractRpc.Engine.Lexicon;
using ExtractRpc.Engine.Pipeline;

namespace ExtractRpc.Cli;

/// <summary>The gold conventions of a CoNLL corpus.</summary>
internal enum ConllFormat
{
    /// <summary>ANERcorp: PERS, LOC, ORG (MISC ignored).</summary>
    Anercorp,
    /// <summary>Wojood: PERS, ORG, GPE and LOC (both scored as LOC), first tag column; other types ignored.</summary>
    Wojood,
}

/// <summary>Counts for one entity type.</summary>
internal sealed class Score
{
    public int TruePositives { get; set; }
    public int FalsePositives { get; set; }
    public int FalseNegatives { get; set; }
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);
    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>
/// Scores entity extraction against CoNLL gold: entity-level exact match over whole tokens. Gold tags
/// whole tokens, clitics included, so a predicted span counts as covering every token it overlaps.
/// </summary>
/// <param name="nameSpans">Score each entity's name span (the proper name without a classifier such as
/// مدينة or حركة) rather than its mention span, and leave out nominal mentions (الجيش اللبناني), which
/// name nothing.</param>
/// <param name="nested">Take gold entities from every tag column (a nested corpus's inner layers too), so
/// that a flat prediction of an inner entity (the place in بلدية مدينة البيرة) counts; else the first column.</param>
internal sealed class ConllEvaluator(ExtractionPipeline pipeline, ConllFormat format, bool dates = false, bool nameSpans = false, bool nested = false)
{
    public static readonly string[] Types = ["PER", "LOC", "ORG"];

    /// <summary>Entity types, and DATE (Wojood's DATE spans against our date mentions) when asked for.</summary>
    public Dictionary<string, Score> Scores { get; } = (dates ? Types.Append("DATE") : Types).ToDictionary(t => t, _ => new Score(), StringComparer.Ordinal);

    public List<string> Errors { get; } = [];

    /// <summary>Micro average over PER, LOC and ORG (DATE is reported on its own).</summary>
    public Score Micro
    {
        get
        {
            var micro = new Score();
            foreach (var s in Types.Select(t => Scores[t]))
            {
                micro.TruePositives += s.TruePositives;
                micro.FalsePositives += s.FalsePositives;
                micro.FalseNegatives += s.FalseNegatives;
            }

            return micro;
        }
    }

    /// <summary>Reads sentences: lists of (token, tag) pairs.</summary>
    public static List<List<(string Token, string Tag)>> ReadSentences(TextReader reader)
    {
        var sentences = new List<List<(string, string)>>();
        var current = new List<(string, string)>();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            var fields = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0)
            {
                if (current.Count > 0)
                {
                    sentences.Add(current);
                    current = [];
                }

                continue;
            }

            // Nested corpora (Wojood) give one tag column per layer, outermost first: kept joined by '|'.
            current.Add((fields[0], fields.Length > 1 ? string.Join('|', fields[1..]) : "O"));
        }

        if (current.Count > 0)
        {
            sentences.Add(current);
        }

        return sentences;
    }

    /// <summary>Scores one document made of <paramref name="sentences"/>.</summary>
    public void Score(IReadOnlyList<List<(string Token, string Tag)>> sentences, int keepErrors)
    {
        var text = new StringBuilder();
        var starts = new List<int>();
        var ends = new List<int>();
        var tags = new List<string>();
        foreach (var sentence in sentences)
        {
            foreach (var (token, tag) in sentence)
            {
                starts.Add(text.Length);
                text.Append(token);
                ends.Add(text.Length);
                text.Append(' ');
                tags.Add(tag);
            }

            text.Append('\n');
        }

        var doc = text.ToString();
        var layers = tags.Count == 0 ? 1 : tags.Max(t => t.Count(c => c == '|') + 1);
        var gold = GoldEntities([.. tags.Select(t => Layer(t, 0))]);
        for (var layer = 1; nested && layer < layers; layer++)
        {
            gold.UnionWith(GoldEntities([.. tags.Select(t => Layer(t, layer))]));
        }

        var kinds = dates ? ExtractionKinds.Entities | ExtractionKinds.Dates : ExtractionKinds.Entities;
        var result = pipeline.Extract(doc, new ExtractionOptions(kinds, new DateTimeOffset(2006, 1, 1, 0, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc));
        var predicted = new HashSet<(int, int, string)>();
        var mentions = result.Entities.Where(e => !(nameSpans && e.IsNominal)).Select(e => (Span: nameSpans ? e.NameSpan : e.Span, Type: e.Kind switch
        {
            EntityKind.Person => "PER",
            EntityKind.Location => "LOC",
            EntityKind.Organization => "ORG",
            _ => null,
        })).Concat(result.Dates.Where(d => d.Kind != DateKind.Duration).Select(d => (d.Span, Type: (string?)"DATE")));
        foreach (var (span, type) in mentions)
        {
            if (type is null)
            {
                continue;
            }

            var first = -1;
            var last = -1;
            for (var i = 0; i < starts.Count; i++)
            {
                if (starts[i] < span.End && span.Start < ends[i])
                {
                    if (first < 0)
                    {
                        first = i;
                    }

                    last = i;
                }
            }

            if (first >= 0)
            {
                predicted.Add((first, last, type));
            }
        }

        foreach (var p in predicted)
        {
            if (gold.Contains(p))
            {
                Scores[p.Item3].TruePositives++;
            }
            else
            {
                Scores[p.Item3].FalsePositives++;
                Note(keepErrors, "FP", p, doc, starts, ends);
            }
        }

        foreach (var g in gold)
        {
            if (!predicted.Contains(g))
            {
                Scores[g.Item3].FalseNegatives++;
                Note(keepErrors, "FN", g, doc, starts, ends);
            }
        }
    }

    /// <summary>Characters of context printed on each side of an error.</summary>
    private const int ContextChars = 50;

    private void Note(int keep, string what, (int First, int Last, string Type) e, string doc, List<int> starts, List<int> ends)
    {
        if (Errors.Count < keep)
        {
            // The mention, then the words around it with the mention in brackets.
            var start = starts[e.First];
            var end = ends[e.Last];
            var before = doc.LastIndexOf('\n', Math.Max(0, start - 1)) is var nl && nl >= 0 && start - nl <= ContextChars ? nl + 1 : Math.Max(0, start - ContextChars);
            var after = doc.IndexOf('\n', end) is var nr && nr >= 0 && nr - end <= ContextChars ? nr : Math.Min(doc.Length, end + ContextChars);
            Errors.Add($"{what} {e.Type} {doc[start..end]}\t… {doc[before..start]}[{doc[start..end]}]{doc[end..after]} …");
        }
    }

    private static string Layer(string tags, int layer)
    {
        var parts = tags.Split('|');
        return layer < parts.Length ? parts[layer] : "O";
    }

    private HashSet<(int, int, string)> GoldEntities(List<string> tags)
    {
        var gold = new HashSet<(int, int, string)>();
        var start = -1;
        string? type = null;
        for (var i = 0; i <= tags.Count; i++)
        {
            var tag = i < tags.Count ? tags[i] : "O";
            var prefix = tag.Length > 1 && tag[1] == '-' ? tag[0] : 'O';
            var t = prefix == 'O' ? null : Map(tag[2..]);
            if (type is not null && (prefix != 'I' || t != type))
            {
                gold.Add((start, i - 1, type));
                type = null;
            }

            if (t is not null && (prefix == 'B' || type is null))
            {
                start = i;
                type = t;
            }
        }

        return gold;
    }

    private string? Map(string tag) => (format, tag) switch
    {
        (_, "PERS" or "PER") => "PER",
        (_, "ORG") => "ORG",
        (_, "LOC") => "LOC",
        (ConllFormat.Wojood, "GPE") => "LOC",
        (ConllFormat.Wojood, "DATE") when dates => "DATE",
        _ => null,
    };

    public string Report()
    {
        var sb = new StringBuilder();
        sb.AppendLine("type   precision  recall  f1      tp     fp     fn");
        foreach (var (name, s) in Scores.Where(k => k.Key != "DATE").Append(new KeyValuePair<string, Score>("micro", Micro)).Concat(Scores.Where(k => k.Key == "DATE")))
        {
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{name,-6} {s.Precision,9:F4} {s.Recall,7:F4} {s.F1,7:F4} {s.TruePositives,6} {s.FalsePositives,6} {s.FalseNegatives,6}"));
        }

        return sb.ToString();
    }
}

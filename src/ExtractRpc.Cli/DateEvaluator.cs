using System.Globalization;
using System.Text;
using System.Text.Json;
using ExtractRpc.Engine;
using ExtractRpc.Engine.Pipeline;

namespace ExtractRpc.Cli;

/// <summary>
/// Scores the date extractor against Microsoft Recognizers-Text specs ({Input, Context.ReferenceDateTime,
/// Results[{Text, Start, Length|End, Value|Resolution}]}). A gold span is found when a predicted span
/// overlaps it and exact when their trimmed texts are equal; a value is right when it equals the gold
/// timex or one of its resolutions (past or future). Cases marked not supported for .NET are skipped.
/// </summary>
internal sealed class DateEvaluator(ExtractionPipeline pipeline)
{
    public int Cases { get; private set; }
    public int Gold { get; private set; }
    public int Predicted { get; private set; }
    public int Found { get; private set; }
    public int Exact { get; private set; }
    public int ValuesChecked { get; private set; }
    public int ValuesRight { get; private set; }
    public int Spurious { get; private set; }
    public List<string> Errors { get; } = [];

    public void ScoreFile(string path, int keepErrors)
    {
        using var stream = File.OpenRead(path);
        using var json = JsonDocument.Parse(stream);
        foreach (var spec in json.RootElement.EnumerateArray())
        {
            if (spec.TryGetProperty("NotSupported", out var ns) && ns.GetString()!.Contains("dotnet", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            ScoreCase(spec, Path.GetFileNameWithoutExtension(path), keepErrors);
        }
    }

    private void ScoreCase(JsonElement spec, string file, int keepErrors)
    {
        var input = spec.GetProperty("Input").GetString()!;
        var reference = new DateTimeOffset(2016, 11, 7, 0, 0, 0, TimeSpan.Zero);
        if (spec.TryGetProperty("Context", out var context) && context.TryGetProperty("ReferenceDateTime", out var r))
        {
            reference = new DateTimeOffset(DateTime.Parse(r.GetString()!, CultureInfo.InvariantCulture), TimeSpan.Zero);
        }

        Cases++;
        var result = pipeline.Extract(input, new ExtractionOptions(ExtractionKinds.Dates, reference, TimeZoneInfo.Utc));
        var predicted = result.Dates.ToList();
        Predicted += predicted.Count;
        var matched = new HashSet<int>();
        foreach (var gold in spec.GetProperty("Results").EnumerateArray())
        {
            Gold++;
            var start = gold.GetProperty("Start").GetInt32();
            var end = gold.TryGetProperty("End", out var e) ? e.GetInt32() + 1 : start + gold.GetProperty("Length").GetInt32();
            var text = gold.GetProperty("Text").GetString()!.Trim();
            var hit = predicted.FindIndex(p => p.Span.Start < end && start < p.Span.End);
            if (hit < 0)
            {
                Note(keepErrors, $"MISS  [{file}] {text}  in: {input}");
                continue;
            }

            matched.Add(hit);
            Found++;
            var ours = input[predicted[hit].Span.Start..predicted[hit].Span.End];
            if (ours == text)
            {
                Exact++;
            }

            var values = GoldValues(gold);
            if (values.Count > 0)
            {
                ValuesChecked++;
                if (values.Contains(predicted[hit].Value))
                {
                    ValuesRight++;
                }
                else
                {
                    Note(keepErrors, $"VALUE [{file}] {ours} = {predicted[hit].Value}, gold {string.Join(" | ", values)}  in: {input}");
                }
            }
        }

        for (var i = 0; i < predicted.Count; i++)
        {
            if (!matched.Contains(i))
            {
                Spurious++;
                Note(keepErrors, $"EXTRA [{file}] {input[predicted[i].Span.Start..predicted[i].Span.End]} = {predicted[i].Value}  in: {input}");
            }
        }
    }

    // The gold timex and its resolutions, in our notation: dates as they are, ranges as start/end
    // with an inclusive end (Recognizers' end is exclusive).
    private static HashSet<string> GoldValues(JsonElement gold)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        if (gold.TryGetProperty("Value", out var value) && value.ValueKind == JsonValueKind.Object)
        {
            if (value.TryGetProperty("Timex", out var timex))
            {
                values.Add(timex.GetString()!);
            }

            foreach (var name in new[] { "FutureResolution", "PastResolution" })
            {
                if (value.TryGetProperty(name, out var res) && res.ValueKind == JsonValueKind.Object)
                {
                    AddResolution(values, res);
                }
            }
        }

        if (gold.TryGetProperty("Resolution", out var resolution) && resolution.TryGetProperty("values", out var list))
        {
            foreach (var v in list.EnumerateArray())
            {
                if (v.TryGetProperty("timex", out var t))
                {
                    values.Add(t.GetString()!);
                }

                if (v.TryGetProperty("value", out var val))
                {
                    values.Add(Trim(val.GetString()!));
                }

                if (v.TryGetProperty("start", out var s) && v.TryGetProperty("end", out var en))
                {
                    // Recognizers' end is exclusive; ISO intervals of days are read inclusive, and both readings
                    // of "from 4 to 22" are accepted.
                    values.Add($"{Trim(s.GetString()!)}/{InclusiveEnd(en.GetString()!)}");
                    values.Add($"{Trim(s.GetString()!)}/{Trim(en.GetString()!)}");
                }
            }
        }

        return values;
    }

    private static void AddResolution(HashSet<string> values, JsonElement res)
    {
        foreach (var p in res.EnumerateObject())
        {
            if (p.Value.ValueKind == JsonValueKind.String)
            {
                values.Add(Trim(p.Value.GetString()!));
            }
        }

        if (res.TryGetProperty("startDate", out var s) && res.TryGetProperty("endDate", out var e))
        {
            values.Add($"{Trim(s.GetString()!)}/{InclusiveEnd(e.GetString()!)}");
            values.Add($"{Trim(s.GetString()!)}/{Trim(e.GetString()!)}");
        }
    }

    private static string Trim(string v) =>
        v.EndsWith(" 00:00:00", StringComparison.Ordinal) ? v[..^9] : v.Replace(' ', 'T').EndsWith(":00", StringComparison.Ordinal) && v.Length == 19 ? v.Replace(' ', 'T')[..^3] : v;

    private static string InclusiveEnd(string end) =>
        DateTime.TryParse(end, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.TimeOfDay == TimeSpan.Zero
            ? d.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : Trim(end);

    private void Note(int keep, string message)
    {
        if (Errors.Count < keep)
        {
            Errors.Add(message);
        }
    }

    public string Report()
    {
        static string Pct(int a, int b) => b == 0 ? "-" : (100.0 * a / b).ToString("F1", CultureInfo.InvariantCulture) + "%";
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"cases {Cases}, gold spans {Gold}, predicted {Predicted}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"span recall (overlap) {Pct(Found, Gold)}, exact {Pct(Exact, Gold)}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"span precision (overlap) {Pct(Predicted - Spurious, Predicted)}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"value accuracy on found spans with a gold value {Pct(ValuesRight, ValuesChecked)} ({ValuesRight}/{ValuesChecked})");
        return sb.ToString();
    }
}

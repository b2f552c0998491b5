using System.Diagnostics;
using System.Globalization;
using ExtractRpc.Engine;
using ExtractRpc.Engine.Lexicon;

namespace ExtractRpc.Cli;

/// <summary><c>eval</c>: entity P/R/F1 against a CoNLL file.</summary>
internal static class EvalCommand
{
    public static int Run(CliOptions options, TextWriter stdout)
    {
        var path = options.Get("--conll") ?? throw new CliUsageException("eval needs --conll FILE");
        if (!File.Exists(path))
        {
            throw new CliUsageException($"no such file: {path}");
        }

        var format = options.Get("--format") switch
        {
            null or "anercorp" => ConllFormat.Anercorp,
            "wojood" => ConllFormat.Wojood,
            var f => throw new CliUsageException($"--format: unknown format '{f}' (anercorp, wojood)"),
        };
        // ANERcorp tags the proper name alone (غزة in مدينة غزة, حماس in حركة حماس); Wojood tags the mention.
        var nameSpans = (options.Get("--spans") ?? (format == ConllFormat.Anercorp ? "name" : "mention")) switch
        {
            "name" => true,
            "mention" => false,
            var v => throw new CliUsageException($"--spans: unknown value '{v}' (name, mention)"),
        };
        var chunk = options.GetInt("--chunk", 1, min: 1);
        var showErrors = options.GetInt("--show-errors", 0, min: 0);

        using var reader = new StreamReader(path);
        var sentences = ConllEvaluator.ReadSentences(reader);
        var evaluator = new ConllEvaluator(new ExtractionPipeline(LexiconCompiler.Compile()), format, dates: options.Flag("--dates"), nameSpans: nameSpans, nested: options.Flag("--nested"));
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < sentences.Count; i += chunk)
        {
            evaluator.Score(sentences.GetRange(i, Math.Min(chunk, sentences.Count - i)), showErrors);
        }

        stdout.WriteLine($"{path}: {sentences.Count} sentences, {sentences.Sum(s => s.Count)} tokens, {clock.Elapsed.TotalSeconds:F1} s");
        return Print(stdout, evaluator.Report(), evaluator.Errors);
    }

    public static int RunDates(CliOptions options, TextWriter stdout)
    {
        var dir = options.RequireFolder("--specs", "eval-dates");
        var showErrors = options.GetInt("--show-errors", 0, min: 0);
        var evaluator = new DateEvaluator(new ExtractionPipeline(LexiconCompiler.Compile()));
        // Extractor specs say where dates are; parser and model specs also say what they resolve to.
        foreach (var file in Directory.GetFiles(dir, "*.json").Where(f => Path.GetFileName(f).StartsWith("Date", StringComparison.Ordinal) || Path.GetFileName(f).StartsWith("Holiday", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            evaluator.ScoreFile(file, showErrors);
        }

        return Print(stdout, evaluator.Report(), evaluator.Errors);
    }

    public static int RunQuotes(CliOptions options, TextWriter stdout)
    {
        var dir = options.RequireFolder("--dir", "eval-quotes");
        var showErrors = options.GetInt("--show-errors", 0, min: 0);
        var evaluator = new QuoteEvaluator(new ExtractionPipeline(LexiconCompiler.Compile()));
        evaluator.ScoreFolder(dir, showErrors);
        return Print(stdout, evaluator.Report(), evaluator.Errors);
    }

    private static int Print(TextWriter stdout, string report, IEnumerable<string> errors)
    {
        stdout.Write(report);
        foreach (var e in errors)
        {
            stdout.WriteLine(e);
        }

        return CliApp.Ok;
    }
}

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
        var chunk = int.Parse(options.Get("--chunk") ?? "1", CultureInfo.InvariantCulture);
        var showErrors = int.Parse(options.Get("--show-errors") ?? "0", CultureInfo.InvariantCulture);

        using var reader = new StreamReader(path);
        var sentences = ConllEvaluator.ReadSentences(reader);
        var evaluator = new ConllEvaluator(new ExtractionPipeline(LexiconCompiler.Compile()), format);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < sentences.Count; i += chunk)
        {
            evaluator.Score(sentences.GetRange(i, Math.Min(chunk, sentences.Count - i)), showErrors);
        }

        stdout.WriteLine($"{path}: {sentences.Count} sentences, {sentences.Sum(s => s.Count)} tokens, {clock.Elapsed.TotalSeconds:F1} s");
        stdout.Write(evaluator.Report());
        foreach (var e in evaluator.Errors)
        {
            stdout.WriteLine(e);
        }

        return CliApp.Ok;
    }
}

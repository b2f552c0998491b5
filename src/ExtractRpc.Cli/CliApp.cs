using System.Globalization;

namespace ExtractRpc.Cli;

/// <summary>Dispatches the sub-commands.</summary>
internal static class CliApp
{
    public const int Ok = 0;
    public const int DocumentsFailed = 1;
    public const int Usage = 2;
    public const int Unavailable = 3;

    public const string Help = """
        extractrpc — entities, dates and quotes from Arabic news

        Usage:
          extractrpc extract [PATH ...] [options]   extract from files, folders (*.txt, recursively) or stdin
          extractrpc eval --conll FILE [options]    score entities against CoNLL gold (P/R/F1)
          extractrpc eval-dates --specs DIR [--show-errors N]
                                                    score dates against Recognizers-Text DateTime specs
          extractrpc eval-quotes --dir DIR [--show-errors N]
                                                    score quotes against NAME.txt + NAME.expected.json pairs
          extractrpc bench [--server URL] [options] throughput in-process and against a server, table and plot
          extractrpc --help                         this text

        extract options:
          --server URL           call a running server (e.g. http://localhost:50051) instead of extracting in-process
          --jsonl                input lines are JSON requests: {"id": …, "text": …, "reference_time": …}
          --kinds LIST           entities,dates,quotes (default: all)
          --reference-time T     ISO 8601 instant for relative dates (default: the article's dateline, else now)
          --time-zone TZ         IANA zone the reference is read in (default UTC)
          --offset-unit U        codepoint (default), utf16 or utf8
          --lexicon FILE         extra entity lexicon (TSV), may repeat (in-process only)
        With no PATH, or PATH '-', documents are read from stdin (one whole document, or JSON lines with --jsonl).
        Output: one JSON object per document on stdout, in input order. A progress bar goes to stderr.

        eval options:
          --conll FILE           gold file: one 'token TAG' per line, blank line between sentences
          --format F             anercorp (PERS/LOC/ORG) or wojood (GPE and LOC → LOC); default anercorp
          --chunk N              sentences per document (default 1)
          --spans S              name (the proper name alone: غزة in مدينة غزة) or mention; default name for anercorp, mention for wojood
          --dates                also score DATE spans (Wojood tags them) against the date extractor
          --nested               gold from every tag column (Wojood's inner layers too), not only the first
          --show-errors N        print N false positives and negatives

        bench options:
          --server URL           also measure a running server (unary and ExtractStream)
          --concurrency LIST     concurrent calls or streams per row (default 1,4,16,64)
          --seconds N            seconds per row (default 5)
          --warmup N             seconds the in-process row, and with --server unary and stream calls, run
                                 before they measure, so that the JIT's tiers reach optimized code
                                 (default 3; the first seconds run slower code)
          --cache hit|miss       repeat the same articles (hits) or make every request unique (misses, default)
          --articles DIR         the articles to send (default seeds)
          --plot FILE.png        plot throughput and p99 against concurrency

        Exit codes: 0 success, 1 some documents failed, 2 bad usage or input, 3 server unreachable.
        """;

    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            await stdout.WriteLineAsync(Help);
            return args.Length == 0 ? Usage : Ok;
        }

        try
        {
            var options = CliOptions.Parse(args.AsSpan(1));
            return args[0] switch
            {
                "extract" => await ExtractCommand.RunAsync(options, stdin, stdout, stderr),
                "eval" => EvalCommand.Run(options, stdout),
                "eval-dates" => EvalCommand.RunDates(options, stdout),
                "eval-quotes" => EvalCommand.RunQuotes(options, stdout),
                "bench" => await BenchCommand.RunAsync(options, stdout),
                _ => throw new CliUsageException($"unknown command '{args[0]}'"),
            };
        }
        catch (CliUsageException ex)
        {
            await stderr.WriteLineAsync($"extractrpc: {ex.Message} (see extractrpc --help)");
            return Usage;
        }
    }
}

/// <summary>A usage error: wrong options or unreadable input.</summary>
internal sealed class CliUsageException(string message) : Exception(message);

/// <summary>Parsed options: named values (repeatable) and positional arguments.</summary>
internal sealed class CliOptions
{
    private static readonly HashSet<string> s_flags = ["--jsonl", "--dates", "--nested"];

    /// <summary>Every option a command reads; anything else is a usage error, not silently ignored.</summary>
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "--articles", "--cache", "--chunk", "--concurrency", "--conll", "--dates", "--dir", "--format", "--jsonl",
        "--kinds", "--lexicon", "--nested", "--offset-unit", "--plot", "--reference-time", "--seconds", "--server", "--warmup",
        "--show-errors", "--spans", "--specs", "--time-zone",
    };
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    public List<string> Positional { get; } = [];

    public static CliOptions Parse(ReadOnlySpan<string> args)
    {
        var options = new CliOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            if (a.StartsWith("--", StringComparison.Ordinal))
            {
                if (!Known.Contains(a))
                {
                    throw new CliUsageException($"unknown option '{a}'");
                }

                if (s_flags.Contains(a))
                {
                    options.Add(a, "true");
                    continue;
                }

                if (i + 1 >= args.Length)
                {
                    throw new CliUsageException($"{a} needs a value");
                }

                options.Add(a, args[++i]);
            }
            else
            {
                options.Positional.Add(a);
            }
        }

        return options;
    }

    public string? Get(string name) => _values.TryGetValue(name, out var v) ? v[^1] : null;

    public IReadOnlyList<string> All(string name) => _values.TryGetValue(name, out var v) ? v : [];

    public bool Flag(string name) => _values.ContainsKey(name);

    /// <summary>A whole number of at least <paramref name="min"/>; anything else is a usage error.</summary>
    public int GetInt(string name, int fallback, int min) => Get(name) is { } text ? ParseInt(name, text, min) : fallback;

    /// <summary>A positive number; anything else is a usage error.</summary>
    public double GetPositive(string name, double fallback) =>
        Get(name) is not { } text ? fallback
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && double.IsFinite(value) ? value
        : throw new CliUsageException($"{name}: '{text}' is not a positive number");

    /// <summary>A comma-separated list of whole numbers, each at least <paramref name="min"/>.</summary>
    public int[] GetIntList(string name, string fallback, int min) =>
        [.. (Get(name) ?? fallback).Split(',').Select(text => ParseInt(name, text.Trim(), min))];

    /// <summary>A folder that must exist.</summary>
    public string RequireFolder(string name, string command)
    {
        var dir = Get(name) ?? throw new CliUsageException($"{command} needs {name} DIR");
        return Directory.Exists(dir) ? dir : throw new CliUsageException($"no such folder: {dir}");
    }

    private static int ParseInt(string name, string text, int min) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min ? value
        : throw new CliUsageException($"{name}: '{text}' is not a whole number of at least {min}");

    private void Add(string name, string value)
    {
        if (!_values.TryGetValue(name, out var list))
        {
            _values[name] = list = [];
        }

        list.Add(value);
    }
}

using System.Globalization;
using ExtractRpc.Engine;
using ExtractRpc.Engine.Lexicon;
using ExtractRpc.Protocol;
using ExtractRpc.Protocol.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;

namespace ExtractRpc.Cli;

/// <summary><c>extract</c>: documents in, one JSON response per line out, in-process or through a server.</summary>
internal static class ExtractCommand
{
    private const int MaxTextBytes = 64 * 1024 * 1024;
    private static readonly JsonFormatter s_json = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(false));
    private static readonly JsonParser s_parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    public static async Task<int> RunAsync(CliOptions options, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var requests = ReadRequests(options, stdin);
        var template = Template(options);
        foreach (var r in requests)
        {
            if (r.ReferenceTime is null && template.ReferenceTime is not null)
            {
                r.ReferenceTime = template.ReferenceTime;
            }

            if (r.TimeZone.Length == 0)
            {
                r.TimeZone = template.TimeZone;
            }

            if (r.Kinds.Count == 0)
            {
                r.Kinds.AddRange(template.Kinds);
            }

            if (r.OffsetUnit == OffsetUnit.Unspecified)
            {
                r.OffsetUnit = template.OffsetUnit;
            }
        }

        var progress = new Progress(stderr, requests.Count, requests.Count > 1 && !Console.IsErrorRedirected);
        var failed = 0;
        var server = options.Get("--server");
        if (server is null)
        {
            var lexicon = LexiconCompiler.Compile(options.All("--lexicon").Select(p => new DataFile(p, ReadFile(p))));
            var pipeline = new ExtractionPipeline(lexicon);
            foreach (var request in requests)
            {
                ExtractResponse response;
                try
                {
                    var v = RequestValidator.Validate(request, MaxTextBytes);
                    var result = pipeline.Extract(v.Text, v.Options);
                    response = ResponseMapper.ToResponse(request.Id, v.Text, result, v.Unit, v.Options.TimeZone);
                }
                catch (RpcException ex)
                {
                    response = new ExtractResponse { Id = request.Id, Error = new Error { Code = (int)ex.StatusCode, Message = ex.Status.Detail } };
                }

                failed += response.Error is null ? 0 : 1;
                await stdout.WriteLineAsync(s_json.Format(response));
                progress.Step();
            }
        }
        else
        {
            try
            {
                using var channel = GrpcChannel.ForAddress(server, new GrpcChannelOptions { MaxReceiveMessageSize = null, MaxSendMessageSize = null });
                var client = new Extractor.ExtractorClient(channel);
                using var call = client.ExtractStream();
                var writer = Task.Run(async () =>
                {
                    foreach (var request in requests)
                    {
                        await call.RequestStream.WriteAsync(request);
                    }

                    await call.RequestStream.CompleteAsync();
                });
                await foreach (var response in call.ResponseStream.ReadAllAsync())
                {
                    failed += response.Error is null ? 0 : 1;
                    await stdout.WriteLineAsync(s_json.Format(response));
                    progress.Step();
                }

                await writer;
            }
            catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
            {
                await stderr.WriteLineAsync($"extractrpc: server {server} is unavailable: {ex.Status.Detail}");
                return CliApp.Unavailable;
            }
        }

        return failed == 0 ? CliApp.Ok : CliApp.DocumentsFailed;
    }

    private static ExtractRequest Template(CliOptions options)
    {
        var template = new ExtractRequest { TimeZone = options.Get("--time-zone") ?? "" };
        if (options.Get("--reference-time") is { } t)
        {
            if (!DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var reference))
            {
                throw new CliUsageException($"--reference-time '{t}' is not an ISO 8601 date-time");
            }

            template.ReferenceTime = Timestamp.FromDateTimeOffset(reference);
        }

        if (options.Get("--kinds") is { } kinds)
        {
            foreach (var k in kinds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                template.Kinds.Add(k switch
                {
                    "entities" => ExtractionKind.Entities,
                    "dates" => ExtractionKind.Dates,
                    "quotes" => ExtractionKind.Quotes,
                    _ => throw new CliUsageException($"--kinds: unknown kind '{k}' (entities, dates, quotes)"),
                });
            }
        }

        template.OffsetUnit = options.Get("--offset-unit") switch
        {
            null or "codepoint" => OffsetUnit.CodePoint,
            "utf16" => OffsetUnit.Utf16,
            "utf8" => OffsetUnit.Utf8,
            var u => throw new CliUsageException($"--offset-unit: unknown unit '{u}' (codepoint, utf16, utf8)"),
        };
        return template;
    }

    private static List<ExtractRequest> ReadRequests(CliOptions options, TextReader stdin)
    {
        var jsonl = options.Flag("--jsonl");
        var requests = new List<ExtractRequest>();
        var paths = options.Positional.Count == 0 ? ["-"] : options.Positional;
        foreach (var path in paths)
        {
            if (path == "-")
            {
                AddDocument(requests, "stdin", stdin.ReadToEnd(), jsonl);
            }
            else if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, jsonl ? "*.jsonl" : "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    AddDocument(requests, file, ReadFile(file), jsonl);
                }
            }
            else
            {
                AddDocument(requests, path, ReadFile(path), jsonl);
            }
        }

        return requests;
    }

    private static void AddDocument(List<ExtractRequest> requests, string name, string content, bool jsonl)
    {
        if (!jsonl)
        {
            requests.Add(new ExtractRequest { Id = name, Text = content });
            return;
        }

        var line = 0;
        foreach (var raw in content.Split('\n'))
        {
            line++;
            if (raw.Trim().Length == 0)
            {
                continue;
            }

            try
            {
                var request = s_parser.Parse<ExtractRequest>(raw);
                if (request.Id.Length == 0)
                {
                    request.Id = $"{name}:{line}";
                }

                requests.Add(request);
            }
            catch (InvalidProtocolBufferException ex)
            {
                throw new CliUsageException($"{name}:{line}: not a JSON request: {ex.Message}");
            }
            catch (InvalidJsonException ex)
            {
                throw new CliUsageException($"{name}:{line}: not JSON: {ex.Message}");
            }
        }
    }

    private static string ReadFile(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"cannot read {path}: {ex.Message}");
        }
    }
}

using System.Text.Json;
using System.Text.RegularExpressions;
using ExtractRpc.Protocol.V1;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Reflection.V1;

namespace ExtractRpc.Server.Tests;

/// <summary>
/// Runs the README's grpcurl commands the way grpcurl does: everything it needs comes from server
/// reflection (services, methods, message descriptors); the request is the README's JSON, and the
/// answer must be the one the README shows.
/// </summary>
public sealed partial class ReadmeCommandsTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "README.md"));

    [Fact]
    public async Task EveryGrpcurlCommandInTheReadme_WorksThroughReflection()
    {
        var commands = GrpcurlCommands();
        Assert.True(commands.Count >= 5, $"expected the README's grpcurl commands, found {commands.Count}");
        await using var host = await ServerHost.StartOnLoopbackAsync();
        var reflection = new ReflectionClient(host.Channel);
        var services = await reflection.ListServicesAsync();

        foreach (var command in commands)
        {
            var args = command.Args;
            if (args[^1] == "list")
            {
                Assert.Contains("extractrpc.v1.Extractor", services);
                Assert.Contains("grpc.health.v1.Health", services);
                Assert.Contains("grpc.reflection.v1.ServerReflection", services);
                continue;
            }

            if (args[^2] == "describe")
            {
                var service = await reflection.FindServiceAsync(args[^1]);
                Assert.Equal(["Extract", "ExtractStream", "GetInfo"], service.Methods.Select(m => m.Name).Order(StringComparer.Ordinal));
                continue;
            }

            var target = args[^1];
            var slash = target.LastIndexOf('/');
            var method = (await reflection.FindServiceAsync(target[..slash])).FindMethodByName(target[(slash + 1)..]);
            Assert.True(method is not null, $"{target}: no such method in the reflected descriptors");
            Assert.Contains(target[..slash], services);

            // Parse the README's JSON against the descriptor the server reflected, as grpcurl does.
            var data = args.IndexOf("-d") is var d and >= 0 ? args[d + 1] : "{}";
            var request = ParseWithDescriptor(method.InputType, data);
            var response = await host.Channel.CreateCallInvoker().AsyncUnaryCall(
                new Method<IMessage, IMessage>(MethodType.Unary, method.Service.FullName, method.Name, Marshal(request.Descriptor), Marshal(method.OutputType)),
                null, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30)), request);
            Assert.Equal(method.OutputType.FullName, response.Descriptor.FullName);

            if (target == "extractrpc.v1.Extractor/Extract")
            {
                AssertSameJson(ReadmeAnswer(), JsonFormatter.Default.Format(response));
            }
            else if (target == "grpc.health.v1.Health/Check")
            {
                Assert.Contains("SERVING", JsonFormatter.Default.Format(response), StringComparison.Ordinal);
            }
        }
    }

    private sealed record GrpcurlCommand(List<string> Args);

    /// <summary>The plaintext grpcurl commands of the README, continuation lines joined, shell-split.</summary>
    private static List<GrpcurlCommand> GrpcurlCommands()
    {
        var joined = Readme.Replace("\\\n", " ", StringComparison.Ordinal);
        return [.. joined.Split('\n')
            .Where(line => line.StartsWith("grpcurl -plaintext ", StringComparison.Ordinal))
            .Select(line => new GrpcurlCommand([.. ShellWord().Matches(line).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Value)]))];
    }

    /// <summary>The JSON block that follows "This is the real answer to the `Extract` call above".</summary>
    private static string ReadmeAnswer()
    {
        var at = Readme.IndexOf("real answer to the `Extract` call", StringComparison.Ordinal);
        Assert.True(at >= 0, "the README no longer shows the Extract answer");
        var start = Readme.IndexOf("```json\n", at, StringComparison.Ordinal) + "```json\n".Length;
        return Readme[start..Readme.IndexOf("```", start, StringComparison.Ordinal)];
    }

    /// <summary>Equal as JSON values, except lexiconVersion, which changes with every data edit.</summary>
    private static void AssertSameJson(string expected, string actual)
    {
        static string Normal(string json)
        {
            var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
            node.Remove("lexiconVersion");
            return node.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        }

        Assert.Equal(Normal(expected), Normal(actual));
    }

    private static IMessage ParseWithDescriptor(MessageDescriptor reflected, string json)
    {
        // C# protobuf has no dynamic messages: take the compiled type of the same full name, after
        // checking that its fields match the reflected descriptor's field for field.
        var compiled = Compiled.Find(reflected.FullName);
        Assert.True(compiled is not null, $"{reflected.FullName} is not a compiled type");
        Assert.Equal(reflected.Fields.InFieldNumberOrder().Select(f => (f.FieldNumber, f.Name, f.FieldType)),
            compiled.Fields.InFieldNumberOrder().Select(f => (f.FieldNumber, f.Name, f.FieldType)));
        return new JsonParser(JsonParser.Settings.Default.WithTypeRegistry(Compiled)).Parse(json, compiled);
    }

    private static readonly TypeRegistry Compiled = TypeRegistry.FromFiles(
        ExtractorReflection.Descriptor, Grpc.Health.V1.HealthReflection.Descriptor);

    private static Marshaller<IMessage> Marshal(MessageDescriptor descriptor)
    {
        var parser = (Compiled.Find(descriptor.FullName) ?? descriptor).Parser;
        return Marshallers.Create(m => m.ToByteArray(), bytes => parser.ParseFrom(bytes));
    }

    [GeneratedRegex("""'([^']*)'|[^\s]+""")]
    private static partial Regex ShellWord();

    /// <summary>A minimal grpc.reflection.v1 client: list services, fetch descriptors by symbol.</summary>
    private sealed class ReflectionClient(Grpc.Net.Client.GrpcChannel channel)
    {
        private readonly ServerReflection.ServerReflectionClient _client = new(channel);

        public async Task<List<string>> ListServicesAsync()
        {
            var response = await AskAsync(new ServerReflectionRequest { ListServices = "" });
            return [.. response.ListServicesResponse.Service.Select(s => s.Name)];
        }

        public async Task<ServiceDescriptor> FindServiceAsync(string name)
        {
            var response = await AskAsync(new ServerReflectionRequest { FileContainingSymbol = name });
            Assert.Equal(ServerReflectionResponse.MessageResponseOneofCase.FileDescriptorResponse, response.MessageResponseCase);
            var files = await WithDependenciesAsync(response.FileDescriptorResponse.FileDescriptorProto);
            var built = FileDescriptor.BuildFromByteStrings(files);
            var service = built.SelectMany(f => f.Services).SingleOrDefault(s => s.FullName == name);
            Assert.True(service is not null, $"{name} is not in the reflected descriptors");
            return service;
        }

        /// <summary>Fetches missing dependencies by file name and orders the files dependencies first.</summary>
        private async Task<List<ByteString>> WithDependenciesAsync(IEnumerable<ByteString> first)
        {
            var byName = new Dictionary<string, (ByteString Bytes, FileDescriptorProto Proto)>(StringComparer.Ordinal);
            var pending = new Queue<ByteString>(first);
            while (pending.Count > 0)
            {
                var bytes = pending.Dequeue();
                var proto = FileDescriptorProto.Parser.ParseFrom(bytes);
                if (!byName.TryAdd(proto.Name, (bytes, proto)))
                {
                    continue;
                }

                foreach (var dependency in proto.Dependency.Where(d => !byName.ContainsKey(d)))
                {
                    var response = await AskAsync(new ServerReflectionRequest { FileByFilename = dependency });
                    foreach (var file in response.FileDescriptorResponse.FileDescriptorProto)
                    {
                        pending.Enqueue(file);
                    }
                }
            }

            var ordered = new List<ByteString>();
            var done = new HashSet<string>(StringComparer.Ordinal);
            void Visit(string name)
            {
                if (!done.Add(name))
                {
                    return;
                }

                foreach (var dependency in byName[name].Proto.Dependency)
                {
                    Visit(dependency);
                }

                ordered.Add(byName[name].Bytes);
            }

            foreach (var name in byName.Keys.ToList())
            {
                Visit(name);
            }

            return ordered;
        }

        private async Task<ServerReflectionResponse> AskAsync(ServerReflectionRequest request)
        {
            using var call = _client.ServerReflectionInfo();
            await call.RequestStream.WriteAsync(request);
            await call.RequestStream.CompleteAsync();
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
            var response = call.ResponseStream.Current;
            Assert.NotEqual(ServerReflectionResponse.MessageResponseOneofCase.ErrorResponse, response.MessageResponseCase);
            return response;
        }
    }
}

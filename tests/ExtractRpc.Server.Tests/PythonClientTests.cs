using System.Diagnostics;
using System.Text.Json;

namespace ExtractRpc.Server.Tests;

/// <summary>
/// A client in another language: the test generates Python code from protos/ with grpc_tools
/// (Debian's python3-grpcio and python3-grpc-tools, which .ci/run installs) and calls the running
/// server. Python slices strings by code point, the contract's default unit.
/// </summary>
public sealed class PythonClientTests : IDisposable
{
    private readonly string _generated = Directory.CreateTempSubdirectory("extractrpc-py-").FullName;

    [PythonGrpcFact]
    public async Task PythonClient_GeneratedFromTheProto_CallsTheServer()
    {
        var protos = FindProtos();
        var (code, _, error) = await Run(PythonGrpcFactAttribute.Python, $"-m grpc_tools.protoc -I \"{protos}\" --python_out=\"{_generated}\" --grpc_python_out=\"{_generated}\" \"{Path.Combine(protos, "extractrpc", "v1", "extractor.proto")}\" \"{Path.Combine(protos, "google", "api", "annotations.proto")}\" \"{Path.Combine(protos, "google", "api", "http.proto")}\"");
        Assert.True(code == 0, error);

        await using var host = await ServerHost.StartOnLoopbackAsync();
        var target = new Uri(host.Address).Authority;
        var script = Path.Combine(AppContext.BaseDirectory, "clients", "python_client.py");
        (code, var output, error) = await Run(PythonGrpcFactAttribute.Python, $"\"{script}\" \"{_generated}\" {target}");
        Assert.True(code == 0, error);

        using var json = JsonDocument.Parse(output);
        var entities = json.RootElement.GetProperty("entities").EnumerateArray().ToList();
        Assert.Contains(entities, e => e.GetProperty("id").GetString() == "per:maria-zakharova");
        foreach (var kind in new[] { "entities", "dates", "quotes" })
        {
            foreach (var item in json.RootElement.GetProperty(kind).EnumerateArray())
            {
                Assert.Equal(item.GetProperty("text").GetString(), item.GetProperty("slice").GetString());
            }
        }

        Assert.Contains(json.RootElement.GetProperty("dates").EnumerateArray(), d => d.GetProperty("value").GetString() == "2022-05-03");
        Assert.Contains(json.RootElement.GetProperty("quotes").EnumerateArray(), q => q.GetProperty("speaker").GetString() == "per:maria-zakharova");
    }

    private static string FindProtos()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "protos")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("protos/"), "protos");
    }

    internal static async Task<(int Code, string Output, string Error)> Run(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output, await error);
    }

    public void Dispose() => Directory.Delete(_generated, recursive: true);
}

/// <summary>A fact that is skipped (not passed) when Python's grpcio and grpc_tools are not installed.</summary>
public sealed class PythonGrpcFactAttribute : FactAttribute
{
    public const string Python = "/usr/bin/python3";

    public PythonGrpcFactAttribute()
    {
        if (!Available.Value)
        {
            Skip = "python3-grpcio and python3-grpc-tools are not installed (.ci/run installs them with apt-get)";
        }
    }

    private static readonly Lazy<bool> Available = new(() =>
    {
        if (!File.Exists(Python))
        {
            return false;
        }

        try
        {
            using var p = Process.Start(new ProcessStartInfo(Python, "-c \"import grpc, grpc_tools\"") { RedirectStandardError = true })!;
            p.WaitForExit(20_000);
            return p.HasExited && p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    });
}

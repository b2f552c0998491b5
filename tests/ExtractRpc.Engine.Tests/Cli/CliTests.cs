using System.Text.Json;
using System.Text.RegularExpressions;
using ExtractRpc.Cli;

namespace ExtractRpc.Engine.Tests.Cli;

/// <summary>The command-line tool: help, JSON lines in and out, and its exit codes.</summary>
public sealed class CliTests
{
    private static async Task<(int Code, string Out, string Err)> RunAsync(string stdin, params string[] args)
    {
        using var input = new StringReader(stdin);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, input, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Help_ExitsZero_AndExplainsEveryOptionTheParserKnows()
    {
        var (code, output, _) = await RunAsync("", "--help");
        Assert.Equal(CliApp.Ok, code);
        foreach (var option in CliOptions.Known)
        {
            Assert.Matches(new Regex($@"{Regex.Escape(option)}\b"), output);
        }

        Assert.Contains("Exit codes", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_JsonLinesIn_OneJsonObjectPerDocumentOut_InOrder()
    {
        var stdin = string.Join('\n',
            JsonSerializer.Serialize(new { id = "a", text = "قال وزير الخارجية الروسي سيرغي لافروف في موسكو أمس إن بلاده لن تتراجع.", reference_time = "2022-03-01T10:00:00Z" }),
            JsonSerializer.Serialize(new { id = "b", text = "وصل الرئيس المصري عبد الفتاح السيسي إلى الرياض في 5 نيسان/أبريل 2023." }));
        var (code, output, _) = await RunAsync(stdin, "extract", "--jsonl");
        Assert.Equal(CliApp.Ok, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal("a", first.RootElement.GetProperty("id").GetString());
        Assert.Contains(first.RootElement.GetProperty("entities").EnumerateArray(), e => e.GetProperty("entityId").GetString() == "per:sergei-lavrov");
        Assert.Contains(first.RootElement.GetProperty("dates").EnumerateArray(), d => d.GetProperty("value").GetString() == "2022-02-28");
        Assert.Equal("b", second.RootElement.GetProperty("id").GetString());
        Assert.Contains(second.RootElement.GetProperty("dates").EnumerateArray(), d => d.GetProperty("value").GetString() == "2023-04-05");
    }

    [Fact]
    public async Task Eval_Nested_TakesGoldFromEveryLayer_AndSpansChooseNameOrMention()
    {
        // Two layers, Wojood-style: the municipality (ORG) holds the city (GPE); then a town with its trigger.
        var path = Path.Combine(Path.GetTempPath(), $"extractrpc-eval-{Guid.NewGuid():N}.txt");
        await File.WriteAllLinesAsync(path,
        [
            "وصلت O O", "رسالة O O", "من O O", "بلدية B-ORG O", "مدينة I-ORG B-GPE", "البيرة I-ORG I-GPE", "إلى O O",
            "مدينة B-GPE O", "القدس I-GPE O", "أمس O O", "",
        ]);
        try
        {
            static string Micro(string output) => output.Split('\n').Single(l => l.StartsWith("micro", StringComparison.Ordinal));
            var (_, flat, _) = await RunAsync("", "eval", "--conll", path, "--format", "wojood");
            var (_, nested, _) = await RunAsync("", "eval", "--conll", path, "--format", "wojood", "--nested");
            var (_, names, _) = await RunAsync("", "eval", "--conll", path, "--format", "wojood", "--spans", "name");

            // Flat: gold is the municipality and مدينة القدس; nested adds مدينة البيرة, which the engine finds.
            var flatTp = int.Parse(Micro(flat).Split(' ', StringSplitOptions.RemoveEmptyEntries)[4], System.Globalization.CultureInfo.InvariantCulture);
            var nestedTp = int.Parse(Micro(nested).Split(' ', StringSplitOptions.RemoveEmptyEntries)[4], System.Globalization.CultureInfo.InvariantCulture);
            var namesTp = int.Parse(Micro(names).Split(' ', StringSplitOptions.RemoveEmptyEntries)[4], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(flatTp + 1, nestedTp);
            Assert.Equal(flatTp - 1, namesTp); // name spans (القدس) miss Wojood's mention with its trigger
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("extract", "--no-such-option", "x")]
    [InlineData("extract", "--offset-unit")]
    [InlineData("bench", "--seconds", "abc")]
    [InlineData("bench", "--concurrency", "1,0")]
    [InlineData("eval-quotes", "--dir", ".", "--show-errors", "-1")]
    [InlineData("eval-dates", "--specs", "no-such-folder")]
    public async Task BadUsage_ExitsTwo_WithAMessage(params string[] args)
    {
        var (code, _, error) = await RunAsync("", args);
        Assert.Equal(CliApp.Usage, code);
        Assert.Contains("extractrpc:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadJsonLine_ExitsTwo_NamingTheLine()
    {
        var (code, _, error) = await RunAsync("{\"text\": \"مرحبا\"}\nnot json\n", "extract", "--jsonl");
        Assert.Equal(CliApp.Usage, code);
        Assert.Contains("2", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreachableServer_ExitsThree()
    {
        // Port 1 on loopback: nothing listens there, the connection is refused at once.
        var (code, _, error) = await RunAsync("قال لافروف في موسكو.", "extract", "--server", "http://127.0.0.1:1");
        Assert.Equal(CliApp.Unavailable, code);
        Assert.Contains("unavailable", error, StringComparison.Ordinal);
    }
}

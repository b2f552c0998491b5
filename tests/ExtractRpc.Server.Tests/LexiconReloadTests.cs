using ExtractRpc.Protocol.V1;

namespace ExtractRpc.Server.Tests;

public sealed class LexiconReloadTests : IDisposable
{
    private const string Header = "# A user lexicon for the reload test.\n# Columns: id\ttype\tarabic\tenglish\taliases\n";
    private readonly string _directory = Directory.CreateTempSubdirectory("extractrpc-lexicon-").FullName;

    private string UserFile => Path.Combine(_directory, "user.tsv");

    [Fact]
    public async Task UserLexicon_IsMergedAtStartAndReloadedWhenItChanges()
    {
        await File.WriteAllTextAsync(UserFile, Header + "org:acme-ar\tORG\tشركة أكمي للطاقة\tAcme Energy\tأكمي\n");
        await using var host = await ServerHost.StartInMemoryAsync(new Dictionary<string, string?> { ["Extractor:UserLexicons:0"] = UserFile });
        var client = new Extractor.ExtractorClient(host.Channel);

        var before = await client.GetInfoAsync(new GetInfoRequest());
        Assert.StartsWith("builtin+user-", before.LexiconVersion, StringComparison.Ordinal);
        var first = await client.ExtractAsync(new ExtractRequest { Text = "أعلنت أكمي عن أرباح قياسية.", Kinds = { ExtractionKind.Entities } });
        Assert.Contains(first.Entities, e => e.EntityId == "org:acme-ar");

        // Add a person: the server swaps the lexicon without a restart.
        await File.WriteAllTextAsync(UserFile, Header + "org:acme-ar\tORG\tشركة أكمي للطاقة\tAcme Energy\tأكمي\nper:zahra-testperson\tPER\tزهرة التجريبية\tZahra Testperson\tالتجريبية\n");
        var after = await WaitForVersionChange(client, before.LexiconVersion);
        Assert.NotEqual(before.LexiconVersion, after);
        var second = await client.ExtractAsync(new ExtractRequest { Text = "وقالت زهرة التجريبية إن الموسم كان جيدا.", Kinds = { ExtractionKind.Entities } });
        Assert.Contains(second.Entities, e => e.EntityId == "per:zahra-testperson");
    }

    [Fact]
    public async Task BrokenUserLexicon_KeepsTheOldOneServing()
    {
        await File.WriteAllTextAsync(UserFile, Header + "org:acme-ar\tORG\tشركة أكمي للطاقة\tAcme Energy\tأكمي\n");
        await using var host = await ServerHost.StartInMemoryAsync(new Dictionary<string, string?> { ["Extractor:UserLexicons:0"] = UserFile });
        var lexicon = (Hosting.LexiconHost)host.Services.GetService(typeof(Hosting.LexiconHost))!;
        var version = lexicon.Current.Lexicon.Version;

        // Replace the file whole, as editors do, with a broken one; the watcher tries and keeps the old lexicon.
        var temp = UserFile + ".tmp";
        await File.WriteAllTextAsync(temp, Header + "org:broken\tNOT-A-TYPE\tمكسور\tBroken\n");
        File.Move(temp, UserFile, overwrite: true);
        await Task.Delay(1500);
        Assert.Equal(version, lexicon.Current.Lexicon.Version);
        Assert.False(lexicon.Reload());
        Assert.Equal(version, lexicon.Current.Lexicon.Version);
        var client = new Extractor.ExtractorClient(host.Channel);
        var response = await client.ExtractAsync(new ExtractRequest { Text = "أعلنت أكمي عن أرباح قياسية.", Kinds = { ExtractionKind.Entities } });
        Assert.Contains(response.Entities, e => e.EntityId == "org:acme-ar");
    }

    [Fact]
    public async Task LexiconSnapshot_IsWrittenAfterACompile_AndReadOnTheNextStart()
    {
        var path = Path.Combine(_directory, "snapshots", "lexicon.snapshot");
        var settings = new Dictionary<string, string?> { ["Extractor:LexiconSnapshot"] = path };
        string version;
        await using (var first = await ServerHost.StartInMemoryAsync(settings))
        {
            var lexicon = (Hosting.LexiconHost)first.Services.GetService(typeof(Hosting.LexiconHost))!;
            Assert.False(lexicon.FromSnapshot);
            version = lexicon.Current.Lexicon.Version;
            for (var i = 0; i < 100 && !File.Exists(path); i++)
            {
                await Task.Delay(100); // written in the background after the compile
            }
        }

        Assert.True(File.Exists(path));
        await using var second = await ServerHost.StartInMemoryAsync(settings);
        var reread = (Hosting.LexiconHost)second.Services.GetService(typeof(Hosting.LexiconHost))!;
        Assert.True(reread.FromSnapshot);
        Assert.Equal(version, reread.Current.Lexicon.Version);
        var client = new Extractor.ExtractorClient(second.Channel);
        var response = await client.ExtractAsync(new ExtractRequest { Text = "وقال الرئيس الأمريكي جو بايدن في واشنطن إن", Kinds = { ExtractionKind.Entities } });
        Assert.Contains(response.Entities, e => e.EntityId == "per:joe-biden");
    }

    private static async Task<string> WaitForVersionChange(Extractor.ExtractorClient client, string version)
    {
        // The watcher debounces writes for 300 ms; give it up to 10 s on a loaded machine.
        for (var i = 0; i < 100; i++)
        {
            var info = await client.GetInfoAsync(new GetInfoRequest());
            if (info.LexiconVersion != version)
            {
                return info.LexiconVersion;
            }

            await Task.Delay(100);
        }

        return version;
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}

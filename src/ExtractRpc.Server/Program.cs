using ExtractRpc.Server.Hosting;

// --write-lexicon-snapshot compiles the lexicon, writes its snapshot (Extractor:LexiconSnapshot) and
// exits: an image build runs it once, so that every container starts by reading the lexicon.
var writeSnapshot = args.Contains(LexiconHost.WriteSnapshotArgument);
args = [.. args.Where(a => a != LexiconHost.WriteSnapshotArgument)];

// Settings are found beside the application wherever it is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
if (writeSnapshot)
{
    return LexiconHost.WriteSnapshot(builder.Configuration, Console.Out) ? 0 : 1;
}

LexiconHost.StartEarly(builder.Configuration); // compiles on another core while the host is built
builder.Services.AddServerOptions(builder.Configuration);
builder.WebHost.UseExtractorDefaults();
var app = builder.Build();
app.MapExtractor();
app.Run();
return 0;

/// <summary>The entry point; public so integration tests can host it.</summary>
public partial class Program;

using ExtractRpc.Server.Hosting;

// Settings are found beside the application wherever it is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
LexiconHost.StartEarly(builder.Configuration); // compiles on another core while the host is built
builder.Services.AddServerOptions(builder.Configuration);
builder.WebHost.UseExtractorDefaults();
var app = builder.Build();
app.MapExtractor();
app.Run();

/// <summary>The entry point; public so integration tests can host it.</summary>
public partial class Program;

using ExtractRpc.Server.Hosting;
using ExtractRpc.Server.Services;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddServerOptions(builder.Configuration);
var app = builder.Build();
app.MapExtractor();
app.Run();

/// <summary>The entry point; public so integration tests can host it.</summary>
public partial class Program;

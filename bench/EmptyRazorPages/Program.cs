// The floor for start-up (bench/run.sh, section 2): the time from process start to the first 200 of a Razor Pages app that
// has one page and nothing else. No site built on Razor Pages can be ready sooner on the same host.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();
builder.Services.AddRazorPages();

var app = builder.Build();
app.MapRazorPages();
app.Run();

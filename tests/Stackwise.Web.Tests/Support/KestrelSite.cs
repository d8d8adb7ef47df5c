using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Stackwise.Web.Tests.Support;

/// <summary>
/// The app on the test content behind real Kestrel at 127.0.0.1 (a free port), for what the in-memory server skips:
/// request-line and header limits, malformed requests and timeouts. Requests go over a raw socket, byte for byte.
/// Headers must arrive within a second here (ten in appsettings.json) so the slow-client test stays short.
/// </summary>
public sealed class KestrelSite : IDisposable
{
    private readonly HeaderTimeoutFactory _factory;

    public KestrelSite()
        : this(TimeProvider.System)
    {
    }

    /// <param name="time">The clock the app sees (Kestrel keeps its own for the <c>Date</c> it writes).</param>
    internal KestrelSite(TimeProvider time)
    {
        _factory = new HeaderTimeoutFactory { Time = time };
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.Single()
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        Port = new Uri(address).Port;
    }

    public int Port { get; }

    public IServiceProvider Services => _factory.Services;

    public LogCollector Logs => _factory.Logs;

    /// <summary>Sends <paramref name="request"/> as written and returns the status code of the answer, or null when the
    /// server closed the connection without one. Gives up after 30 seconds.</summary>
    public async Task<int?> SendRawAsync(byte[] request)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
        var stream = client.GetStream();
        try
        {
            await stream.WriteAsync(request, timeout.Token);
        }
        catch (IOException)
        {
            // The server may answer and close before reading everything (a request line over the limit).
        }

        var received = new MemoryStream();
        var buffer = new byte[4096];
        while (!Encoding.ASCII.GetString(received.ToArray()).Contains("\r\n", StringComparison.Ordinal))
        {
            int read;
            try
            {
                read = await stream.ReadAsync(buffer, timeout.Token);
            }
            catch (IOException)
            {
                break;
            }
            if (read == 0)
            {
                break;
            }
            received.Write(buffer, 0, read);
        }

        var statusLine = Encoding.ASCII.GetString(received.ToArray()).Split("\r\n")[0];
        return statusLine.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) ? int.Parse(statusLine[9..12], System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    public Task<int?> SendRawAsync(string request) => SendRawAsync(Encoding.Latin1.GetBytes(request));

    public void Dispose() => _factory.Dispose();

    private sealed class HeaderTimeoutFactory() : StackwiseFactory(RepositoryPaths.TestContent)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Kestrel:Limits:RequestHeadersTimeout", "00:00:01");
        }
    }
}

using System.Net.Sockets;
using System.Text;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Hardening;

/// <summary>
/// Malformed and oversized requests sent byte for byte to Kestrel: each gets the right 4xx or 5xx status from the
/// server's own limits (never a 500 from the app), and the site keeps answering afterwards.
/// </summary>
public sealed class RawRequestTests(KestrelSite site) : IClassFixture<KestrelSite>
{
    private const string Host = "Host: localhost\r\n";

    public static TheoryData<string, string, int> Requests => new()
    {
        { "a good request, for comparison", $"GET /therapies/alpha-test-therapy HTTP/1.1\r\n{Host}\r\n", 200 },
        { "dot segments climbing out of the web root", $"GET /../../appsettings.json HTTP/1.1\r\n{Host}\r\n", 404 },
        { "dot segments inside the images path", $"GET /images/../../Program.cs HTTP/1.1\r\n{Host}\r\n", 404 },
        { "encoded dot segments", $"GET /images/%2e%2e/%2e%2e/appsettings.json HTTP/1.1\r\n{Host}\r\n", 404 },
        { "backslashes", $"GET /images\\..\\..\\appsettings.json HTTP/1.1\r\n{Host}\r\n", 404 },
        { "a NUL byte in the path", $"GET /therapies/alpha\0 HTTP/1.1\r\n{Host}\r\n", 400 },
        { "an encoded NUL byte", $"GET /therapies/alpha%00.md HTTP/1.1\r\n{Host}\r\n", 400 },
        { "a path of 10,000 characters", $"GET /{new string('a', 10_000)} HTTP/1.1\r\n{Host}\r\n", 414 },
        { "a query string of 10,000 characters", $"GET /search?q={new string('a', 10_000)} HTTP/1.1\r\n{Host}\r\n", 414 },
        { "a header of 40 KB", $"GET / HTTP/1.1\r\n{Host}X-Big: {new string('a', 40_000)}\r\n\r\n", 431 },
        { "200 headers", $"GET / HTTP/1.1\r\n{Host}{string.Concat(Enumerable.Range(0, 200).Select(i => $"X-H{i}: v\r\n"))}\r\n", 431 },
        { "no Host header", "GET / HTTP/1.1\r\n\r\n", 400 },
        { "two Host headers", $"GET / HTTP/1.1\r\n{Host}Host: attacker.example\r\n\r\n", 400 },
        { "a Host with spaces", "GET / HTTP/1.1\r\nHost: bad host\r\n\r\n", 400 },
        { "a Host with markup", "GET / HTTP/1.1\r\nHost: <script>alert(1)</script>\r\n\r\n", 400 },
        { "another site's Host", "GET / HTTP/1.1\r\nHost: attacker.example\r\n\r\n", 400 },
        { "an absolute URL for another host", "GET http://attacker.example/terms HTTP/1.1\r\nHost: attacker.example\r\n\r\n", 400 },
        { "a method with illegal characters", $"G<T / HTTP/1.1\r\n{Host}\r\n", 400 },
        { "TRACE", $"TRACE / HTTP/1.1\r\n{Host}\r\n", 405 },
        { "OPTIONS *", $"OPTIONS * HTTP/1.1\r\n{Host}\r\n", 405 },
        { "PUT with a body", $"PUT /terms HTTP/1.1\r\n{Host}Content-Length: 5\r\n\r\nhello", 405 },
        // RFC 9112: chunked wins and Content-Length is ignored (no smuggling); the method is then refused.
        { "both Content-Length and Transfer-Encoding", $"POST / HTTP/1.1\r\n{Host}Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 405 },
        { "an HTTP version that does not exist", $"GET / HTTP/9.9\r\n{Host}\r\n", 505 },
        { "a request line that is not HTTP", "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n", 400 },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task MalformedRequestGetsItsStatusAndTheSiteKeepsAnswering(string what, string request, int expected)
    {
        var status = await site.SendRawAsync(request);

        Assert.True(status == expected, $"{what}: expected {expected}, got {status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no answer"}");
        Assert.Equal(200, await site.SendRawAsync($"GET /terms HTTP/1.1\r\n{Host}\r\n"));
        Assert.DoesNotContain(site.Logs.Events, logEvent => logEvent.Level >= Serilog.Events.LogEventLevel.Error);
    }

    [Fact]
    public async Task ClientThatSendsHeadersTooSlowlyIsDisconnected()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(System.Net.IPAddress.Loopback, site.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: "));

        // Never finish the headers: the server must give up (408, then close) within its timeout, not wait for ever.
        using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var received = new StringBuilder();
        var buffer = new byte[1024];
        int read;
        while ((read = await stream.ReadAsync(buffer, bounded.Token)) > 0)
        {
            received.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        Assert.StartsWith("HTTP/1.1 408", received.ToString(), StringComparison.Ordinal);
    }
}

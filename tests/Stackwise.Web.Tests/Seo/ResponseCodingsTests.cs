using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;
using Stackwise.Web.Seo;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Seo;

/// <summary>
/// The coding a request is answered in is remembered per Accept-Encoding value: the remembered answer must be the one the
/// response compression middleware would choose, every time, and odd headers must not grow the memory.
/// </summary>
public sealed class ResponseCodingsTests : IClassFixture<TestContentFactory>
{
    private readonly TestContentFactory _factory;

    public ResponseCodingsTests(TestContentFactory factory) => _factory = factory;

    public static TheoryData<string?> AcceptEncodings => new()
    {
        null, "", "br", "gzip", "identity", "*", "deflate", "gzip, deflate, br, zstd", "gzip, deflate", "br;q=0", "gzip;q=0, br;q=0",
        "br;q=0.5, gzip;q=0.9", "gzip;q=1.0, br;q=0.1", "identity;q=0", "*;q=0", "BR", "GZIP", "x-gzip", "compress", "br;q=abc",
        ",,,", "gzip;;", "br, *;q=0", "identity, gzip;q=0.5",
    };

    [Theory]
    [MemberData(nameof(AcceptEncodings))]
    public void TheRememberedCodingIsTheOneCompressionWouldChoose(string? acceptEncoding)
    {
        var codings = _factory.Services.GetRequiredService<ResponseCodings>();
        var compression = _factory.Services.GetRequiredService<IResponseCompressionProvider>();
        var context = Request(acceptEncoding);
        var expected = compression.CheckRequestAcceptsCompression(context)
            ? compression.GetCompressionProvider(context)?.EncodingName ?? ResponseCodings.Identity
            : ResponseCodings.Identity;

        Assert.Equal(expected, codings.For(context));
        Assert.Equal(expected, codings.For(Request(acceptEncoding)));  // the second time, from memory
    }

    [Fact]
    public void OddHeadersAreWorkedOutButNotRememberedPastTheLimit()
    {
        var codings = new ResponseCodings(_factory.Services.GetRequiredService<IResponseCompressionProvider>());

        for (var i = 0; i < ResponseCodings.MaxRemembered * 4; i++)
        {
            Assert.Equal("gzip", codings.For(Request($"gzip, x-unique-{i}")));
        }

        Assert.Equal(ResponseCodings.MaxRemembered, codings.Remembered);
        Assert.Equal("br", codings.For(Request("br")));  // still answered correctly, from the provider
        Assert.Equal(ResponseCodings.MaxRemembered, codings.Remembered);
    }

    [Fact]
    public void SeveralHeaderLinesAreReadTogether()
    {
        var codings = _factory.Services.GetRequiredService<ResponseCodings>();
        var context = new DefaultHttpContext();
        context.Request.Headers.AcceptEncoding = new(["identity", "br"]);

        Assert.Equal("br", codings.For(context));
    }

    private static DefaultHttpContext Request(string? acceptEncoding)
    {
        var context = new DefaultHttpContext();
        if (acceptEncoding is not null)
        {
            context.Request.Headers.AcceptEncoding = acceptEncoding;
        }
        return context;
    }
}

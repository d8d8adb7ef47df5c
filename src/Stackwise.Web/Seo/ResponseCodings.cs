using System.Collections.Concurrent;
using Microsoft.AspNetCore.ResponseCompression;

namespace Stackwise.Web.Seo;

/// <summary>
/// The content coding a response to a request goes out in (<c>br</c>, <c>gzip</c> or <c>identity</c>), chosen by the
/// response compression middleware's own rules, so that cached and prepared responses are keyed by what is actually
/// sent, whatever the client wrote. The choice depends on the <c>Accept-Encoding</c> header alone, so it is worked out
/// once per distinct header value (browsers and crawlers send a handful) and remembered; past
/// <see cref="MaxRemembered"/> values, new ones are worked out each time and not kept, so odd headers cannot grow memory.
/// </summary>
public sealed class ResponseCodings(IResponseCompressionProvider compression)
{
    public const string Identity = "identity";
    public const int MaxRemembered = 256;

    private readonly ConcurrentDictionary<string, string> _byHeader = new(StringComparer.Ordinal);

    /// <summary>How many header values are remembered (never more than <see cref="MaxRemembered"/>).</summary>
    public int Remembered => _byHeader.Count;

    public string For(HttpContext context)
    {
        var header = context.Request.Headers.AcceptEncoding;
        if (header.Count != 1 || header[0] is not { } value)
        {
            return Choose(context);  // absent (identity) or split over several lines: rare, worked out each time
        }
        if (_byHeader.TryGetValue(value, out var coding))
        {
            return coding;
        }
        coding = Choose(context);
        if (_byHeader.Count < MaxRemembered)
        {
            _byHeader.TryAdd(value, coding);
        }
        return coding;
    }

    private string Choose(HttpContext context) =>
        compression.CheckRequestAcceptsCompression(context)
            ? compression.GetCompressionProvider(context)?.EncodingName ?? Identity
            : Identity;
}

namespace Stackwise.Web.Seo;

/// <summary>
/// A response rendered into memory instead of onto the wire, so that its bytes can be kept (as a prepared response or a
/// prepared error page) before they are sent, whole, with their length. The response's own body stream is put back when
/// the render ends, whatever happened.
/// </summary>
internal sealed class BufferedRender : IDisposable
{
    private readonly Stream _body;

    private BufferedRender(Stream body) => _body = body;

    /// <summary>What the rest of the pipeline wrote.</summary>
    public MemoryStream Bytes { get; } = new();

    public static async Task<BufferedRender> RunAsync(HttpContext context, RequestDelegate next)
    {
        var response = context.Response;
        var render = new BufferedRender(response.Body);
        response.Body = render.Bytes;
        try
        {
            await next(context);
        }
        catch
        {
            render.Dispose();
            throw;
        }
        finally
        {
            response.Body = render._body;
        }
        return render;
    }

    /// <summary>
    /// Sends the bytes, with their length when there are any (an empty body is left without one, so the status code pages
    /// can still render the error page for it).
    /// </summary>
    public Task SendAsync(HttpContext context)
    {
        if (Bytes.Length == 0)
        {
            return Task.CompletedTask;  // not even an empty write: it would start the response
        }
        context.Response.ContentLength = Bytes.Length;
        // No cancellation token, as on the hot path: a client gone mid-write is not a server error.
        return PreparedResponse.WriteBodyAsync(_body, Bytes.GetBuffer().AsMemory(0, (int)Bytes.Length));
    }

    public void Dispose() => Bytes.Dispose();
}

namespace Stackwise.Web.Seo;

/// <summary>Endpoint metadata: the endpoint renders content, so its 200 responses get an ETag, Cache-Control and 304s.</summary>
public sealed class CacheableContent
{
    public static readonly CacheableContent Instance = new();

    private CacheableContent()
    {
    }
}

using Stackwise.Web.Content.Hosting;
using Stackwise.Web.Hardening;
using Stackwise.Web.Site;
using Stackwise.Web.Telemetry;

namespace Stackwise.Web.Seo;

public static class ContentImages
{
    /// <summary>
    /// Serves <c>content/images/</c> at <c>/images/</c> (hidden files and symbolic links excluded), cached for an hour. The folder is
    /// looked for at start-up: an images folder created later is served after a restart.
    /// </summary>
    public static WebApplication UseContentImages(this WebApplication app)
    {
        var folder = Path.Combine(app.Services.GetRequiredService<ContentStore>().Root, SiteRoutes.ImagesFolder);
        if (Directory.Exists(folder))
        {
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new NoLinksFileProvider(folder),
                RequestPath = "/" + SiteRoutes.ImagesFolder,
                OnPrepareResponse = context =>
                {
                    context.Context.Response.Headers.CacheControl = "public, max-age=3600";
                    // An image opened on its own (an SVG can carry script) runs nothing and loads nothing.
                    context.Context.Response.Headers.ContentSecurityPolicy = SecurityHeaders.ImagePolicy;
                    PageKinds.Set(context.Context, PageKinds.Asset);
                },
            });
        }
        return app;
    }
}

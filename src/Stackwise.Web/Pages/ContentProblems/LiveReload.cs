using System.Globalization;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Telemetry;

namespace Stackwise.Web.Pages.ContentProblems;

/// <summary>
/// Development only: every page loads a small script that asks for the content version each second and reloads the page
/// when it changes, so an editor's preview follows each save without a manual refresh. Production maps neither path and
/// its pages carry no script (the layout adds it only in Development).
/// </summary>
public static class LiveReload
{
    public const string ScriptPath = "/_content/live-reload.js";
    public const string VersionPath = "/_content/version";

    // The first answer is the version the page was shown with; any other one means a save reloaded the site.
    private const string Script = $$"""
        // Stackwise Development preview: reload this page when the content changes.
        (() => {
          let shown = null;
          const check = async () => {
            try {
              const response = await fetch("{{VersionPath}}", { cache: "no-store" });
              if (response.ok) {
                const version = await response.text();
                if (shown !== null && version !== shown) {
                  location.reload();
                  return;
                }
                shown = version;
              }
            } catch {
              // The site is restarting: ask again.
            }
            setTimeout(check, 1000);
          };
          check();
        })();

        """;

    public static IEndpointRouteBuilder MapLiveReload(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(VersionPath, (ContentSnapshot snapshot, HttpResponse response) =>
        {
            response.Headers.CacheControl = "no-store";
            return Results.Text(snapshot.Version.ToString(CultureInfo.InvariantCulture), "text/plain; charset=utf-8");
        }).WithPageKind(PageKinds.Other);
        endpoints.MapGet(ScriptPath, (HttpResponse response) =>
        {
            response.Headers.CacheControl = "no-store";
            return Results.Text(Script, "text/javascript; charset=utf-8");
        }).WithPageKind(PageKinds.Asset);
        return endpoints;
    }
}

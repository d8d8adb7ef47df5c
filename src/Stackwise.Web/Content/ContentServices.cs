using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Stackwise.Web.Content.Hosting;
using Stackwise.Web.Content.Parsing;
using Stackwise.Web.Content.Snapshot;
using Stackwise.Web.Rendering;
using Stackwise.Web.Site;

namespace Stackwise.Web.Content;

public static class ContentServices
{
    /// <summary>Registers content loading: the folder from <c>Content:Root</c>, read into a snapshot at start-up.</summary>
    public static IServiceCollection AddStackwiseContent(this IServiceCollection services)
    {
        services.AddOptions<ContentOptions>()
            .BindConfiguration(ContentOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ContentOptions>, ContentOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        // The reading grade is advice for editors: graded in Development (the problems page) and by `check`, not in Production,
        // where it would cost every start and reload about 0.1 ms an article for a log line nobody acts on.
        services.AddSingleton(provider => new ContentParser(provider.GetRequiredService<MarkdownRenderer>(),
            provider.GetRequiredService<IHostEnvironment>().IsDevelopment() ? provider.GetRequiredService<IOptions<ContentOptions>>().Value.MaxReadingGrade : null,
            provider.GetRequiredService<IOptions<ContentOptions>>().Value.RequiredSections));
        services.AddSingleton(provider => new ContentLoader(provider.GetRequiredService<ContentParser>(),
            [.. provider.GetRequiredService<IOptions<SiteOptions>>().Value.Languages.Skip(1)]));
        services.AddSingleton<ContentStore>();
        services.AddHostedService(provider => provider.GetRequiredService<ContentStore>());
        services.AddSingleton<ISnapshotObserver, FullCollections>();
        services.AddSingleton<ISnapshotObserver, ContentMetrics>();     // the content's gauges (docs/observability.md)
        return services;
    }
}

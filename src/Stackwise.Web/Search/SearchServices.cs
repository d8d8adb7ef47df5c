using Stackwise.Web.Content.Hosting;

namespace Stackwise.Web.Search;

public static class SearchServices
{
    /// <summary>Registers site search: a Lucene index built with each content snapshot.</summary>
    public static IServiceCollection AddStackwiseSearch(this IServiceCollection services)
    {
        services.AddSingleton<SearchService>();
        services.AddSingleton<ISnapshotWarmer, SearchIndexWarmer>();
        return services;
    }
}

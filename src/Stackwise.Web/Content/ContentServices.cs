using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

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
        services.AddOutputCache();
        services.AddSingleton<ContentParser>();
        services.AddSingleton<ContentLoader>();
        services.AddSingleton<ContentStore>();
        services.AddHostedService(provider => provider.GetRequiredService<ContentStore>());
        return services;
    }
}

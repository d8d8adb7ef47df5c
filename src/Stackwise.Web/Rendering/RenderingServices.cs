namespace Stackwise.Web.Rendering;

public static class RenderingServices
{
    /// <summary>Registers the one markdown pipeline the whole site renders with.</summary>
    public static IServiceCollection AddStackwiseRendering(this IServiceCollection services) =>
        services.AddSingleton<MarkdownRenderer>();
}

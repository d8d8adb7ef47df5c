using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;

namespace Stackwise.Web.Tests.Support;

/// <summary>
/// The app on the fixture content with an MVC filter that throws <see cref="InvalidOperationException"/> with
/// <see cref="Message"/> on every article page (<c>/therapies/...</c>): an unhandled exception inside a page.
/// </summary>
public sealed class ThrowingArticlesFactory(string environment) : StackwiseFactory(RepositoryPaths.TestContent, environment)
{
    /// <summary>Looks like an internal detail, so tests can check that it never reaches a reader.</summary>
    public const string Message = "SecretDetail-/srv/stackwise/internal";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.Configure<MvcOptions>(options => options.Filters.Add(new ThrowOnArticles())));
    }

    private sealed class ThrowOnArticles : IResourceFilter
    {
        public void OnResourceExecuting(ResourceExecutingContext context)
        {
            if (context.HttpContext.Request.Path.StartsWithSegments("/therapies", StringComparison.Ordinal))
            {
                throw new InvalidOperationException(Message);
            }
        }

        public void OnResourceExecuted(ResourceExecutedContext context)
        {
        }
    }
}

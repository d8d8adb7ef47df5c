using Microsoft.AspNetCore.Mvc.Testing;

namespace Stackwise.Web.Tests.Support;

public static class NoRedirectClient
{
    /// <summary>A client that shows redirects instead of following them.</summary>
    public static HttpClient CreateNoRedirectClient(this StackwiseFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
}

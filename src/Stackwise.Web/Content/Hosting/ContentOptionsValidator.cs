using Microsoft.Extensions.Options;

namespace Stackwise.Web.Content.Hosting;

/// <summary>Stops the app at start-up, with a message that says how to fix it, when the content folder is missing.</summary>
internal sealed class ContentOptionsValidator(IHostEnvironment environment) : IValidateOptions<ContentOptions>
{
    public ValidateOptionsResult Validate(string? name, ContentOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Root))
        {
            return ValidateOptionsResult.Skip;
        }
        var root = options.ResolveRoot(environment.ContentRootPath);
        return Directory.Exists(root)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"The content folder '{root}' does not exist. Set Content:Root (environment variable Content__Root) " +
                "to the folder that holds the markdown content, absolute or relative to the app's content root.");
    }
}

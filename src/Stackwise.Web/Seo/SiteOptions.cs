using System.ComponentModel.DataAnnotations;

namespace Stackwise.Web.Seo;

/// <summary>The public identity of the site (configuration section <c>Site</c>).</summary>
public sealed class SiteOptions : IValidatableObject
{
    public const string Section = "Site";

    /// <summary>The public base URL, such as <c>https://stackwise.example</c>, with no trailing slash.
    /// Absolute URLs are built from it, never from a request's Host header.</summary>
    [Required(AllowEmptyStrings = false)]
    public string BaseUrl { get; set; } = "";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var valid = Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && !BaseUrl.EndsWith('/')
            && uri.Query.Length == 0
            && uri.Fragment.Length == 0;
        if (!valid)
        {
            yield return new ValidationResult(
                $"Site:BaseUrl must be an absolute http(s) URL with no trailing slash, query or fragment (got '{BaseUrl}').",
                [nameof(BaseUrl)]);
        }
    }
}

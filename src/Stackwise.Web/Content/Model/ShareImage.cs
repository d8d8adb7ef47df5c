using Stackwise.Web.Rendering;

namespace Stackwise.Web.Content.Model;

/// <summary>The picture an article names for its share card (<c>image</c>), a file under <c>content/images/</c>, with
/// its alt text.</summary> <param name="File">The path under <c>content/images/</c>, with forward slashes.</param>
public sealed record ShareImage(string File, string Alt, SourcePosition Position)
{
    /// <summary>The types social sites show, by file ending.</summary>
    public static readonly IReadOnlyDictionary<string, string> Types = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
    };

    public string ContentType => Types[Path.GetExtension(File)];

    /// <summary>
    /// The largest picture served or shared: what the big networks take for a link's picture (X takes at most 5 MB,
    /// Facebook 8 MB); a larger file would be sent to every reader who opens it for nothing.
    /// </summary>
    public const long MaxBytes = 5 * 1024 * 1024;
}

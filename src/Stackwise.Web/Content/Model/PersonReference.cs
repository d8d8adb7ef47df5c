using Stackwise.Web.Rendering;

namespace Stackwise.Web.Content.Model;

/// <summary>A person an article names in <c>author</c> or <c>reviewedBy</c>, by slug, with where it was written so an
/// unknown one can be reported.</summary>
public sealed record PersonReference(string Slug, SourcePosition Position);

using System.Collections.Frozen;
using Stackwise.Web.Content.Model;

namespace Stackwise.Web.Content.Checks;

/// <summary>What a link in a document may point to: the paths the site serves, the old paths of moved pages, and the
/// documents with their sections.</summary> <param name="ServedPaths">Every path answered with a page made from
/// content.</param> <param name="Moved">Old paths (aliases) and the current path each redirects to.</param> <param
/// name="ByUrl">The served documents, for the sections an anchor may name.</param>
public sealed record LinkTargets(IReadOnlySet<string> ServedPaths, FrozenDictionary<string, string> Moved, IReadOnlyDictionary<string, ContentDocument> ByUrl);

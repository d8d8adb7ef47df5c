using System.Collections.Immutable;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Rendering;
using Stackwise.Web.Site;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Stackwise.Web.Content.Parsing;

/// <summary>
/// <c>content/redirects.yml</c>: paths removed on purpose, which answer 410 Gone instead of 404.
/// Moved pages are not listed here: their new file lists the old path in its <c>aliases</c>.
/// </summary>
/// <example>
/// gone:
///   - /therapies/withdrawn-article
/// </example>
public static class RedirectsFile
{
    public const string Name = "redirects.yml";

    public static ImmutableArray<string> Read(string yaml, List<ContentProblem> problems)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new YamlShapeGuard(new Parser(new StringReader(yaml))));
        }
        catch (YamlShapeException e)
        {
            problems.Add(Problem(e.Start, e.Code, e.Message));
            return [];
        }
        catch (YamlException e)
        {
            problems.Add(Problem(e.Start, ProblemCodes.YamlSyntax, $"the file is not valid YAML: {(e.InnerException ?? e).Message}"));
            return [];
        }
        catch (ArgumentException e)
        {
            // An escape that writes half of a surrogate pair: YamlDotNet throws this instead of a YamlException.
            problems.Add(ContentProblem.Error(Name, SourcePosition.Start, ProblemCodes.YamlSyntax, $"the file is not valid YAML: {e.Message}"));
            return [];
        }

        var root = stream.Documents.FirstOrDefault()?.RootNode;
        if (root is null || root is YamlScalarNode { Value: null or "" })
        {
            return [];
        }
        if (root is not YamlMappingNode mapping)
        {
            problems.Add(Problem(root.Start, ProblemCodes.NotAMapping, "the file must be a `gone:` line followed by `- /path` lines"));
            return [];
        }

        var gone = ImmutableArray.CreateBuilder<string>();
        foreach (var (key, value) in mapping.Children)
        {
            if (key is not YamlScalarNode { Value: "gone" })
            {
                problems.Add(Problem(key.Start, ProblemCodes.UnknownField, $"unknown field `{key}`; the only field is `gone`"));
            }
            else if (value is not YamlSequenceNode items || items.Children.Any(item => item is not YamlScalarNode))
            {
                problems.Add(Problem(value.Start, ProblemCodes.WrongType, "field `gone` must be a list of paths, each on a line starting with `- `"));
            }
            else
            {
                foreach (var item in items.Children.Cast<YamlScalarNode>())
                {
                    var path = SitePaths.Normalize(item.Value ?? "");
                    if (path is null)
                    {
                        problems.Add(Problem(item.Start, ProblemCodes.InvalidValue, $"`{item.Value}` must be a site path starting with `/`, like `/therapies/old-article`"));
                    }
                    else if (SitePaths.IsReserved(path))
                    {
                        problems.Add(ContentProblem.EntryError(Name, Position(item.Start), ProblemCodes.ReservedPath,
                            $"`{item.Value}` is a path the site itself answers and cannot be listed as gone; it is ignored"));
                    }
                    else
                    {
                        gone.Add(path);
                    }
                }
            }
        }
        return gone.ToImmutable();
    }

    private static ContentProblem Problem(Mark mark, string code, string message) => ContentProblem.Error(Name, Position(mark), code, message);

    private static SourcePosition Position(Mark mark) => new((int)mark.Line, (int)mark.Column);
}

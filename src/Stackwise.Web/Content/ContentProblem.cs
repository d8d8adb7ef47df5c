using Stackwise.Web.Rendering;

namespace Stackwise.Web.Content;

public enum ProblemSeverity
{
    Warning,
    Error,
}

/// <summary>
/// One thing wrong with a content file, reported the way compilers do
/// (<c>path:line:column: error CODE: message</c>) so an editor can jump to it.
/// </summary>
/// <param name="File">The path relative to the content folder, with forward slashes.</param>
public sealed record ContentProblem(string File, SourcePosition Position, ProblemSeverity Severity, string Code, string Message)
{
    public static ContentProblem Error(string file, SourcePosition position, string code, string message) =>
        new(file, position, ProblemSeverity.Error, code, message);

    public override string ToString() =>
        $"{File}:{Position.Line}:{Position.Column}: {(Severity == ProblemSeverity.Error ? "error" : "warning")} {Code}: {Message}";
}

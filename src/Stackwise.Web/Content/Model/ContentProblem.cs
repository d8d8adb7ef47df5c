using Stackwise.Web.Rendering;

namespace Stackwise.Web.Content.Model;

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
    /// <summary>
    /// True for an error in one entry of a file (an alias, a path listed as gone) that the site leaves out while it
    /// serves the rest of the file. <c>check</c> still fails on it; the site logs it as a warning.
    /// </summary>
    public bool OnlyEntryIgnored { get; init; }

    /// <summary>
    /// True for advice on the writing (the reading grade) rather than something broken: <c>check</c> and the problems page
    /// show it like any warning, and the site's log notes it at Information, since an operator has nothing to fix.
    /// </summary>
    public bool IsAdvice { get; init; }

    /// <summary>True when the problem keeps its file off the site (or at its last good version).</summary>
    public bool RejectsFile => Severity == ProblemSeverity.Error && !OnlyEntryIgnored;

    public static ContentProblem Error(string file, SourcePosition position, string code, string message) =>
        new(file, position, ProblemSeverity.Error, code, message);

    /// <summary>An error in one entry, which is left out; the rest of the file is served.</summary>
    public static ContentProblem EntryError(string file, SourcePosition position, string code, string message) =>
        new(file, position, ProblemSeverity.Error, code, message) { OnlyEntryIgnored = true };

    public static ContentProblem Warning(string file, SourcePosition position, string code, string message) =>
        new(file, position, ProblemSeverity.Warning, code, message);

    /// <summary>A warning that is advice on the writing (<see cref="IsAdvice"/>).</summary>
    public static ContentProblem Advice(string file, SourcePosition position, string code, string message) =>
        Warning(file, position, code, message) with { IsAdvice = true };

    public override string ToString() =>
        $"{File}:{Position.Line}:{Position.Column}: {(Severity == ProblemSeverity.Error ? "error" : "warning")} {Code}: {Message}";
}

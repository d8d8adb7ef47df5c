namespace Stackwise.Web.Rendering;

/// <summary>A 1-based line and column in a source file, as editors and compilers count them.</summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    public static readonly SourcePosition Start = new(1, 1);

    public override string ToString() => $"{Line}:{Column}";
}

namespace Stackwise.Web.Rendering;

/// <summary>Maps character offsets in a text to 1-based line and column numbers.</summary>
internal sealed class LineIndex
{
    private readonly List<int> _lineStarts;

    private LineIndex(List<int> lineStarts) => _lineStarts = lineStarts;

    public static LineIndex Of(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }
        return new LineIndex(starts);
    }

    public SourcePosition PositionOf(int offset)
    {
        var index = _lineStarts.BinarySearch(Math.Max(offset, 0));
        var line = index >= 0 ? index : ~index - 1;
        return new SourcePosition(line + 1, offset - _lineStarts[line] + 1);
    }
}

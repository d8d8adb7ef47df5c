using System.Buffers;
using System.IO.Compression;
using System.Text;

namespace Stackwise.Web.Content.Model;

/// <summary>
/// A long text kept small for the life of a snapshot: the rendered HTML and the plain text of every document. They are
/// read rarely (a page is rendered once per snapshot, then served from its prepared bytes; a text is read when the index
/// is built and when a search quotes it), so they are held as Brotli-compressed UTF-8 instead of .NET strings at two
/// bytes a character: at 10,000 articles they were nine tenths of the live heap ("Compact texts" in docs/performance.md).
/// A document's text and HTML are compressed as one stream (<see cref="Pair"/>): the text is the HTML's words again, so
/// each costs little beside the other ("HTML and text in one stream"). Short texts, and any that would not shrink, are kept as
/// plain UTF-8. Immutable, and equal when the texts are equal.
/// </summary>
public sealed class CompactText : IEquatable<CompactText>
{
    /// <summary>
    /// Brotli's fastest quality. Measured on 10,000 synthetic articles ("Compact texts" in docs/performance.md):
    /// quality 0 holds the texts in 79 MB of live heap and adds about 0.5 s to the load; quality 2 holds them in 73 MB
    /// but adds 1.5 s.
    /// </summary>
    private const int Quality = 0;
    private const int Window = 22;
    private const int ShortestCompressed = 256;

    public static readonly CompactText Empty = new([], 0, 0, isCompressed: false, isShared: false);

    // The stored bytes (this text's own, or a pair's that it shares), where this text starts in their UTF-8, its length.
    private readonly byte[] _bytes;
    private readonly int _offset;
    private readonly int _utf8Length;
    private readonly bool _isCompressed;
    private readonly bool _isShared;

    private CompactText(byte[] bytes, int offset, int utf8Length, bool isCompressed, bool isShared)
    {
        _bytes = bytes;
        _offset = offset;
        _utf8Length = utf8Length;
        _isCompressed = isCompressed;
        _isShared = isShared;
    }

    /// <summary>Bytes held in memory for this text (for the benchmarks' accounting); the bytes of a pair are counted on its
    /// first text.</summary>
    public int StoredBytes => _isShared && _offset > 0 ? 0 : _bytes.Length;

    public static CompactText From(string text) => Pair(text, "").First;

    /// <summary>Two texts stored together, the second after the first in one compressed stream: a document's plain text and
    /// its HTML. Reading the first decompresses only as far as its end.</summary>
    public static (CompactText First, CompactText Second) Pair(string first, string second)
    {
        if (first.Length + second.Length == 0)
        {
            return (Empty, Empty);
        }
        // The UTF-8 and the compressed bytes are made in pooled buffers; only the bytes kept are allocated.
        var utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(first.Length) + Encoding.UTF8.GetMaxByteCount(second.Length));
        byte[]? compressed = null;
        try
        {
            var firstLength = Encoding.UTF8.GetBytes(first, utf8);
            var length = firstLength + Encoding.UTF8.GetBytes(second, utf8.AsSpan(firstLength));
            var isShared = first.Length > 0 && second.Length > 0;
            byte[] kept;
            var isCompressed = false;
            if (length < ShortestCompressed)
            {
                kept = utf8[..length];
            }
            else
            {
                compressed = ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(length));
                isCompressed = BrotliEncoder.TryCompress(utf8.AsSpan(0, length), compressed, out var written, Quality, Window) && written < length;
                kept = isCompressed ? compressed[..written] : utf8[..length];
            }
            return (first.Length == 0 ? Empty : new CompactText(kept, 0, firstLength, isCompressed, isShared),
                second.Length == 0 ? Empty : new CompactText(kept, firstLength, length - firstLength, isCompressed, isShared));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8);
            if (compressed is not null)
            {
                ArrayPool<byte>.Shared.Return(compressed);
            }
        }
    }

    public static implicit operator CompactText(string text) => From(text);

    /// <summary>The text itself, decompressed for the caller (each call makes a new string: keep it while you need it).</summary>
    public override string ToString()
    {
        if (!_isCompressed)
        {
            return Encoding.UTF8.GetString(_bytes, _offset, _utf8Length);
        }
        var end = _offset + _utf8Length;
        var buffer = ArrayPool<byte>.Shared.Rent(end);
        try
        {
            // Up to this text's end: the first of a pair stops there, where the decoder reports its buffer full.
            using var decoder = new BrotliDecoder();
            var status = decoder.Decompress(_bytes, buffer.AsSpan(0, end), out _, out var written);
            if (written != end || status is not (OperationStatus.Done or OperationStatus.DestinationTooSmall))
            {
                throw new InvalidDataException("a compact text did not decompress to its recorded length");
            }
            return Encoding.UTF8.GetString(buffer, _offset, _utf8Length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Equal texts. Two stored alone are equal exactly when their bytes are (one text compresses one way); texts stored in
    /// equal bytes at the same place are equal; any others are compared as text (a document whose HTML or text changed).
    /// </summary>
    public bool Equals(CompactText? other)
    {
        if (other is null || _utf8Length != other._utf8Length)
        {
            return false;
        }
        if (ReferenceEquals(this, other) || _utf8Length == 0
            || (_offset == other._offset && _isShared == other._isShared && _isCompressed == other._isCompressed && _bytes.AsSpan().SequenceEqual(other._bytes)))
        {
            return true;
        }
        return (_isShared || other._isShared) && string.Equals(ToString(), other.ToString(), StringComparison.Ordinal);
    }

    public override bool Equals(object? obj) => Equals(obj as CompactText);

    /// <summary>The length alone: equal texts stored apart or in a pair have different bytes.</summary>
    public override int GetHashCode() => _utf8Length;
}

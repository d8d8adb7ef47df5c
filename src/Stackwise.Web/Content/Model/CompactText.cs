using System.Buffers;
using System.IO.Compression;
using System.Text;

namespace Stackwise.Web.Content.Model;

/// <summary>
/// A long text kept small for the life of a snapshot: the rendered HTML and the plain text of every document. They are
/// read rarely (a page is rendered once per snapshot, then served from its prepared bytes; a text is read when the index
/// is built and when a search quotes it), so they are held as Brotli-compressed UTF-8 instead of .NET strings at two
/// bytes a character: at 10,000 articles they were nine tenths of the live heap ("Compact texts" in docs/performance.md). Short texts, and
/// any that would not shrink, are kept as plain UTF-8. Immutable, and equal when the texts are equal.
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

    public static readonly CompactText Empty = new([], 0, isCompressed: false);

    private readonly byte[] _bytes;
    private readonly int _utf8Length;
    private readonly bool _isCompressed;

    private CompactText(byte[] bytes, int utf8Length, bool isCompressed)
    {
        _bytes = bytes;
        _utf8Length = utf8Length;
        _isCompressed = isCompressed;
    }

    /// <summary>Bytes held in memory for this text (for the benchmarks' accounting).</summary>
    public int StoredBytes => _bytes.Length;

    public static CompactText From(string text)
    {
        if (text.Length == 0)
        {
            return Empty;
        }
        // The UTF-8 and the compressed bytes are made in pooled buffers; only the bytes kept are allocated.
        var utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, utf8);
            return length < ShortestCompressed ? new CompactText(utf8[..length], length, isCompressed: false) : Compress(utf8.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8);
        }
    }

    private static CompactText Compress(ReadOnlySpan<byte> utf8)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(utf8.Length));
        try
        {
            return BrotliEncoder.TryCompress(utf8, buffer, out var written, Quality, Window) && written < utf8.Length
                ? new CompactText(buffer[..written], utf8.Length, isCompressed: true)
                : new CompactText(utf8.ToArray(), utf8.Length, isCompressed: false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static implicit operator CompactText(string text) => From(text);

    /// <summary>The text itself, decompressed for the caller (each call makes a new string: keep it while you need it).</summary>
    public override string ToString()
    {
        if (!_isCompressed)
        {
            return Encoding.UTF8.GetString(_bytes);
        }
        var buffer = ArrayPool<byte>.Shared.Rent(_utf8Length);
        try
        {
            if (!BrotliDecoder.TryDecompress(_bytes, buffer, out var written) || written != _utf8Length)
            {
                throw new InvalidDataException("a compact text did not decompress to its recorded length");
            }
            return Encoding.UTF8.GetString(buffer, 0, written);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public bool Equals(CompactText? other) =>
        other is not null && _utf8Length == other._utf8Length && _isCompressed == other._isCompressed && _bytes.AsSpan().SequenceEqual(other._bytes);

    public override bool Equals(object? obj) => Equals(obj as CompactText);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(_utf8Length);
        hash.AddBytes(_bytes.AsSpan(0, Math.Min(_bytes.Length, 64)));
        return hash.ToHashCode();
    }
}

using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Stackwise.Web.Cards;

/// <summary>
/// Cards drawn on their first request and kept by what they say, so a card whose words did not change survives reloads
/// and keeps its ETag. Bounded: past <see cref="MaxCards"/> the oldest is dropped (a crawler walking every page of a
/// large site costs a draw per page, never unbounded memory). Two requests for the same new card draw it once.
/// </summary>
/// <param name="maxCards">How many cards are kept (<see cref="MaxCards"/> in the app).</param>
public sealed class CardStore(CardRenderer renderer, int maxCards)
{
    public const int MaxCards = 256;

    public CardStore(CardRenderer renderer)
        : this(renderer, MaxCards)
    {
    }

    private readonly ConcurrentDictionary<string, Lazy<byte[]>> _cards = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    public int Count => _cards.Count;

    /// <summary>The strong ETag of a card: a hash of its words and the drawing's version, the same in every process.</summary>
    public static string EntityTag(ShareCard card) =>
        $"\"card-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"v1\n{card.Title}\n{card.Label}\n{card.Risk}")))[..20]}\"";

    /// <summary>The card's PNG, drawn now if it is not kept.</summary>
    public byte[] Png(ShareCard card, string entityTag)
    {
        var lazy = _cards.GetOrAdd(entityTag, _ => new Lazy<byte[]>(() => renderer.Draw(card), LazyThreadSafetyMode.ExecutionAndPublication));
        if (lazy.IsValueCreated)
        {
            return lazy.Value;
        }
        _order.Enqueue(entityTag);
        while (_cards.Count > maxCards && _order.TryDequeue(out var oldest))
        {
            _cards.TryRemove(oldest, out _);
        }
        return lazy.Value;
    }
}

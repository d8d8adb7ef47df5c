using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;

namespace Stackwise.Web.Cards;

/// <summary>
/// Cards drawn on their first request and kept by what they say, so a card whose words did not change survives reloads
/// and keeps its ETag. Bounded in memory: past <see cref="MaxCards"/> the oldest is dropped. Bounded in CPU: at most
/// <see cref="MaxDrawing"/> cards are drawn at once and <see cref="MaxWaiting"/> more wait; a request past that gets no
/// card (the endpoint answers 503 with Retry-After), so a crawler walking every card of a large site takes at most one
/// core, and pages keep the other. Two requests for the same new card draw it once.
/// </summary>
/// <param name="draw">Draws a card (the renderer's, or a test's stand-in).</param>
/// <param name="maxCards">How many cards are kept (<see cref="MaxCards"/> in the app).</param>
public sealed class CardStore(Func<ShareCard, byte[]> draw, int maxCards) : IDisposable
{
    public const int MaxCards = 256;

    /// <summary>Draws at once: one core of a small host.</summary>
    public const int MaxDrawing = 1;

    /// <summary>Requests that wait for a draw; a draw takes 10-30 ms, so the last waits well under a second.</summary>
    public const int MaxWaiting = 16;

    public CardStore(CardRenderer renderer)
        : this(renderer.Draw, MaxCards)
    {
    }

    public CardStore(CardRenderer renderer, int maxCards)
        : this(renderer.Draw, maxCards)
    {
    }

    /// <summary>Requests waiting for a draw now.</summary>
    public long Waiting => _drawing.GetStatistics()?.CurrentQueuedCount ?? 0;

    private readonly ConcurrencyLimiter _drawing = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = MaxDrawing,
        QueueLimit = MaxWaiting,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    private readonly ConcurrentDictionary<string, Lazy<byte[]>> _cards = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    public int Count => _cards.Count;

    /// <summary>The strong ETag of a card: a hash of its words and the drawing's version, the same in every process.</summary>
    public static string EntityTag(ShareCard card) =>
        $"\"card-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"v1\n{card.Title}\n{card.Label}\n{card.Risk}")))[..20]}\"";

    /// <summary>The card's PNG, drawn now if it is not kept; null when too many draws are already running and waiting.</summary>
    public async ValueTask<byte[]?> PngAsync(ShareCard card, string entityTag, CancellationToken cancellationToken)
    {
        if (_cards.TryGetValue(entityTag, out var kept) && kept.IsValueCreated)
        {
            return kept.Value;
        }
        using var lease = await _drawing.AcquireAsync(1, cancellationToken);
        if (!lease.IsAcquired)
        {
            return null;
        }
        var lazy = _cards.GetOrAdd(entityTag, _ => new Lazy<byte[]>(() => draw(card), LazyThreadSafetyMode.ExecutionAndPublication));
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

    public void Dispose() => _drawing.Dispose();
}

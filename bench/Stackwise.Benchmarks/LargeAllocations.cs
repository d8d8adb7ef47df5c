using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace Stackwise.Benchmarks;

/// <summary>
/// Samples the runtime's allocation ticks for the large object heap (objects of 85,000 bytes and more, collected only with
/// gen2) by type: what a save allocates there is what the process keeps until the next full collection.
/// </summary>
internal sealed class LargeAllocations : EventListener
{
    private const int AllocationTickEvent = 10;
    private const int LargeObjectHeap = 1;
    private readonly ConcurrentDictionary<string, long> _bytesByType = new();

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);   // the GC keyword
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventId != AllocationTickEvent || e.Payload is not { } payload || e.PayloadNames is not { } names)
        {
            return;
        }
        if (Convert.ToInt32(payload[names.IndexOf("AllocationKind")], CultureInfo.InvariantCulture) == LargeObjectHeap)
        {
            var type = payload[names.IndexOf("TypeName")] as string ?? "?";
            var bytes = Convert.ToInt64(payload[names.IndexOf("AllocationAmount64")], CultureInfo.InvariantCulture);
            _bytesByType.AddOrUpdate(type, bytes, (_, sum) => sum + bytes);
        }
    }

    /// <summary>The sampled bytes by type since the last call, largest first, and starts counting again.</summary>
    public IReadOnlyList<(string Type, long Bytes)> TakeTotals()
    {
        var totals = _bytesByType.Select(pair => (pair.Key, pair.Value)).OrderByDescending(pair => pair.Value).ToList();
        _bytesByType.Clear();
        return totals;
    }
}

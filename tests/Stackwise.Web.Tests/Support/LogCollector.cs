using System.Collections.Concurrent;
using System.Globalization;
using Serilog.Core;
using Serilog.Events;

namespace Stackwise.Web.Tests.Support;

/// <summary>A Serilog sink that keeps the rendered log lines of one test host.</summary>
public sealed class LogCollector : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyList<string> Messages => [.. _events.Select(logEvent => logEvent.RenderMessage(CultureInfo.InvariantCulture))];

    public IReadOnlyList<LogEvent> Events => [.. _events];

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);
}

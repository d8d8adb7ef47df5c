using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Stackwise.Web.Tests.Support;

/// <summary>
/// Counts one of ASP.NET Core's own diagnostic events in one test host from now on (those whose payload matches, when a
/// condition is given): what reached routing, which page ran.
/// </summary>
public class DiagnosticEvents : IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string _name;
    private readonly Func<object?, bool> _matches;
    private readonly IDisposable _subscription;
    private int _count;

    public DiagnosticEvents(StackwiseFactory site, string name, Func<object?, bool>? matches = null)
    {
        _name = name;
        _matches = matches ?? (_ => true);
        site.CreateClient().Dispose();  // the host is built, so its listener exists
        _subscription = site.Services.GetRequiredService<DiagnosticListener>().Subscribe(this, eventName => eventName == name);
    }

    public int Count => Volatile.Read(ref _count);

    public void OnNext(KeyValuePair<string, object?> value)
    {
        // The name is compared here too: a source writes the events another subscriber enabled (OpenTelemetry enables
        // ASP.NET Core's request start and stop) to every subscriber, whatever its predicate said.
        if (value.Key == _name && _matches(value.Value))
        {
            Interlocked.Increment(ref _count);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _subscription.Dispose();
        GC.SuppressFinalize(this);
    }
}

using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Stackwise.Web.Tests.Support;

/// <summary>
/// Counts the requests of one test host that reached routing, i.e. were not answered by the prepared-response hot
/// path, through ASP.NET Core's own "endpoint matched" diagnostic event.
/// </summary>
public sealed class RoutedRequests : IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly IDisposable _subscription;
    private int _count;

    public RoutedRequests(StackwiseFactory site)
    {
        site.CreateClient().Dispose();
        _subscription = site.Services.GetRequiredService<DiagnosticListener>()
            .Subscribe(this, name => name == "Microsoft.AspNetCore.Routing.EndpointMatched");
    }

    public int Count => Volatile.Read(ref _count);

    public void OnNext(KeyValuePair<string, object?> value) => Interlocked.Increment(ref _count);

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose() => _subscription.Dispose();
}

namespace Stackwise.Web.Tests.Support;

/// <summary>
/// Counts the requests of one test host that reached routing, i.e. were not answered by the prepared-response hot
/// path, through ASP.NET Core's own "endpoint matched" diagnostic event. Kept on purpose in the cache tests: a client
/// cannot tell a cached response from a rendered one (same bytes, same headers, by design), so what reached routing is
/// the one difference there is to assert, and it comes from the framework's public event, not from our internals.
/// </summary>
public sealed class RoutedRequests(StackwiseFactory site) : DiagnosticEvents(site, "Microsoft.AspNetCore.Routing.EndpointMatched");

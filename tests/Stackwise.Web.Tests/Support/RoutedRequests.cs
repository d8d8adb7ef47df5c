namespace Stackwise.Web.Tests.Support;

/// <summary>
/// Counts the requests of one test host that reached routing, i.e. were not answered by the prepared-response hot
/// path, through ASP.NET Core's own "endpoint matched" diagnostic event.
/// </summary>
public sealed class RoutedRequests(StackwiseFactory site) : DiagnosticEvents(site, "Microsoft.AspNetCore.Routing.EndpointMatched");

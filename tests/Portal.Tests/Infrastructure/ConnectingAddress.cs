using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// The test server has no network connection, so a test names the address a request "connects from" in a header, as
/// a real client or proxy would have it. Runs before the portal's own pipeline, so forwarded headers and rate limits
/// see it as the connection's address.
/// </summary>
public sealed class ConnectingAddress : IStartupFilter
{
    public const string Header = "X-Test-Connecting-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var value) && IPAddress.TryParse(value.ToString(), out var address))
            {
                context.Connection.RemoteIpAddress = address;
                context.Request.Headers.Remove(Header);
            }

            return nextMiddleware(context);
        });
        next(app);
    };

    /// <summary>A client whose requests connect from this address, optionally with an X-Forwarded-For it sends along.</summary>
    public static HttpClient From(PortalFactory factory, string address, string? forwardedFor = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(Header, address);
        if (forwardedFor is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }

        return client;
    }
}

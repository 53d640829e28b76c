using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Portal.Security;

/// <summary>
/// Behind a TLS-terminating proxy the connecting address is the proxy's. X-Forwarded-For and X-Forwarded-Proto are
/// believed only when the connection comes from a configured proxy (ForwardedHeaders:KnownProxies, KnownNetworks;
/// none by default), so a client cannot choose its own address for the rate limits, nor claim https.
/// </summary>
public static class ForwardedHeadersSetup
{
    public const string Section = "ForwardedHeaders";

    public static void AddForwardedHeaders(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(Section);
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        var knownProxies = proxies.Select(proxy => IPAddress.TryParse(proxy, out var address)
            ? address
            : throw new InvalidOperationException($"{Section}:KnownProxies: '{proxy}' is not an IP address.")).ToList();
        var knownNetworks = networks.Select(network => System.Net.IPNetwork.TryParse(network, out var parsed)
            ? parsed
            : throw new InvalidOperationException($"{Section}:KnownNetworks: '{network}' is not a network such as 10.0.0.0/8.")).ToList();

        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

            // The framework trusts loopback by default; here nothing is trusted unless configured.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            knownProxies.ForEach(options.KnownProxies.Add);
            knownNetworks.ForEach(options.KnownIPNetworks.Add);

            // One proxy in front: its own entry, the last in the list, is the client. A client's own entries before it are ignored.
            options.ForwardLimit = section.GetValue("ForwardLimit", 1);
        });
    }
}

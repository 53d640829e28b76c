using Microsoft.Extensions.Options;

namespace Portal.Email;

/// <summary>
/// Absolute links to the portal's pages, for mail and for addresses a user copies elsewhere (a calendar feed). They are
/// built from the configured public address (Portal:PublicBaseUrl), never from the request: a forged Host header must
/// not be able to send a parent a password-reset link to someone else's server.
/// </summary>
public sealed class PortalLinks(LinkGenerator links, IOptions<PortalOptions> options)
{
    /// <summary>The absolute address of a path that is not a page (for example the MitID callback), under the public address.</summary>
    public string Path(PathString path) =>
        Absolute(options.Value.PublicBaseUrl ?? throw new InvalidOperationException("Portal:PublicBaseUrl is not set."), path);

    /// <summary>A path under a public address (and its path base, if it has one), for setup that runs before options exist.</summary>
    public static string Absolute(Uri baseUrl, PathString path)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        return baseUrl.GetLeftPart(UriPartial.Authority) + new PathString(baseUrl.AbsolutePath.TrimEnd('/')).Add(path);
    }

    /// <summary>The absolute address of a Razor page, for example <c>Page("/Consents/Index", new { childId })</c>.</summary>
    public string Page(string page, object? values = null)
    {
        var baseUrl = options.Value.PublicBaseUrl ?? throw new InvalidOperationException("Portal:PublicBaseUrl is not set.");
        var pathBase = new PathString(baseUrl.AbsolutePath.TrimEnd('/'));
        var path = links.GetPathByPage(page, handler: null, values, pathBase)
            ?? throw new InvalidOperationException($"No route to the page {page} with these values.");
        return baseUrl.GetLeftPart(UriPartial.Authority) + path;
    }
}

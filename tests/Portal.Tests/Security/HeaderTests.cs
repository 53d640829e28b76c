using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Security;

public sealed class HeaderTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/Identity/Account/Login")]
    [InlineData("/findes-ikke")]
    public async Task Every_page_carries_the_security_headers(string url)
    {
        // HSTS is never sent to localhost, so ask as a browser would ask the real host name.
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://familieportalen.example"),
            AllowAutoRedirect = false,
        });

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("base-uri 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.False(response.Headers.Contains("Server"));
        Assert.Contains("max-age=31536000", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_http_is_redirected_to_https()
    {
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("http://localhost"),
            AllowAutoRedirect = false,
        });

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.True(response.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect or HttpStatusCode.Redirect or HttpStatusCode.MovedPermanently);
        Assert.Equal("https", response.Headers.Location?.Scheme);
    }

    [Fact]
    public async Task The_health_check_reports_the_database_without_a_login()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}

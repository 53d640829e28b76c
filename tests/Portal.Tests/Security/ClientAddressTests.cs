using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Security;

/// <summary>Rate limits count each citizen behind the municipality's proxy for themselves, and nobody else can pick an address.</summary>
public sealed class ClientAddressTests : IDisposable
{
    private const string Proxy = "10.0.0.5";
    private readonly PortalFactory _factory = PortalFactory.With(new Dictionary<string, string?>
    {
        ["RateLimits:AccountPermitsPerMinute"] = "3",
        ["ForwardedHeaders:KnownProxies:0"] = Proxy,
    });

    [Fact]
    public async Task Behind_a_known_proxy_each_client_address_has_its_own_budget()
    {
        using var first = ConnectingAddress.From(_factory, Proxy, forwardedFor: "203.0.113.7");
        using var second = ConnectingAddress.From(_factory, Proxy, forwardedFor: "203.0.113.8");

        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var allowed = await ForgotPasswordAsync(first);
            Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
        }

        using var refused = await ForgotPasswordAsync(first);
        using var other = await ForgotPasswordAsync(second);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
    }

    [Fact]
    public async Task A_client_that_is_not_a_known_proxy_cannot_choose_its_address()
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var client = ConnectingAddress.From(_factory, "198.51.100.9", forwardedFor: $"203.0.113.{attempt}");
            using var allowed = await ForgotPasswordAsync(client);
            Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
        }

        using var faker = ConnectingAddress.From(_factory, "198.51.100.9", forwardedFor: "203.0.113.99");
        using var refused = await ForgotPasswordAsync(faker);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }

    [Fact]
    public async Task A_known_proxy_s_forwarded_https_counts_as_https()
    {
        using var client = ConnectingAddress.From(_factory, Proxy, forwardedFor: "203.0.113.7");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.BaseAddress = new Uri("http://localhost");

        // Without the proxy's word the portal would redirect plain http to https; with it the page answers.
        using var page = await client.GetAsync(new Uri("/raadgivning", UriKind.Relative));
        using var direct = _factory.CreateClient(new() { BaseAddress = new Uri("http://localhost"), AllowAutoRedirect = false });
        using var redirected = await direct.GetAsync(new Uri("/raadgivning", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirected.StatusCode);
    }

    [Fact]
    public async Task Three_members_of_one_household_on_one_address_can_each_log_in_within_the_same_minute()
    {
        foreach (var member in new[] { DemoLogins.Parent, DemoLogins.OtherParent, DemoLogins.Youth })
        {
            using var client = ConnectingAddress.From(_factory, Proxy, forwardedFor: "203.0.113.50");
            await client.LogInAsync(member);
        }
    }

    private static async Task<HttpResponseMessage> ForgotPasswordAsync(HttpClient client)
    {
        var form = (await client.GetPageAsync("/Identity/Account/ForgotPassword")).Form();
        return await client.SubmitAsync(form, new Dictionary<string, string> { ["Input.Email"] = "nobody@example.dk" });
    }

    public void Dispose()
    {
        _factory.Dispose();
        _factory.DeleteDataFolder();
    }
}

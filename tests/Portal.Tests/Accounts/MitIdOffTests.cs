using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Accounts;

/// <summary>
/// Outside Development the MitID test provider, which logs anyone in as anyone, cannot be switched on; and with no broker
/// configured the login page shows only the password form.
/// </summary>
public sealed class MitIdOffTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData("Testing")]
    public void The_portal_refuses_to_start_with_the_test_provider_outside_Development(string environment)
    {
        using var portal = PortalFactory.With(new Dictionary<string, string?> { ["Authentication:MitID:TestProvider"] = "true" }, environment: environment);

        var refused = Assert.Throws<InvalidOperationException>(() => portal.Services);

        Assert.Contains("can only be switched on in the Development environment", refused.Message, StringComparison.Ordinal);
        portal.DeleteDataFolder();
    }

    [Fact]
    public async Task Without_a_broker_the_login_page_has_only_the_password_form_and_the_test_provider_is_not_there()
    {
        using var portal = new PortalFactory();
        using var browser = portal.CreateClient();

        var login = await browser.GetPageAsync("/Identity/Account/Login");
        Assert.Single(login.QuerySelectorAll("main form"));
        Assert.DoesNotContain("MitID", login.MainText(), StringComparison.Ordinal);

        foreach (var address in new[] { "/test-mitid/.well-known/openid-configuration", "/test-mitid/authorize?client_id=familieportalen-test", "/test-mitid/logout" })
        {
            using var response = await browser.GetAsync(new Uri(address, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        var form = login.Form();
        form.SetAttribute("action", "/Identity/Account/Login?handler=MitId");
        using var asked = await browser.SubmitAsync(form);
        Assert.Equal(HttpStatusCode.NotFound, asked.StatusCode);
        portal.DeleteDataFolder();
    }
}

using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Accounts;

public sealed class LoginTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Demo_parent_logs_in_through_the_form_and_sees_their_children_in_Danish()
    {
        using var client = factory.CreateClient();
        await client.LogInAsync(DemoLogins.Parent);

        var home = await client.GetPageAsync("/");

        Assert.Equal("da", home.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Dine børn", home.QuerySelector("h1")?.TextContent);
        var children = home.QuerySelectorAll("main .card-heading").Select(heading => heading.TextContent).ToList();
        Assert.Equal(["Emma Jensen", "Oskar Jensen"], children);
        Assert.Contains("Logget ind som Sofie Jensen", home.QuerySelector("header")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_youth_sees_their_own_page_and_not_their_sibling()
    {
        using var client = factory.CreateClient();
        await client.LogInAsync(DemoLogins.Youth);

        var home = await client.GetPageAsync("/");

        Assert.Equal("Hej Emma Jensen", home.QuerySelector("h1")?.TextContent);
        Assert.DoesNotContain("Oskar", home.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_gets_a_clear_message_and_no_login()
    {
        using var client = factory.CreateClient();

        using var response = await client.TryLogInAsync(DemoLogins.Caseworker, "not-the-right-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Contains("E-mail eller adgangskode er forkert", page.QuerySelector("#error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], cookie => cookie.StartsWith("__Host-Familieportalen=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_email_gets_the_same_message_as_a_wrong_password()
    {
        using var client = factory.CreateClient();

        using var unknown = await client.TryLogInAsync("nobody@example.dk", "whatever-password-here");
        using var wrong = await client.TryLogInAsync(DemoLogins.Caseworker, "whatever-password-here");

        var unknownMessage = (await Html.ReadAsync(unknown)).QuerySelector("#error-summary")?.TextContent;
        var wrongMessage = (await Html.ReadAsync(wrong)).QuerySelector("#error-summary")?.TextContent;
        Assert.NotNull(unknownMessage);
        Assert.Equal(wrongMessage, unknownMessage);
    }

    [Fact]
    public async Task Empty_and_overlong_fields_get_localized_messages()
    {
        using var client = factory.CreateClient();

        using var response = await client.TryLogInAsync(string.Empty, new string('x', 300));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = (await Html.ReadAsync(response)).QuerySelector("#error-summary")!.TextContent;
        Assert.Contains("E-mail skal udfyldes.", errors, StringComparison.Ordinal);
        Assert.Contains("Adgangskode må højst være 256 tegn.", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_login_cookie_is_host_prefixed_secure_and_http_only()
    {
        using var client = factory.CreateClient();

        using var response = await client.TryLogInAsync(DemoLogins.OtherParent, DemoLogins.Password);

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), value => value.StartsWith("__Host-Familieportalen=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_return_address_on_another_site_is_ignored()
    {
        using var client = factory.CreateClient();

        using var response = await client.TryLogInAsync(DemoLogins.OtherParent, DemoLogins.Password, returnUrl: "https://evil.example/steal");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Location());
    }

    [Fact]
    public async Task A_local_return_address_is_followed_after_login()
    {
        using var client = factory.CreateClient();

        using var response = await client.TryLogInAsync(DemoLogins.OtherParent, DemoLogins.Password, returnUrl: "/Identity/Account/Manage");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Identity/Account/Manage", response.Location());
    }
}

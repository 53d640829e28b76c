using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Security;

/// <summary>Bad input and forbidden places: each gets a clear, friendly answer and never a 500 or a stack trace.</summary>
public sealed class RefusalTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    [Fact]
    public async Task An_unknown_page_gets_a_friendly_404_in_Danish()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/findes-ikke", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Equal("Vi kan ikke finde siden", page.QuerySelector("h1")?.TextContent);
        Assert.NotNull(page.QuerySelector("main a[href='/']"));
    }

    [Theory]
    [InlineData("/favicon.ico")]
    [InlineData("/apple-touch-icon.png")]
    [InlineData("/findes-ikke.css")]
    public async Task A_missing_file_answers_404_not_a_login_prompt(string path)
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Every_page_names_the_portal_s_own_icon_and_the_icon_is_there()
    {
        using var client = _factory.CreateClient();
        var page = await client.GetPageAsync("/raadgivning");
        var icon = page.QuerySelector("link[rel=icon]")?.GetAttribute("href");

        Assert.NotNull(icon);
        using var response = await client.GetAsync(new Uri(icon, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_forged_form_without_the_antiforgery_token_is_refused_with_a_clear_page()
    {
        using var client = _factory.CreateClient();
        using var forged = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = DemoLogins.Parent,
            ["Input.Password"] = DemoLogins.Password,
        });

        using var response = await client.PostAsync(new Uri("/Identity/Account/Login", UriKind.Relative), forged);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Equal("Siden kunne ikke sende formularen", page.QuerySelector("h1")?.TextContent);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(cookie => cookie.StartsWith("__Host-Familieportalen=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_broken_database_shows_a_friendly_page_without_a_stack_trace()
    {
        using var client = _factory.CreateClient();
        await client.LogInAsync(DemoLogins.Parent);
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Portal.Data.PortalDbContext>();
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"Children\" RENAME TO \"Children_broken_by_test\"");
        }

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var page = await Html.ReadAsync(response);
        Assert.Equal("Der skete en fejl", page.QuerySelector("h1")?.TextContent);
        Assert.DoesNotContain("Children", body, StringComparison.Ordinal);
        Assert.DoesNotContain("SqliteException", body, StringComparison.Ordinal);
        Assert.DoesNotContain("PostgresException", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Identity/Account/Manage")]
    [InlineData("/Identity/Account/Manage/ChangePassword")]
    [InlineData("/Identity/Account/Manage/TwoFactor")]
    [InlineData("/Identity/Account/Manage/EnableAuthenticator")]
    public async Task Account_pages_send_an_anonymous_visitor_to_the_login(string url)
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/Login?ReturnUrl=", response.Location(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Identity/Account/Register")]
    [InlineData("/Identity/Account/ExternalLogin")]
    [InlineData("/Identity/Account/Manage/DeletePersonalData")]
    [InlineData("/Identity/Account/ConfirmEmail")]
    public async Task Self_registration_and_the_unused_Identity_pages_do_not_exist(string url)
    {
        using var client = _factory.CreateClient();
        await client.LogInAsync(DemoLogins.Parent);

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_access_denied_page_explains_in_Danish()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/Identity/Account/AccessDenied", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Equal("Du har ikke adgang", page.QuerySelector("h1")?.TextContent);
        Assert.NotNull(page.QuerySelector("main a[href='/']"));
    }

    [Fact]
    public async Task Every_form_on_the_public_pages_carries_an_antiforgery_token()
    {
        using var client = _factory.CreateClient();
        foreach (var url in new[] { "/", "/Identity/Account/Login", "/Identity/Account/ForgotPassword", "/sprog" })
        {
            var page = await client.GetPageAsync(url);
            var forms = page.QuerySelectorAll("form[method=post]");
            Assert.NotEmpty(forms);
            Assert.All(forms, form => Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]")));
        }
    }

    public void Dispose()
    {
        _factory.Dispose();
        _factory.DeleteDataFolder();
    }
}

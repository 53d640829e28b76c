using System.Net;
using Microsoft.Extensions.Time.Testing;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Accounts;

public sealed class SessionTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly PortalFactory _factory;

    public SessionTests() => _factory = new PortalFactory { Clock = _clock };

    [Fact]
    public async Task Thirty_minutes_without_a_request_ends_the_login()
    {
        using var client = _factory.CreateClient();
        await client.LogInAsync(DemoLogins.Parent);

        _clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/Identity/Account/Manage", UriKind.Relative))).StatusCode);

        _clock.Advance(TimeSpan.FromMinutes(31));
        using var response = await client.GetAsync(new Uri("/Identity/Account/Manage", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", response.Location(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_login_ends_after_twelve_hours_however_active_the_user_is()
    {
        using var client = _factory.CreateClient();
        await client.LogInAsync(DemoLogins.Parent);

        // A request every 20 minutes keeps the idle timer happy for 11h40m.
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(11.6); elapsed += TimeSpan.FromMinutes(20))
        {
            _clock.Advance(TimeSpan.FromMinutes(20));
            using var active = await client.GetAsync(new Uri("/Identity/Account/Manage", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, active.StatusCode);
        }

        _clock.Advance(TimeSpan.FromMinutes(25));
        using var response = await client.GetAsync(new Uri("/Identity/Account/Manage", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", response.Location(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logging_out_on_one_device_ends_the_login_on_the_others()
    {
        using var phone = _factory.CreateClient();
        using var laptop = _factory.CreateClient();
        await phone.LogInAsync(DemoLogins.OtherParent);
        await laptop.LogInAsync(DemoLogins.OtherParent);

        var home = await phone.GetPageAsync("/");
        using var logout = await phone.SubmitAsync(home.Form("header form[action='/Identity/Account/Logout']"));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        using var laptopResponse = await laptop.GetAsync(new Uri("/Identity/Account/Manage", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, laptopResponse.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", laptopResponse.Location(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_the_password_ends_other_logins_but_keeps_this_one()
    {
        using var phone = _factory.CreateClient();
        using var laptop = _factory.CreateClient();
        await phone.LogInAsync(DemoLogins.Caseworker);
        await laptop.LogInAsync(DemoLogins.Caseworker);

        var page = await phone.GetPageAsync("/Identity/Account/Manage/ChangePassword");
        using var changed = await phone.SubmitAsync(page.Form(), new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = DemoLogins.Password,
            ["Input.NewPassword"] = "en helt ny sommer adgangskode",
            ["Input.ConfirmPassword"] = "en helt ny sommer adgangskode",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        var account = await phone.GetPageAsync("/Identity/Account/Manage");
        Assert.Contains("Din adgangskode er skiftet", account.MainText(), StringComparison.Ordinal);
        using var laptopResponse = await laptop.GetAsync(new Uri("/Identity/Account/Manage", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, laptopResponse.StatusCode);
    }

    public void Dispose()
    {
        _factory.Dispose();
        _factory.DeleteDataFolder();
    }
}

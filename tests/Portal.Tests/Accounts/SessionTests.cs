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

    [Fact]
    public async Task The_page_knows_how_long_the_login_has_left_and_the_keep_button_renews_it()
    {
        using var client = _factory.CreateClient();
        await client.LogInAsync(DemoLogins.Parent);
        Assert.Equal("1800", await SecondsLeftOnAPageAsync(client));

        // Ten minutes on: the login is not renewed yet (more time is left than has passed), twenty left.
        _clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal("1200", await SecondsLeftOnAPageAsync(client));

        // Twenty-six minutes since the login: the warning's button renews it for thirty minutes more.
        _clock.Advance(TimeSpan.FromMinutes(16));
        using var kept = await KeepAsync(client);
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.True(kept.Headers.CacheControl?.NoStore);
        Assert.Contains("\"secondsLeft\":1800", await kept.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        _clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal("960", await SecondsLeftOnAPageAsync(client));

        // Once it has run out, the button is told so (not sent to the login page).
        _clock.Advance(TimeSpan.FromMinutes(31));
        using var tooLate = await KeepAsync(client);
        Assert.Equal(HttpStatusCode.Unauthorized, tooLate.StatusCode);
    }

    [Fact]
    public async Task After_the_login_runs_out_the_login_page_says_why_and_whether_what_was_sent_was_lost()
    {
        using var client = _factory.CreateClient();
        await client.LogInAsync(DemoLogins.Parent);
        var words = await client.GetPageAsync((await client.GetPageAsync("/")).QuerySelectorAll("main a").First(anchor => anchor.GetAttribute("href")?.StartsWith("/plan/", StringComparison.Ordinal) == true).GetAttribute("href")!.Split('?')[0] + "/mine-ord");

        _clock.Advance(TimeSpan.FromMinutes(31));
        using var sent = await client.SubmitAsync(words.Form("main form[action*='handler=Add']"), new Dictionary<string, string> { ["Input.Text"] = "Vi vil gerne tale om skolen." });
        Assert.Contains("udlogget=ikke-gemt", sent.Location(), StringComparison.Ordinal);
        var login = await client.GetPageAsync(sent.Location());
        Assert.Contains("så det, du skrev, blev ikke gemt", login.QuerySelector("main [role=status]")?.TextContent, StringComparison.Ordinal);

        using var later = await client.GetAsync(new Uri("/mine-data", UriKind.Relative));
        Assert.Contains("udlogget=ja", later.Location(), StringComparison.Ordinal);

        // Somebody who was never logged in is just asked to log in.
        using var stranger = _factory.CreateClient();
        using var asked = await stranger.GetAsync(new Uri("/mine-data", UriKind.Relative));
        Assert.DoesNotContain("udlogget", asked.Location(), StringComparison.Ordinal);
        Assert.Null((await stranger.GetPageAsync(asked.Location())).QuerySelector("main [role=status]"));
    }

    private static async Task<string?> SecondsLeftOnAPageAsync(HttpClient client) =>
        (await client.GetPageAsync("/Identity/Account/Manage")).Body?.GetAttribute("data-session-seconds");

    private static Task<HttpResponseMessage> KeepAsync(HttpClient client)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/session/forny", UriKind.Relative));
        request.Headers.Add("X-Requested-With", "XMLHttpRequest");
        return client.SendAsync(request);
    }

    public void Dispose()
    {
        _factory.Dispose();
        _factory.DeleteDataFolder();
    }
}

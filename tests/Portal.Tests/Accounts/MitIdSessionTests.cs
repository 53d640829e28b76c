using System.Net;
using Microsoft.Extensions.Time.Testing;
using Portal.MitId.TestProvider;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Accounts;

/// <summary>A MitID login lives in the portal's own cookie, under the same rules as a password login: 30 minutes idle, 12 hours in all.</summary>
public sealed class MitIdSessionTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly MitIdPortal _portal;

    public MitIdSessionTests() => _portal = MitIdPortal.OnClock(_clock);

    [Fact]
    public async Task Thirty_minutes_without_a_request_end_a_MitID_login_and_so_do_twelve_hours_in_all()
    {
        using var idle = _portal.NewBrowser();
        using (var finished = await MitIdPortal.LogInAsync(idle, TestPersons.SofieJensen))
        {
            Assert.Equal("/", finished.Location());
        }

        using var active = _portal.NewBrowser();
        using (var finished = await MitIdPortal.LogInAsync(active, TestPersons.AndersJensen))
        {
            Assert.Equal("/", finished.Location());
        }

        // One person comes back after 29 minutes, then not for 31; the other keeps using the portal every 20 minutes.
        _clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(active));
        _clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(idle));
        _clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(active));
        _clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(active));
        Assert.Equal(HttpStatusCode.Redirect, await StatusAsync(idle));

        // The active login goes on until the twelfth hour, and not past it.
        for (var elapsed = TimeSpan.FromMinutes(60); elapsed < TimeSpan.FromHours(11.6); elapsed += TimeSpan.FromMinutes(20))
        {
            _clock.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(active));
        }

        _clock.Advance(TimeSpan.FromMinutes(25));
        Assert.Equal(HttpStatusCode.Redirect, await StatusAsync(active));
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient browser)
    {
        using var response = await browser.GetAsync(new Uri("/Identity/Account/Manage", UriKind.Relative));
        return response.StatusCode;
    }

    public void Dispose() => _portal.Dispose();
}

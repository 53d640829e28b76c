using System.Net;
using Portal.Identity;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Accounts;

/// <summary>
/// Wrong passwords slow down the address they come from (a soft lockout); only many failures from many addresses lock
/// the account itself, so strangers cannot lock a parent out with a handful of tries.
/// </summary>
public sealed class LockoutTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    [Fact]
    public async Task After_three_wrong_passwords_that_address_waits_even_with_the_right_one_and_keeps_the_email_typed()
    {
        using var guesser = ConnectingAddress.From(_factory, "198.51.100.20");
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            using var wrong = await guesser.TryLogInAsync(DemoLogins.Parent, "wrong-password-" + attempt);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var waiting = await guesser.TryLogInAsync(DemoLogins.Parent, DemoLogins.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, waiting.StatusCode);
        Assert.True(waiting.Headers.Contains("Retry-After"));
        var page = await Html.ReadAsync(waiting);
        Assert.Contains("Vent 5 sekunder, og prøv så igen.", page.QuerySelector("#error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(DemoLogins.Parent, page.QuerySelector("input[name='Input.Email']")?.GetAttribute("value"));
        Assert.True(string.IsNullOrEmpty(page.QuerySelector("input[name='Input.Password']")?.GetAttribute("value")));
    }

    [Fact]
    public async Task Strangers_wrong_passwords_from_other_addresses_do_not_lock_the_parent_out()
    {
        for (var stranger = 1; stranger <= 3; stranger++)
        {
            using var client = ConnectingAddress.From(_factory, $"198.51.100.{stranger}");
            for (var attempt = 1; attempt <= 3; attempt++)
            {
                using var wrong = await client.TryLogInAsync(DemoLogins.Parent, "wrong-password-" + attempt);
                Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            }
        }

        using var home = ConnectingAddress.From(_factory, "203.0.113.5");
        await home.LogInAsync(DemoLogins.Parent);
    }

    [Fact]
    public async Task Many_wrong_passwords_from_many_addresses_lock_the_account_even_for_the_right_password()
    {
        for (var attempt = 1; attempt < IdentitySetup.LockoutAfterFailures; attempt++)
        {
            using var stranger = ConnectingAddress.From(_factory, $"198.51.100.{attempt}");
            using var wrong = await stranger.TryLogInAsync(DemoLogins.Parent, "wrong-password-" + attempt);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var last = ConnectingAddress.From(_factory, "198.51.100.200");
        using var locking = await last.TryLogInAsync(DemoLogins.Parent, "wrong-password-last");
        Assert.Equal("/Identity/Account/Lockout", locking.Location());

        using var home = ConnectingAddress.From(_factory, "203.0.113.5");
        using var right = await home.TryLogInAsync(DemoLogins.Parent, DemoLogins.Password);
        Assert.Equal("/Identity/Account/Lockout", right.Location());
        var lockout = await home.GetPageAsync("/Identity/Account/Lockout");
        Assert.Contains("Vent 15 minutter", lockout.MainText(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _factory.Dispose();
        _factory.DeleteDataFolder();
    }
}

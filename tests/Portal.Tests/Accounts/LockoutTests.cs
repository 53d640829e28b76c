using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Accounts;

public sealed class LockoutTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_password()
    {
        using var client = _factory.CreateClient();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var wrong = await client.TryLogInAsync(DemoLogins.Parent, "wrong-password-" + attempt);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var fifth = await client.TryLogInAsync(DemoLogins.Parent, "wrong-password-5");
        Assert.Equal(HttpStatusCode.Redirect, fifth.StatusCode);
        Assert.Equal("/Identity/Account/Lockout", fifth.Location());

        using var right = await client.TryLogInAsync(DemoLogins.Parent, DemoLogins.Password);
        Assert.Equal("/Identity/Account/Lockout", right.Location());
        var lockout = await client.GetPageAsync("/Identity/Account/Lockout");
        Assert.Contains("Vent 15 minutter", lockout.MainText(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _factory.Dispose();
        _factory.DeleteDataFolder();
    }
}

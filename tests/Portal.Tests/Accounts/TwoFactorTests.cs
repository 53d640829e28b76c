using System.Net;
using OtpNet;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Accounts;

public sealed class TwoFactorTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    [Fact]
    public async Task A_user_turns_on_an_authenticator_app_and_then_needs_its_code_to_log_in()
    {
        using var client = _factory.CreateClient();
        await client.LogInAsync(DemoLogins.Caseworker);

        var enable = await client.GetPageAsync("/Identity/Account/Manage/EnableAuthenticator");
        Assert.StartsWith("data:image/svg+xml;base64,", enable.QuerySelector("img.portal-qr")?.GetAttribute("src"), StringComparison.Ordinal);
        var key = enable.QuerySelector("main span.portal-code")!.TextContent.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        var totp = new Totp(Base32Encoding.ToBytes(key));

        using var wrong = await client.SubmitAsync(enable.Form(), new Dictionary<string, string> { ["Input.Code"] = "000000" == totp.ComputeTotp() ? "111111" : "000000" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Koden passer ikke", (await Html.ReadAsync(wrong)).QuerySelector("#error-summary")?.TextContent, StringComparison.Ordinal);

        using var enabled = await client.SubmitAsync(enable.Form(), new Dictionary<string, string> { ["Input.Code"] = totp.ComputeTotp() });
        Assert.Equal("/Identity/Account/Manage/RecoveryCodes", enabled.Location());
        var codes = await client.GetPageAsync("/Identity/Account/Manage/RecoveryCodes");
        var recoveryCodes = codes.QuerySelectorAll("main ul.portal-code li").Select(item => item.TextContent).ToList();
        Assert.Equal(10, recoveryCodes.Count);

        using var fresh = _factory.CreateClient();
        using var password = await fresh.TryLogInAsync(DemoLogins.Caseworker, DemoLogins.Password);
        Assert.StartsWith("/Identity/Account/LoginWith2fa", password.Location(), StringComparison.Ordinal);
        var second = await fresh.GetPageAsync(password.Location());
        using var loggedIn = await fresh.SubmitAsync(second.Form(), new Dictionary<string, string> { ["Input.Code"] = totp.ComputeTotp() });
        Assert.Equal("/", loggedIn.Location());

        // A lost phone: a recovery code works once.
        using var other = _factory.CreateClient();
        using var step1 = await other.TryLogInAsync(DemoLogins.Caseworker, DemoLogins.Password);
        var recovery = await other.GetPageAsync("/Identity/Account/LoginWithRecoveryCode");
        using var recovered = await other.SubmitAsync(recovery.Form(), new Dictionary<string, string> { ["Input.RecoveryCode"] = recoveryCodes[0] });
        Assert.Equal("/", recovered.Location());
    }

    [Fact]
    public async Task The_second_step_cannot_be_reached_without_the_password_first()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/Identity/Account/LoginWith2fa", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Identity/Account/Login", response.Location());
    }

    public void Dispose()
    {
        _factory.Dispose();
        _factory.DeleteDataFolder();
    }
}

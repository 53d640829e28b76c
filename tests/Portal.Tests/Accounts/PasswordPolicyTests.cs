using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Accounts;

public sealed class PasswordPolicyTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    [Theory]
    [InlineData("kort-kode", "Adgangskoden skal være mindst 12 tegn.")]
    [InlineData("password1234", "Den adgangskode er for almindelig")]
    [InlineData("123456789012", "Den adgangskode er for almindelig")]
    [InlineData("Qwertyuiop123!", "Den adgangskode er for almindelig")]
    public async Task A_short_or_common_password_is_refused_with_a_clear_reason(string newPassword, string expected)
    {
        using var client = _factory.CreateClient();
        await client.LogInAsync(DemoLogins.Parent);

        using var response = await ChangePasswordAsync(client, newPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Contains(expected, page.QuerySelector("#error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".form-group.form-error #Input_NewPassword"));
    }

    [Theory]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("abcdefghijkl")]
    [InlineData("familieportalen")]
    [InlineData("sofie@demo.familieportalen.dk")]
    [InlineData("SofieJensen2026")]
    [InlineData("jensenjensen")]
    public async Task A_long_but_guessable_password_is_refused_with_a_helpful_explanation(string newPassword)
    {
        using var client = _factory.CreateClient();
        await client.LogInAsync(DemoLogins.Parent);

        using var response = await ChangePasswordAsync(client, newPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var alert = (await Html.ReadAsync(response)).QuerySelector("#error-summary")?.TextContent;
        Assert.True(
            alert?.Contains("for let at gætte. Brug hellere tre eller fire almindelige ord", StringComparison.Ordinal) == true
            || alert?.Contains("Den adgangskode er for almindelig", StringComparison.Ordinal) == true,
            alert);
        using var fresh = _factory.CreateClient();
        await fresh.LogInAsync(DemoLogins.Parent);
    }

    [Fact]
    public async Task A_long_passphrase_needs_no_digits_capitals_or_symbols()
    {
        using var client = _factory.CreateClient();
        await client.LogInAsync(DemoLogins.Youth);

        using var response = await ChangePasswordAsync(client, "min hund elsker lange gåture");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var fresh = _factory.CreateClient();
        await fresh.LogInAsync(DemoLogins.Youth, "min hund elsker lange gåture");
    }

    private static async Task<HttpResponseMessage> ChangePasswordAsync(HttpClient client, string newPassword)
    {
        var page = await client.GetPageAsync("/Identity/Account/Manage/ChangePassword");
        return await client.SubmitAsync(page.Form(), new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = DemoLogins.Password,
            ["Input.NewPassword"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        });
    }

    public void Dispose()
    {
        _factory.Dispose();
        _factory.DeleteDataFolder();
    }
}

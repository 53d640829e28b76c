using System.Net;
using System.Text.RegularExpressions;
using MimeKit;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Accounts;

/// <summary>Forgot password, end to end: the form, the outbox, the email in the mail folder, the link, the new password.</summary>
public sealed partial class PasswordResetTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    [Fact]
    public async Task A_parent_resets_their_password_from_the_emailed_link_once()
    {
        using var client = _factory.CreateClient();
        var forgot = await client.GetPageAsync("/Identity/Account/ForgotPassword");
        using var sent = await client.SubmitAsync(forgot.Form(), new Dictionary<string, string> { ["Input.Email"] = DemoLogins.Parent });
        Assert.Equal("/Identity/Account/ForgotPasswordConfirmation", sent.Location());

        var email = await WaitForMailAsync(DemoLogins.Parent);
        Assert.Equal("Vælg en ny adgangskode til Familieportalen", email.Subject);
        Assert.Contains("Hej Sofie Jensen", email.TextBody, StringComparison.Ordinal);
        var link = new Uri(ResetLink().Match(email.TextBody ?? string.Empty).Value);

        var reset = await client.GetPageAsync(link.PathAndQuery);
        using var done = await client.SubmitAsync(reset.Form(), new Dictionary<string, string>
        {
            ["Input.Password"] = "solsikker i vindueskarmen",
            ["Input.ConfirmPassword"] = "solsikker i vindueskarmen",
        });
        Assert.Equal("/Identity/Account/Login", done.Location());
        var login = await client.GetPageAsync("/Identity/Account/Login");
        Assert.Contains("Din adgangskode er skiftet", login.MainText(), StringComparison.Ordinal);
        await client.LogInAsync(DemoLogins.Parent, "solsikker i vindueskarmen");

        // The same link a second time is refused with a clear message, and the password stays.
        using var anonymous = _factory.CreateClient();
        var again = await anonymous.GetPageAsync(link.PathAndQuery);
        using var reused = await anonymous.SubmitAsync(again.Form(), new Dictionary<string, string>
        {
            ["Input.Password"] = "et andet godt kodeord her",
            ["Input.ConfirmPassword"] = "et andet godt kodeord her",
        });
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Contains("Linket er udløbet eller allerede brugt", (await Html.ReadAsync(reused)).QuerySelector("#error-summary")?.TextContent, StringComparison.Ordinal);
        await anonymous.LogInAsync(DemoLogins.Parent, "solsikker i vindueskarmen");

        // Nothing personal or secret reaches the logs: no address, no password, no token.
        var token = System.Web.HttpUtility.ParseQueryString(link.Query)["code"]!;
        Assert.NotEmpty(_factory.Logs.Lines);
        Assert.DoesNotContain(_factory.Logs.Lines, line => line.Contains(DemoLogins.Parent, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(_factory.Logs.Lines, line => line.Contains("solsikker", StringComparison.Ordinal));
        Assert.DoesNotContain(_factory.Logs.Lines, line => line.Contains(DemoLogins.Password, StringComparison.Ordinal));
        Assert.DoesNotContain(_factory.Logs.Lines, line => line.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answer_and_no_mail()
    {
        using var client = _factory.CreateClient();
        var forgot = await client.GetPageAsync("/Identity/Account/ForgotPassword");

        using var sent = await client.SubmitAsync(forgot.Form(), new Dictionary<string, string> { ["Input.Email"] = "ukendt@example.dk" });

        Assert.Equal("/Identity/Account/ForgotPasswordConfirmation", sent.Location());
        await Task.Delay(1000);
        Assert.False(Directory.Exists(_factory.MailFolder) && Directory.EnumerateFiles(_factory.MailFolder, "*.eml").Any());
    }

    [Fact]
    public async Task A_tampered_link_gets_a_clear_message()
    {
        using var client = _factory.CreateClient();
        var reset = await client.GetPageAsync("/Identity/Account/ResetPassword?userId=nobody&code=%%%");

        using var response = await client.SubmitAsync(reset.Form(), new Dictionary<string, string>
        {
            ["Input.Password"] = "solsikker i vindueskarmen",
            ["Input.ConfirmPassword"] = "solsikker i vindueskarmen",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Linket er udløbet eller allerede brugt", (await Html.ReadAsync(response)).QuerySelector("#error-summary")?.TextContent, StringComparison.Ordinal);
    }

    private async Task<MimeMessage> WaitForMailAsync(string to)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.Exists(_factory.MailFolder))
            {
                foreach (var file in Directory.EnumerateFiles(_factory.MailFolder, "*.eml"))
                {
                    var message = await MimeMessage.LoadAsync(file);
                    if (message.To.Mailboxes.Any(mailbox => mailbox.Address == to))
                    {
                        return message;
                    }
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("No email arrived in the mail folder.");
    }

    [GeneratedRegex(@"https://localhost/Identity/Account/ResetPassword\?\S+")]
    private static partial Regex ResetLink();

    public void Dispose()
    {
        _factory.Dispose();
        _factory.DeleteDataFolder();
    }
}

using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Security;

public sealed class RateLimitTests : IDisposable
{
    private readonly PortalFactory _factory = PortalFactory.With(new Dictionary<string, string?> { ["RateLimits:AccountPermitsPerMinute"] = "3" });

    [Fact]
    public async Task Too_many_login_attempts_get_429_with_retry_after_and_a_friendly_page()
    {
        using var client = _factory.CreateClient();
        var form = (await client.GetPageAsync("/Identity/Account/Login")).Form();

        // Opening the form is free; three answers are allowed, the fourth waits.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var allowed = await client.SubmitAsync(form, new Dictionary<string, string> { ["Input.Email"] = "someone@example.dk", ["Input.Password"] = "wrong-password-123" });
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await client.SubmitAsync(form, new Dictionary<string, string> { ["Input.Email"] = "someone@example.dk", ["Input.Password"] = "wrong-password-123" });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        var page = await Html.ReadAsync(refused);

        // The form itself comes back, with the wait and the e-mail still typed in; never the password.
        Assert.Contains("Vent lidt, før du prøver igen", page.QuerySelector("#error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("someone@example.dk", page.QuerySelector("input[name='Input.Email']")?.GetAttribute("value"));
        Assert.True(string.IsNullOrEmpty(page.QuerySelector("input[name='Input.Password']")?.GetAttribute("value")));
    }

    [Fact]
    public async Task Guessing_counselling_codes_is_stopped_with_a_friendly_429()
    {
        using var limited = PortalFactory.With(new Dictionary<string, string?> { ["Counselling:PermitsPerMinute"] = "3" });
        using var client = limited.CreateClient();
        var form = (await client.GetPageAsync("/raadgivning/kode")).Form();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var allowed = await client.SubmitAsync(form, new Dictionary<string, string> { ["Input.Code"] = $"GUESS{attempt}" });
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await client.SubmitAsync(form, new Dictionary<string, string> { ["Input.Code"] = "GUESS3" });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
        var page = await Html.ReadAsync(refused);
        Assert.Contains("Vent lidt, før du prøver igen", page.QuerySelector("#error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("GUESS3", page.QuerySelector("input[name='Input.Code']")?.GetAttribute("value"));
        limited.DeleteDataFolder();
    }

    [Fact]
    public async Task A_counselling_message_refused_for_too_many_tries_is_kept_in_the_form()
    {
        using var limited = PortalFactory.With(new Dictionary<string, string?> { ["Counselling:PermitsPerMinute"] = "1" });
        using var first = limited.CreateClient();
        using var asked = await first.SubmitAsync((await first.GetPageAsync("/raadgivning")).Form());
        using var second = limited.CreateClient();
        var form = (await second.GetPageAsync("/raadgivning")).Form();

        using var refused = await second.SubmitAsync(form, new Dictionary<string, string> { ["Input.Message"] = "Min far drikker, og jeg ved ikke, hvem jeg skal tale med." });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var page = await Html.ReadAsync(refused);
        Assert.Contains("det, du har skrevet, står der stadig", page.QuerySelector("#error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Min far drikker, og jeg ved ikke, hvem jeg skal tale med.", page.QuerySelector("textarea[name='Input.Message']")?.TextContent.Trim());
        Assert.Equal(1, await limited.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.CounsellingRequests)));
        limited.DeleteDataFolder();
    }

    [Fact]
    public async Task Pages_outside_the_account_forms_are_not_limited()
    {
        using var client = _factory.CreateClient();
        for (var attempt = 0; attempt < 10; attempt++)
        {
            using var response = await client.GetAsync(new Uri("/", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task Guessing_meeting_answer_links_or_calendar_addresses_is_stopped_with_a_friendly_429()
    {
        using var limited = PortalFactory.With(new Dictionary<string, string?> { ["RateLimits:LinkPermitsPerMinute"] = "3" });
        using var client = limited.CreateClient();
        using (var first = await client.GetAsync(new Uri("/moede/svar/GUESS1", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using (var second = await client.GetAsync(new Uri("/kalender/feed/GUESS2", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        }

        using (var third = await client.GetAsync(new Uri("/moede/svar/GUESS3", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        }

        using var refused = await client.GetAsync(new Uri("/kalender/feed/GUESS4", UriKind.Relative));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Single(refused.Headers.GetValues("Retry-After"));
    }

    public void Dispose()
    {
        _factory.Dispose();
        _factory.DeleteDataFolder();
    }
}

using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using MimeKit;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Security;

/// <summary>
/// Every link in every mail comes from Portal:PublicBaseUrl (https://localhost in the tests), never from the request: an
/// attacker who sends "Host: evil.test" must not get a parent a link to their own server.
/// </summary>
public sealed partial class PublicAddressTests : IDisposable
{
    private static readonly Uri Forged = new("https://evil.test");
    private readonly PortalFactory _factory = new();

    [Fact]
    public async Task A_password_reset_asked_for_with_a_forged_host_links_only_to_the_portal()
    {
        using var attacker = ForgedClient();
        var forgot = await attacker.GetPageAsync("/Identity/Account/ForgotPassword");
        using var sent = await attacker.SubmitAsync(forgot.Form(), new Dictionary<string, string> { ["Input.Email"] = DemoLogins.Parent });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        var mail = Assert.Single(await _factory.WaitForMailAsync(DemoLogins.Parent));
        AssertOnlyThePortal(mail, "https://localhost/Identity/Account/ResetPassword?");
    }

    [Fact]
    public async Task An_invitation_sent_through_a_forged_host_links_only_to_the_portal()
    {
        using var caseworker = await ForgedLoginAsync(DemoLogins.Caseworker);
        using var created = await caseworker.SubmitAsync((await caseworker.GetPageAsync("/medarbejder/sager/ny")).Form(), new Dictionary<string, string>
        {
            ["Input.ChildName"] = "Ida Berg",
            ["Input.DateOfBirth"] = "2019-05-01",
            ["Input.FirstHolderName"] = "Maja Berg",
            ["Input.FirstHolderEmail"] = "maja@example.dk",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        AssertOnlyThePortal(Assert.Single(await _factory.WaitForMailAsync("maja@example.dk")), "https://localhost/invitation?");
    }

    [Fact]
    public async Task A_consent_receipt_and_the_notice_to_the_other_parent_link_only_to_the_portal()
    {
        var oskar = await _factory.ChildIdAsync("Oskar Jensen");
        using var mother = await ForgedLoginAsync(DemoLogins.Parent);
        using var given = await mother.SubmitAsync((await mother.GetPageAsync($"/samtykke/{oskar}/HealthVisitors/NetworkMeetings/giv")).Form());
        Assert.Equal(HttpStatusCode.Redirect, given.StatusCode);

        AssertOnlyThePortal(Assert.Single(await _factory.WaitForMailAsync(DemoLogins.Parent)), $"https://localhost/samtykke/{oskar}");
        AssertOnlyThePortal(Assert.Single(await _factory.WaitForMailAsync(DemoLogins.OtherParent)), $"https://localhost/samtykke/{oskar}");
    }

    [Fact]
    public async Task Meeting_mail_to_the_family_and_to_invitees_links_only_to_the_portal()
    {
        var oskar = await _factory.ChildIdAsync("Oskar Jensen");
        using var caseworker = await ForgedLoginAsync(DemoLogins.Caseworker);
        using var scheduled = await caseworker.SubmitAsync((await caseworker.GetPageAsync($"/medarbejder/sager/{oskar}/moeder")).Form("main form"), new Dictionary<string, string>
        {
            ["Input.Date"] = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.StartTime"] = "09:00",
            ["Input.EndTime"] = "10:00",
            ["Input.Place"] = "Rådhuset",
            ["Input.Purpose"] = "Vi taler om Oskars nye skole.",
        });
        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        var meetingId = Guid.Parse(scheduled.Location().Split('/')[^1]);
        var page = await caseworker.GetPageAsync(scheduled.Location());
        using var added = await caseworker.SubmitAsync(page.Form("form[action*='handler=AddProfessional']"), new Dictionary<string, string>
        {
            ["Professional.Name"] = "Ole Berg",
            ["Professional.Role"] = "SSP-medarbejder",
            ["Professional.Email"] = "ole@ssp.example",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        AssertOnlyThePortal((await _factory.WaitForMailAsync(DemoLogins.Parent))[0], $"https://localhost/moeder/{oskar}/{meetingId}");
        AssertOnlyThePortal(Assert.Single(await _factory.WaitForMailAsync("ole@ssp.example")), "https://localhost/moede/svar/");
    }

    [Fact]
    public async Task A_counselling_offer_made_through_a_forged_host_links_only_to_the_portal()
    {
        using var person = ForgedClient();
        using var asked = await person.SubmitAsync((await person.GetPageAsync("/raadgivning")).Form(), new Dictionary<string, string>
        {
            ["Input.Topic"] = "WorriesAndAnxiety",
            ["Input.Email"] = "anonym@example.dk",
        });
        Assert.Equal("/raadgivning/status", asked.Location());

        using var counsellor = await ForgedLoginAsync(DemoData.Users[4].Email);
        using var offered = await counsellor.SubmitAsync((await counsellor.GetPageAsync("/raadgiver/tilbud")).Form(), new Dictionary<string, string> { ["Input.Place"] = "Familiehuset" });
        Assert.Equal(HttpStatusCode.Redirect, offered.StatusCode);

        AssertOnlyThePortal(Assert.Single(await _factory.WaitForMailAsync("anonym@example.dk")), "https://localhost/raadgivning/status");
    }

    [Fact]
    public async Task A_new_calendar_address_is_on_the_portal_whatever_host_the_page_was_asked_for()
    {
        using var mother = await ForgedLoginAsync(DemoLogins.Parent);
        using var made = await mother.SubmitAsync((await mother.GetPageAsync("/kalender")).Form("form[action*='handler=Create']"));

        var address = (await Html.ReadAsync(made)).QuerySelector("#feed-address")?.TextContent;
        Assert.StartsWith("https://localhost/kalender/feed/", address, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_allowed_hosts_configured_a_request_for_another_host_is_refused()
    {
        using var factory = PortalFactory.With(new Dictionary<string, string?> { ["AllowedHosts"] = "localhost" });
        using var portal = factory.CreateClient();
        using var forged = factory.CreateClient(new() { BaseAddress = Forged, AllowAutoRedirect = false });

        using var allowed = await portal.GetAsync(new Uri("/raadgivning", UriKind.Relative));
        using var refused = await forged.GetAsync(new Uri("/raadgivning", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        factory.DeleteDataFolder();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("/relative")]
    [InlineData("ftp://familieportalen.example")]
    [InlineData("https://familieportalen.example/?next=evil")]
    public void Outside_development_the_portal_does_not_start_without_a_public_address(string? address)
    {
        using var factory = PortalFactory.With(new Dictionary<string, string?> { ["Portal:PublicBaseUrl"] = address });

        var refused = Assert.ThrowsAny<Exception>(() => factory.Services);

        Assert.Contains("Portal:PublicBaseUrl", refused.AllMessages(), StringComparison.Ordinal);
        factory.DeleteDataFolder();
    }

    private HttpClient ForgedClient() => _factory.CreateClient(new() { BaseAddress = Forged, AllowAutoRedirect = false });

    private async Task<HttpClient> ForgedLoginAsync(string email)
    {
        var client = ForgedClient();
        await client.LogInAsync(email);
        return client;
    }

    /// <summary>The mail names the expected page on the configured address, and nowhere (text, HTML, calendar) the forged host.</summary>
    private static void AssertOnlyThePortal(MimeMessage mail, string expectedLinkStart)
    {
        var parts = mail.BodyParts.OfType<TextPart>().Select(part => part.Text).ToList();
        Assert.NotEmpty(parts);
        Assert.All(parts, text => Assert.DoesNotContain("evil.test", text, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("evil.test", string.Join(" ", mail.Headers.Select(header => header.Value)), StringComparison.OrdinalIgnoreCase);
        var links = parts.SelectMany(text => WebLink().Matches(text).Select(match => match.Value)).ToList();
        Assert.Contains(links, link => link.StartsWith(expectedLinkStart, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"https?://[^\s""'<>]+")]
    private static partial Regex WebLink();

    public void Dispose()
    {
        _factory.Dispose();
        _factory.DeleteDataFolder();
    }
}

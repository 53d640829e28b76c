using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Meetings;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Meetings;

/// <summary>A consent for network meetings that runs out takes the partner service off meetings not yet held.</summary>
public sealed class MeetingConsentExpiryTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly PortalFactory _factory;

    public MeetingConsentExpiryTests() => _factory = PortalFactory.With(new Dictionary<string, string?> { ["Portal:ConsentReminderInterval"] = "00:00:00" }, clock: _clock);

    [Fact]
    public async Task When_the_consent_expires_the_partner_service_is_taken_off_a_later_meeting_and_gets_a_cancellation()
    {
        var emma = await _factory.ChildIdAsync("Emma Jensen");
        await GiveForMeetingsAsync(emma, DemoLogins.Youth);

        // A meeting 13 months ahead, after the 12-month consent has run out.
        var meetingPath = await ScheduleAsync(emma, "2027-12-20");
        var told = Assert.Single(await _factory.WaitForMailAsync(DemoLogins.Youth, 2), mail => mail.Subject?.StartsWith("Invitation:", StringComparison.Ordinal) == true);
        Assert.Contains("Der er lagt et netværksmøde ind for dig. Du bestemmer, hvem fra dit netværk der skal med.", told.TextBody, StringComparison.Ordinal);
        await AddPartnerAsync(meetingPath, "Rådgiver Mette", "mette@raadgivning.example");
        await _factory.WaitForMailAsync("mette@raadgivning.example");

        Assert.Equal(0, await SweepAsync());
        _clock.Advance(TimeSpan.FromDays(366));
        Assert.Equal(1, await SweepAsync());
        Assert.Equal(0, await SweepAsync());

        var mails = await _factory.WaitForMailAsync("mette@raadgivning.example", 2);
        Assert.Contains(mails, mail => mail.Subject?.StartsWith("Aflyst:", StringComparison.Ordinal) == true);
        using var later = _factory.CreateClient();
        await later.LogInAsync(DemoLogins.Caseworker);
        Assert.DoesNotContain("Rådgiver Mette", (await later.GetPageAsync(meetingPath)).MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_round_takes_the_partner_off_only_where_that_childs_own_consent_ran_out()
    {
        var emma = await _factory.ChildIdAsync("Emma Jensen");
        var oskar = await _factory.ChildIdAsync("Oskar Jensen");
        await GiveForMeetingsAsync(emma, DemoLogins.Youth);
        var emmaMeeting = await ScheduleAsync(emma, "2027-12-20");
        await AddPartnerAsync(emmaMeeting, "Rådgiver Mette", "mette@raadgivning.example");

        // Oskar's parents say yes 200 days later, so his consent still holds when Emma's has run out.
        _clock.Advance(TimeSpan.FromDays(200));
        await GiveForMeetingsAsync(oskar, DemoLogins.Parent, DemoLogins.OtherParent);
        var oskarMeeting = await ScheduleAsync(oskar, "2027-12-21");
        await AddPartnerAsync(oskarMeeting, "Rådgiver Jonas", "jonas@raadgivning.example");
        _clock.Advance(TimeSpan.FromDays(166));

        Assert.Equal(1, await SweepAsync());
        using var caseworker = _factory.CreateClient();
        await caseworker.LogInAsync(DemoLogins.Caseworker);
        Assert.DoesNotContain("Rådgiver", (await caseworker.GetPageAsync(emmaMeeting)).MainText(), StringComparison.Ordinal);
        Assert.Contains("Rådgiver Jonas", (await caseworker.GetPageAsync(oskarMeeting)).MainText(), StringComparison.Ordinal);
    }

    public void Dispose() => _factory.Dispose();

    private async Task GiveForMeetingsAsync(Guid childId, params string[] logins)
    {
        foreach (var login in logins)
        {
            using var client = _factory.CreateClient();
            await client.LogInAsync(login);
            using var given = await client.SubmitAsync((await client.GetPageAsync($"/samtykke/{childId}/OpenCounselling/NetworkMeetings/giv")).Form());
            Assert.Equal(HttpStatusCode.Redirect, given.StatusCode);
        }
    }

    private async Task<string> ScheduleAsync(Guid childId, string date)
    {
        using var caseworker = _factory.CreateClient();
        await caseworker.LogInAsync(DemoLogins.Caseworker);
        using var scheduled = await caseworker.SubmitAsync((await caseworker.GetPageAsync($"/medarbejder/sager/{childId}/moeder")).Form("main form"), new Dictionary<string, string>
        {
            ["Input.Date"] = date,
            ["Input.StartTime"] = "10:00",
            ["Input.EndTime"] = "11:00",
            ["Input.Place"] = "Rådhuset",
            ["Input.Purpose"] = "Status før jul.",
        });
        return scheduled.Location();
    }

    private async Task AddPartnerAsync(string meetingPath, string contactName, string email)
    {
        using var caseworker = _factory.CreateClient();
        await caseworker.LogInAsync(DemoLogins.Caseworker);
        using var added = await caseworker.SubmitAsync((await caseworker.GetPageAsync(meetingPath)).Form("form[action*='handler=AddPartner']"), new Dictionary<string, string>
        {
            ["Partner.Partner"] = "OpenCounselling",
            ["Partner.ContactName"] = contactName,
            ["Partner.Email"] = email,
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
    }

    private async Task<int> SweepAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MeetingConsentSweep>().RunAsync(CancellationToken.None);
    }
}

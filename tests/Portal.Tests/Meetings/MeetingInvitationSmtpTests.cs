using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Portal.Tests.Infrastructure;
using Portal.TestSupport;

namespace Portal.Tests.Meetings;

/// <summary>
/// Meeting invitations through the outbox to a real SMTP server on loopback (Debian's aiosmtpd): the caseworker's pages
/// schedule, invite, move and cancel, and each invitee's mail carries an iCalendar part that calendars act on.
/// </summary>
public sealed class MeetingInvitationSmtpTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private SmtpServer _smtp = null!;
    private PortalFactory _factory = null!;
    private HttpClient _caseworker = null!;
    private Guid _oskar;

    public async Task InitializeAsync()
    {
        _smtp = await SmtpServer.StartAsync();
        _factory = PortalFactory.With(new Dictionary<string, string?>(_smtp.PortalSettings()) { ["Mail:Smtp:Timeout"] = "00:00:05" });
        _oskar = await _factory.ChildIdAsync("Oskar Jensen");
        _caseworker = _factory.CreateClient();
        await _caseworker.LogInAsync(DemoLogins.Caseworker);
    }

    [Fact]
    public async Task An_invitation_arrives_with_a_valid_calendar_request_a_move_raises_the_sequence_and_a_cancel_arrives()
    {
        var meetingPath = await ScheduleAsync(new DateOnly(2027, 2, 10), "14:00", "15:00");
        await AddProfessionalAsync(meetingPath, "Pia Holm", "pia@skole.example");

        var invitation = await _smtp.WaitForMessageToAsync("pia@skole.example", Timeout);
        Assert.StartsWith("Invitation: netværksmøde med Oskar", invitation.Subject, StringComparison.Ordinal);
        var request = Calendar(invitation, "REQUEST");
        var requested = request.Events.Single();
        Assert.Equal(0, requested.Sequence);
        Assert.Equal(new DateTime(2027, 2, 10, 13, 0, 0, DateTimeKind.Utc), requested.DtStart!.AsUtc);
        Assert.Equal("Familiehuset, Skolegade 4", requested.Location);
        Assert.Contains(invitation.Attachments.OfType<MimePart>(), part => part.FileName == "invitation.ics");

        // Both parents are told too, with the event for their own calendar and the way to the meeting's page.
        foreach (var parent in new[] { DemoLogins.Parent, DemoLogins.OtherParent })
        {
            var told = await _smtp.WaitForMessageToAsync(parent, Timeout);
            Assert.Contains("Der er lagt et netværksmøde ind for Oskar.", told.TextBody, StringComparison.Ordinal);
            Assert.Contains($"/moeder/{_oskar}/", told.TextBody, StringComparison.Ordinal);
            Assert.Equal(requested.Uid, Calendar(told, "REQUEST").Events.Single().Uid);
        }

        await PostOnMeetingAsync(meetingPath, "Move", new Dictionary<string, string>
        {
            ["Move.Date"] = "2027-02-11",
            ["Move.StartTime"] = "09:00",
            ["Move.EndTime"] = "10:00",
        });
        var update = (await _smtp.WaitForMessagesToAsync("pia@skole.example", 2, Timeout)).Single(message => message.MessageId != invitation.MessageId);
        Assert.StartsWith("Nyt tidspunkt eller sted:", update.Subject, StringComparison.Ordinal);
        var moved = Calendar(update, "REQUEST").Events.Single();
        Assert.Equal((requested.Uid, 1), (moved.Uid, moved.Sequence));
        Assert.Equal(new DateTime(2027, 2, 11, 8, 0, 0, DateTimeKind.Utc), moved.DtStart!.AsUtc);

        await PostOnMeetingAsync(meetingPath, "Cancel", null);
        var cancellation = (await _smtp.WaitForMessagesToAsync("pia@skole.example", 3, Timeout)).Single(message => message.Subject?.StartsWith("Aflyst:", StringComparison.Ordinal) == true);
        var cancelled = Calendar(cancellation, "CANCEL").Events.Single();
        Assert.Equal((requested.Uid, 2), (cancelled.Uid, cancelled.Sequence));
        var parentMail = await _smtp.WaitForMessagesToAsync(DemoLogins.Parent, 3, Timeout);
        Assert.Equal(["REQUEST", "REQUEST", "CANCEL"], parentMail.Select(message => Ical.Net.Calendar.Load(message.BodyParts.OfType<TextPart>().Single(part => part.ContentType.IsMimeType("text", "calendar")).Text)!.Method));

        // Nothing more arrives: three messages each for the teacher and the two parents.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(9, _smtp.ReceivedFiles().Count);
    }

    [Fact]
    public async Task A_meeting_on_the_last_Sunday_of_March_has_the_right_time_in_the_invitation()
    {
        // 28 March 2027: clocks go from 02:00 to 03:00, so 10:00 in Copenhagen is 08:00 UTC (it was 09:00 the day before).
        var meetingPath = await ScheduleAsync(new DateOnly(2027, 3, 28), "10:00", "11:30");
        await AddProfessionalAsync(meetingPath, "Pia Holm", "pia@skole.example");

        var invitation = await _smtp.WaitForMessageToAsync("pia@skole.example", Timeout);
        var calendarEvent = Calendar(invitation, "REQUEST").Events.Single();
        Assert.Equal(new DateTime(2027, 3, 28, 8, 0, 0, DateTimeKind.Utc), calendarEvent.DtStart!.AsUtc);
        Assert.Equal(new DateTime(2027, 3, 28, 9, 30, 0, DateTimeKind.Utc), calendarEvent.DtEnd!.AsUtc);
        Assert.Equal("Europe/Copenhagen", calendarEvent.DtStart.TzId);
        Assert.Contains("søndag 28. marts 2027 kl. 10.00–11.30", invitation.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_mail_server_down_invitations_wait_and_each_arrives_exactly_once_when_it_is_back()
    {
        var meetingPath = await ScheduleAsync(new DateOnly(2027, 2, 10), "14:00", "15:00");
        await _smtp.WaitForMessageToAsync(DemoLogins.Parent, Timeout);
        await _smtp.WaitForMessageToAsync(DemoLogins.OtherParent, Timeout);
        _smtp.Stop();
        await AddProfessionalAsync(meetingPath, "Pia Holm", "pia@skole.example");
        await AddProfessionalAsync(meetingPath, "Ole Berg", "ole@ssp.example");

        // The page answered at once; the mail waits in the outbox while the dispatcher fails.
        await WaitUntilAsync(() => _factory.WithDbAsync(async db => await db.OutboxMessages.CountAsync(message => message.SentAt == null && message.Attempts >= 2) == 2), Timeout);
        Assert.Equal(2, _smtp.ReceivedFiles().Count);
        await _smtp.StartAgainAsync();

        await _smtp.WaitForMessageToAsync("pia@skole.example", Timeout);
        await _smtp.WaitForMessageToAsync("ole@ssp.example", Timeout);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Single(await _smtp.WaitForMessagesToAsync("pia@skole.example", 1, Timeout));
        Assert.Single(await _smtp.WaitForMessagesToAsync("ole@ssp.example", 1, Timeout));
        Assert.Equal(4, _smtp.ReceivedFiles().Count);
    }

    public async Task DisposeAsync()
    {
        _caseworker.Dispose();
        await _factory.DisposeAsync();
        _smtp.Dispose();
    }

    private async Task<string> ScheduleAsync(DateOnly date, string start, string end)
    {
        var page = await _caseworker.GetPageAsync($"/medarbejder/sager/{_oskar}/moeder");
        using var scheduled = await _caseworker.SubmitAsync(page.Form("main form"), new Dictionary<string, string>
        {
            ["Input.Date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.StartTime"] = start,
            ["Input.EndTime"] = end,
            ["Input.Place"] = "Familiehuset, Skolegade 4",
            ["Input.Purpose"] = "Vi taler om Oskars skolestart.",
        });
        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        return scheduled.Location();
    }

    private Task AddProfessionalAsync(string meetingPath, string name, string email) =>
        PostOnMeetingAsync(meetingPath, "AddProfessional", new Dictionary<string, string>
        {
            ["Professional.Name"] = name,
            ["Professional.Role"] = "Klasselærer",
            ["Professional.Email"] = email,
        });

    private async Task PostOnMeetingAsync(string meetingPath, string handler, Dictionary<string, string>? values)
    {
        var page = await _caseworker.GetPageAsync(meetingPath);
        using var response = await _caseworker.SubmitAsync(page.Form($"form[action*='handler={handler}']"), values);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, (await Html.ReadAsync(response)).QuerySelector("#error-summary")?.TextContent);
    }

    private static Ical.Net.Calendar Calendar(MimeMessage message, string method)
    {
        var part = message.BodyParts.OfType<TextPart>().Single(item => item.ContentType.IsMimeType("text", "calendar"));
        Assert.Equal(method, part.ContentType.Parameters["method"]);
        var calendar = Ical.Net.Calendar.Load(part.Text)!;
        Assert.Equal(method, calendar.Method);
        return calendar;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting.");
            await Task.Delay(100);
        }
    }
}

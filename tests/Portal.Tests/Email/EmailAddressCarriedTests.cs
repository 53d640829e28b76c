using MimeKit;
using Portal.Calendar;
using Portal.Domain;
using Portal.Domain.Meetings;

namespace Portal.Tests.Email;

/// <summary>What the portal's e-mail rule accepts, MimeKit writes as the same address and Ical.Net carries as an attendee.</summary>
public sealed class EmailAddressCarriedTests
{
    [Theory]
    [InlineData("sofie@example.dk")]
    [InlineData("o'brien@example.com")]
    [InlineData("emma+skole@example.dk")]
    [InlineData("pia_holm@skole-nord.example.dk")]
    [InlineData("A.B-C@Example.DK")]
    public void An_accepted_address_goes_into_a_mail_and_a_calendar_invitation_unchanged(string address)
    {
        Assert.True(EmailAddress.TryParse(address, out var accepted));

        var mailbox = MailboxAddress.Parse(accepted.Value);
        var calendar = Ical.Net.Calendar.Load(Invitation(accepted.Value))!;

        Assert.Equal(address, mailbox.Address);
        Assert.Equal(new Uri("mailto:" + address), calendar.Events.Single().Attendees.Single().Value);
    }

    [Theory]
    [InlineData("x<script>alert(1)</script>@example.com")]
    [InlineData("sofie@example.dk\r\nBcc: x@evil.test")]
    public void What_broke_the_outbox_before_is_refused_by_the_rule(string address)
    {
        Assert.False(EmailAddress.TryParse(address, out _));
        Assert.ThrowsAny<Exception>(() => Invitation(address));
    }

    private static string Invitation(string attendee)
    {
        var now = new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);
        var caseworker = new Actor("cw", "Lars Holm", ActorRole.Caseworker);
        var meeting = NetworkMeeting.Schedule(Guid.NewGuid(), childHasOwnLogin: true, now.AddDays(7), now.AddDays(7).AddHours(1), "Familiehuset", null, "Vi taler sammen", caseworker, now);
        return MeetingCalendar.Message(meeting, "Netværksmøde", "familieportalen@kommune.example", attendee, sequence: 0, cancellation: false, now);
    }
}

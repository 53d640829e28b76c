using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Calendar;
using Portal.Data;
using Portal.Domain.Families;
using Portal.Domain.Meetings;
using Portal.Email;

namespace Portal.Meetings;

/// <summary>
/// Puts the calendar mail a meeting owes into the outbox, in the caller's transaction, and records it on the meeting.
/// The outbox sends it once, later, even if the mail server is down now.
/// </summary>
public sealed class MeetingNotices(PortalDbContext db, MeetingEmails emails, AnswerLinks links, IOptions<MailOptions> mail, PortalLinks portalLinks, TimeProvider clock)
{
    /// <summary>
    /// Tells the custody holders and the young person who have accounts that the meeting was planned, moved or
    /// cancelled, with the calendar message for their own calendar. Their place in it is the portal page.
    /// </summary>
    public async Task QueueFamilyAsync(NetworkMeeting meeting, Guid childId, string childName, string? youthUserId, FamilyNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(childName);
        var now = clock.GetUtcNow();
        var firstName = Child.FirstNameOf(childName);
        var holders = await db.Children.Where(child => child.Id == childId).SelectMany(child => child.CustodyHolders.Select(holder => holder.UserId)).ToListAsync(cancellationToken);
        var memberIds = holders.Append(youthUserId).OfType<string>().Distinct().ToList();
        var members = await db.Users.Where(user => memberIds.Contains(user.Id) && user.PasswordHash != null && user.Email != null)
            .Select(user => new { user.Id, user.Email, user.DisplayName })
            .ToListAsync(cancellationToken);
        var link = portalLinks.Page("/Meetings/Meeting", new { childId, meetingId = meeting.Id });
        foreach (var member in members)
        {
            var cancellation = notice == FamilyNotice.Cancelled;
            var ics = MeetingCalendar.Message(meeting, emails.Title(firstName), mail.Value.FromAddress, member.Email!, meeting.Sequence, cancellation, now);
            var message = emails.ForFamily(member.Email!, member.DisplayName, notice, meeting, firstName, member.Id == youthUserId, link, new CalendarPart(cancellation ? "CANCEL" : "REQUEST", ics));
            db.OutboxMessages.Add(OutboxMessage.Create(message, now));
        }
    }

    public int QueueDue(NetworkMeeting meeting, string childName)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(childName);
        var now = clock.GetUtcNow();
        var firstName = Child.FirstNameOf(childName);
        var due = meeting.DueNotices();
        foreach (var notice in due)
        {
            var cancellation = notice.Notice == CalendarNotice.Cancellation;
            var ics = MeetingCalendar.Message(meeting, emails.Title(firstName), mail.Value.FromAddress, notice.Participant.Email!, notice.Sequence, cancellation, now);
            var answerLink = portalLinks.Page("/MeetingAnswer/Index", new { token = links.Create(meeting.Id, notice.Participant.Id, notice.Participant.Revision) });
            var message = emails.For(notice, meeting, firstName, answerLink, new CalendarPart(cancellation ? "CANCEL" : "REQUEST", ics));
            db.OutboxMessages.Add(OutboxMessage.Create(message, now, notice.Participant.Id));
            NetworkMeeting.MarkQueued(notice);
        }

        return due.Count;
    }

}

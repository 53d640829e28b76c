using Microsoft.Extensions.Options;
using Portal.Calendar;
using Portal.Data;
using Portal.Domain.Meetings;
using Portal.Email;

namespace Portal.Meetings;

/// <summary>
/// Puts the calendar mail a meeting owes into the outbox, in the caller's transaction, and records it on the meeting.
/// The outbox sends it once, later, even if the mail server is down now.
/// </summary>
public sealed class MeetingNotices(PortalDbContext db, MeetingEmails emails, AnswerLinks links, IOptions<MailOptions> mail, IOptions<PortalOptions> portal, TimeProvider clock)
{
    public int QueueDue(NetworkMeeting meeting, string childName)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(childName);
        var now = clock.GetUtcNow();
        var firstName = childName.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? childName;
        var due = meeting.DueNotices();
        foreach (var notice in due)
        {
            var cancellation = notice.Notice == CalendarNotice.Cancellation;
            var ics = MeetingCalendar.Message(meeting, emails.Title(firstName), mail.Value.FromAddress, notice.Participant.Email!, notice.Sequence, cancellation, now);
            var answerLink = new Uri(portal.Value.PublicBaseUrl, $"/moede/svar/{links.Create(meeting.Id, notice.Participant.Id, notice.Participant.Revision)}").ToString();
            var message = emails.For(notice, meeting, firstName, answerLink, new CalendarPart(cancellation ? "CANCEL" : "REQUEST", ics));
            db.OutboxMessages.Add(OutboxMessage.Create(message, now));
            NetworkMeeting.MarkQueued(notice);
        }

        return due.Count;
    }
}

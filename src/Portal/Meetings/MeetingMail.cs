using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Calendar;
using Portal.Data;
using Portal.Domain.Families;
using Portal.Domain.Meetings;
using Portal.Email;

namespace Portal.Meetings;

/// <summary>
/// The calendar mail a meeting owes, worked out when it is saved. Each invitee gets what the meeting records as due to
/// them (an invitation, an update, a cancellation), and it is marked as queued on the meeting. The custody holders and the
/// young person with accounts are told when a meeting is planned, moved or cancelled, with the calendar message for their
/// own calendar; their place in it is the portal page.
/// </summary>
public sealed class MeetingMail(MeetingEmails emails, AnswerLinks answerLinks, IOptions<MailOptions> mail, PortalLinks links) : IOwedMail
{
    public async Task AddAsync(PortalDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var meetings = db.ChangeTracker.Entries<NetworkMeeting>()
            .Where(entry => entry.State is EntityState.Added or EntityState.Modified or EntityState.Unchanged)
            .Select(entry => (Meeting: entry.Entity, Family: FamilyNoticeFor(entry)))
            .Where(item => item.Family is not null || item.Meeting.DueNotices().Count > 0)
            .ToList();
        if (meetings.Count == 0)
        {
            return;
        }

        var childIds = meetings.Select(item => item.Meeting.ChildId).Distinct().ToList();
        var children = await db.Children.AsNoTracking().Where(child => childIds.Contains(child.Id))
            .Select(child => new FamilyOf(child.Id, child.Name, child.YouthUserId, child.CustodyHolders.Select(holder => holder.UserId).ToList()))
            .ToDictionaryAsync(child => child.ChildId, cancellationToken);

        // A child new in this very save is not in the database yet.
        foreach (var child in db.Children.Local.Where(child => childIds.Contains(child.Id) && !children.ContainsKey(child.Id)))
        {
            children[child.Id] = new FamilyOf(child.Id, child.Name, child.YouthUserId, [.. child.CustodyHolders.Select(holder => holder.UserId)]);
        }

        foreach (var (meeting, family) in meetings)
        {
            var child = children[meeting.ChildId];

            var firstName = Child.FirstNameOf(child.Name);
            QueueDue(db, meeting, firstName, now);
            if (family is { } notice)
            {
                await QueueFamilyAsync(db, meeting, child, firstName, notice, now, cancellationToken);
            }
        }
    }

    /// <summary>Planned when new; moved or cancelled when the change raised the calendar sequence.</summary>
    private static FamilyNotice? FamilyNoticeFor(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<NetworkMeeting> entry) => entry.State switch
    {
        EntityState.Added => FamilyNotice.Scheduled,
        EntityState.Modified when entry.Property(meeting => meeting.Sequence).OriginalValue != entry.Entity.Sequence =>
            entry.Entity.IsCancelled ? FamilyNotice.Cancelled : FamilyNotice.Moved,
        _ => null,
    };

    private void QueueDue(PortalDbContext db, NetworkMeeting meeting, string firstName, DateTimeOffset now)
    {
        foreach (var notice in meeting.DueNotices())
        {
            var cancellation = notice.Notice == CalendarNotice.Cancellation;
            var answerLink = links.Page("/MeetingAnswer/Index", new { token = answerLinks.Create(meeting.Id, notice.Participant.Id, notice.Participant.Revision) });

            // The people in the child's network have no account, so no language of their own: Danish.
            var message = MailLanguage.In(null, () =>
            {
                var ics = MeetingCalendar.Message(meeting, emails.Title(firstName), mail.Value.FromAddress, notice.Participant.Email!, notice.Sequence, cancellation, now);
                return emails.For(notice, meeting, firstName, answerLink, new CalendarPart(cancellation ? "CANCEL" : "REQUEST", ics));
            });
            db.OutboxMessages.Add(OutboxMessage.Create(message, now, notice.Participant.Id));
            NetworkMeeting.MarkQueued(notice);
        }
    }

    private async Task QueueFamilyAsync(PortalDbContext db, NetworkMeeting meeting, FamilyOf child, string firstName, FamilyNotice notice, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var memberIds = child.CustodyHolderIds.Append(child.YouthUserId).OfType<string>().Distinct().ToList();
        var members = await db.Users.AsNoTracking().Where(user => memberIds.Contains(user.Id) && user.PasswordHash != null && user.Email != null)
            .Select(user => new { user.Id, user.Email, user.DisplayName, user.Language })
            .ToListAsync(cancellationToken);
        var link = links.Page("/Meetings/Meeting", new { childId = child.ChildId, meetingId = meeting.Id });
        var cancellation = notice == FamilyNotice.Cancelled;
        foreach (var member in members)
        {
            var message = MailLanguage.In(member.Language, () =>
            {
                var ics = MeetingCalendar.Message(meeting, emails.Title(firstName), mail.Value.FromAddress, member.Email!, meeting.Sequence, cancellation, now);
                return emails.ForFamily(member.Email!, member.DisplayName, notice, meeting, firstName, member.Id == child.YouthUserId, link, new CalendarPart(cancellation ? "CANCEL" : "REQUEST", ics));
            });
            db.OutboxMessages.Add(OutboxMessage.Create(message, now));
        }
    }

    private sealed record FamilyOf(Guid ChildId, string Name, string? YouthUserId, List<string> CustodyHolderIds);
}

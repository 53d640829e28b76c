using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Families;
using Portal.Domain.Meetings;

namespace Portal.Meetings;

/// <summary>
/// Loads a meeting through the children the user may see, applies one domain change, queues the calendar mail it causes,
/// and saves it all in one transaction, only if nobody else changed the meeting since the page was shown.
/// </summary>
public sealed class MeetingDesk(PortalDbContext db, MeetingNotices notices, TimeProvider clock)
{
    public async Task<MeetingView?> LoadAsync(IQueryable<Child> allowedChildren, Guid childId, Guid meetingId, CancellationToken cancellationToken)
    {
        var child = await allowedChildren.AsNoTracking().FirstOrDefaultAsync(item => item.Id == childId, cancellationToken);
        var meeting = child is null ? null : await db.NetworkMeetings.AsNoTracking().FirstOrDefaultAsync(item => item.Id == meetingId && item.ChildId == childId, cancellationToken);
        return child is null || meeting is null ? null : new MeetingView(child, meeting);
    }

    /// <summary>The child's meetings, soonest first; cancelled and held ones too, so nobody wonders where one went.</summary>
    public async Task<(Child Child, IReadOnlyList<NetworkMeeting> Meetings)?> ListAsync(IQueryable<Child> allowedChildren, Guid childId, CancellationToken cancellationToken)
    {
        var child = await allowedChildren.AsNoTracking().FirstOrDefaultAsync(item => item.Id == childId, cancellationToken);
        if (child is null)
        {
            return null;
        }

        var meetings = await db.NetworkMeetings.AsNoTracking().Where(item => item.ChildId == childId).OrderBy(item => item.StartsAt).ToListAsync(cancellationToken);
        return (child, meetings);
    }

    public async Task<MeetingChange> ChangeAsync(IQueryable<Child> allowedChildren, Guid childId, Guid meetingId, string? concurrencyStamp, Func<NetworkMeeting, Child, DateTimeOffset, Task> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var child = await allowedChildren.AsNoTracking().FirstOrDefaultAsync(item => item.Id == childId, cancellationToken);
        var meeting = child is null ? null : await db.NetworkMeetings.FirstOrDefaultAsync(item => item.Id == meetingId && item.ChildId == childId, cancellationToken);
        if (child is null || meeting is null)
        {
            return MeetingChange.NotFound;
        }

        if (concurrencyStamp is not null && concurrencyStamp != meeting.ConcurrencyStamp)
        {
            return MeetingChange.ChangedMeanwhile;
        }

        if (child.YouthUserId is not null)
        {
            meeting.NoteChildHasOwnLogin();
        }

        var sequenceBefore = meeting.Sequence;
        try
        {
            await change(meeting, child, clock.GetUtcNow());
        }
        catch (DomainException exception) when (exception.Code == "Meeting.ParticipantNotFound")
        {
            return MeetingChange.NotFound;
        }
        catch (DomainException exception)
        {
            return MeetingChange.Refused(exception);
        }

        notices.QueueDue(meeting, child.Name);
        if (meeting.Sequence != sequenceBefore)
        {
            await notices.QueueFamilyAsync(meeting, child.Id, child.Name, child.YouthUserId, meeting.IsCancelled ? FamilyNotice.Cancelled : FamilyNotice.Moved, cancellationToken);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return MeetingChange.ChangedMeanwhile;
        }

        return MeetingChange.Done;
    }

    /// <summary>
    /// A new meeting for the child; the family with accounts is told. The id comes with the form: when the same form
    /// arrives twice, the meeting it already made is the answer.
    /// </summary>
    public async Task<Guid?> ScheduleAsync(IQueryable<Child> allowedChildren, Guid childId, Guid meetingId, Func<Child, DateTimeOffset, NetworkMeeting> schedule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var child = await allowedChildren.AsNoTracking().FirstOrDefaultAsync(item => item.Id == childId, cancellationToken);
        if (child is null)
        {
            return null;
        }

        if (await db.NetworkMeetings.Where(item => item.Id == meetingId).Select(item => (Guid?)item.ChildId).FirstOrDefaultAsync(cancellationToken) is { } owner)
        {
            // Sent twice: the meeting exists. An id that belongs to another child's meeting finds nothing here.
            return owner == childId ? meetingId : null;
        }

        var meeting = schedule(child, clock.GetUtcNow());
        db.NetworkMeetings.Add(meeting);
        await notices.QueueFamilyAsync(meeting, child.Id, child.Name, child.YouthUserId, FamilyNotice.Scheduled, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return meeting.Id;
    }
}

public sealed record MeetingView(Child Child, NetworkMeeting Meeting);

public sealed record MeetingChange(bool Succeeded, bool WasNotFound, bool WasChangedMeanwhile, DomainException? Refusal)
{
    public static MeetingChange Done { get; } = new(true, false, false, null);

    public static MeetingChange NotFound { get; } = new(false, true, false, null);

    public static MeetingChange ChangedMeanwhile { get; } = new(false, false, true, null);

    public static MeetingChange Refused(DomainException exception) => new(false, false, false, exception);
}
